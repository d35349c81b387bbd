"""Tests of event coding: the content/events.yaml loader, and PLOVER types and stance per clause
(generator/nlp/events.py), on made-up sentences of each general class."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from generator.content import load_content
from generator.content.events import load_events
from generator.content.vocabulary import EVENT_TYPES
from generator.errors import GeneratorError
from generator.facts.model import Fact
from generator.nlp.events import Clause, clause_for_pair, code_sentence, pair_coding
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
    assert all(events.cues[t] for t in EVENT_TYPES) and events.window == 4
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


@pytest.mark.parametrize(("text", "kind"), [
    ("Farmers in Latvia called off their blockade of the border with Estonia.", "CONCEDE"),
    ("Truckers in Slovakia agreed to suspend their protests at the Czech border.", "AGREE"),
    ("The rebels halted their offensive near the Malian border.", "CONCEDE"),
])
def test_ending_a_hostile_act_is_a_concession(nlp: Language, text: str, kind: str) -> None:
    assert kind_and_stance(nlp, text) == (kind, "cooperation")


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
    "Lithuania cut oil supplies to Belarus.",
    "Moldova halted gas deliveries to Transnistria.",
    "Korea suspended imports of Japanese seafood.",
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


def test_a_denial_hides_what_it_denies(nlp: Language) -> None:
    assert kind_and_stance(nlp, "Rome denied reports that it had signed a secret deal with Moscow.") == (
        None, "neutral")
    clauses, _, _ = code(nlp, "Lima dismissed the claims, but Quito signed the accord.")
    assert [c.event_type for c in clauses] == [None, "AGREE"]  # the rest of its clause only


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


# --- issue 12: restriction over cooperation, wider negation, subordinate clauses, new cue classes ------


@pytest.mark.parametrize("text", [
    "Denmark and Norway agreed to ban Chinese vendors from their networks.",
    "Sweden will cooperate with Oslo and exclude foreign vendors from the tender.",
])
def test_restriction_outweighs_cooperation_in_its_clause(nlp: Language, text: str) -> None:
    clauses, kind, stance = code(nlp, text)
    assert (kind, stance) == ("SANCTION", "tension") and clauses[0].joint in {"AGREE", "COOPERATE"}


def test_talks_about_a_restriction_are_talks(nlp: Language) -> None:
    assert kind_and_stance(nlp, "Officials met to discuss the ban on seafood imports.") == (
        "CONSULT", "cooperation")


def test_negators_match_as_written(nlp: Language) -> None:
    assert kind_and_stance(nlp, "The minister noted the signing of the accord.") == ("AGREE", "cooperation")
    assert kind_and_stance(nlp, "Ghana didn't sign the accord.") == ("REJECT", "tension")


@pytest.mark.parametrize("text", [
    "Chile has not yet signed the accord with Peru.",  # the negator four words before the cue
    "The talks collapsed after a week.",
    "Delegates noted the collapse of negotiations on fishing rights.",
])
def test_failed_or_negated_cooperation_is_reject(nlp: Language, text: str) -> None:
    assert kind_and_stance(nlp, text) == ("REJECT", "tension")


@pytest.mark.parametrize(("text", "kind"), [
    ("The lifting of the fruit ban followed the visit.", "CONCEDE"),
    ("Washington exempted Ottawa from the steel tariffs.", "CONCEDE"),
    ("The two presidents attended the opening of the new bridge.", "COOPERATE"),
    ("The envoy departs for Suva next week.", "CONSULT"),
    ("The minister departs on Monday and returns on Friday.", "CONSULT"),
    ("A coast guard ship fired a water cannon at a fishing boat.", "COERCE"),
    ("Cairo reserves the right to defend its interests.", "THREATEN"),
    ("The ministers hope to resolve the border question soon.", "AGREE"),
])
def test_new_cue_classes(nlp: Language, text: str, kind: str) -> None:
    assert kind_and_stance(nlp, text)[0] == kind


def test_a_tone_struck_is_no_attack(nlp: Language) -> None:
    assert kind_and_stance(nlp, "The leaders struck a warm tone at the summit.") == ("CONSULT", "cooperation")


@pytest.mark.parametrize(("text", "stance"), [
    ("Both governments want to mend the ties.", "cooperation"),
    ("It was a breakthrough for the two neighbours.", "cooperation"),
    ("Peru is Chile's largest trading partner.", "cooperation"),  # a relation, not an event
    ("His provocative remarks angered the neighbours.", "tension"),
    ("Relations entered a downward spiral.", "tension"),
])
def test_relation_words_of_issue_12(nlp: Language, text: str, stance: str) -> None:
    assert kind_and_stance(nlp, text) == (None, stance)


def test_subordinate_clauses_have_their_own_event(nlp: Language) -> None:
    text = "Envoys met in Geneva, two years after the talks collapsed."
    clauses, _, _ = code(nlp, text)
    assert [c.event_type for c in clauses] == ["CONSULT", "REJECT"]
    assert text[clauses[1].start:].startswith("after")


# --- stance per pair ---------------------------------------------------------------------------------


def _clause(start: int, end: int, kind: str | None, stance: str, parties: tuple[str, ...] = (),
            **roles: Any) -> Clause:
    return Clause(start, end, kind, stance, None, roles.pop("opposes", None), parties, **roles)


def test_a_clause_stance_goes_to_its_own_pair() -> None:
    clauses = [_clause(0, 40, "AGREE", "cooperation", ("CL", "PE")),
               _clause(40, 80, "ACCUSE", "tension", ("BO", "AR"))]
    assert pair_coding(clauses, ("CL", "PE")) == ("AGREE", "cooperation")
    assert pair_coding(clauses, ("AR", "BO")) == ("ACCUSE", "tension")
    assert pair_coding(clauses, None) == ("ACCUSE", "tension")  # no pair: the sentence's majority (a tie)


def test_a_clause_naming_no_state_goes_on_about_the_pair() -> None:
    clauses = [_clause(0, 40, None, "neutral", ("GR", "TR")), _clause(40, 80, "AGREE", "cooperation")]
    assert pair_coding(clauses, ("GR", "TR")) == ("AGREE", "cooperation")
    bloc = [_clause(0, 40, "MOBILIZE", "tension", ("NATO",)), _clause(40, 80, "AID", "cooperation", ("CY",))]
    assert pair_coding(bloc, ("GR", "TR")) == ("MOBILIZE", "tension")  # a bloc names no other state


def test_the_clause_of_the_date_is_the_main_clause() -> None:
    clauses = [_clause(0, 40, "CONSULT", "cooperation", ("RS", "XK")), _clause(40, 80, "REJECT", "tension")]
    assert pair_coding(clauses, ("RS", "XK"), focus=50) == ("REJECT", "tension")
    assert pair_coding(clauses, ("RS", "XK"), focus=10) == ("CONSULT", "cooperation")
    # "Ties soured in 2020 when Ankara suspended the deal": the date's clause has a relation word only
    soured = [_clause(0, 30, None, "tension", ("GR", "TR")), _clause(30, 70, "REJECT", "tension", ("TR",))]
    assert pair_coding(soured, ("GR", "TR"), focus=20) == ("REJECT", "tension")


def test_roles_inside_a_clause_that_opposes_a_hostile_act() -> None:
    # "Chile condemned the attack on Bolivia by Peru."
    clause = _clause(0, 50, "SUPPORT", "cooperation", ("CL", "BO", "PE"), sources=("CL",), victims=("BO",),
                     opposing="ACCUSE", opposes="ASSAULT")
    assert clause_for_pair(clause, ("BO", "CL")) == ("SUPPORT", "cooperation")
    assert clause_for_pair(clause, ("BO", "PE")) == ("ASSAULT", "tension")
    assert clause_for_pair(clause, ("CL", "PE")) == ("ACCUSE", "tension")


def test_those_who_restrict_together_cooperate() -> None:
    # "Denmark and Norway agreed to ban Chinese vendors."
    clause = _clause(0, 50, "SANCTION", "tension", ("DK", "NO", "CN"), sources=("DK", "NO"), joint="AGREE")
    assert clause_for_pair(clause, ("DK", "NO")) == ("AGREE", "cooperation")
    assert clause_for_pair(clause, ("CN", "DK")) == ("SANCTION", "tension")


def test_fact_json_carries_pair_stances_only_when_set() -> None:
    fact = {"id": "d-s1", "document": "d", "sentence": 1, "start": 0, "end": 3, "text": "abc", "date": None,
            "countries": ["AR", "BO", "CL"], "pairs": ["AR-BO", "AR-CL", "BO-CL"], "actors": [],
            "sectors": [], "stance": "tension", "quantities": []}
    assert "pair_stances" not in Fact.from_json(fact).to_json()
    rich = fact | {"pair_stances": {"AR-BO": "tension", "AR-CL": "neutral", "BO-CL": "cooperation"}}
    assert Fact.from_json(rich).to_json() == rich


@pytest.mark.parametrize(("text", "kind", "stance"), [
    ("Fighting erupted along the border between the two armies overnight.", "ASSAULT", "tension"),
    ("Deadly clashes continued in the disputed valley on Sunday.", "ASSAULT", "tension"),
    ("A fishing boat was rammed by coast guard vessels near the reef.", "COERCE", "tension"),
    ("Two years later, Lima ended diplomatic relations with Quito.", "SANCTION", "tension"),
    # PLOVER codes reducing or breaking diplomatic relations as SANCTION
    ("Her remarks raised the prospect of a severance of ties with Bogotá.", "SANCTION", "tension"),
    ("The cutting of diplomatic relations takes effect on Friday.", "SANCTION", "tension"),
    ("Quito broke off diplomatic ties with Bogotá in 2008.", "SANCTION", "tension"),
    # recalling an ambassador reduces relations, closing a border and stopping aid restrict: SANCTION
    ("Vilnius said it was recalling its ambassador from Beijing.", "SANCTION", "tension"),
    ("Wellington informed Avarua that the funding would be paused.", "SANCTION", "tension"),
    # a map is released, not a prisoner; free association is a status, not a release
    ("A new map released by Delhi has led to protests in Kathmandu.", "PROTEST", "tension"),
    ("Niue is in free association with New Zealand.", None, "neutral"),
    ("The minister talks to journalists during a press briefing in Yangon.", None, "neutral"),
    ("Kampala sent more security personnel to the island.", "MOBILIZE", "tension"),
    ("Riot police were dispatched to the border post.", "MOBILIZE", "tension"),
    ("Ghana sent medical personnel to Liberia.", None, "neutral"),
    ("The two states established diplomatic relations in 1972.", "COOPERATE", "cooperation"),
    ("Both governments named ambassadors last week.", "COOPERATE", "cooperation"),
    ("The government sealed the border with its neighbour in March.", "SANCTION", "tension"),
    # PLOVER's COOPERATE: "initiate, resume, improve, or expand mutual material cooperation or exchange"
    ("The ministers officially opened the border crossing between the two countries.", "COOPERATE",
     "cooperation"),
    ("The two neighbours reopened their embassies and resumed flights.", "COOPERATE", "cooperation"),
    ("Morocco normalized relations with Israel on Thursday.", "COOPERATE", "cooperation"),
    # ending an agreement is REJECT; revoking a licence or an exemption restricts; a shut frontier
    ("Last month Ruritania terminated the port deal with Freedonia.", "REJECT", "tension"),
    ("The court annulled the fishing accord.", "REJECT", "tension"),
    ("Washington revoked the sanctions waiver for the port.", "SANCTION", "tension"),
    ("Since March the frontier has remained shut.", "SANCTION", "tension"),
    ("The three activists were released to the consul on Friday.", "CONCEDE", "cooperation"),
])
def test_conflict_and_reconciliation_vocabulary(nlp: Language, text: str, kind: str, stance: str) -> None:
    assert kind_and_stance(nlp, text) == (kind, stance)


@pytest.mark.parametrize("text", [
    "The ministry released a statement on the talks.",
    "The bloc signed a free trade agreement.",
])
def test_release_of_a_document_and_free_trade_are_not_concessions(nlp: Language, text: str) -> None:
    assert kind_and_stance(nlp, text)[0] != "CONCEDE"


@pytest.mark.parametrize(("text", "kind", "stance"), [
    ("Bolivia filed a complaint against Chile at the court.", "ACCUSE", "tension"),
    ("Qatar objected to the summit hosted by Bahrain.", "REJECT", "tension"),
    ("Two fighter jets entered Finnish airspace near the border.", "MOBILIZE", "tension"),
    ("Tokyo is seeking a solution to the dispute with Moscow.", "AGREE", "cooperation"),
    # a celebration is no event between the two, but says where the relationship stands
    ("Hanoi and London celebrated the 40th anniversary of diplomatic relations.", None, "cooperation"),
    ("The President welcomed Prime Minister Tanaka for a bilateral meeting.", "CONSULT", "cooperation"),
    ("Thank you for your warm welcome in Hanoi.", "CONSULT", "cooperation"),
    ("Welcoming the ruling, Oslo praised the court.", "SUPPORT", "cooperation"),
    ("Today marks the conclusion of negotiations on the partnership agreement.", "AGREE", "cooperation"),
    ("Negotiations on the accord were finalised in 2014.", "AGREE", "cooperation"),
    ("Payments were made as called for in the compact review agreement.", "AGREE", "cooperation"),
    ("Spain faced a humanitarian crisis at its border with Morocco.", None, "tension"),
    ("Japan is the largest donor to the island states.", "AID", "cooperation"),
])
def test_third_round_vocabulary(nlp: Language, text: str, kind: str | None, stance: str) -> None:
    """Complaints and objections are conflict; airspace incursions mobilise; seeking a solution, donors and
    anniversaries of relations cooperate; "as called for in" requests nothing; a humanitarian crisis is no
    aid."""
    assert kind_and_stance(nlp, text) == (kind, stance)


@pytest.mark.parametrize(("text", "kind", "stance"), [
    ("Protesters held a sign outside the embassy of Chile.", "PROTEST", "tension"),
    ("Qatar objected last month to the summit hosted by Bahrain.", "REJECT", "tension"),
    ("The borders were sealed by Riyadh in 2017.", "SANCTION", "tension"),
])
def test_signs_as_nouns_gapped_objections_and_passive_closures(nlp: Language, text: str, kind: str,
                                                               stance: str) -> None:
    assert kind_and_stance(nlp, text) == (kind, stance)


def test_supplying_is_cooperation_and_stopping_supplies_is_sanction(nlp: Language) -> None:
    assert kind_and_stance(nlp, "Azerbaijan will supply gas to Georgia.") == ("COOPERATE", "cooperation")
    assert kind_and_stance(nlp, "Azerbaijan cut off gas supplies to Georgia.") == ("SANCTION", "tension")
