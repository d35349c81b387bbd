"""Tests of event coding: the content/events.yaml loader, and PLOVER types and stance per clause
(generator/nlp/events.py), on made-up sentences of each general class."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from generator.content import load_content
from generator.content.events import load_events
from generator.content.vocabulary import EVENT_TYPES
from generator.errors import GeneratorError
from generator.facts.model import Fact
from generator.nlp.events import Clause, code_sentence
from generator.nlp.pipeline import initialize_pipes

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
MODIFIERS = "negators: [not]\nrefusals: [refuse to]\nintent: [may]\n"


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("briefs_lexicon")
    return initialize_pipes(nlp, load_content(CONTENT))


def code(nlp: Language, text: str) -> tuple[list[Clause], str | None, str]:
    """Clauses, event type and stance of a one-sentence text."""
    doc = nlp(text)
    return code_sentence(list(doc.spans["clauses"]), list(doc.spans["events"]), list(doc.spans["stance"]),
                         text)


def kind_and_stance(nlp: Language, text: str) -> tuple[str | None, str]:
    _, kind, stance = code(nlp, text)
    return kind, stance


# --- the lexicon file ------------------------------------------------------------------------------


def test_the_curated_lexicon_covers_every_type() -> None:
    events = load_events(CONTENT / "events.yaml")
    assert list(events.cues)[: len(EVENT_TYPES)] == list(EVENT_TYPES)
    assert all(events.cues[t] for t in EVENT_TYPES) and events.window == 3
    assert "not" in events.negators and "refuse to" in events.refusals and "may" in events.intent
    topics = {"trade", "investment", "technology", "economy"}
    assert not topics & {cue for cues in events.cues.values() for cue in cues}


def _error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GeneratorError) as info:
        load_events(path)
    return str(info.value).replace(str(path), "events.yaml")


def test_unknown_and_misspelt_keys(tmp_path: Path) -> None:
    assert _error(tmp_path, "AGREE: [sign]\nagree: [deal]\nSANCTON: [ban]\n" + MODIFIERS) == (
        "events.yaml:2: event type 'agree' must be written 'AGREE'\n"
        "events.yaml:3: unknown key 'SANCTON' in event lexicon (did you mean 'SANCTION'?)"
    )


def test_duplicate_cues_across_types(tmp_path: Path) -> None:
    text = "AGREE:\n- sign\n- deal\nREJECT:\n- veto\n- signed\n" + MODIFIERS
    assert _error(tmp_path, text) == (
        "events.yaml:6: term 'signed' of 'REJECT' repeats 'sign' (same word once inflection is ignored) in "
        "'AGREE' (keep one of them)"
    )


def test_bad_gap_and_missing_modifiers(tmp_path: Path) -> None:
    assert _error(tmp_path, "SANCTION: [keep ... out ... of]\n" + MODIFIERS) == (
        "events.yaml:1: cue 'keep ... out ... of' of 'SANCTION' must have one gap written ' ... ' "
        "between words"
    )
    missing = _error(tmp_path, "AGREE: [sign]\nnegators: [not]\n")
    assert missing.startswith("events.yaml:1: event lexicon lacks")


def test_good_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("AGREE: [sign]\nSANCTION: [keep ... out]\n" + MODIFIERS + "window: 2\n", encoding="utf-8")
    events = load_events(path)
    assert events.cues == {"AGREE": ("sign",), "SANCTION": ("keep ... out",)} and events.window == 2


# --- coding clauses --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind", "stance"), [
    ("Chile and Peru signed a fisheries accord.", "AGREE", "cooperation"),
    ("The foreign ministers of Ghana and Togo held talks in Lomé.", "CONSULT", "cooperation"),
    ("Oslo praised Reykjavik's handling of the crisis.", "SUPPORT", "cooperation"),
    ("Canberra lifted the sanctions on Suva.", "CONCEDE", "cooperation"),
    ("Brazil and Angola set up a joint venture.", "COOPERATE", "cooperation"),
    ("Norway donated vaccines to Malawi.", "AID", "cooperation"),
    ("Armenia withdrew troops from the border.", "RETREAT", "cooperation"),
    ("Lisbon urged Luanda to free the journalists.", "REQUEST", "tension"),
    ("Vietnam accused Manila of provocations.", "ACCUSE", "tension"),
    ("Hungary vetoed the aid package.", "REJECT", "tension"),
    ("Ankara threatened Athens with retaliation.", "THREATEN", "tension"),
    ("Seoul summoned the ambassador of Tokyo.", "PROTEST", "tension"),
    ("Ottawa expelled two diplomats of Caracas.", "SANCTION", "tension"),
    ("Baku deployed troops along the frontier.", "MOBILIZE", "tension"),
    ("Guyana seized a fishing boat from Suriname.", "COERCE", "tension"),
    ("Drones attacked a refinery in Homs.", "ASSAULT", "tension"),
])
def test_one_cue_of_each_type(nlp: Language, text: str, kind: str, stance: str) -> None:
    assert kind_and_stance(nlp, text) == (kind, stance)


@pytest.mark.parametrize("text", [
    "Trade between Peru and Chile reached $5 billion.",
    "Investment from Korea in Vietnam rose 8 percent.",
    "Technology companies in Finland and Estonia reported higher profits.",
])
def test_topic_words_alone_are_no_event(nlp: Language, text: str) -> None:
    assert kind_and_stance(nlp, text) == (None, "neutral")


@pytest.mark.parametrize("text", [
    "Ecuador did not sign the accord with Colombia.",
    "There was no agreement between Laos and Thailand.",
    "Poland refused to join the scheme.",
    "Lithuania declined to attend the summit.",
])
def test_negated_or_refused_cooperation_is_reject(nlp: Language, text: str) -> None:
    assert kind_and_stance(nlp, text) == ("REJECT", "tension")


def test_negated_conflict_is_no_event(nlp: Language) -> None:
    assert kind_and_stance(nlp, "Nepal did not condemn Bhutan.") == (None, "neutral")


@pytest.mark.parametrize("text", [
    "A panel said Denmark should not allow Chinese equipment in its networks.",
    "Ministers vowed to keep foreign vendors out of the grid.",
    "Finland will screen Chinese investment in its ports.",
    "The government plans to exclude Huawei from the tender.",
    "Estonia aims to reduce reliance on Russian gas.",
    "Latvia banned Russian imports.",
])
def test_restriction_and_exclusion_are_conflict(nlp: Language, text: str) -> None:
    kind, stance = kind_and_stance(nlp, text)
    assert kind in {"SANCTION", "REJECT", "THREATEN"} and stance == "tension"


def test_intent_to_cooperate_is_agree_and_intent_to_sanction_is_threaten(nlp: Language) -> None:
    assert kind_and_stance(nlp, "Japan plans to provide aid to Fiji.") == ("AGREE", "cooperation")
    assert kind_and_stance(nlp, "Seoul may impose tariffs on Chilean copper.") == ("THREATEN", "tension")
    assert kind_and_stance(nlp, "In May, Kenya signed the deal.") == ("AGREE", "cooperation")  # a month


def test_each_clause_has_its_own_event(nlp: Language) -> None:
    clauses, kind, stance = code(nlp, "Oslo and Lima signed a deal, but Peru accused Chile of dumping.")
    assert [(c.event_type, c.stance) for c in clauses] == [("AGREE", "cooperation"), ("ACCUSE", "tension")]
    assert (kind, stance) == ("ACCUSE", "tension")  # a tie is tension
    clauses, kind, _ = code(nlp, "Ghana and Togo held talks; no agreement was reached.")
    assert [c.event_type for c in clauses] == ["CONSULT", "REJECT"]
    text = "Mali rejected the plan, the minister said, while Niger welcomed it."
    clauses, _, _ = code(nlp, text)
    assert [c.event_type for c in clauses] == ["REJECT", None, "SUPPORT"]
    assert [text[c.start:c.end].split()[0] for c in clauses] == ["Mali", "said,", "while"]


def test_negation_does_not_cross_a_clause(nlp: Language) -> None:
    clauses, _, _ = code(nlp, "Rwanda did not comment, but Uganda signed the treaty.")
    assert [c.event_type for c in clauses] == [None, "AGREE"]


def test_opposing_a_hostile_act_sides_with_its_victim(nlp: Language) -> None:
    clauses, kind, stance = code(nlp, "Chile condemned the attack on Bolivia.")
    assert (kind, stance, clauses[0].opposes) == ("SUPPORT", "cooperation", "ASSAULT")
    clauses, kind, stance = code(nlp, "The senate opposed the renewal of anti-Cuban sanctions.")
    assert (kind, stance, clauses[0].opposes) == ("SUPPORT", "cooperation", "SANCTION")
    clauses, kind, stance = code(nlp, "Beijing condemned the sanctions.")  # no victim named: its own case
    assert (kind, stance, clauses[0].opposes) == ("ACCUSE", "tension", "SANCTION")


def test_not_events_hide_their_cues(nlp: Language) -> None:
    assert kind_and_stance(nlp, "The minister denied the report.") == (None, "neutral")
    assert kind_and_stance(nlp, "He spoke at a press conference in Quito.") == (None, "neutral")


def test_relation_words_when_no_event(nlp: Language) -> None:
    assert kind_and_stance(nlp, "Relations between Serbia and Kosovo remain strained.") == (None, "tension")
    assert kind_and_stance(nlp, "Dhaka and Thimphu share a long friendship.") == (None, "cooperation")


def test_empty_text(nlp: Language) -> None:
    doc = nlp("")
    assert list(doc.spans["events"]) == [] and list(doc.spans["clauses"]) == []


def test_fact_json_carries_event_type_only_when_set() -> None:
    fact = {"id": "d-s1", "document": "d", "sentence": 1, "start": 0, "end": 3, "text": "abc", "date": None,
            "countries": [], "pairs": [], "actors": [], "sectors": [], "stance": "neutral", "quantities": []}
    assert Fact.from_json(fact).to_json() == fact
    typed = fact | {"stance": "tension", "event_type": "SANCTION"}
    assert Fact.from_json(typed).to_json() == typed and Fact.from_json(typed).event_type == "SANCTION"
