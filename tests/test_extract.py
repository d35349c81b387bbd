"""The extract command: schema-valid, provenance-true, deterministic facts; bad files skipped or fatal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.facts.extract import pairs_of, validate_facts

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "content" / "sources"


def test_demo_facts_validate_against_schema(demo_facts: dict[str, Any]) -> None:
    assert validate_facts(demo_facts) == []
    assert len(demo_facts["documents"]) == 5
    assert len(demo_facts["facts"]) > 100


def test_every_fact_points_at_its_sentence_in_the_source(demo_facts: dict[str, Any]) -> None:
    docs = {d["id"]: d for d in demo_facts["documents"]}
    for fact in demo_facts["facts"]:
        doc = docs[fact["document"]]
        source = (SOURCES / doc["path"]).read_text(encoding="utf-8")
        assert source[fact["start"]:fact["end"]] == fact["text"]
        assert doc["sentences"][fact["sentence"]] == [fact["start"], fact["end"]]


def test_pairs_follow_countries_and_actors(demo_facts: dict[str, Any]) -> None:
    actor_country = {a["id"]: a["country"] for a in demo_facts["actors"]}
    for fact in demo_facts["facts"]:
        # pairs are made of the parties of the fact, a subset of the countries it names (tests/test_pairs.py)
        assert set(fact["pairs"]) <= {p.json for p in pairs_of(fact["countries"])}
        for actor in fact["actors"]:
            if actor_country[actor] and actor_country[actor] not in ("EU", "INT"):
                assert actor_country[actor] in fact["countries"]
    belt_and_road = [f for f in demo_facts["facts"] if "first G7 nation to sign" in f["text"]]
    assert belt_and_road and belt_and_road[0]["date"]["value"] == "2019-03-23"
    assert "CN-IT" in belt_and_road[0]["pairs"]


def test_pairs_of_sorts_and_skips_blocs() -> None:
    assert [p.json for p in pairs_of(["IT", "CN", "EU", "US", "IT"])] == ["CN-IT", "CN-US", "IT-US"]
    assert pairs_of(["NATO", "IT"]) == ()


def _extract(runner: CliRunner, corpus: Path, out: Path, *extra: str) -> Any:
    args = ["extract", str(corpus), "-o", str(out), "--content", str(ROOT / "content"), *extra]
    return runner.invoke(main, args)


def test_cli_extract_is_byte_identical_across_runs(tmp_path: Path) -> None:
    runner = CliRunner()
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert _extract(runner, SOURCES, first).exit_code == 0
    assert _extract(runner, SOURCES, second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert validate_facts(json.loads(first.read_text(encoding="utf-8"))) == []


def test_bad_files_are_skipped_with_a_warning_or_fatal_when_strict(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SOURCES / "004_f92a20b8281f9d8c.txt", corpus / "good.txt")
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    runner = CliRunner()
    result = _extract(runner, corpus, tmp_path / "f.json")
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.output and "binary.txt" in result.output
    data = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    assert [d["path"] for d in data["documents"]] == ["good.txt"]
    strict = _extract(runner, corpus, tmp_path / "g.json", "--strict")
    assert strict.exit_code != 0
    assert "empty.txt" in strict.output or "binary.txt" in strict.output
    assert "Traceback" not in strict.output


def test_missing_corpus_is_a_one_line_error(tmp_path: Path) -> None:
    result = _extract(CliRunner(), tmp_path / "nowhere", tmp_path / "f.json")
    assert result.exit_code == 1
    assert "nowhere" in result.output and "Traceback" not in result.output


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "f.json"
    proc = subprocess.run([sys.executable, "-m", "generator", "extract", str(SOURCES), "-o", str(out)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert validate_facts(json.loads(out.read_text(encoding="utf-8"))) == []


def test_long_documents_are_processed_in_chunks_with_the_same_facts(
        demo_facts: dict[str, Any], monkeypatch: Any) -> None:
    from generator.builder import extract_corpus
    from generator.nlp import pipeline

    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 6000)  # splits 001 and 002 at paragraphs
    chunked, _ = extract_corpus(SOURCES, ROOT / "content")
    key = [(f["id"], f["start"], f["end"], f["date"], f["quantities"]) for f in demo_facts["facts"]]
    assert [(f["id"], f["start"], f["end"], f["date"], f["quantities"]) for f in chunked["facts"]] == key


def test_parallel_extraction_gives_the_same_facts(demo_facts: dict[str, Any], tmp_path: Path) -> None:
    from generator.content import load_content
    from generator.facts.extract import extract_documents
    from generator.facts.jsonfile import dumps_facts
    from generator.ingest.reader import read_documents

    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(4):  # enough documents for a pool of two workers
        for src in sorted(SOURCES.glob("*.txt")):
            (corpus / f"{i}_{src.name}").write_text(f"Copy {i}.\n\n" + src.read_text(encoding="utf-8"))
    docs = read_documents(corpus, known_names=load_content(ROOT / "content").known_names())
    serial = extract_documents(docs, ROOT / "content", n_process=1)
    parallel = extract_documents(docs, ROOT / "content", n_process=2)
    assert len(serial["documents"]) == 20
    assert dumps_facts(serial) == dumps_facts(parallel)


def test_a_sentence_without_punctuation_is_cut_to_bounded_length() -> None:
    import spacy

    from generator.nlp import components

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("briefs_paragraphs")
    doc = nlp("word " * 1000)
    lengths = [len(s) for s in doc.sents]
    assert max(lengths) <= components.MAX_SENTENCE_TOKENS
    assert sum(lengths) == len(doc)


def test_cache_reuses_results_and_notices_changes(tmp_path: Path) -> None:
    from generator.facts.extract import extract_documents
    from generator.facts.jsonfile import dumps_facts
    from generator.ingest.reader import read_documents

    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(SOURCES / "004_f92a20b8281f9d8c.txt", corpus / "a.txt")
    cache = tmp_path / "cache.sqlite"
    first = extract_documents(read_documents(corpus), ROOT / "content", cache_path=cache)
    again = extract_documents(read_documents(corpus), ROOT / "content", cache_path=cache)
    assert dumps_facts(first) == dumps_facts(again)
    (corpus / "a.txt").write_text("On 3 May 2021 France signed a deal with India.\n", encoding="utf-8")
    changed = extract_documents(read_documents(corpus), ROOT / "content", cache_path=cache)
    assert [f["date"]["value"] for f in changed["facts"]] == ["2021-05-03"]
    assert changed["facts"][0]["pairs"] == ["FR-IN"]


def _facts_of(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    """The facts `briefs extract` writes for one article."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    result = _extract(CliRunner(), corpus, tmp_path / "f.json")
    assert result.exit_code == 0, result.output
    return json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))["facts"]  # type: ignore[no-any-return]


def test_two_countries_and_nearest_date_rules(tmp_path: Path) -> None:
    facts = _facts_of(tmp_path, (
        "Published: 2023-12-05\n\n"
        "German Chancellor Olaf Scholz met Brazilian officials in Berlin on 4 December 2023.\n\n"
        "Trade between the two countries reached €21 billion in 2022 and €18 billion in 2021.\n"))
    trade = [f for f in facts if f["text"].startswith("Trade")]
    assert [f["pairs"] for f in trade] == [["BR-DE"], ["BR-DE"]]
    by_date = {f["date"]["value"]: [q["value"] for q in f["quantities"]] for f in trade}
    assert by_date == {"2022": [21_000_000_000], "2021": [18_000_000_000]}


def test_sentence_starts_are_those_of_spacys_sentencizer() -> None:
    """briefs_paragraphs reads sentence ends from arrays with the Sentencizer's rule (no Token objects);
    with the Sentencizer before it the boundaries are the same, on real articles and edge cases."""
    import spacy

    from generator.nlp.components import TEXT_KEY, paragraph_boundaries

    with_sentencizer, bare = spacy.blank("en"), spacy.blank("en")
    with_sentencizer.add_pipe("sentencizer")
    root = Path(__file__).resolve().parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "devset" / "articles").glob("*.txt"))]
    texts += ['Hi!!! Go... ok?! "Yes." (No.) Dr. Ruiz left. She said: "Fine."\n\nNext',
              "...", "a.", ". a", ""]
    texts += ["Seen in Yangon, April. 19, 2018, at a briefing. It rained in April. 19 people died."]
    for text in texts:
        a, b = with_sentencizer(text), bare.make_doc(text)
        for doc in (a, b):
            doc.user_data[TEXT_KEY] = text
            paragraph_boundaries(doc)
        # one documented difference: a month name written with a full stop before a day and a year
        month_dot = {s.start for s in a.sents if s.start >= 2 and a[s.start - 1].text == "."
                     and a[s.start - 2].lower_ in ("april", "june", "july", "may", "march")
                     and a[s.start].is_digit
                     and s.start + 1 < len(a) and a[s.start + 1].text == ","}
        assert [s.start for s in a.sents if s.start not in month_dot] == [s.start for s in b.sents], text[:60]


def test_sentences_start_after_double_spaces_and_not_inside_a_dotted_month() -> None:
    """"April.  Some" starts a sentence at "Some" (not at the spaces, which would merge the two); "April. 19,
    2018" is a date, not a sentence end; "in April. 19 people" is."""
    import spacy

    from generator.nlp.components import process

    nlp = spacy.blank("en")
    nlp.add_pipe("briefs_paragraphs")
    doc = process(nlp, "Seen on April. 19, 2018, in Yangon.  Some observers say so. It rained in April. "
                       "19 people died.")
    assert [s.text.strip() for s in doc.sents] == [
        "Seen on April. 19, 2018, in Yangon.", "Some observers say so.", "It rained in April.",
        "19 people died."]


def test_a_photo_caption_ending_with_its_date_is_text_not_a_heading(tmp_path: Path) -> None:
    facts = _facts_of(tmp_path, (
        "Published: 2008-07-17\n\n"
        "Cambodian soldiers guard a temple near the Thai border, in Oddar Meanchey province, 16 Jul 2008\n\n"
        "Thailand and Cambodia held talks on Wednesday.\n\nThailand and Cambodia\n"))
    dated = {f["text"][:20]: f["date"]["value"] if f["date"] else None for f in facts}
    assert dated.get("Cambodian soldiers g") == "2008-07-16"
    assert "Thailand and Cambodi" in dated and not any(t.strip() == "Thailand and Cambodia" for t in
                                                      [f["text"] for f in facts])  # a bare heading stays one


def test_a_glued_list_hyphen_opens_the_next_sentence(tmp_path: Path) -> None:
    """"… is formed. -He said …": the hyphen belongs to the sentence it opens, so the one before still
    ends with its full stop (a line without one would be a heading, whose names are dropped)."""
    facts = _facts_of(tmp_path, (
        "Published: 2018-03-01\n\nMarco Rinaldi Bassi of Forza Italia told Sputnik TV on Monday his party "
        "would join any government that is formed. -He said it would work to lift the sanctions.\n"))
    assert facts[0]["text"].endswith("is formed.")
    assert "marco-rinaldi-bassi" in facts[0]["actors"]


def test_a_dated_photo_caption_keeps_its_names(tmp_path: Path) -> None:
    """A caption line ending with its date is text (not a heading) for the names in it too."""
    facts = _facts_of(tmp_path, (
        "Title: Border talks\n\nLaotian Army soldiers guard the entrance of the bridge, in Bokeo province, "
        "16 Jul 2008\n\nThe two armies met on Monday.\n"))
    assert "army-of-laos" in facts[0]["actors"]


def test_a_sentence_without_a_cue_takes_the_stance_of_its_story(tmp_path: Path) -> None:
    """A neutral sentence of an article whose other facts about the pair agree takes their stance, flagged;
    a mixed story leaves it neutral."""
    facts = _facts_of(tmp_path, (
        "Published: 2024-05-06\n\nPeru accused Chile of violating its waters on 2 May 2024.\n\n"
        "Chile threatened to expel Peruvian diplomats on 3 May 2024.\n\n"
        "Peruvian fishing boats returned to Chilean ports on 4 May 2024.\n"))
    last = facts[-1]
    assert (last["stance"], last.get("stance_inferred"), last.get("event_type")) == ("tension", True, None)
    assert not any(f.get("stance_inferred") for f in facts[:-1])


def test_a_mixed_story_gives_no_stance(tmp_path: Path) -> None:
    facts = _facts_of(tmp_path, (
        "Published: 2024-05-06\n\nPeru accused Chile of violating its waters on 2 May 2024.\n\n"
        "Chile and Peru signed a fisheries accord on 3 May 2024.\n\n"
        "Peruvian fishing boats returned to Chilean ports on 4 May 2024.\n"))
    assert (facts[-1]["stance"], facts[-1].get("stance_inferred")) == ("neutral", None)


def test_an_act_of_a_type_a_sector_claims_belongs_to_it(tmp_path: Path) -> None:
    """sectors.yaml gives diplomacy PLOVER's verbal types: an accusation between two states is diplomacy
    without a diplomacy word; a sentence about one state is not."""
    facts = _facts_of(tmp_path, (
        "Published: 2024-05-06\n\nPeru accused Chile of dumping fish on 2 May 2024.\n\n"
        "Peruvian fishermen protested in Lima on 3 May 2024.\n"))
    assert "diplomacy" in facts[0]["sectors"]


def test_extraction_leaves_the_garbage_collector_as_it_found_it() -> None:
    """The pipeline is built with rare collections and kept out of the collector's reach while documents
    are extracted, and the collector's thresholds and frozen objects are restored after, also when
    extraction fails."""
    import gc

    from generator.content import load_content
    from generator.facts import extract as fx

    content = load_content(ROOT / "content")
    before = (gc.get_threshold(), gc.get_freeze_count())
    with fx._frozen_pipeline(content) as nlp:
        assert "briefs_actors" in nlp.pipe_names
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] >= fx.GC_YOUNG_THRESHOLD
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
    with pytest.raises(RuntimeError), fx._frozen_pipeline(content):
        raise RuntimeError("boom")
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_filter_matches_keeps_what_filter_spans_keeps() -> None:
    """filter_matches (on (label, start, end) tuples, before any Span is built) keeps the same matches, in
    the same order, as spaCy's filter_spans does on Spans: the longest of overlapping ones, the first on a
    tie; checked on every set of up to four matches over six tokens."""
    import itertools

    import spacy
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from generator.nlp.components import filter_matches

    doc = spacy.blank("en")("a b c d e f")
    ranges = [(s, e) for s in range(6) for e in range(s + 1, 7)]
    checked = 0
    for size in range(1, 5):
        for combo in itertools.combinations_with_replacement(ranges, size):
            matches = [(f"L{k}", s, e) for k, (s, e) in enumerate(combo)]
            spans = filter_spans([Span(doc, s, e, label=label) for label, s, e in matches])
            assert [(sp.label_, sp.start, sp.end) for sp in spans] == filter_matches(matches)
            checked += 1
    assert checked > 10_000
