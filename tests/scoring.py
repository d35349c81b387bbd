"""Scores extracted facts against hand-checked gold annotations (events, figures, actors)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def _facts_with(facts: list[dict[str, Any]], file: str, quote: str) -> list[dict[str, Any]]:
    doc, q = _doc_id(file), _norm(quote)
    return [f for f in facts if f["document"] == doc and q in _norm(f["text"])]


def unit_matches(gold_unit: str, ours: str) -> bool:
    """Currencies, percent and rank must be equal; a counted noun ("firms") matches 'count'."""
    if gold_unit.isupper() or gold_unit in PLAIN_UNITS:
        return gold_unit == ours
    return ours == "count"


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
    """Gold non-actors that became actors."""
    names = _actor_names(data)
    return [n for n in gold.get("non_actors", []) if n in names]
