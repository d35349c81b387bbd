"""Golden Markdown: the fixture project (tests/fixtures/project/) renders exactly as tests/golden/ holds.

A change to extraction, view models or templates that alters a page shows here as a readable diff of
the page. When the change is intended, refresh the files with `pytest tests/test_golden.py
--update-goldens` and review the diff in git."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from generator.builder import Paths, generate

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "project"
GOLDEN = ROOT / "tests" / "golden"
# What the render stage writes beside the pages that is not a page (the render cache's manifest).
NOT_PAGES = {".briefs-render.json"}


def _rendered(tmp: Path) -> dict[str, str]:
    content = tmp / "content"
    shutil.copytree(FIXTURE / "sources", content / "sources")
    for curated in sorted((ROOT / "content").glob("*.yaml")):
        shutil.copy(curated, content / curated.name)
    paths = Paths(content=content, site=tmp / "site", templates=ROOT / "templates",
                  config=ROOT / "mkdocs.yml", work=tmp / "work", cache=None)
    generate(paths)
    return {p.relative_to(paths.generated).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(paths.generated.rglob("*")) if p.is_file() and p.name not in NOT_PAGES}


def test_fixture_site_matches_golden(tmp_path: Path, request: Any) -> None:
    pages = _rendered(tmp_path)
    assert any(name.startswith("briefs/") for name in pages)  # the fixture makes at least one brief
    if request.config.getoption("--update-goldens"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in pages.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
              for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    assert sorted(pages) == sorted(golden), "pages added or removed (pytest --update-goldens to accept)"
    for name, text in pages.items():
        assert text == golden[name], f"{name} differs from tests/golden/{name} (pytest --update-goldens)"
