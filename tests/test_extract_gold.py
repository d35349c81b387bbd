"""Scores the extractor on the hand-checked annotations of the demo corpus and asserts the floors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.scoring import REPORT, actor_recall, event_recall, false_actors, quantity_recall

ROOT_SOURCES = Path(__file__).resolve().parent.parent / "content" / "sources"
GOLD = yaml.safe_load((Path(__file__).parent / "seeds_dev.yaml").read_text(encoding="utf-8"))


def _report(name: str, score: Any) -> None:
    REPORT.append(f"{name}: {score.hits}/{score.total} = {score.ratio:.3f}")
    print(f"\n{name}: {score.hits}/{score.total} = {score.ratio:.3f}")
    for miss in score.misses:
        print(f"  missed {miss}")


@pytest.mark.parametrize(("name", "scorer", "floor"), [
    ("event recall", event_recall, 0.85),
    ("quantity recall", quantity_recall, 0.9),
    ("actor recall", actor_recall, 0.9),
])
def test_recall_floor(demo_facts: dict[str, Any], name: str, scorer: Any, floor: float) -> None:
    score = scorer(demo_facts, GOLD)
    _report(name, score)
    assert score.total > 10
    assert score.ratio >= floor, f"{name} {score.ratio:.3f} < {floor}"


def test_no_false_actors(demo_facts: dict[str, Any]) -> None:
    wrong = false_actors(demo_facts, GOLD)
    REPORT.append(f"false actors: {len(wrong)} {wrong}")
    print(f"\nfalse actors: {len(wrong)} {wrong}")
    assert wrong == []


def test_gold_document_metadata(demo_facts: dict[str, Any]) -> None:
    docs = {d["id"]: d for d in demo_facts["documents"]}
    for gold_doc in GOLD["documents"]:
        doc = docs[Path(gold_doc["file"]).stem]
        assert doc["published"] == gold_doc["published"], gold_doc["file"]
        source = (ROOT_SOURCES / gold_doc["file"]).read_text(encoding="utf-8")
        if gold_doc["reference_date"] and gold_doc["reference_date"][:4] not in source:
            continue  # the annotator knew the date from outside the text; no rule can find it
        assert doc["reference_date"] == gold_doc["reference_date"], gold_doc["file"]
