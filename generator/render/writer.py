"""The only code that writes files: empties the output folder and writes the rendered site into it."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.config import TUNING
from generator.errors import GeneratorError
from generator.pages.escape import inside, printable

# Longest file or folder name written, in bytes: file systems allow 255, MkDocs adds nothing to a
# folder name (sources/<id>/index.html), and staying well below leaves room for `.tmp` names.
MAX_NAME_BYTES = TUNING.max_name_bytes

# An output folder holding any of these is a project, not generated output: never empty it.
_PROTECTED = (".git", "mkdocs.yml", "pyproject.toml", "generator")


def empty_dir(out_dir: Path) -> None:
    """Create `out_dir` or remove everything inside it; refuse folders that look like a project."""
    if out_dir.resolve() in {Path("/"), Path.home().resolve()}:
        raise GeneratorError(f"refusing to empty {out_dir}", hint="choose a dedicated output folder")
    if out_dir.exists():
        if not out_dir.is_dir():
            raise GeneratorError(f"{out_dir} exists and is not a folder")
        if any((out_dir / name).exists() for name in _PROTECTED):
            raise GeneratorError(
                f"refusing to empty {out_dir}: it looks like a project folder",
                hint="choose a dedicated output folder",
            )
        for child in sorted(out_dir.iterdir()):
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    out_dir.mkdir(parents=True, exist_ok=True)


class Kept:
    """Marks a file to leave as it is in the output folder (its content is known to be current)."""


KEPT = Kept()


def reusable_dir(out_dir: Path) -> bool:
    """True if files already in `out_dir` may be kept (write_site will not empty it first)."""
    return out_dir.is_dir() and not any((out_dir / name).exists() for name in _PROTECTED)


def write_site(out_dir: Path, files: dict[str, str | Kept]) -> list[Path]:
    """Make `out_dir` hold exactly `files` (relative path -> text, or KEPT for a file already there):
    unchanged files are not rewritten, stale ones are removed, so a watcher (make serve) sees only real
    changes. Returns the paths, sorted. A path with a file or folder name longer than MAX_NAME_BYTES
    is refused before anything is written."""
    for relative in files:
        check_name_lengths(out_dir, relative)
    targets = {relative: inside(out_dir, relative) for relative in files}
    if not reusable_dir(out_dir):
        if any(isinstance(text, Kept) for text in files.values()):
            raise GeneratorError(f"cannot keep files in {out_dir}: it is about to be emptied")
        empty_dir(out_dir)
    wanted = set(targets.values())
    for old in sorted(out_dir.resolve().rglob("*"), reverse=True):
        if old.is_file() and old not in wanted or old.is_symlink():
            old.unlink()
        elif old.is_dir() and not any(old.iterdir()):
            old.rmdir()
    written = []
    for relative in sorted(files):
        target = targets[relative]
        text = files[relative]
        if isinstance(text, Kept):
            if not target.is_file():
                raise GeneratorError(f"{target} was to be kept but is missing",
                                     hint="delete the folder and rebuild")
            written.append(target)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        data = printable(text).encode("utf-8")
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
        written.append(target)
    return written


def check_name_lengths(out_dir: Path, relative: str) -> None:
    """Raise GeneratorError if a file or folder name of `relative` is longer than MAX_NAME_BYTES."""
    for name in relative.split("/"):
        size = len(name.encode("utf-8", "surrogatepass"))
        if size > MAX_NAME_BYTES:
            shown = relative if len(relative) <= 120 else relative[:100] + "…"
            raise GeneratorError(
                f"refusing to write {shown}: a file or folder name is {size} bytes long "
                f"(at most {MAX_NAME_BYTES})", out_dir,
                hint="shorten the article's file name or the names of its folders")
