"""What a build may publish into, and one build at a time per site.

A build replaces its whole --site folder, so the folder must be one that a previous build wrote (it
holds the stamp file SITE_STAMP) or an empty or absent one. The project, content/, templates/, the
generated Markdown, the cache, the current folder, any folder that holds one of them, / and the home
folder are refused outright, and so is a path that is a file. The check only reads: a refused build
writes nothing. The work folder of a build (generated Markdown, caches; see generator/builder.py) is
checked the same way, with its own stamp WORK_STAMP.

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
# The work folder of a build (generated Markdown, caches) carries its own stamp.
WORK_STAMP = ".briefs-work"
_WORK_STAMP_TEXT = "This folder holds the work files of `briefs build` (generated Markdown, caches).\n"
_WORK_HINT = "choose an empty or new folder for --work"

# (label, path, also refuse a site inside it)
Guarded = tuple[str, Path, bool]


def _refuse(shown: Path, what: str, work: bool = False) -> GeneratorError:
    if work:
        return GeneratorError(f"refusing to keep the work files in {what}", shown, hint=_WORK_HINT)
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
    _check(site, guarded, site if shown is None else shown, work=False)


def check_work(work: Path, guarded: Iterable[Guarded], shown: Path | None = None) -> None:
    """Raise GeneratorError unless `work` may hold a build's work files: the folders a site may not be
    are refused, and an existing non-empty folder must hold WORK_STAMP (see write_work_stamp)."""
    _check(work, guarded, work if shown is None else shown, work=True)


def _check(folder: Path, guarded: Iterable[Guarded], shown: Path, *, work: bool) -> None:
    target = folder.resolve()
    if target == Path(target.anchor):
        raise _refuse(shown, "the root folder", work)
    if target == _home():
        raise _refuse(shown, "the home folder", work)
    for label, kept, no_inside in [*guarded, *_current()]:
        kept = kept.resolve()
        if target == kept:
            raise _refuse(shown, f"the {label} folder", work)
        if target in kept.parents:
            raise _refuse(shown, f"a folder that holds the {label} folder", work)
        if no_inside and kept in target.parents:
            raise _refuse(shown, f"a folder inside the {label} folder", work)
    if target.exists() and not target.is_dir():
        raise _refuse(shown, "a file", work)
    stamp = WORK_STAMP if work else SITE_STAMP
    stamped = (target / WORK_STAMP).is_file() if work else is_built_site(target)
    if target.is_dir() and not stamped and any(target.iterdir()):
        raise _refuse(shown, f"a non-empty folder without the {stamp} stamp of a build", work)


def is_built_site(folder: Path) -> bool:
    """True if `folder` holds the stamp a build writes into every site."""
    return any((folder / name).is_file() for name in (SITE_STAMP, _LEGACY_STAMP))


def write_site_stamp(folder: Path) -> None:
    """Write the stamp as a new file (never through a hard link shared with the live site)."""
    path = folder / SITE_STAMP
    path.unlink(missing_ok=True)
    path.write_text(_STAMP_TEXT, encoding="utf-8")


def write_work_stamp(folder: Path) -> None:
    """Create the work folder if needed and mark it as one (check_work accepts it from then on)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / WORK_STAMP).is_file():
        (folder / WORK_STAMP).write_text(_WORK_STAMP_TEXT, encoding="utf-8")


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
