"""The compare page, the How to read a brief page and actor profiles, on the built demo site (issue 13,
points 6-8): one chart per brief on one shared scale with working links, a linked page that explains
stance, event types and the rules of a brief with the numbers of generator/config.py, fact ids on the
pages, and a profile whose statements are the actor's own words and whose roles carry sentence dates."""

from __future__ import annotations

import json
import re
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from generator.config import TUNING
from generator.content.vocabulary import EVENT_TYPES, QUAD_CLASSES, STANCES
from generator.facts.model import FactsData
from generator.pages.compare import compare_pages, small_multiple
from generator.pages.corpus import aggregate
from generator.pages.howto import TOPICS
from generator.render.renderer import make_environment, render_page

ROOT = Path(__file__).resolve().parent.parent
SALVINI = "matteo-salvini"
_FIGURE = re.compile(r'<figure class="briefs-chart briefs-compare-chart".*?</figure>', re.S)
_SVG = re.compile(r"<svg [^>]*data-scale-max=\"(\d+)\".*?</svg>", re.S)
_SEGMENT = re.compile(r'<rect class="briefs-(\w+)" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)">'
                      r"<title>[^<]*?, (\d{4}): (\d+) (\w+)</title>")
_BRIEF_SEGMENT = re.compile(r'<rect class="briefs-(?:cooperation|tension|neutral)"[^>]*>'
                            r"<title>(\d{4}): (\d+) (\w+)</title>")
_DATE = r"\d{4}(?:-\d{2}){0,2}"


@pytest.fixture(scope="module")
def site(demo_build: Any) -> Path:
    return Path(demo_build("mkdocs").site)


@pytest.fixture(scope="module")
def generated(demo_build: Any) -> Path:
    return Path(demo_build("mkdocs").generated)


@pytest.fixture(scope="module")
def facts(site: Path) -> dict[str, Any]:
    return json.loads((site / "data" / "facts.json").read_text(encoding="utf-8"))


def page(site: Path, relative: str) -> str:
    return (site / relative / "index.html").read_text(encoding="utf-8")


def brief_slugs(site: Path) -> list[str]:
    return sorted(p.name for p in (site / "briefs").iterdir() if (p / "index.html").is_file())


def section(html: str, heading_id: str) -> str:
    """The HTML between the h2 with this id and the next h2."""
    found = re.search(rf'<h2 id="{heading_id}".*?</h2>(.*?)(?=<h2|\Z)', html, re.S)
    assert found, f"no section #{heading_id}"
    return found.group(1)


def resolves(site: Path, page_dir: str, href: str) -> bool:
    """A relative link of a built page (directory URLs) leads to a file of the site."""
    target = (site / page_dir / href.split("#")[0]).resolve()
    return (target / "index.html").is_file() if target.is_dir() else target.is_file()


# --- compare ----------------------------------------------------------------------------------


def test_compare_has_one_chart_per_brief_each_linking_to_it(site: Path) -> None:
    html = page(site, "compare")
    figures = _FIGURE.findall(html)
    links = [re.search(r'<figcaption><a href="([^"]+)"', f) for f in figures]
    assert all(links)
    hrefs = [m.group(1) for m in links if m]
    assert sorted(h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs) == brief_slugs(site) != []
    assert all(resolves(site, "compare", h) for h in hrefs)
    for href in set(re.findall(r'href="([^"#:]+)"', html)):
        assert href.startswith(("http", "/")) or resolves(site, "compare", href), href


def test_compare_charts_share_one_scale(site: Path) -> None:
    figures = _FIGURE.findall(page(site, "compare"))
    maxima = {int(m.group(1)) for f in figures if (m := _SVG.search(f))}
    assert len(maxima) == 1, "every chart has the same y maximum"
    peak = maxima.pop()
    totals: dict[tuple[str, str], int] = {}
    per_fact = []
    for figure in figures:
        slug = re.search(r'href="[^"]*briefs/([^/"]+)/"', figure)
        assert slug
        for stance, height, year, value, named in _SEGMENT.findall(figure):
            assert stance == named and stance in STANCES
            totals[(slug.group(1), year)] = totals.get((slug.group(1), year), 0) + int(value)
            per_fact.append(float(height) / int(value))
    assert max(totals.values()) == peak, "the scale's maximum is the busiest year of any brief"
    assert per_fact and max(per_fact) - min(per_fact) < 0.1, "one fact is the same height in every chart"
    spans = {str(re.findall(r">(\d{4})</text>", f)) for f in figures}
    assert len(spans) == 1, "every chart spans the same years"


def test_compare_counts_are_those_of_each_brief_chart(site: Path) -> None:
    figures = _FIGURE.findall(page(site, "compare"))
    for figure in figures:
        slug = re.search(r'href="[^"]*briefs/([^/"]+)/"', figure)
        assert slug
        drawn = sorted((y, int(v), s) for _, _, y, v, s in _SEGMENT.findall(figure))
        own = page(site, f"briefs/{slug.group(1)}")
        brief = sorted((y, int(v), s) for y, v, s in _BRIEF_SEGMENT.findall(own))
        assert drawn == brief, slug.group(1)


def test_compare_charts_are_accessible(site: Path) -> None:
    for figure in _FIGURE.findall(page(site, "compare")):
        svg = re.search(r'<svg [^>]*role="img" aria-labelledby="(\S+) (\S+)"', figure)
        assert svg, "each chart is an image labelled by its title and description"
        assert f'<title id="{svg.group(1)}">' in figure and f'<desc id="{svg.group(2)}">' in figure
        for stance in ("tension", "neutral"):  # told apart by pattern as well as by colour
            if f'<rect class="briefs-{stance}"' in figure:
                assert f'fill="url(#briefs-compare-{stance})"' in figure
    assert 'id="briefs-compare-tension"' in page(site, "compare")


def test_compare_page_is_deterministic_and_escaped(facts: dict[str, Any], generated: Path) -> None:
    corpus = aggregate(FactsData.from_json(facts), {}, {})
    env = make_environment(ROOT / "templates")
    (relative, context), = compare_pages(corpus)
    first = render_page(env, "compare.md.j2", context, ROOT / "templates")
    again = render_page(env, "compare.md.j2", compare_pages(corpus)[0][1], ROOT / "templates")
    assert first == again == (generated / relative).read_text(encoding="utf-8")
    hostile = small_multiple("x", '<script>"&</script>', {"2020": {"tension": 1}}, ["2020"], 1)
    assert "<script>" not in hostile and "&lt;script&gt;&quot;&amp;" in hostile


# --- how to read ------------------------------------------------------------------------------


def test_how_to_read_exists_and_is_linked(site: Path) -> None:
    html = page(site, "how-to-read")
    assert "How to read a brief" in html
    for relative, back in (("", ""), ("briefs", "../"), (f"briefs/{brief_slugs(site)[0]}", "../../"),
                           ("compare", "../")):
        assert f'href="{back}how-to-read/"' in page(site, relative), f"{relative or 'home'} links to it"


def test_how_to_read_lists_the_vocabulary_and_the_settings(site: Path) -> None:
    html = page(site, "how-to-read")
    for quad in QUAD_CLASSES:
        assert quad.capitalize() in html
    for event_type in EVENT_TYPES:
        assert f"<strong>{event_type.capitalize()}</strong> <code>{event_type}</code>" in html
    words = [w for topic in TOPICS.values() for w in topic]
    topical = [f.name for f in fields(TUNING)
               if any(w in f"{f.name} {f.metadata['help']}".lower() for w in words)]
    assert "brief_min_facts" in topical
    for name in topical:
        value = getattr(TUNING, name)
        shown = f"{int(value):,}" if float(value).is_integer() else str(value)
        assert re.search(rf"<td>{name}</td>\s*<td>{re.escape(shown)}</td>", html), name
    assert 'class="briefs-fact-id"' in html


def test_fact_ids_are_shown_where_facts_are_listed(site: Path, facts: dict[str, Any]) -> None:
    ids = {f["id"] for f in facts["facts"]}
    html = page(site, f"briefs/{brief_slugs(site)[0]}")
    shown = re.findall(r'<code class="briefs-fact-id">([^<]+)</code>', html)
    assert shown and set(shown) <= ids


# --- profiles ---------------------------------------------------------------------------------


def test_salvini_statements_are_his_own_words(site: Path, facts: dict[str, Any]) -> None:
    by_id = {f["id"]: f for f in facts["facts"]}
    statements = section(page(site, f"actors/{SALVINI}"), "statements")
    listed = re.findall(r'<code class="briefs-fact-id">([^<]+)</code>', statements)
    assert listed, "Salvini speaks in the demo articles"
    for fact_id in listed:
        assert SALVINI in by_id[fact_id].get("speakers", []), by_id[fact_id]["text"]
    spoken = {(f["document"], f["sentence"]) for f in facts["facts"] if SALVINI in f.get("speakers", [])}
    assert {(by_id[i]["document"], by_id[i]["sentence"]) for i in listed} == spoken
    assert len(listed) == len(spoken), "each sentence once"


def test_salvini_roles_are_dated_by_their_sentences(site: Path, facts: dict[str, Any]) -> None:
    actor = next(a for a in facts["actors"] if a["id"] == SALVINI)
    by_id = {f["id"]: f for f in facts["facts"]}
    sentence_dates: dict[str, set[str]] = {}
    for role in actor["roles"]:
        fact = by_id[role["fact"]]
        dates = sentence_dates.setdefault(f"{fact['document']}/#s-{fact['sentence']}", set())
        if fact["date"]:
            dates.add(fact["date"]["value"])
    roles = section(page(site, f"actors/{SALVINI}"), "roles")
    items = re.findall(r"<li>(.*?)</li>", roles, re.S)
    assert len(items) >= 2
    for item in items:
        anchors = re.findall(r'href="\.\./\.\./sources/([^"]+)"', item)
        assert anchors, item
        stated = set().union(*(sentence_dates[a] for a in anchors))
        printed = re.search(rf"\(({_DATE})(?: – ({_DATE}))?\)", item)
        if stated:
            assert printed and {printed.group(1), printed.group(2) or printed.group(1)} == \
                {min(stated), max(stated)}, item
        else:
            assert not printed, f"a role stated by undated sentences has no date: {item}"
    documents = {by_id[r["fact"]]["document"] for r in actor["roles"]}
    metadata = {d.get(k) for d in facts["documents"] if d["id"] in documents
                for k in ("published", "reference_date")}
    all_stated = set().union(*sentence_dates.values())
    for date in metadata - all_stated - {None}:
        assert date not in roles, f"a page date ({date}) dates no role"
