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
    check_annotated_set,
    event_recall,
    extract_set,
    false_actors,
    pair_accuracy,
    quantity_recall,
    reference_date_accuracy,
    report,
    sector_recall,
    stance_accuracy,
)

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
    return extract_set(HELDOUT)


def test_heldout_is_as_documented() -> None:
    check_annotated_set(HELDOUT, GOLD, 8)


def test_heldout_scores_are_reported(heldout_facts: dict[str, Any]) -> None:
    for name, scorer in SCORERS.items():
        score = scorer(heldout_facts, GOLD)
        report(f"held-out {name}", score)
        assert score.total > 0
    REPORT.append(f"held-out false actors: {len(false_actors(heldout_facts, GOLD))}")
