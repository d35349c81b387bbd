"""Incremental rendering: a rebuild over the previous output gives exactly what a fresh render gives."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import generator.render.renderer as render
from generator.builder import extract_corpus
from generator.render.cache import MANIFEST
from generator.render.renderer import render_site

ROOT = Path(__file__).resolve().parent.parent
SECTORS = {"trade": {"label": "Trade", "description": "Goods"},
           "energy": {"label": "Energy", "description": ""}}

Inputs = tuple[dict[str, Any], dict[str, str], dict[str, dict], Path]


@pytest.fixture(scope="module")
def extracted() -> tuple[dict[str, Any], dict[str, str]]:
    return extract_corpus(ROOT / "content" / "sources", ROOT / "content")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != MANIFEST}


def _fact_text(facts: dict, sources: dict, sectors: dict, templates: Path) -> None:
    facts["facts"][0]["text"] += " Changed."


def _document_title(facts: dict, sources: dict, sectors: dict, templates: Path) -> None:
    facts["documents"][1]["title"] = "A new title"


def _actor_name(facts: dict, sources: dict, sectors: dict, templates: Path) -> None:
    busiest = max(facts["actors"], key=lambda a: sum(a["id"] in f["actors"] for f in facts["facts"]))
    busiest["name"] = "Renamed Actor"


def _document_removed(facts: dict, sources: dict, sectors: dict, templates: Path) -> None:
    gone = facts["documents"].pop()["id"]
    facts["facts"] = [f for f in facts["facts"] if f["document"] != gone]


def _pair_flips(facts: dict, sources: dict, sectors: dict, templates: Path) -> None:
    # Many new facts naming the less frequent country of a pair reorder its title everywhere.
    extra = []
    for n in range(300):
        fact = copy.deepcopy(facts["facts"][n % 10])
        fact["id"] = f"{fact['id']}-x{n}"
        fact["countries"] = ["TW"]
        extra.append(fact)
    facts["facts"].extend(extra)


def _sector_label(facts: dict, sources: dict, sectors: dict, templates: Path) -> None:
    sectors["trade"]["label"] = "Commerce"


def _source_text(facts: dict, sources: dict, sectors: dict, templates: Path) -> None:
    doc = sorted(sources)[0]
    sources[doc] = sources[doc].replace("e", "E", 3)


def _macro_edit(facts: dict, sources: dict, sectors: dict, templates: Path) -> None:
    macros = templates / "_macros.md.j2"
    macros.write_text(macros.read_text(encoding="utf-8").replace("<li>", "<li class=\"x\">"))


def _actor_template(facts: dict, sources: dict, sectors: dict, templates: Path) -> None:
    page = templates / "actor.md.j2"
    page.write_text(page.read_text(encoding="utf-8").replace("## Roles", "## Offices"))


MUTATIONS: dict[str, Callable[[dict, dict, dict, Path], None]] = {
    "fact text": _fact_text, "document title": _document_title, "actor name": _actor_name,
    "document removed": _document_removed, "pair title flips": _pair_flips, "sector label": _sector_label,
    "source text": _source_text, "shared macro": _macro_edit, "actor template": _actor_template,
}


def _counting(rendered: list[str]) -> Callable[..., str]:
    real = render.render_page

    def counted(env: Any, template: str, context: Any, templates_dir: Path) -> str:
        rendered.append(template)
        return real(env, template, context, templates_dir)

    return counted


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_incremental_render_equals_a_fresh_one(extracted, tmp_path: Path, name: str, monkeypatch) -> None:
    facts, sources = copy.deepcopy(extracted[0]), dict(extracted[1])
    sectors = copy.deepcopy(SECTORS)
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    render_site(facts, sources, sectors, templates, out)
    assert (out / MANIFEST).is_file()

    MUTATIONS[name](facts, sources, sectors, templates)
    rendered: list[str] = []
    monkeypatch.setattr(render, "render_page", _counting(rendered))
    render_site(facts, sources, sectors, templates, out)
    monkeypatch.undo()
    render_site(facts, sources, sectors, templates, fresh)
    assert _tree(out) == _tree(fresh)
    assert rendered, "nothing was rendered again"


def test_an_unchanged_rebuild_renders_only_corpus_wide_pages(extracted, tmp_path: Path, monkeypatch) -> None:
    facts, sources = extracted
    render_site(facts, sources, SECTORS, ROOT / "templates", tmp_path)
    rendered: list[str] = []
    monkeypatch.setattr(render, "render_page", _counting(rendered))
    render_site(facts, sources, SECTORS, ROOT / "templates", tmp_path)
    corpus_wide = ["changes.md.j2", "compare.md.j2", "data.md.j2", "home.md.j2", "how-to-read.md.j2",
                   "index.md.j2", "search.md.j2", "timeline.md.j2"]
    assert sorted(set(rendered)) == corpus_wide


def test_one_changed_fact_re_renders_only_pages_that_list_it(extracted, tmp_path: Path, monkeypatch) -> None:
    facts, sources = copy.deepcopy(extracted[0]), extracted[1]
    render_site(facts, sources, SECTORS, ROOT / "templates", tmp_path)
    fact = next(f for f in facts["facts"] if f["actors"] and f["pairs"])
    fact["text"] += " Changed."
    rendered: list[str] = []
    monkeypatch.setattr(render, "render_page", _counting(rendered))
    render_site(facts, sources, SECTORS, ROOT / "templates", tmp_path)
    entity_kinds = {"brief.md.j2", "actor.md.j2", "sector.md.j2", "source.md.j2"}
    entity_pages = [t for t in rendered if t in entity_kinds]
    briefs = [p for p in fact["pairs"] if (tmp_path / "briefs" / p.lower()).is_dir()]
    sectors = [s for s in fact["sectors"] if (tmp_path / "sectors" / s).is_dir()]
    expected = len(fact["actors"]) + 1 + len(briefs) + len(sectors)
    assert len(entity_pages) == expected


def test_a_damaged_page_is_rendered_again(extracted, tmp_path: Path) -> None:
    facts, sources = extracted
    render_site(facts, sources, SECTORS, ROOT / "templates", tmp_path)
    page = tmp_path / "briefs" / "cn-it" / "index.md"
    good = page.read_bytes()
    page.write_text("truncated")
    render_site(facts, sources, SECTORS, ROOT / "templates", tmp_path)
    assert page.read_bytes() == good


def test_cached_extraction_results_equal_fresh_ones_down_to_key_order(tmp_path: Path) -> None:
    # Render keys hash facts by their repr, so a rebuild from the cache must see the very same value.
    fresh, _ = extract_corpus(ROOT / "content" / "sources", ROOT / "content", cache=tmp_path / "c.sqlite")
    cached, _ = extract_corpus(ROOT / "content" / "sources", ROOT / "content", cache=tmp_path / "c.sqlite")
    assert repr(fresh) == repr(cached)
