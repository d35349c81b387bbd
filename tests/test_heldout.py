"""Scores the extractor on the held-out set (tests/heldout/): real articles annotated before any extractor
run and never used for tuning. Its scores are printed, not asserted (a floor here would invite tuning on
it); the annotation itself is checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.scoring import (
    REPORT,
    actor_precision,
    actor_recall,
    event_recall,
    false_actors,
    pair_accuracy,
    quantity_recall,
    reference_date_accuracy,
    report,
    sector_recall,
    stance_accuracy,
)

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = Path(__file__).resolve().parent / "heldout"
GOLD = yaml.safe_load((HELDOUT / "gold.yaml").read_text(encoding="utf-8"))
SCORERS = {
    "event recall": event_recall, "quantity recall": quantity_recall, "actor recall": actor_recall,
    "actor precision": actor_precision, "stance accuracy": stance_accuracy, "pair accuracy": pair_accuracy,
    "sector recall": sector_recall, "reference-date accuracy": reference_date_accuracy,
}


@pytest.fixture(scope="module")
def heldout_facts() -> dict[str, Any]:
    """Facts of the held-out articles, extracted with the demo's curated content."""
    from generator.builder import extract_corpus

    data, _ = extract_corpus(HELDOUT / "articles", ROOT / "content")
    return data


def test_heldout_is_as_documented() -> None:
    articles = sorted((HELDOUT / "articles").glob("*.txt"))
    assert len(articles) >= 8
    assert {Path(d["file"]).name for d in GOLD["documents"]} == {p.name for p in articles}
    for event in GOLD["events"] + GOLD["quantities"]:
        text = " ".join((HELDOUT / "articles" / event["file"]).read_text(encoding="utf-8").split())
        assert " ".join(event["quote"].split()) in text, (event["file"], event["quote"])


def test_heldout_scores_are_reported(heldout_facts: dict[str, Any]) -> None:
    for name, scorer in SCORERS.items():
        score = scorer(heldout_facts, GOLD)
        report(f"held-out {name}", score)
        assert score.total > 0
    REPORT.append(f"held-out false actors: {len(false_actors(heldout_facts, GOLD))}")
