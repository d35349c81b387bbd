"""The only code that touches the publishing engine: MkDocs builds, Pagefind indexes, the site swaps in."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator import publish_incremental as incremental_publish
from generator.errors import GeneratorError

# Above this many Markdown pages Material's search (one lunr index, downloaded whole on the first
# search) is switched off and the header opens the Pagefind search page instead. mkdocs.yml can set
# it as extra.briefs.material_search_max_pages.
MATERIAL_SEARCH_MAX_PAGES = 300
PAGEFIND = (sys.executable, "-m", "pagefind")
PAGEFIND_TIMEOUT_SECONDS = 1800
# Inside the indexed article body: heading permalinks ("¶") and Material's tag chips are not content,
# and lists of facts repeat sentences that are indexed once, on their source page (where a result
# leads to the sentence itself): a brief, profile or sector map is found by its title, names, figures
# and headings. This halves indexing time and the index.
PAGEFIND_EXCLUDE = ".headerlink, .md-tags, .briefs-facts"
_KEPT = "the previous site is unchanged; is pagefind[bin] installed?"


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so a failed strict build can say what went wrong."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _build(docs_dir: Path, site_dir: Path, staging: Path, config_file: Path, incremental: bool) -> bool:
    """Build `docs_dir` into `staging` (strict); incrementally over the live site when its stamp allows.
    Return True if the build was incremental."""
    from mkdocs import config as mkdocs_config
    from mkdocs.exceptions import MkDocsException

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        cfg = mkdocs_config.load_config(
            str(config_file), docs_dir=str(docs_dir), site_dir=str(staging), strict=True
        )
        searching = _choose_search(cfg, docs_dir, config_file)
        key = incremental_publish.build_key(cfg, docs_dir, config_file, searching)
        dirty = incremental and not searching and incremental_publish.read_stamp(site_dir) == key
        if dirty:
            dirty = _link_previous(site_dir, staging, cfg)
        _run_mkdocs(cfg, dirty)
        incremental_publish.write_stamp(staging, key)
        return dirty
    except (MkDocsException, OSError, SystemExit) as error:
        first = handler.messages[0].splitlines()[0] if handler.messages else str(error)
        raise GeneratorError(
            f"MkDocs build failed: {first}",
            config_file,
            hint=f"{len(handler.messages)} warning(s); the previous site is unchanged",
        ) from error
    finally:
        logger.removeHandler(handler)


def _link_previous(site_dir: Path, staging: Path, cfg: Any) -> bool:
    """Fill `staging` with the reusable files of the live site (hard links); False if that failed."""
    try:
        incremental_publish.prepare_staging(site_dir, staging, cfg)
    except OSError as error:  # e.g. a file system without hard links: build everything
        logging.getLogger(__name__).info("incremental publish not possible (%s); full build", error)
        _empty(staging)
        return False
    return True


def _empty(folder: Path) -> None:
    """Remove everything inside `folder` (unlinking, so hard-linked live files are untouched)."""
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def _run_mkdocs(cfg: Any, dirty: bool) -> None:
    """mkdocs build; on a dirty build without its "dirty build" warning (strict mode would abort)."""
    from mkdocs.commands import build as mkdocs_build

    quiet = incremental_publish.DropDirtyWarning()
    build_logger = logging.getLogger("mkdocs.commands.build")
    build_logger.addFilter(quiet)
    try:
        mkdocs_build.build(cfg, dirty=dirty)
    finally:
        build_logger.removeFilter(quiet)


def publish(docs_dir: Path, site_dir: Path, config_file: Path, *, incremental: bool = True) -> bool:
    """Build `docs_dir` with MkDocs (strict) beside `site_dir` and swap it in; on failure keep the old one.

    With `incremental`, only pages whose Markdown changed are rebuilt when the site's stamp matches (see
    generator/publish_incremental.py); returns True if the publish was incremental."""
    if not config_file.is_file():
        raise GeneratorError("MkDocs configuration not found", config_file)
    if not docs_dir.is_dir():
        raise GeneratorError(
            "generated Markdown folder not found", docs_dir, hint="run the render stage first"
        )
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    done = _publish_once(docs_dir.resolve(), site_dir, config_file.resolve(), incremental)
    if done is None:  # the incremental build wrote through a hard link: rebuild all, which also repairs
        done = _publish_once(docs_dir.resolve(), site_dir, config_file.resolve(), False)
    _remove_stale(site_dir)
    return bool(done)


def _publish_once(docs_dir: Path, site_dir: Path, config_file: Path, incremental: bool) -> bool | None:
    """Build into a fresh staging folder, index and swap it in; None if an incremental build needs redoing."""
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-{os.getpid()}-", dir=site_dir.parent))
    try:
        started = time.time_ns()
        dirty = _build(docs_dir, site_dir, staging, config_file, incremental)
        index_site(staging)
        if dirty and incremental_publish.shared_file_written(staging, started):
            logging.getLogger(__name__).warning("incremental publish wrote a shared file; full rebuild")
            return None
        _swap(staging, site_dir)
        return dirty
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _remove_stale(site_dir: Path) -> None:
    """Delete staging and old-site folders that killed builds left beside site_dir (not running ones)."""
    pattern = re.compile(rf"\.{re.escape(site_dir.name)}-(?:new|old)-(?:(\d+)-)?")
    for entry in site_dir.parent.iterdir():
        match = pattern.match(entry.name)
        if match and entry.is_dir() and not _running(int(match[1] or 0)):
            shutil.rmtree(entry, ignore_errors=True)


def _running(pid: int) -> bool:
    """True if another live process has this id (its build may still use its folder)."""
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def material_search_max_pages(extra: Any, config_file: Path) -> int:
    """Return extra.briefs.material_search_max_pages of mkdocs.yml, or the default; reject non-integers."""
    briefs = extra.get("briefs") if isinstance(extra, Mapping) else None
    value = briefs.get("material_search_max_pages") if isinstance(briefs, Mapping) else None
    if value is None:
        return MATERIAL_SEARCH_MAX_PAGES
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise GeneratorError(
            f"extra.briefs.material_search_max_pages must be a whole number >= 0, not {value!r}", config_file
        )
    return value


def _choose_search(cfg: Any, docs_dir: Path, config_file: Path) -> bool:
    """Switch Material's search off when the site has more pages than its limit; return True if it is on."""
    plugin = cfg.plugins.get("material/search") or cfg.plugins.get("search")
    if plugin is None or "enabled" not in plugin.config:
        return plugin is not None
    pages = sum(1 for _ in docs_dir.rglob("*.md"))
    if pages > material_search_max_pages(cfg.get("extra"), config_file):
        plugin.config["enabled"] = False
    return bool(plugin.config["enabled"])


def index_site(site_dir: Path) -> None:
    """Run Pagefind over a built site (writes site_dir/pagefind/); raise GeneratorError if it fails."""
    command = [*PAGEFIND, "--site", str(site_dir), "--exclude-selectors", PAGEFIND_EXCLUDE, "--silent"]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=PAGEFIND_TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise GeneratorError(f"Pagefind indexing failed: {first}", hint=_KEPT) from error
    if done.returncode != 0 or not (site_dir / "pagefind" / "pagefind-ui.js").is_file():
        lines = [line.strip() for line in (done.stderr + "\n" + done.stdout).splitlines() if line.strip()]
        first = lines[0] if lines else f"exit status {done.returncode}, no pagefind/ bundle written"
        raise GeneratorError(f"Pagefind indexing failed: {first}", hint=_KEPT)


def _swap(staging: Path, site_dir: Path) -> None:
    """Rename the old site away, the new one in, then delete the old one."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-{os.getpid()}-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    try:
        staging.rename(site_dir)
    except OSError as error:
        if old is not None:
            old.rename(site_dir)
        raise GeneratorError(f"could not move the new site into place: {error}", site_dir) from error
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def serve_site(docs_dir: Path, config_file: Path, dev_addr: str = "127.0.0.1:8000") -> None:
    """Serve `docs_dir` with MkDocs' live-reloading server on 127.0.0.1 (blocks until interrupted)."""
    from mkdocs.commands.serve import serve

    serve(str(config_file), livereload=True, dev_addr=dev_addr, docs_dir=str(docs_dir.resolve()))
