"""The MkDocs engine (MkDocs 1.6 + Material), the only module that imports MkDocs: strict builds (an
unresolved link or anchor fails them), dirty (incremental) builds over a hard-linked copy of the live
site (see generator/publish/incremental.py), and the live-reloading preview server of `briefs serve`,
which indexes each preview with Pagefind (generator/publish/serve_hook.py). Material's own (lunr) search
is never built: every site searches with Pagefind."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError
from generator.publish import incremental as incremental_publish

# Run by MkDocs after each build of `briefs serve`: writes the Pagefind index into the preview.
SERVE_HOOK = Path(__file__).with_name("serve_hook.py")


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
        _without_material_search(cfg)
        key = incremental_publish.build_key(cfg, docs_dir, config_file, False)
        dirty = incremental and incremental_publish.read_stamp(site_dir) == key
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


def _without_material_search(cfg: Any) -> None:
    """Switch off Material's search plugin if a configuration lists it: its lunr index is one file every
    page downloads whole (70 % of a page's bytes on the demo); Pagefind is the site's search."""
    plugin = cfg.plugins.get("material/search") or cfg.plugins.get("search")
    if plugin is not None and "enabled" in plugin.config:
        plugin.config["enabled"] = False


def serve(docs_dir: Path, config_file: Path, dev_addr: str = "127.0.0.1:8000") -> None:
    """Serve `docs_dir` with MkDocs' live-reloading server on 127.0.0.1 (blocks until interrupted); after
    each build the preview is indexed by Pagefind, so its search page works as on a built site."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    mkdocs_serve(str(config_file), livereload=True, dev_addr=dev_addr, docs_dir=str(docs_dir.resolve()),
                 hooks=[str(SERVE_HOOK)])
