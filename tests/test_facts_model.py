"""The typed facts model: exact JSON round trips, one pair form, and per-document fault isolation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import GeneratorError
from generator.facts import extract
from generator.facts.jsonfile import dumps_facts
from generator.facts.model import (
    Actor,
    DocumentRecord,
    Fact,
    FactDate,
    FactsData,
    Pair,
    Quantity,
    Role,
)

ROOT = Path(__file__).resolve().parent.parent

# --- round trips ------------------------------------------------------------------------------


def test_demo_facts_round_trip_exactly(demo_facts: dict[str, Any]) -> None:
    data = FactsData.from_json(demo_facts)
    assert data.to_json() == demo_facts
    assert dumps_facts(data) == dumps_facts(demo_facts)
    assert all(isinstance(p, Pair) for f in data.facts for p in f.pairs)


_text = st.text(max_size=12)
_code = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2)
_maybe = st.none() | _text
_number = st.integers(-10**15, 10**15) | st.floats(allow_nan=False, allow_infinity=False)
_date = st.builds(FactDate, value=_text, precision=st.sampled_from(["year", "month", "day"]),
                  relative=st.booleans(), text=_maybe)
_quantity = st.builds(Quantity, value=_number, unit=_text, text=_text, noun=_maybe,
                      value_max=st.none() | _number)
_fact = st.builds(
    Fact, id=_text, document=_text, sentence=st.integers(0, 999), start=st.integers(0, 10**6),
    end=st.integers(0, 10**6), text=_text, date=st.none() | _date, countries=st.tuples(_code, _code),
    pairs=st.lists(st.builds(Pair.of, _code, _code), max_size=3).map(tuple),
    actors=st.lists(_text, max_size=3).map(tuple), sectors=st.lists(_text, max_size=3).map(tuple),
    stance=st.sampled_from(["cooperation", "tension", "neutral"]),
    quantities=st.lists(_quantity, max_size=2).map(tuple))
_actor = st.builds(
    Actor, id=_text, name=_text, type=_text, country=st.none() | _code,
    aliases=st.lists(_text, max_size=3).map(tuple), curated=st.booleans(),
    roles=st.lists(st.builds(Role, role=_text, date=_maybe, fact=_text), max_size=2).map(tuple))
_document = st.builds(
    DocumentRecord, id=_text, path=_text, title=_maybe, author=_maybe, published=_maybe,
    reference_date=_maybe, url=_maybe, sha256=_maybe,
    boilerplate_removed=st.lists(_text, max_size=2).map(tuple),
    sentences=st.lists(st.tuples(st.integers(0, 999), st.integers(0, 999)), max_size=3).map(tuple))
_facts_data = st.builds(FactsData, documents=st.lists(_document, max_size=2).map(tuple),
                        actors=st.lists(_actor, max_size=2).map(tuple),
                        facts=st.lists(_fact, max_size=3).map(tuple))


@settings(max_examples=60, deadline=None)
@given(_facts_data)
def test_generated_facts_round_trip_through_facts_json_text(data: FactsData) -> None:
    assert FactsData.from_json(data.to_json()) == data
    assert FactsData.from_json(json.loads(dumps_facts(data))) == data
    assert FactsData.from_json(data.to_json()).to_json() == data.to_json()


def test_hand_written_facts_may_leave_optional_fields_out() -> None:
    data = FactsData.from_json({
        "schema_version": "2",
        "documents": [{"id": "d", "path": "d.txt", "title": None, "published": None, "reference_date": None}],
        "actors": [{"id": "a", "name": "A", "type": "person", "country": None, "aliases": []}],
        "facts": [{"id": "f", "document": "d", "sentence": 0, "start": 0, "end": 1, "text": "x",
                   "date": {"value": "2020", "precision": "year", "relative": False}, "countries": [],
                   "pairs": ["CN-IT"], "actors": [], "sectors": [], "stance": "neutral", "quantities": []}],
    })
    assert data.documents[0].sentences == () and data.actors[0].roles == ()
    assert data.facts[0].date == FactDate("2020", "year", False)
    assert "text" not in data.facts[0].to_json()["date"]


# --- one pair form ----------------------------------------------------------------------------


def test_one_pair_form() -> None:
    pair = Pair.from_json("CN-IT")
    assert pair.slug == "cn-it" and pair.json == "CN-IT" and pair.codes == ("CN", "IT")
    assert Pair.from_slug("cn-it") == pair == Pair.of("IT", "CN") and str(pair) == "CN-IT"
    assert sorted([Pair.from_json("IT-US"), Pair.from_json("CN-US"), pair]) == [
        Pair.from_json(p) for p in sorted(["IT-US", "CN-US", "CN-IT"])]
    with pytest.raises(ValueError, match="not a country pair"):
        Pair.from_json("CNIT")


# --- extraction: typed results, cache, fault isolation ----------------------------------------


def _corpus(folder: Path, n: int) -> list[Any]:
    from generator.content import load_content
    from generator.ingest.reader import read_documents

    folder.mkdir()
    for i in range(n):
        text = f"Note {i}.\n\nOn 3 May 2021 France signed a deal worth €{i + 1} billion with India.\n"
        (folder / f"d{i}.txt").write_text(text, encoding="utf-8")
    return read_documents(folder, known_names=load_content(ROOT / "content").known_names())


def test_cached_results_equal_fresh_ones(tmp_path: Path) -> None:
    docs = _corpus(tmp_path / "c", 2)
    fresh = extract.extract_facts(docs, ROOT / "content", cache_path=tmp_path / "cache.sqlite")
    cached = extract.extract_facts(docs, ROOT / "content", cache_path=tmp_path / "cache.sqlite")
    assert cached == fresh and repr(cached) == repr(fresh)
    assert [p.slug for f in fresh.facts for p in f.pairs] == ["fr-in", "fr-in"]
    assert [q.value for f in fresh.facts for q in f.quantities] == [1_000_000_000, 2_000_000_000]


def _failing_on(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = extract.extract_one

    def extract_one(nlp: Any, doc: Any) -> Any:
        if doc.path == name:
            raise RuntimeError("boom")
        return real(nlp, doc)

    monkeypatch.setattr(extract, "extract_one", extract_one)


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_document_that_raises_is_skipped_with_a_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n_process: int) -> None:
    docs = _corpus(tmp_path / "c", 8)  # 8 documents: two worker processes run (see extract._run)
    _failing_on("d3.txt", monkeypatch)
    warnings: list[str] = []
    cache = tmp_path / "cache.sqlite"
    data = extract.extract_facts(docs, ROOT / "content", n_process, cache, warn=warnings.append)
    assert warnings == ["d3.txt: skipped: extraction failed: RuntimeError: boom (please report this)"]
    assert [d.path for d in data.documents] == [f"d{i}.txt" for i in range(8) if i != 3]
    assert {f.document for f in data.facts} == {d.id for d in data.documents}
    monkeypatch.undo()  # the failure was not cached: once fixed, the document is extracted
    again = extract.extract_facts(docs, ROOT / "content", n_process, cache, warn=warnings.append)
    assert len(again.documents) == 8 and len(warnings) == 1


@pytest.mark.parametrize("n_process", [1, 2])
def test_with_strict_a_document_that_raises_is_an_error_naming_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n_process: int) -> None:
    docs = _corpus(tmp_path / "c", 8)
    _failing_on("d5.txt", monkeypatch)
    with pytest.raises(GeneratorError) as caught:
        extract.extract_facts(docs, ROOT / "content", n_process, warn=pytest.fail, strict=True)
    assert str(caught.value) == "d5.txt: extraction failed: RuntimeError: boom (please report this)"
    with pytest.raises(GeneratorError, match="^d5.txt: extraction failed"):  # no warn callback: an error
        extract.extract_facts(docs, ROOT / "content", n_process)


def test_a_fact_seen_from_one_of_its_pairs_has_that_pairs_stance() -> None:
    from generator.facts.model import Fact, Pair

    fact = Fact.from_json({
        "id": "d-s1", "document": "d", "sentence": 1, "start": 0, "end": 10, "text": "x", "date": None,
        "countries": ["BO", "CL", "PE"], "pairs": ["BO-CL", "BO-PE", "CL-PE"], "actors": [], "sectors": [],
        "stance": "cooperation", "quantities": [],
        "pair_stances": {"BO-CL": "cooperation", "BO-PE": "tension", "CL-PE": "tension"}})
    assert fact.for_pair(Pair("BO", "PE")).stance == "tension"
    assert fact.for_pair(Pair("BO", "CL")) is fact
    assert fact.for_pair(Pair("AR", "BO")) is fact  # a pair it has no stance for: the main one
