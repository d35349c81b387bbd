"""Publishing under attack (issue 10): what --site may be, a broken search index, the disk, the site's
mode, a deterministic Pagefind bundle, leftovers of dead builds and one build at a time."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
from collections import namedtuple
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.builder import Paths, generate
from generator.errors import GeneratorError
from generator.publish import site as publish_module
from generator.publish.guard import SITE_STAMP, check_site, lock_path
from generator.publish.site import check_free_space, publish
from tests.test_errors import make_project, run

HINT = "(choose an empty or new folder for --site)"
KEPT = "(is the disk full? the previous site is unchanged)"


def tree(folder: Path) -> dict[str, str]:
    """relative path -> sha256 of each file, "dir" for folders, "-> target" for links (not followed)."""
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            relative = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[relative] = f"-> {os.readlink(path)}"
            elif path.is_dir():
                found[relative] = "dir"
            else:
                found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def leftovers(folder: Path) -> list[str]:
    """Staging folders, old sites and locks beside a site (its work folder .site.work stays)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site") and p.name != ".site.work")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Paths:
    """A one-article project with its Markdown generated (nothing published)."""
    project = make_project(tmp_path_factory.mktemp("attack"))
    paths = Paths(content=project / "content", templates=project / "templates", site=project / "site",
                  config=project / "mkdocs.yml", generated=project / "generated", cache=None)
    generate(paths)
    return paths


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """A project never built, inside tmp_path, with a .git folder, an unrelated folder and a file."""
    project = make_project(tmp_path / "proj")
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (project / "notes").mkdir()
    (project / "notes" / "todo.txt").write_text("keep me\n", encoding="utf-8")
    (project / "afile").write_text("a file, not a site\n", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("beside the project\n", encoding="utf-8")
    return project


# --- 1. output guard ----------------------------------------------------------------------------

REFUSED = {
    ".": "the project folder",
    "..": "a folder that holds the project folder",
    "content": "the content folder",
    "content/sources": "a folder inside the content folder",
    "templates": "the templates folder",
    "notes": f"a non-empty folder without the {SITE_STAMP} stamp of a build",
    "afile": "a file",
}


@pytest.mark.parametrize("site", sorted(REFUSED))
def test_build_refuses_an_unsafe_site_and_touches_nothing(fresh: Path, site: str) -> None:
    before = tree(fresh.parent)
    code, err = run(fresh, "build", "-j", "1", "--site", site)
    assert (code, err) == (1, f"{site}: refusing to publish into {REFUSED[site]} {HINT}\n")
    assert tree(fresh.parent) == before  # .git, content, notes/todo.txt ... and no generated/, no lock
    assert (fresh / ".git" / "HEAD").is_file() and not (fresh / ".site.work").exists()


@pytest.mark.parametrize(("site", "what"), [("/", "the root folder"), ("~", "the home folder")])
def test_root_and_home_are_refused(site: str, what: str) -> None:
    target = Path(site).expanduser()
    with pytest.raises(GeneratorError) as caught:
        check_site(target, [])
    assert str(caught.value) == f"{target}: refusing to publish into {what} {HINT}"


def test_publish_refuses_the_project_the_markdown_and_unknown_folders(built: Paths, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "sentinel.txt").write_text("mine\n", encoding="utf-8")
    afile = tmp_path / "site"
    afile.write_text("not a folder\n", encoding="utf-8")
    project = built.config.parent
    before = tree(project), tree(tmp_path)
    for site, what in [(project, "the project folder"), (built.generated, "the generated folder"),
                       (project.parent, "a folder that holds the project folder"),
                       (other, f"a non-empty folder without the {SITE_STAMP} stamp of a build"),
                       (afile, "a file")]:
        with pytest.raises(GeneratorError) as caught:
            publish(built.generated, site, built.config)
        assert str(caught.value) == f"{site}: refusing to publish into {what} {HINT}"
    assert (tree(project), tree(tmp_path)) == before


def test_empty_new_and_stamped_folders_are_accepted(fresh: Path) -> None:
    (fresh / "empty").mkdir()
    assert run(fresh, "build", "-j", "1", "--site", "empty")[0] == 0
    assert (fresh / "empty" / SITE_STAMP).is_file() and (fresh / "empty" / "index.html").is_file()
    assert run(fresh, "build", "-j", "1", "--site", "empty")[0] == 0  # its own stamp: rebuilt
    assert run(fresh, "build", "-j", "1", "--site", "out/new/site")[0] == 0
    assert (fresh / "out" / "new" / "site" / SITE_STAMP).is_file()
    assert leftovers(fresh) == [] and leftovers(fresh / "out" / "new") == []
    legacy = fresh / "legacy"  # a site of the previous version: only the incremental stamp
    legacy.mkdir()
    (legacy / ".briefs-publish.json").write_text("{}\n", encoding="utf-8")
    (legacy / "index.html").write_text("old\n", encoding="utf-8")
    check_site(legacy, [])


# --- 2. the search index and the disk are checked before the swap --------------------------------

def _first(bundle: Path, pattern: str) -> Path:
    return sorted(bundle.glob(pattern))[0]


def _empty(bundle: Path) -> str:
    path = _first(bundle, "fragment/*.pf_fragment")
    path.write_bytes(b"")
    return f"pagefind/{path.relative_to(bundle).as_posix()} is empty"


def _truncate(bundle: Path) -> str:
    path = _first(bundle, "index/*.pf_index")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return f"pagefind/{path.relative_to(bundle).as_posix()} is truncated or damaged"


def _bad_entry(bundle: Path) -> str:
    (bundle / "pagefind-entry.json").write_text('{"version": "1.5', encoding="utf-8")
    return "pagefind/pagefind-entry.json cannot be read (JSONDecodeError)"


def _no_meta(bundle: Path) -> str:
    path = _first(bundle, "*.pf_meta")
    path.unlink()
    return f"pagefind/{path.name} is missing"


def _no_fragment(bundle: Path) -> str:
    path = _first(bundle, "fragment/*.pf_fragment")
    path.unlink()
    return f"pagefind/{path.relative_to(bundle).as_posix()} is missing"


@pytest.mark.parametrize("damage", [_empty, _truncate, _bad_entry, _no_meta, _no_fragment], ids=[
    "empty-file", "truncated-file", "broken-entry", "missing-meta", "missing-fragment"])
def test_broken_search_index_keeps_the_previous_site(
    built: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: Callable[[Path], str]
) -> None:
    site = tmp_path / "site"
    publish(built.generated, site, built.config)
    before = tree(site)
    real_index = publish_module.index_site
    said: list[str] = []

    def index_then_damage(staging: Path) -> None:  # Pagefind "succeeds" but leaves a broken bundle
        real_index(staging)
        said.append(damage(staging / "pagefind"))

    monkeypatch.setattr(publish_module, "index_site", index_then_damage)
    with pytest.raises(GeneratorError) as caught:
        publish(built.generated, site, built.config)
    assert str(caught.value) == f"{site}: the search index is incomplete: {said[0]} {KEPT}"
    assert tree(site) == before
    assert leftovers(tmp_path) == []


Usage = namedtuple("Usage", "total used free")
MB = 1024 * 1024


def test_nearly_full_disk_keeps_the_previous_site(
    built: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    publish(built.generated, site, built.config)
    before = tree(site)
    monkeypatch.setattr(shutil, "disk_usage", lambda path: Usage(100_000 * MB, 99_990 * MB, 10 * MB))
    with pytest.raises(GeneratorError) as caught:
        publish(built.generated, site, built.config)
    assert str(caught.value) == (f"{site}: only 10 MB free on its disk, at least 50 MB must stay free "
                                 "(free some space and build again; the previous site is unchanged)")
    assert tree(site) == before and leftovers(tmp_path) == []


def test_free_space_margin_is_the_smaller_of_50_mb_and_one_percent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for total, free, ok in [(100_000 * MB, 50 * MB, True), (100_000 * MB, 50 * MB - 1, False),
                            (1000 * MB, 10 * MB, True), (1000 * MB, 10 * MB - 1, False)]:
        monkeypatch.setattr(shutil, "disk_usage", lambda path, t=total, f=free: Usage(t, t - f, f))
        if ok:
            check_free_space(tmp_path / "site", Path("site"))
        else:
            with pytest.raises(GeneratorError, match="must stay free"):
                check_free_space(tmp_path / "site", Path("site"))


# --- 3. the site gets the umask's mode ----------------------------------------------------------

@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    saved = os.umask(0o022)
    os.umask(saved)
    yield os.umask
    os.umask(saved)


def test_site_folder_has_the_mode_of_the_umask(
    built: Paths, tmp_path: Path, umask: Callable[[int], None]
) -> None:
    site = tmp_path / "site"
    umask(0o027)
    publish(built.generated, site, built.config)
    assert site.stat().st_mode & 0o777 == 0o750
    umask(0o022)
    publish(built.generated, site, built.config)
    assert site.stat().st_mode & 0o777 == 0o755
    assert (site / "index.html").stat().st_mode & 0o777 == 0o644


# --- 4. determinism -----------------------------------------------------------------------------

def test_two_publishes_of_the_same_input_are_byte_identical(
    built: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # sitemap dates: MkDocs writes the build day
    first, second = tmp_path / "a" / "site", tmp_path / "b" / "site"
    publish(built.generated, first, built.config)
    publish(built.generated, second, built.config)
    files = tree(first)
    assert any(name.startswith("pagefind/filter/") for name in files)  # the filters Pagefind shuffles
    assert files == tree(second)


def test_stable_index_holds_every_filter_value_pagefind_wrote(built: Paths, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish(built.generated, site, built.config)
    shutil.rmtree(site / "pagefind")
    publish_module.index_site(site)  # Pagefind's own output, in its own order

    def content(bundle: Path) -> tuple[list[object], list[tuple[str, str, tuple[int, ...]]]]:
        meta = publish_module._unpack(_first(bundle, "*.pf_meta"))
        values = []
        for name, digest in meta[3]:
            index = publish_module._unpack(bundle / "filter" / f"{digest}.pf_filter")
            assert index[0] == name
            values += [(name, value, tuple(pages)) for value, pages in index[1]]
        return [meta[:3], meta[4:]], sorted(values)

    raw = content(site / "pagefind")
    publish_module.check_index(site, site)
    stable = content(site / "pagefind")
    assert stable == raw and len(raw[1]) > 10
    meta = publish_module._unpack(_first(site / "pagefind", "*.pf_meta"))
    assert [name for name, _ in meta[3]] == sorted(name for name, _ in meta[3])


# --- 5. leftovers and the lock ------------------------------------------------------------------

def test_leftovers_of_dead_builds_are_removed(built: Paths, tmp_path: Path) -> None:
    (tmp_path / ".site-new-1-abc").mkdir()  # PID 1 is always alive: the old PID test kept this forever
    (tmp_path / ".site-new-1-abc" / "index.html").write_text("half\n", encoding="utf-8")
    (tmp_path / ".site-old-4242-xyz").write_text("a site that was a file\n", encoding="utf-8")
    (tmp_path / ".site-old-12x").mkdir()
    (tmp_path / "unrelated.txt").write_text("mine\n", encoding="utf-8")
    publish(built.generated, tmp_path / "site", built.config)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "unrelated.txt"]


def test_swap_replaces_a_file_without_leaving_it_behind(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("a file\n", encoding="utf-8")
    staging = tmp_path / ".site-new-7-abc"
    staging.mkdir()
    (staging / "index.html").write_text("new\n", encoding="utf-8")
    publish_module._swap(staging, tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "new\n"


def hold_lock(site: Path) -> int:
    """Take the site's lock the way another build would (its own open file)."""
    fd = os.open(lock_path(site), os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def test_second_publish_into_a_locked_site_is_refused(built: Paths, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish(built.generated, site, built.config)
    before = tree(site)
    fd = hold_lock(site)
    try:
        with pytest.raises(GeneratorError) as caught:
            publish(built.generated, site, built.config)
    finally:
        os.close(fd)
    assert str(caught.value) == (f"{site}: another build is publishing into this folder "
                                 "(wait for it to finish; its lock is .site.lock)")
    assert tree(site) == before
    publish(built.generated, site, built.config)  # released: the next build runs, and deletes the lock
    assert leftovers(tmp_path) == []


def test_second_build_is_refused_before_it_generates_anything(fresh: Path) -> None:
    fd = hold_lock(fresh / "site")
    try:
        code, err = run(fresh, "build", "-j", "1")
    finally:
        os.close(fd)
    assert (code, err) == (1, "site: another build is publishing into this folder "
                              "(wait for it to finish; its lock is .site.lock)\n")
    assert not (fresh / ".site.work").exists() and not (fresh / "site").exists()
