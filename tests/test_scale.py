"""Scale support: the deterministic corpus scaler and the incremental extraction cache."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.content import load_content
from generator.facts import extract
from generator.facts.model import DocumentFacts, Fact
from generator.ingest.reader import Document, read_documents

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import write_corpus  # noqa: E402

N = 8


def _load(folder: Path, content: Path) -> list[Document]:
    return read_documents(folder, known_names=load_content(content).known_names(), warn=lambda message: None)


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the curated YAML, so a test may edit it."""
    folder = tmp_path_factory.mktemp("content")
    for path in (ROOT / "content").glob("*.y*ml"):
        shutil.copy2(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """N scaled articles."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(N, folder, seed=7)
    return folder


def test_scaler_is_deterministic(corpus: Path, tmp_path: Path) -> None:
    again = write_corpus(N, tmp_path / "again", seed=7)
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in sorted(corpus.iterdir())]
    other = write_corpus(2, tmp_path / "other", seed=8)
    assert other[0].read_bytes() != again[0].read_bytes()


def test_scaler_writes_distinct_articles_with_a_date_line(corpus: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.iterdir())]
    assert len(texts) == N and len(set(texts)) == N
    for text in texts:
        lines = text.splitlines()
        assert lines[2].split()[-1].isdigit()  # "May 21, 2022" under the title
        assert len(text.split()) > 150 and "\n\n" in text


def test_scaled_facts_vary(corpus: Path, content: Path) -> None:
    data = extract.extract_facts(_load(corpus, content), content)
    by_doc: dict[str, list[Fact]] = {}
    for fact in data.facts:
        by_doc.setdefault(fact.document, []).append(fact)
    assert len(by_doc) == N
    dates = {f.date.value for f in data.facts if f.date}
    assert len(dates) > 3 * N
    actor_sets = [frozenset(a for f in facts for a in f.actors) for facts in by_doc.values()]
    assert len(set(actor_sets)) == N and all(actor_sets)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the documents handed to the pipeline (extraction runs in this process)."""
    seen: list[str] = []
    real = extract.extract_one

    def extract_one(nlp: Any, doc: Document) -> DocumentFacts:
        seen.append(doc.id)
        return real(nlp, doc)

    monkeypatch.setattr(extract, "extract_one", extract_one)
    return seen


def _extract_counting(docs: list[Document], content: Path, cache: Path, seen: list[str]) -> int:
    before = len(seen)
    extract.extract_facts(docs, content, cache_path=cache)
    return len(seen) - before


def test_cache_reextracts_only_changed_documents(corpus: Path, content: Path, tmp_path: Path,
                                                 counted: list[int]) -> None:
    folder = tmp_path / "sources"
    shutil.copytree(corpus, folder)
    cache = tmp_path / "cache.sqlite"
    first = extract.extract_facts(_load(folder, content), content, cache_path=cache)
    assert len(counted) == N
    assert extract.extract_facts(_load(folder, content), content, cache_path=cache) == first
    assert len(counted) == N
    changed = sorted(folder.iterdir())[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nItaly and France signed a deal in 2021.\n",
                       encoding="utf-8")
    third = extract.extract_facts(_load(folder, content), content, cache_path=cache)
    assert counted[N:] == [changed.stem]
    assert len(third.facts) > len(first.facts)


def test_curated_yaml_change_invalidates_the_cache(corpus: Path, content: Path, tmp_path: Path,
                                                   counted: list[int]) -> None:
    docs = _load(corpus, content)[:2]
    cache = tmp_path / "cache.sqlite"
    assert _extract_counting(docs, content, cache, counted) == 2
    assert _extract_counting(docs, content, cache, counted) == 0
    stance = content / "stance.yaml"
    original = stance.read_bytes()
    try:
        stance.write_bytes(original + b"\n# an analyst's note\n")
        assert _extract_counting(docs, content, cache, counted) == 2
    finally:
        stance.write_bytes(original)
    assert _extract_counting(docs, content, cache, counted) == 0
