"""Incremental publishing: rebuild only the pages whose Markdown changed, over a hard-linked copy of the site.

How it stays atomic: the staging folder starts as a hard-linked copy of the live site, so every file in it
shares its inode with the live file. MkDocs (`open(..., "wb")`, `shutil.copyfile`) and Pagefind write into
existing files in place, which through a hard link would change the LIVE site. So before the dirty build
every staging file that anything may write is unlinked (the live file keeps its inode and bytes):

- outputs that MkDocs' own dirty predicate (`File.is_modified`: destination older than source) would
  rewrite; ties count as stale here too, so a page written in the same clock tick is rebuilt;
- every file that is not the destination of a current docs or theme file: pages of deleted Markdown,
  404.html, sitemap.xml(.gz), search/search_index.json, tags.json, the stamp, and the pagefind/ folder;
  MkDocs and Pagefind write these fresh.

After the build, `shared_file_written` checks that no file still shared with the live site has a
modification time from this build; `publish` then falls back to a full build (which also repairs).

The stamp is a hidden file inside the site (`.briefs-publish.json`): MkDocs never copies or cleans hidden
files and Pagefind only reads HTML, and it moves with the site in the atomic swap, so it always describes
the site beside it. It holds one hash of mkdocs.yml, the theme's custom_dir (overrides/), the versions of
the publishing packages, the docs_dir path and whether Material's search was on. Any difference, or no
stamp, means a full build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

STAMP_NAME = ".briefs-publish.json"
STAMP_FORMAT = 1
_PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "pagefind",
             "pagefind_bin")


class DropDirtyWarning(logging.Filter):
    """Drops MkDocs' "A 'dirty' build is being performed" warning, which would abort a strict build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def _tree_digest(folder: Path | None) -> str:
    """sha256 over the relative paths and contents of every file below `folder` ("" if none)."""
    if folder is None or not folder.is_dir():
        return ""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def current_umask() -> int:
    """The process's umask (os.umask can only be read by setting it; it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def build_key(cfg: Any, docs_dir: Path, config_file: Path, material_search: bool) -> str:
    """The hash a stamp must match for an incremental build to give the same site as a full one."""
    custom_dir = cfg.theme.custom_dir
    parts = {
        "format": STAMP_FORMAT,
        "python": sys.version,
        "config": hashlib.sha256(config_file.read_bytes()).hexdigest(),
        "custom_dir": [str(custom_dir), _tree_digest(Path(custom_dir) if custom_dir else None)],
        "versions": {name: _version(name) for name in _PACKAGES},
        "docs_dir": str(docs_dir.resolve()),
        "material_search": material_search,
        "umask": current_umask(),  # files hard-linked from the previous site keep its modes
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def read_stamp(site_dir: Path) -> str | None:
    """The key stored in the site's stamp, or None if there is no readable stamp."""
    try:
        stored = json.loads((site_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    key = stored.get("key") if isinstance(stored, dict) else None
    return key if isinstance(key, str) else None


def write_stamp(site_dir: Path, key: str) -> None:
    """Write the stamp as a new file (never through a hard link shared with the live site)."""
    path = site_dir / STAMP_NAME
    path.unlink(missing_ok=True)
    path.write_text(json.dumps({"format": STAMP_FORMAT, "key": key}) + "\n", encoding="utf-8")


def _stale(dest: str, src: str | None) -> bool:
    """True if MkDocs may write `dest` on a dirty build: no source to compare, or not newer than it."""
    if src is None:
        return True
    try:
        return os.stat(dest).st_mtime_ns <= os.stat(src).st_mtime_ns
    except FileNotFoundError:
        return True


def prepare_staging(site_dir: Path, staging: Path, files: Iterable[Any]) -> int:
    """Hard-link the live site into `staging` and unlink every file a dirty build may write; return how
    many outputs will be rebuilt. `files` are MkDocs' File objects of the docs and the theme, with their
    destinations in `staging` (generator/publish/mkdocs.py collects them)."""
    shutil.copytree(site_dir, staging, copy_function=os.link, dirs_exist_ok=True)
    keep, rebuilt = set(), 0
    for file in files:
        if not file.inclusion.is_included():
            continue
        dest = file.abs_dest_path
        if _stale(dest, file.abs_src_path if file._content is None else None):
            rebuilt += os.path.isfile(dest) and file.is_documentation_page()
        else:
            keep.add(os.path.normpath(dest))
    shutil.rmtree(staging / "pagefind", ignore_errors=True)
    for path in sorted(staging.rglob("*"), reverse=True):
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif str(path) not in keep:
            path.unlink()
    return rebuilt


def shared_file_written(staging: Path, since_ns: int) -> list[str]:
    """Files of `staging` still hard-linked elsewhere (the live site) yet modified at or after `since_ns`:
    a write through a link that changed the live site too. Empty when the build kept its promise."""
    written = []
    for root, _dirs, names in os.walk(staging):
        for name in names:
            info = os.lstat(os.path.join(root, name))
            if info.st_nlink > 1 and info.st_mtime_ns >= since_ns:
                written.append(os.path.relpath(os.path.join(root, name), staging))
    return written
