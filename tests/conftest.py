"""Shared fixtures: the demo corpus extracted once per test session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class DemoBuild:
    """The demo corpus built once with one engine: its site, its generated Markdown and the result."""

    site: Path
    generated: Path
    result: Any


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], DemoBuild]:
    """`demo_build(engine)`: the demo site built with `engine` ("mkdocs" or "zensical"), once per test
    session and engine. Tests only read it."""
    built: dict[str, DemoBuild] = {}

    def get(engine: str = "mkdocs") -> DemoBuild:
        if engine not in built:
            from generator.builder import Paths, build

            tmp = tmp_path_factory.mktemp(f"demo-{engine}")
            paths = Paths(content=ROOT / "content", templates=ROOT / "templates", site=tmp / "site",
                          config=ROOT / "mkdocs.yml", work=tmp / "work")
            result = build(paths, engine=engine)
            built[engine] = DemoBuild(paths.site, paths.generated, result)
        return built[engine]

    return get


def pytest_addoption(parser: Any) -> None:
    """`pytest --update-goldens` rewrites tests/golden/ from the current output instead of comparing."""
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden/ from the output")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the extraction scores against the gold annotations after every run."""
    from tests.scoring import REPORT

    if REPORT:
        terminalreporter.section("extraction scores: demo = tests/seeds_dev.yaml, dev = tests/devset/")
        for line in REPORT:
            terminalreporter.write_line(line)
