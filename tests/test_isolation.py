"""Isolated builds: each site has its own work folder, so builds of different corpora run side by side and
leave the project's own generated/, .cache/ and site/ alone; one document that breaks ingest is skipped."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import builder
from generator.builder import Paths, work_folder
from generator.errors import GeneratorError
from generator.ingest import reader
from generator.publish.guard import WORK_STAMP, lock_path
from tests.test_errors import ROOT, make_project, run

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
DEMO = sorted((ROOT / "content" / "sources").glob("*.txt"))
THREE = sorted((ROOT / "tests" / "devset" / "articles").glob("*.txt"))[:3]
PROJECT_FOLDERS = ("generated", ".cache", "site")


def snapshot(project: Path) -> dict[str, dict[str, str] | None]:
    """For each of the project's own output folders: None if absent, else relative path -> sha256."""
    found: dict[str, dict[str, str] | None] = {}
    for name in PROJECT_FOLDERS:
        folder = project / name
        found[name] = None if not folder.exists() else {
            p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
    return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the demo corpus in content/, a 3-article corpus in other/, and output folders of an
    older layout (generated/ and .cache/ with files in them) that no build may touch."""
    root = make_project(tmp_path / "proj", sources=DEMO)
    other = root / "other"
    (other / "sources").mkdir(parents=True)
    for path in (ROOT / "content").glob("*.yaml"):
        shutil.copy(path, other)
    for path in THREE:
        shutil.copy(path, other / "sources")
    for name, file in (("generated", "index.md"), (".cache", "extract.sqlite")):
        (root / name).mkdir()
        (root / name / file).write_text(f"the project's own {name}\n", encoding="utf-8")
    return root


def start(project: Path, content: str, site: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--content", content, "--site", site, "-j", "1"],
        cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(child: subprocess.Popen[str]) -> tuple[int, str]:
    _, err = child.communicate(timeout=600)
    return child.returncode, err


def source_pages(site: Path) -> int:
    return sum(1 for p in (site / "sources").iterdir() if (p / "index.html").is_file())


def check_sites(project: Path) -> None:
    """Each site has the pages of its own corpus, and its work folder holds its Markdown and cache."""
    assert source_pages(project / "out" / "demo") == len(DEMO)
    assert source_pages(project / "out" / "three") == len(THREE)
    for name, count in (("demo", len(DEMO)), ("three", len(THREE))):
        work = project / "out" / f".{name}.work"
        assert (work / WORK_STAMP).is_file() and (work / "cache" / "extract.sqlite").is_file()
        assert len(list((work / "generated" / "sources").glob("*/index.md"))) == count


@pytest.mark.slow
def test_two_corpora_build_one_after_the_other_and_side_by_side(project: Path) -> None:
    before = snapshot(project)
    assert before["site"] is None and before["generated"] and before[".cache"]
    for content, site in (("content", "out/demo"), ("other", "out/three")):
        code, err = finish(start(project, content, site))
        assert code == 0, err
    check_sites(project)
    assert snapshot(project) == before

    shutil.rmtree(project / "out")
    children = [start(project, "content", "out/demo"), start(project, "other", "out/three")]
    results = [finish(child) for child in children]
    assert [code for code, _ in results] == [0, 0], results
    check_sites(project)
    assert snapshot(project) == before
    assert sorted(p.name for p in (project / "out").iterdir()) == [
        ".demo.work", ".three.work", "demo", "three"]


@pytest.mark.slow
def test_second_build_into_the_same_site_is_refused_with_one_line(project: Path) -> None:
    first = start(project, "content", "out/demo")
    lock = lock_path(project / "out" / "demo")
    while not lock.exists():  # the first build holds the site's lock from its start to its end
        assert first.poll() is None, first.communicate()
        time.sleep(0.01)
    code, err = finish(start(project, "other", "out/demo"))
    assert first.poll() is None, "the first build ended before the second one was refused"
    assert (code, err) == (1, "out/demo: another build is publishing into this folder "
                              "(wait for it to finish; its lock is .demo.lock)\n")
    assert finish(first)[0] == 0
    assert source_pages(project / "out" / "demo") == len(DEMO)


def test_work_folder_defaults_beside_the_site() -> None:
    assert work_folder(Path("site")) == Path(".site.work")
    assert work_folder(Path("/srv/www/briefs")) == Path("/srv/www/.briefs.work")
    paths = Paths(site=Path("out/a"))
    assert (paths.work, paths.generated, paths.cache) == (
        Path("out/.a.work"), Path("out/.a.work/generated"), Path("out/.a.work/cache/extract.sqlite"))
    explicit = Paths(site=Path("out/a"), work=Path("w"))
    assert (explicit.generated, explicit.cache) == (Path("w/generated"), Path("w/cache/extract.sqlite"))


WORK_REFUSED = {
    ".": "the project folder",
    "..": "a folder that holds the project folder",
    "content": "the content folder",
    "content/sources": "a folder inside the content folder",
    "templates": "the templates folder",
    "out/a": "the site folder",
    "out/a/w": "a folder inside the site folder",
    "out": "a folder that holds the site folder",
    "notes": f"a non-empty folder without the {WORK_STAMP} stamp of a build",
    "afile": "a file",
}


@pytest.mark.parametrize("work", sorted(WORK_REFUSED))
def test_unsafe_work_folder_is_refused_and_nothing_is_written(tmp_path: Path, work: str) -> None:
    project = make_project(tmp_path / "proj")
    (project / "notes").mkdir()
    (project / "notes" / "todo.txt").write_text("keep me\n", encoding="utf-8")
    (project / "afile").write_text("a file\n", encoding="utf-8")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    code, err = run(project, "build", "-j", "1", "--site", "out/a", "--work", work)
    assert (code, err) == (1, f"{work}: refusing to keep the work files in {WORK_REFUSED[work]} "
                              "(choose an empty or new folder for --work)\n")
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_site_inside_its_work_folder_is_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path / "proj")
    code, err = run(project, "build", "-j", "1", "--site", "w/site", "--work", "w")
    assert (code, err) == (1, "w: refusing to keep the work files in a folder that holds the site folder "
                              "(choose an empty or new folder for --work)\n")
    assert not (project / "w").exists()


# --- per-document fault isolation -------------------------------------------------------------------

def breaking(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ingest's per-document function raise an unexpected exception for the file `name` only."""
    real = reader._document

    def document(data, suffix, rel, *args, **kwargs):  # type: ignore[no-untyped-def]
        if rel == name:
            raise ValueError("unexpected\nbyte")
        return real(data, suffix, rel, *args, **kwargs)

    monkeypatch.setattr(reader, "_document", document)


def test_a_document_that_breaks_ingest_is_skipped_with_a_warning(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for path in THREE:
        shutil.copy(path, tmp_path)
    breaking(THREE[1].name, monkeypatch)
    warnings: list[str] = []
    docs = reader.read_documents(tmp_path, warn=warnings.append)
    assert [d.path for d in docs] == [THREE[0].name, THREE[2].name]
    assert warnings == [f"{THREE[1].name}: skipped: could not be read: ValueError: unexpected byte "
                        "(please report this)"]
    with pytest.raises(GeneratorError) as caught:
        reader.read_documents(tmp_path, strict=True, warn=pytest.fail)
    assert str(caught.value) == (f"{tmp_path / THREE[1].name}: could not be read: ValueError: unexpected "
                                 "byte (please report this)")


def test_a_build_goes_on_without_the_broken_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path, sources=THREE)
    breaking(THREE[0].name, monkeypatch)
    paths = Paths(content=project / "content", templates=project / "templates", site=project / "site",
                  config=project / "mkdocs.yml", cache=None)
    result = builder.generate(paths)
    assert [d.path for d in result.facts.documents] == [p.name for p in THREE[1:]]
    assert result.warnings == [f"{THREE[0].name}: skipped: could not be read: ValueError: unexpected byte "
                               "(please report this)"]
    assert f"warning: {result.warnings[0]}" in capsys.readouterr().err
    assert (project / ".site.work" / "generated" / "index.md").is_file()
