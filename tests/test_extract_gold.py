"""Scores the extractor on the hand-checked annotations of the demo corpus and asserts the floors.

Floors sit about two items below the scores reached, so a change that loses a few items fails."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.scoring import (
    actor_recall,
    assert_floor,
    event_recall,
    pair_accuracy,
    quantity_recall,
    report_false_actors,
    sector_recall,
    stance_accuracy,
)

ROOT_SOURCES = Path(__file__).resolve().parent.parent / "content" / "sources"
GOLD = yaml.safe_load((Path(__file__).parent / "seeds_dev.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "scorer", "floor"), [
    ("event recall", event_recall, 0.90),  # 42/44
    ("quantity recall", quantity_recall, 0.92),  # 28/28
    ("actor recall", actor_recall, 0.95),  # 95/97
    ("stance accuracy", stance_accuracy, 0.58),  # 26/41
    ("pair accuracy", pair_accuracy, 0.84),  # 39/44
    ("sector recall", sector_recall, 0.64),  # 48/70
])
def test_recall_floor(demo_facts: dict[str, Any], name: str, scorer: Any, floor: float) -> None:
    assert_floor(f"demo {name}", scorer(demo_facts, GOLD), floor, 11)


def test_no_false_actors(demo_facts: dict[str, Any]) -> None:
    assert report_false_actors("demo", demo_facts, GOLD) == []


def test_gold_document_metadata(demo_facts: dict[str, Any]) -> None:
    docs = {d["id"]: d for d in demo_facts["documents"]}
    for gold_doc in GOLD["documents"]:
        doc = docs[Path(gold_doc["file"]).stem]
        assert doc["published"] == gold_doc["published"], gold_doc["file"]
        source = (ROOT_SOURCES / gold_doc["file"]).read_text(encoding="utf-8")
        if gold_doc["reference_date"] and gold_doc["reference_date"][:4] not in source:
            continue  # the annotator knew the date from outside the text; no rule can find it
        assert doc["reference_date"] == gold_doc["reference_date"], gold_doc["file"]
