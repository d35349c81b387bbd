"""Tests of the sector and stance lexicons: loaders, the briefs_lexicon component and a gold check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from generator.content import load_content
from generator.content.sectors import load_sectors
from generator.content.stance import load_stance
from generator.content.terms import normalise
from generator.content.vocabulary import SECTOR_IDS
from generator.errors import GeneratorError
from generator.nlp.events import code_sentence
from generator.nlp.lexicon import sentence_cues, sentence_stance
from generator.nlp.pipeline import initialize_pipes

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

GOOD_STANCE = """\
cooperation: [sign]
tension: [ban]
negators: [not]
"""


@pytest.fixture(scope="module")
def nlp() -> Language:
    """A blank English pipeline with sentences and the lexicon component."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("briefs_lexicon")
    return initialize_pipes(nlp, load_content(CONTENT))


def _sectors(nlp: Language, text: str) -> set[str]:
    doc = nlp(text)
    return {s.label_ for s in doc.spans["sectors"]}


def _stance(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_) for s in doc.spans["stance"]]


def _events(nlp: Language, text: str) -> list[tuple[str, str]]:
    """(cue text, PLOVER type) of every event cue of text, after negation and intent."""
    doc = nlp(text)
    return [(s.text, s.label_) for s in doc.spans["events"]]


def _coded(doc: spacy.tokens.Doc, sents: list[spacy.tokens.Span]) -> tuple[str | None, str]:
    """(event type, stance) of consecutive sentences of doc, coded together."""
    a, b = sents[0].start, sents[-1].end
    spans = [doc.spans[g] for g in ("clauses", "events", "stance")]
    clauses, events, descriptors = ([sp for sp in group if a <= sp.start < b] for group in spans)
    _, kind, stance = code_sentence(clauses, events, descriptors, doc.text)
    return kind, stance


def _sentence(nlp: Language, text: str) -> tuple[str | None, str]:
    doc = nlp(text)
    return _coded(doc, list(doc.sents))


def test_content_lexicons_load() -> None:
    sectors = load_sectors(CONTENT / "sectors.yaml")
    assert set(sectors) == set(SECTOR_IDS)
    assert all(20 <= len(s.terms) <= 60 for s in sectors.values())
    assert all(t == t.lower() for s in sectors.values() for t in s.terms)
    stance = load_stance(CONTENT / "stance.yaml")
    assert stance.window == 3 and "rivalry" in stance.tension and "friendship" in stance.cooperation
    assert not {"trade", "investment", "technology"} & {*stance.cooperation, *stance.tension}
    events = load_content(CONTENT).events
    assert "sign" in events.cues["AGREE"] and "ban" in events.cues["SANCTION"]


def test_memorandum_on_energy_is_cooperation(nlp: Language) -> None:
    text = "France signed a memorandum with India on nuclear energy."
    assert {"energy", "diplomacy"} <= _sectors(nlp, text)
    assert ("signed", "AGREE") in _events(nlp, text)
    assert _sentence(nlp, text) == ("AGREE", "cooperation")


def test_sanctions_on_banks_are_tension(nlp: Language) -> None:
    text = "Washington imposed sanctions on Moscow's banks."
    assert {"sanctions", "finance_banking"} <= _sectors(nlp, text)
    assert _events(nlp, text) == [("sanctions", "SANCTION")]
    assert _sentence(nlp, text) == ("SANCTION", "tension")


def test_negated_cooperation_becomes_tension(nlp: Language) -> None:
    assert ("sign", "REJECT") in _events(nlp, "Berlin did not sign the agreement.")
    assert _events(nlp, "Madrid has never signed it.") == [("signed", "REJECT")]
    assert _sentence(nlp, "Madrid has never signed it.") == ("REJECT", "tension")


def test_negated_tension_is_dropped(nlp: Language) -> None:
    assert _events(nlp, "Ottawa did not condemn Mexico.") == []
    assert _stance(nlp, "Ottawa and Lima are no longer rivals.") == []


def test_negator_does_not_cross_sentences_or_window(nlp: Language) -> None:
    assert _events(nlp, "It did not. Chile signed.") == [("signed", "AGREE")]
    assert _events(nlp, "No one in the room then signed.") == [("signed", "AGREE")]


@pytest.mark.parametrize("text", ["Operators replaced 5G networks.", "Rome bought Huawei equipment.",
                                  "The ZTE base stations were removed."])
def test_telecom(nlp: Language, text: str) -> None:
    assert "telecom_5g" in _sectors(nlp, text)


@pytest.mark.parametrize(("text", "label"), [
    ("Seoul banned the imports.", "tension"),
    ("Kenya is signing the accord.", "cooperation"),
    ("Oslo expelled two diplomats.", "tension"),
    ("Peru and Chile met in Lima.", "cooperation"),
    ("Egypt accuses Sudan.", "tension"),
    ("Japan and India have allied.", "cooperation"),
])
def test_inflections(nlp: Language, text: str, label: str) -> None:
    assert _sentence(nlp, text)[1] == label


def test_multi_word_terms_beat_their_words(nlp: Language) -> None:
    doc = nlp("Canada lifted the sanctions; Brazil will lift sanctions, keep other sanctions and signed "
              "a Memorandum of Understanding.")
    events = [(s.text, s.label_) for s in doc.spans["events"]]
    assert ("lifted the sanctions", "CONCEDE") in events
    assert ("lift sanctions", "CONCEDE") in events
    assert ("Memorandum of Understanding", "AGREE") in events
    assert ("sanctions", "SANCTION") in events
    spans = {(s.text, s.label_) for s in doc.spans["sectors"]}
    assert ("Memorandum of Understanding", "diplomacy") in spans
    assert ("Memorandum", "diplomacy") not in spans


def test_sentence_stance() -> None:
    assert sentence_stance([]) == "neutral"
    assert sentence_stance([("cooperation", 1), ("cooperation", 4), ("tension", 7)]) == "cooperation"
    assert sentence_stance([("cooperation", 1), ("tension", 7)]) == "tension"
    assert sentence_stance([("tension", 2), ("tension", 2), ("cooperation", 5)]) == "tension"


def test_sentence_cues(nlp: Language) -> None:
    doc = nlp("Oslo and Rome are old friends. Rome and Bern are rivals.")
    first, second = doc.sents
    assert sentence_stance(sentence_cues(doc, first)) == "cooperation"
    assert sentence_stance(sentence_cues(doc, second)) == "tension"
    assert _coded(doc, [first]) == (None, "cooperation") and _coded(doc, [second]) == (None, "tension")


@pytest.mark.parametrize(("word", "form"), [
    ("Signed", "sign"), ("banning", "ban"), ("accused", "accus"), ("accuse", "accus"), ("allies", "ally"),
    ("agreed", "agre"), ("agreeing", "agre"), ("news", "news"), ("tariffs", "tarif"), ("5G", "5g"),
])
def test_normalise(word: str, form: str) -> None:
    assert normalise(word) == form


# --- loader errors: each asserts the exact path:line message ----------------------------------


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(loader, path: Path) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(GeneratorError) as info:
        loader(path)
    return str(info.value)


def test_unknown_key_suggests(tmp_path: Path) -> None:
    path = _write(tmp_path, "sectors.yaml", "trade:\n  label: Trade\n  descripton: x\n  terms: [tariff]\n")
    assert _error(load_sectors, path) == (
        f"{path}:3: unknown key 'descripton' in sector 'trade' (did you mean 'description'?)\n"
        f"{path}:2: sector 'trade' lacks 'description'"
    )


def test_unknown_sector_id_suggests(tmp_path: Path) -> None:
    text = "trade:\n  label: T\n  description: d\n  terms: [x]\nenergie:\n  label: E\n"
    path = _write(tmp_path, "sectors.yaml", text)
    assert _error(load_sectors, path) == f"{path}:5: unknown sector id 'energie' (did you mean 'energy'?)"


def test_wrong_type(tmp_path: Path) -> None:
    path = _write(tmp_path, "sectors.yaml", "health:\n  label: Health\n  description: d\n  terms: vaccine\n")
    assert _error(load_sectors, path) == f"{path}:4: 'terms' must be list"


def test_duplicate_and_empty_terms(tmp_path: Path) -> None:
    text = "health:\n  label: H\n  description: d\n  terms:\n  - vaccine\n  - vaccines\nsanctions:\n" \
           "  label: S\n  description: d\n  terms: []\n"
    path = _write(tmp_path, "sectors.yaml", text)
    assert _error(load_sectors, path) == (
        f"{path}:6: term 'vaccines' of sector 'health' repeats 'vaccine' (same word once inflection is "
        f"ignored) (keep one of them)\n"
        f"{path}:10: sector 'sanctions' has no terms (list at least one phrase)"
    )


def test_malformed_yaml(tmp_path: Path) -> None:
    path = _write(tmp_path, "sectors.yaml", "trade:\n  label: [Trade\n  terms: x\n")
    assert _error(load_sectors, path).startswith(f"{path}:3: invalid YAML: ")


def test_stance_errors(tmp_path: Path) -> None:
    text = "cooperation: [sign, agree]\ntension:\n- ban\n- no\n- Agree\nnegators: [not]\nwindow: many\n"
    path = _write(tmp_path, "stance.yaml", text)
    assert _error(load_stance, path) == f"{path}:7: 'window' must be int"
    path = _write(tmp_path, "stance.yaml", text.replace("many", "3"))
    assert _error(load_stance, path) == (
        f"{path}:4: term 2 of 'tension' must be text (quote it)\n"
        f"{path}:5: term 'Agree' of 'tension' repeats 'agree' (same word once inflection is ignored) "
        f"in 'cooperation' (keep one of them)"
    )
    assert load_stance(_write(tmp_path, "stance.yaml", GOOD_STANCE)).negators == ("not",)


# --- gold check on the development annotations -------------------------------------------------


def _quote_sentences(nlp: Language, text: str, quote: str) -> list[spacy.tokens.Span]:
    found = re.search(r"\s+".join(map(re.escape, quote.split())), text)
    if not found:
        return []
    doc = nlp(text)
    return [s for s in doc.sents if s.start_char < found.end() and found.start() < s.end_char]


def test_gold_sectors_and_stance(nlp: Language) -> None:
    gold = yaml.safe_load((ROOT / "tests" / "seeds_dev.yaml").read_text(encoding="utf-8"))
    sector_hits = sector_total = stance_hits = stance_total = 0
    for event in gold["events"]:
        text = (CONTENT / "sources" / event["file"]).read_text(encoding="utf-8")
        sents = _quote_sentences(nlp, text, event["quote"])
        assert sents, f"quote of {event['id']} not found"
        doc = sents[0].doc
        found = {s.label_ for s in doc.spans["sectors"] if sents[0].start <= s.start < sents[-1].end}
        missed = set(event.get("sectors") or []) - found
        sector_hits += len(event.get("sectors") or []) - len(missed)
        sector_total += len(event.get("sectors") or [])
        stance = _coded(doc, sents)[1]
        stance_total += 1
        stance_hits += stance == event["stance"]
        print(f"{event['id']}: missed {sorted(missed)} stance {stance} (gold {event['stance']})")
    recall, accuracy = sector_hits / sector_total, stance_hits / stance_total
    print(f"\nsector recall {sector_hits}/{sector_total} = {recall:.3f}; "
          f"stance accuracy {stance_hits}/{stance_total} = {accuracy:.3f}")
    # Floors about two items below the scores reached (47/70 sectors; 26/44 stances coded from event types).
    assert recall >= 45 / 70
    assert accuracy >= 25 / 44


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("abdeginorst ,.'-\n5G")), max_size=80))
def test_any_text_gives_aligned_spans(nlp: Language, text: str) -> None:
    doc = nlp(text)
    for span in [*doc.spans["sectors"], *doc.spans["stance"]]:
        assert 0 <= span.start < span.end <= len(doc)
    first = next(iter(doc.sents), None)
    if first is not None:
        assert sentence_stance(sentence_cues(doc, first)) in {"cooperation", "tension", "neutral"}


@pytest.mark.parametrize("text", [
    "Ties with Freedonia have soured since the election.",
    "The court granted sovereignty over the islands to Ruritania.",
    "The border dispute between the two neighbours goes back decades.",
    "Ruritania gave $20 million in foreign aid to Freedonia.",
])
def test_ties_sovereignty_disputes_and_foreign_aid_are_diplomacy(nlp: Language, text: str) -> None:
    assert "diplomacy" in _sectors(nlp, text)


def test_ties_in_another_sense_are_not_diplomacy(nlp: Language) -> None:
    assert "diplomacy" not in _sectors(nlp, "The shirts come with matching ties.")
