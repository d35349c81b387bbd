"""Scores extracted facts against hand-checked gold annotations (events, figures, actors)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PLAIN_UNITS = {"percent", "rank"}
REPORT: list[str] = []  # score lines, printed at the end of the pytest run (tests/conftest.py)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _doc_id(file: str) -> str:
    return Path(file).stem


@dataclass
class Score:
    """Hits out of a total, with the misses kept for printing."""

    hits: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        """Share of hits (1.0 when there is nothing to find)."""
        return self.hits / self.total if self.total else 1.0

    def add(self, ok: bool, label: str) -> None:
        """Count one gold item."""
        self.total += 1
        self.hits += ok
        if not ok:
            self.misses.append(label)


def extract_set(folder: Path) -> dict[str, Any]:
    """Facts (JSON form) of an annotated set's articles (`folder`/articles), with the demo's curated
    content."""
    from generator.builder import extract_corpus

    data, _ = extract_corpus(folder / "articles", ROOT / "content")
    return data


def check_annotated_set(folder: Path, gold: dict[str, Any], minimum: int) -> None:
    """An annotated set holds at least `minimum` articles, annotates exactly those, and every quote of its
    events and figures stands verbatim (up to whitespace) in its article."""
    articles = sorted((folder / "articles").glob("*.txt"))
    assert len(articles) >= minimum
    assert {Path(d["file"]).name for d in gold["documents"]} == {p.name for p in articles}
    for item in gold["events"] + gold["quantities"]:
        text = " ".join((folder / "articles" / item["file"]).read_text(encoding="utf-8").split())
        assert " ".join(item["quote"].split()) in text, (item["file"], item["quote"])
        # YAML reads an unquoted NO (Norway) as false: every country code must be text
        codes = item.get("countries") or []
        assert all(isinstance(c, str) for c in codes), (item["file"], codes, 'quote codes such as "NO"')


def report(name: str, score: Score) -> None:
    """Keep a score line for the end-of-run summary and print it with its misses (pytest -s)."""
    REPORT.append(f"{name}: {score.hits}/{score.total} = {score.ratio:.3f}")
    print(f"\n{name}: {score.hits}/{score.total} = {score.ratio:.3f}")
    for miss in score.misses:
        print(f"  missed {miss}")


def assert_floor(label: str, score: Score, floor: float, minimum: int) -> None:
    """Report a score, then fail if it has fewer than `minimum` items or falls below `floor`."""
    report(label, score)
    assert score.total >= minimum, f"{label}: only {score.total} gold items"
    assert score.ratio >= floor, f"{label} {score.ratio:.3f} < {floor}"


def report_false_actors(label: str, data: dict[str, Any], gold: dict[str, Any]) -> list[str]:
    """Report and return the gold non-actors that became actors."""
    wrong = false_actors(data, gold)
    REPORT.append(f"{label} false actors: {len(wrong)} {wrong}")
    return wrong


def _facts_with(facts: list[dict[str, Any]], file: str, quote: str) -> list[dict[str, Any]]:
    doc, q = _doc_id(file), _norm(quote)
    return [f for f in facts if f["document"] == doc and q in _norm(f["text"])]


def unit_matches(gold_unit: str, ours: str) -> bool:
    """Currencies, percent and rank must be equal; a counted noun ("firms") matches 'count'; a duration
    or physical unit ("year", "km") matches 'count' or the same normalised unit."""
    sup = str.maketrans("23", "²³")
    gold_unit, ours = gold_unit.translate(sup), ours.translate(sup)  # "km2" is "km²", "m3" is "m³"
    if gold_unit.isupper() or gold_unit in PLAIN_UNITS:
        return gold_unit == ours
    from generator.nlp.numbers import PHYSICAL, pint_symbol

    same = pint_symbol(PHYSICAL[gold_unit]) if gold_unit in PHYSICAL else gold_unit  # "mile" is "mi"
    # the gold notes a rate in a comment ("1 million tons per year": unit ton), ours writes it ("t/a")
    return ours in ("count", gold_unit, same) or ours.split("/")[0] in (gold_unit, same)


def event_recall(data: dict[str, Any], gold: dict[str, Any]) -> Score:
    """A gold event is found when a fact of its document contains the quote and its date starts
    with the gold date."""
    score = Score()
    for ev in gold["events"]:
        found = any(f["date"] and f["date"]["value"].startswith(str(ev["date"]))
                    for f in _facts_with(data["facts"], ev["file"], ev["quote"]))
        score.add(found, f"{ev['id']} {ev['date']} {ev['quote']!r}")
    return score


def quantity_recall(data: dict[str, Any], gold: dict[str, Any]) -> Score:
    """A gold figure is found when the quote's fact carries its value and unit."""
    score = Score()
    for q in gold["quantities"]:
        found = any(abs(float(x["value"]) - float(q["value"])) < 1e-6 and unit_matches(q["unit"], x["unit"])
                    for f in _facts_with(data["facts"], q["file"], q["quote"]) for x in f["quantities"])
        score.add(found, f"{q['value']} {q['unit']} {q['quote']!r}")
    return score


def _actor_names(data: dict[str, Any]) -> set[str]:
    return {n for a in data["actors"] for n in [a["name"], *a["aliases"]]}


def actor_recall(data: dict[str, Any], gold: dict[str, Any]) -> Score:
    """A gold actor is found when its name or an alias is an actor's name or alias."""
    names = _actor_names(data)
    score = Score()
    for actor in gold["actors"]:
        score.add(bool({actor["name"], *actor.get("aliases", [])} & names), actor["name"])
    return score


def false_actors(data: dict[str, Any], gold: dict[str, Any]) -> list[str]:
    """Gold non-actors that became actors where they are named: a sentence holds the non-actor's words and
    one of its actors bears that name, in an article whose gold actors do not (the same words may name an
    actor of another article: "The East African" is a newspaper in one and an adjective in another; "The
    Kremlin" speaks in one and is a venue in another's date line); an actor no sentence mentions counts
    wherever it is."""
    forms = {a["id"]: {a["name"], *a["aliases"]} for a in data["actors"]}
    mentioned = {a for f in data["facts"] for a in f["actors"]}
    unmentioned = {n for a, names in forms.items() if a not in mentioned for n in names}
    gold_docs: dict[str, set[str]] = {}  # an actor's name -> the articles whose gold lists it as an actor
    for actor in gold.get("actors", []):
        for form in {actor["name"], *actor.get("aliases", [])}:
            gold_docs.setdefault(form, set()).update(_doc_id(f) for f in actor.get("files") or [])
    wrong = []
    for n in gold.get("non_actors", []):
        named = any(n in f["text"] and f["document"] not in gold_docs.get(n, set())
                    and any(n in forms.get(a, ()) for a in f["actors"]) for f in data["facts"])
        if named or n in unmentioned:
            wrong.append(n)
    return wrong


def _gold_fact(data: dict[str, Any], event: dict[str, Any]) -> dict[str, Any] | None:
    """The fact that reports a gold event: its quote's fact, preferring one dated like the gold."""
    found = _facts_with(data["facts"], event["file"], event["quote"])
    dated = [f for f in found if f["date"] and f["date"]["value"].startswith(str(event["date"]))]
    return (dated or found or [None])[0]


def _gold_pair(event: dict[str, Any]) -> str | None:
    codes = event.get("countries") or []
    return "-".join(sorted(codes[:2])) if len(codes) >= 2 else None


def stance_accuracy(data: dict[str, Any], gold: dict[str, Any]) -> Score:
    """A gold event between two states counts when its fact carries the gold stance (a missing fact is
    a miss). Stance is that of the relationship between the first two gold countries."""
    score = Score()
    for ev in gold["events"]:
        if not _gold_pair(ev) or not ev.get("stance"):
            continue
        fact = _gold_fact(data, ev)
        ours = fact["stance"] if fact else "no fact"
        score.add(ours == ev["stance"], f"{ev['id']} gold {ev['stance']}, ours {ours}: {ev['quote']!r}")
    return score


def event_type_accuracy(data: dict[str, Any], gold: dict[str, Any]) -> Score:
    """A gold event with an `event_type` key counts when its fact carries that PLOVER type (null: no type;
    a missing fact is a miss)."""
    score = Score()
    for ev in gold["events"]:
        if "event_type" not in ev:
            continue
        fact = _gold_fact(data, ev)
        ours = fact.get("event_type") if fact else "no fact"
        label = f"{ev['id']} gold {ev['event_type']}, ours {ours}: {ev['quote']!r}"
        score.add(ours == ev["event_type"], label)
    return score


def pair_accuracy(data: dict[str, Any], gold: dict[str, Any]) -> Score:
    """A gold event counts when its fact names its pair (the first two gold countries), or, for an
    event about one state, when the fact names that state."""
    score = Score()
    for ev in gold["events"]:
        codes = ev.get("countries") or []
        if not codes:
            continue
        fact = _gold_fact(data, ev)
        pair = _gold_pair(ev)
        if fact is None:
            ok = False
        elif pair:
            ok = pair in fact.get("pairs", [])
        else:
            ok = codes[0] in fact.get("countries", [])
        ours = ",".join(fact.get("pairs") or fact.get("countries") or []) if fact else "no fact"
        score.add(ok, f"{ev['id']} gold {pair or codes[0]}, ours {ours or '-'}: {ev['quote']!r}")
    return score


def sector_recall(data: dict[str, Any], gold: dict[str, Any]) -> Score:
    """Each sector of a gold event counts when the event's fact carries it."""
    score = Score()
    for ev in gold["events"]:
        fact = _gold_fact(data, ev)
        ours = set(fact.get("sectors", [])) if fact else set()
        for sector in ev.get("sectors") or []:
            score.add(sector in ours, f"{ev['id']} {sector}: {ev['quote']!r}")
    return score


def reference_date_accuracy(data: dict[str, Any], gold: dict[str, Any]) -> Score:
    """A gold document counts when its reference date equals the gold one, precision included."""
    docs = {d["id"]: d for d in data["documents"]}
    score = Score()
    for gold_doc in gold["documents"]:
        doc = docs.get(_doc_id(gold_doc["file"]))
        ours = doc["reference_date"] if doc else "no document"
        want = gold_doc.get("reference_date")
        score.add(ours == (str(want) if want is not None else None),
                  f"{gold_doc['file']} gold {want}, ours {ours}")
    return score


def actor_precision(data: dict[str, Any], gold: dict[str, Any]) -> Score:
    """Share of extracted actors that are gold actors, by name or alias (meaningful only when `data`
    was extracted from the annotated documents alone)."""
    names = {n for a in gold["actors"] for n in [a["name"], *a.get("aliases", [])]}
    score = Score()
    for actor in data["actors"]:
        score.add(bool({actor["name"], *actor["aliases"]} & names), actor["name"])
    return score
