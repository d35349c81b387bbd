"""Shared fixtures: the demo corpus extracted once per test session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def demo_facts() -> dict[str, Any]:
    """Facts of the demo corpus in content/sources, extracted with the real pipeline."""
    from generator.builder import extract_corpus

    data, _ = extract_corpus(ROOT / "content" / "sources", ROOT / "content")
    return data


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the extraction scores against the gold annotations after every run."""
    from tests.scoring import REPORT

    if REPORT:
        terminalreporter.section("extraction scores: demo = tests/seeds_dev.yaml, dev = tests/devset/")
        for line in REPORT:
            terminalreporter.write_line(line)
