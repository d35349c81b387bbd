"""The MkDocs engine (MkDocs 1.6 + Material), the only module that imports MkDocs: strict builds (an
unresolved link or anchor fails them), dirty (incremental) builds over a hard-linked copy of the live
site (see generator/publish/incremental.py), Material's lunr search on small sites, and the
live-reloading preview server of `briefs serve`."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.config import TUNING
from generator.errors import GeneratorError
from generator.publish import incremental as incremental_publish

# Above this many Markdown pages Material's search (one lunr index, downloaded whole on the first
# search) is switched off and the header opens the Pagefind search page instead. mkdocs.yml can set
# it as extra.briefs.material_search_max_pages.
MATERIAL_SEARCH_MAX_PAGES = TUNING.material_search_max_pages


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so a failed strict build can say what went wrong."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build(docs_dir: Path, site_dir: Path, staging: Path, config_file: Path, incremental: bool) -> bool:
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
    from mkdocs.structure.files import get_files

    try:
        files = get_files(cfg)
        files.add_files_from_theme(cfg.theme.get_env(), cfg)
        incremental_publish.prepare_staging(site_dir, staging, files)
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


def serve(docs_dir: Path, config_file: Path, dev_addr: str = "127.0.0.1:8000") -> None:
    """Serve `docs_dir` with MkDocs' live-reloading server on 127.0.0.1 (blocks until interrupted)."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    mkdocs_serve(str(config_file), livereload=True, dev_addr=dev_addr, docs_dir=str(docs_dir.resolve()))
