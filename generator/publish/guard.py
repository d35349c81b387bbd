"""What a build may publish into, and one build at a time per site.

A build replaces its whole --site folder, so the folder must be one that a previous build wrote (it
holds the stamp file SITE_STAMP) or an empty or absent one. The project, content/, templates/, the
generated Markdown, the cache, the current folder, any folder that holds one of them, / and the home
folder are refused outright, and so is a path that is a file. The check only reads: a refused build
writes nothing.

Each build into a site holds an exclusive fcntl.flock on `.<site>.lock` beside it (taken before the
Markdown is generated, released and deleted when the build ends; the kernel releases it when the build
is killed). A second build into the same site is refused while the lock is held. Holding the lock also
proves that every `.<site>-new-*` / `.<site>-old-*` entry beside the site belongs to a dead build, so
they can be deleted.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import GeneratorError

SITE_STAMP = ".briefs-site"
# Sites published before SITE_STAMP existed carry the incremental-publish stamp: they count as built too.
_LEGACY_STAMP = ".briefs-publish.json"
_STAMP_TEXT = "This folder was written by `briefs build`; the next build replaces all of it.\n"
_HINT = "choose an empty or new folder for --site"

# (label, path, also refuse a site inside it)
Guarded = tuple[str, Path, bool]


def _refuse(shown: Path, what: str) -> GeneratorError:
    return GeneratorError(f"refusing to publish into {what}", shown, hint=_HINT)


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError):
        return None


def _current() -> list[Guarded]:
    try:
        return [("current", Path.cwd(), False)]
    except OSError:  # the current folder was deleted
        return []


def check_site(site: Path, guarded: Iterable[Guarded], shown: Path | None = None) -> None:
    """Raise GeneratorError unless `site` may be replaced by a build (see the module docstring)."""
    shown = site if shown is None else shown
    target = site.resolve()
    if target == Path(target.anchor):
        raise _refuse(shown, "the root folder")
    if target == _home():
        raise _refuse(shown, "the home folder")
    for label, folder, no_inside in [*guarded, *_current()]:
        folder = folder.resolve()
        if target == folder:
            raise _refuse(shown, f"the {label} folder")
        if target in folder.parents:
            raise _refuse(shown, f"a folder that holds the {label} folder")
        if no_inside and folder in target.parents:
            raise _refuse(shown, f"a folder inside the {label} folder")
    if target.exists() and not target.is_dir():
        raise _refuse(shown, "a file")
    if target.is_dir() and not is_built_site(target) and any(target.iterdir()):
        raise _refuse(shown, f"a non-empty folder without the {SITE_STAMP} stamp of a build")


def is_built_site(folder: Path) -> bool:
    """True if `folder` holds the stamp a build writes into every site."""
    return any((folder / name).is_file() for name in (SITE_STAMP, _LEGACY_STAMP))


def write_site_stamp(folder: Path) -> None:
    """Write the stamp as a new file (never through a hard link shared with the live site)."""
    path = folder / SITE_STAMP
    path.unlink(missing_ok=True)
    path.write_text(_STAMP_TEXT, encoding="utf-8")


def lock_path(site: Path) -> Path:
    """The lock file of a site: `.<name>.lock` beside it."""
    site = site.resolve()
    return site.parent / f".{site.name}.lock"


_held: dict[Path, int] = {}  # lock path -> nesting depth in this process (build() holds it for publish())


@contextmanager
def site_lock(site: Path, shown: Path | None = None) -> Iterator[None]:
    """Hold the site's lock for the block; raise GeneratorError at once if another build holds it."""
    path = lock_path(site)
    if path in _held:
        _held[path] += 1
        try:
            yield
        finally:
            _held[path] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = _acquire(path, site if shown is None else shown)
    _held[path] = 1
    try:
        yield
    finally:
        del _held[path]
        try:
            path.unlink(missing_ok=True)  # before unlocking: a waiter then sees a stale inode and retries
        finally:
            os.close(fd)


def _acquire(path: Path, shown: Path) -> int:
    """Open and flock `path`; retry when the file was deleted (by its last holder) in between."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise GeneratorError("another build is publishing into this folder", shown,
                                 hint=f"wait for it to finish; its lock is {path.name}") from None
        except BaseException:
            os.close(fd)
            raise
        try:
            current = os.stat(path).st_ino
        except FileNotFoundError:
            current = None
        if current == os.fstat(fd).st_ino:
            return fd
        os.close(fd)
