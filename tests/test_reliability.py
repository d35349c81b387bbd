"""Reliability: bad documents, huge documents, killed and failed builds, determinism, fuzzed parsers."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.builder import Paths, build, generate
from generator.errors import GeneratorError
from generator.ingest import reader as ingest
from generator.nlp.dates import DateResolver, parse_date_value
from generator.nlp.quantities import find_quantities
from generator.pages.escape import inside, is_slug
from tests.test_errors import ROOT, make_project, run

SEEDS = sorted((ROOT / "content" / "sources").glob("*.txt"))
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
ARTICLE = "Italy and France signed a trade agreement in Rome on 3 May 2021, officials said.\n"


def paths(project: Path, generated: str = "generated") -> Paths:
    """The paths of a build of `project` (no extraction cache unless the CLI is used)."""
    return Paths(content=project / "content", templates=project / "templates", site=project / "site",
                 config=project / "mkdocs.yml", generated=project / generated, cache=None)


def tree_hashes(folder: Path) -> dict[str, str]:
    """relative path -> sha256 of every file below folder."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --- bad documents ----------------------------------------------------------------------------

BAD_FILES: dict[str, bytes] = {
    "empty.txt": b"",
    "whitespace.md": b" \n\t \r\n",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "truncated.txt": "Italy and Malta signed a pact in Valletta on 9 May 2021, said Andr\u00e8".encode()[:-1],
    "latin1.txt": "Italy and Spain signed a caf\u00e9 accord in Madrid on 4 May 2021.\n".encode("latin-1"),
    "cp1252.txt": "\u201cItaly and Greece\u201d signed a pact in Athens on 5 May 2021.\n".encode("cp1252"),
    "utf16.txt": "Italy and Austria signed a deal in Z\u00fcrich on 6 May 2021.\n".encode("utf-16"),
    "a b.txt": ARTICLE.encode(),
    "same as a b.txt": ARTICLE.replace(" ", "  ").encode(),  # same text, other name
    "\u00fc.txt": b"Germany and Italy signed a pact in Berlin on 7 May 2021.\n",
    "x?y#z.txt": b"Italy and Poland signed a pact in Warsaw on 8 May 2021.\n",
}


def test_bad_documents_each_follow_their_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path, sources=[])
    for name, data in BAD_FILES.items():
        (project / "content" / "sources" / name).write_bytes(data)
    result = build(paths(project))
    assert sorted(result.warnings) == [
        "binary.txt: skipped: binary file (contains NUL bytes)",
        "empty.txt: skipped: empty file",
        "same as a b.txt: skipped: same text as a b.txt",
        "whitespace.md: skipped: empty file",
    ]
    docs = {d.path: d.id for d in result.facts.documents}
    assert docs == {"a b.txt": "a-b", "cp1252.txt": "cp1252", "latin1.txt": "latin1",
                    "truncated.txt": "truncated", "utf16.txt": "utf16", "\u00fc.txt": "u",
                    "x?y#z.txt": "x-y-z"}
    texts = [f.text for f in result.facts.facts]
    assert texts.count(ARTICLE.strip()) == 1  # the duplicate's facts are counted once
    for decoded in ("caf\u00e9 accord", "\u201cItaly and Greece\u201d", "Z\u00fcrich"):
        assert any(decoded in t for t in texts), decoded
    for doc_id in docs.values():
        assert (project / "site" / "sources" / doc_id / "index.html").is_file()
    assert "warning: empty.txt: skipped: empty file" in capsys.readouterr().err


def test_truncation_keeps_whole_paragraphs_and_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_DOCUMENT_CHARS", 300)
    paragraph = "Italy and France held talks in Rome on trade and energy, officials said today.\n\n"
    (tmp_path / "long.txt").write_text(paragraph * 10, encoding="utf-8")
    warnings: list[str] = []
    [doc] = ingest.read_documents(tmp_path, warn=warnings.append)
    kept = (paragraph * 3).rstrip("\n")  # a fourth paragraph would end past character 300
    assert doc.source_text == kept and len(kept) == 238
    assert warnings == ["long.txt: truncated to its first 238 characters: documents are read up to 300 "
                        "characters (split the file to keep the rest)"]


def test_truncate_text_boundaries() -> None:
    assert ingest.truncate_text("short", 10) == "short"
    assert ingest.truncate_text("aaaa bbbb\ncccc\n\ndddd", 15) == "aaaa bbbb\ncccc"
    assert ingest.truncate_text("x" * 50, 10) == "x" * 10


MEASURED = """import resource, sys
from generator.cli import main
try:
    main(["build", "-j", "1"])
finally:
    print("peak-rss-kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def measured_build(project: Path) -> tuple[float, int, str]:
    """Run `briefs build` (one process) in a child; return wall seconds, its peak RSS in MB, and stderr."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURED], cwd=project, env=ENV,
                          capture_output=True, text=True, timeout=300)
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    peak_kb = int(done.stderr.rsplit("peak-rss-kb ", 1)[1].split()[0])
    return seconds, peak_kb // 1024, done.stderr


@pytest.mark.slow
def test_20_mb_document_builds_in_bounded_time_and_memory(tmp_path: Path) -> None:
    project = make_project(tmp_path, sources=[])
    prose = "\n\n".join(p.read_text(encoding="utf-8") for p in SEEDS)
    copies = 20_000_000 // len(prose) + 1
    (project / "content" / "sources" / "huge.txt").write_text(
        "".join(f"Part {n}.\n\n{prose}\n\n" for n in range(copies)), encoding="utf-8")
    assert (project / "content" / "sources" / "huge.txt").stat().st_size > 20_000_000
    seconds, peak_mb, err = measured_build(project)
    print(f"20 MB document: {seconds:.1f} s, peak RSS {peak_mb} MB")
    assert "huge.txt: truncated to its first" in err
    assert seconds < 120 and peak_mb < 1500
    page = project / ".site.work" / "generated" / "sources" / "huge" / "index.md"
    assert page.stat().st_size < 4 * ingest.MAX_DOCUMENT_CHARS


@pytest.mark.slow
def test_50000_lines_without_punctuation(tmp_path: Path) -> None:
    project = make_project(tmp_path, sources=[])
    words = "France and India trade talks continue in Paris with ministers and officials"
    (project / "content" / "sources" / "flat.txt").write_text(
        "\n".join(f"{words} {n}" for n in range(50_000)), encoding="utf-8")
    seconds, peak_mb, _ = measured_build(project)
    print(f"50,000 unpunctuated lines: {seconds:.1f} s, peak RSS {peak_mb} MB")
    assert seconds < 120 and peak_mb < 1500


@pytest.mark.parametrize(("name", "expected"), [
    ("a b", "a-b"), ("\u00fc", "u"), ("x?y#z", "x-y-z"), ("../etc/passwd", "etc-passwd"), ("..", None),
    ("a/../../b", "a-.-.-b"), ("report..final", "report.final"), ("%2e%2e%2f", "2e-2e-2f"),
    ("CON", "con"), ("_", None), ("_x_", "x"), ("\u202eevil", "evil"),
])
def test_slugify_of_hostile_names(name: str, expected: str | None) -> None:
    slug = ingest.slugify(name)
    assert slug == expected if expected else slug.startswith("doc-")
    assert is_slug(slug) and inside(Path("/site/sources"), f"{slug}/index.md").parent.name == slug


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(st.characters(exclude_characters="/\x00"), min_size=1, max_size=20).filter(
    lambda n: n not in (".", "..") and not n.startswith(".")), min_size=1, max_size=8, unique=True))
def test_corpus_ids_never_collide_and_stay_inside(tmp_path_factory: pytest.TempPathFactory,
                                                   names: list[str]) -> None:
    folder = tmp_path_factory.mktemp("names")
    written = []
    for n, name in enumerate(names):
        try:
            (folder / f"{name}.txt").write_text(f"Article {n} about Rome and Paris.\n", encoding="utf-8")
            written.append(name)
        except (OSError, UnicodeEncodeError):  # too long, or a lone surrogate: no such file can exist
            continue
    ids = [d.id for d in ingest.read_documents(folder, warn=lambda _m: None)]
    assert len(ids) == len(set(ids)) == len(written)
    assert all(is_slug(i) and inside(folder, f"sources/{i}/index.md").parent.name == i for i in ids)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=600))
def test_random_unicode_documents_raise_only_generator_error(tmp_path_factory: pytest.TempPathFactory,
                                                             text: str) -> None:
    folder = tmp_path_factory.mktemp("uni")
    for name in ("u.txt", "u.md", "u.html"):
        path = folder / name
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            doc = ingest.load_document(path, folder)
        except GeneratorError:
            continue
        assert doc.text.strip() and is_slug(doc.id)


PIECES = st.sampled_from(["9" * 400, "1e309", "\u0661\u0662", "\u00bd", "2019", "May", " ", "-", "bn", "$",
                          "31", "February", "\u2013", "per cent", "0.000000001", ".", ","])


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=20).map("".join), st.dates().map(lambda d: d.isoformat()))
def test_dates_and_quantities_survive_odd_numbers(text: str, reference: str) -> None:
    for found in DateResolver(reference).resolve(text, new_paragraph=False):
        assert text[found.start:found.end] == found.text
    parsed = parse_date_value(text)
    assert parsed is None or text[parsed.start:parsed.end] == parsed.text
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text


# --- atomic builds ----------------------------------------------------------------------------

def grow_corpus(project: Path, copies: int) -> None:
    """Add `copies` copies of every seed, each with a distinct first line."""
    for n in range(copies):
        for seed in SEEDS:
            text = f"Copy {n} of {seed.stem}.\n\n" + seed.read_text(encoding="utf-8")
            (project / "content" / "sources" / f"{n:02d}_{seed.name}").write_text(text, encoding="utf-8")


def kill_when(project: Path, ready: str) -> None:
    """Start `python -m generator build`; SIGKILL it once `ready` (a glob in project) matches."""
    command = [sys.executable, "-m", "generator", "build", "--content", "content", "--site", "site"]
    child = subprocess.Popen([*command, "-j", "1"], cwd=project, env=ENV,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while not any(project.glob(ready)):
        assert child.poll() is None, f"the build ended before {ready} appeared"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.parametrize("stage", [".site.work/generated/*/*.md", ".site-new-*/*"])
def test_killed_build_leaves_previous_site(tmp_path: Path, stage: str) -> None:
    project = make_project(tmp_path)
    build(paths(project))
    before = tree_hashes(project / "site")
    shutil.rmtree(project / "generated")
    grow_corpus(project, 3)
    kill_when(project, stage)
    assert tree_hashes(project / "site") == before
    assert (project / "site").is_dir() and not (project / "site").is_symlink()
    if stage.startswith(".site-new"):
        assert list(project.glob(".site-new-*"))  # the kill left its staging folder behind
        (project / ".site-old-12x").mkdir()  # an old-style leftover without a process id
        (project / f".site-new-{os.getppid()}-abc").mkdir()  # a live PID proves nothing: the lock decides
        cached = Paths(**{**paths(project).__dict__, "cache": project / ".cache" / "extract.sqlite"})
        build(cached)  # the next good build swaps in and removes what the killed one left
        assert tree_hashes(project / "site") != before
        assert [p.name for p in project.iterdir() if p.name.startswith(".site-")] == []


def test_failed_build_leaves_previous_site(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    build(paths(project))
    before = tree_hashes(project / "site")
    shutil.copytree(ROOT / "tests" / "fixtures" / "broken" / "template_syntax", project, dirs_exist_ok=True)
    assert run(project, "build", "-j", "1")[0] == 1
    shutil.copy(ROOT / "templates" / "timeline.md.j2", project / "templates")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "  - Missing: missing.md\n", encoding="utf-8")
    code, err = run(project, "build", "-j", "1")
    assert code == 1 and "MkDocs build failed" in err and "the previous site is unchanged" in err
    assert tree_hashes(project / "site") == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site-")] == []


# --- determinism ------------------------------------------------------------------------------

def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    project = make_project(tmp_path, sources=SEEDS)
    generate(paths(project, "a"))
    generate(paths(project, "b"))
    first, second = tree_hashes(project / "a"), tree_hashes(project / "b")
    assert "data/facts.json" in first and len(first) > 20
    assert first == second
