"""The only code that touches MkDocs: builds the generated Markdown into a site and swaps it in atomically."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from generator.errors import GeneratorError


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
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        _build(docs_dir.resolve(), staging, config_file.resolve())
        _swap(staging, site_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, site_dir: Path) -> None:
    """Rename the old site away, the new one in, then delete the old one."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
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
