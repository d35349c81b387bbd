"""The only code that touches the publishing engine: MkDocs builds, Pagefind indexes, the site swaps in."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError

# Above this many Markdown pages Material's search (one lunr index, downloaded whole on the first
# search) is switched off and the header opens the Pagefind search page instead. mkdocs.yml can set
# it as extra.briefs.material_search_max_pages.
MATERIAL_SEARCH_MAX_PAGES = 300
PAGEFIND = (sys.executable, "-m", "pagefind")
PAGEFIND_TIMEOUT_SECONDS = 1800
# Inside the indexed article body: heading permalinks ("¶") and Material's tag chips are not content.
PAGEFIND_EXCLUDE = ".headerlink, .md-tags"
_KEPT = "the previous site is unchanged; is pagefind[bin] installed?"


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so a failed strict build can say what went wrong."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _build(docs_dir: Path, site_dir: Path, config_file: Path) -> None:
    from mkdocs import config as mkdocs_config
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        cfg = mkdocs_config.load_config(
            str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True
        )
        _choose_search(cfg, docs_dir, config_file)
        mkdocs_build.build(cfg)
    except (MkDocsException, OSError, SystemExit) as error:
        first = handler.messages[0].splitlines()[0] if handler.messages else str(error)
        raise GeneratorError(
            f"MkDocs build failed: {first}",
            config_file,
            hint=f"{len(handler.messages)} warning(s); the previous site is unchanged",
        ) from error
    finally:
        logger.removeHandler(handler)


def publish(docs_dir: Path, site_dir: Path, config_file: Path) -> None:
    """Build `docs_dir` with MkDocs (strict) beside `site_dir` and swap it in; on failure keep the old one."""
    if not config_file.is_file():
        raise GeneratorError("MkDocs configuration not found", config_file)
    if not docs_dir.is_dir():
        raise GeneratorError(
            "generated Markdown folder not found", docs_dir, hint="run the render stage first"
        )
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-{os.getpid()}-", dir=site_dir.parent))
    try:
        _build(docs_dir.resolve(), staging, config_file.resolve())
        index_site(staging)
        _swap(staging, site_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    _remove_stale(site_dir)


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


def _choose_search(cfg: Any, docs_dir: Path, config_file: Path) -> None:
    """Switch Material's search off when the site has more pages than its limit."""
    plugin = cfg.plugins.get("material/search") or cfg.plugins.get("search")
    if plugin is None or "enabled" not in plugin.config:
        return
    pages = sum(1 for _ in docs_dir.rglob("*.md"))
    if pages > material_search_max_pages(cfg.get("extra"), config_file):
        plugin.config["enabled"] = False


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
