"""View-model and rendering tests of the page stage on the hand-made fixture in tests/fixtures/site."""

from __future__ import annotations

import csv
import html as html_lib
import inspect
import io
import json
from dataclasses import fields, replace
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from generator.errors import GeneratorError
from generator.facts.jsonfile import dumps_facts
from generator.facts.model import FactsData
from generator.pages import PAGE_KINDS, aggregate
from generator.pages.actor import actor_context
from generator.pages.brief import brief_context
from generator.pages.data import facts_csv
from generator.pages.escape import inside, md_text, slug
from generator.pages.names import pair_title, sector_label
from generator.pages.sector import sector_context
from generator.pages.source import source_context
from generator.render.renderer import render_pages, render_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site"
TEMPLATES = ROOT / "templates"
HOSTILE = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "{{ 7*7 }}",
    "<img src=x onerror=alert(1)>",
]
MD_EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]


def load_fixture() -> tuple[dict, dict[str, str]]:
    """Return the fixture facts and source texts."""
    facts = json.loads((FIXTURE / "facts.json").read_text(encoding="utf-8"))
    sources = {p.stem: p.read_text(encoding="utf-8") for p in sorted((FIXTURE / "sources").glob("*.txt"))}
    return facts, sources


@pytest.fixture(scope="module")
def corpus():
    facts, sources = load_fixture()
    return aggregate(FactsData.from_json(facts), sources, {})


@pytest.fixture(scope="module")
def pages(corpus) -> dict[str, str]:
    return render_pages(corpus, TEMPLATES)


class TagCollector(HTMLParser):
    """Collects every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def live_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = TagCollector()
    collector.feed(html)
    return collector.tags


def test_brief_pages_only_for_pairs_with_three_facts(corpus):
    assert [p.slug for p in corpus.brief_pairs] == ["cn-it", "it-us"]


def test_pair_title_puts_the_more_frequent_country_first(corpus):
    assert pair_title("CN-IT", corpus.country_weight) == "Italy – China"
    assert pair_title("IT-RU", corpus.country_weight) == "Italy – Russia"


def test_key_points_follow_the_scoring_rule(corpus):
    brief = brief_context(corpus, "cn-it")
    # f04 and f03 share a sentence: only the higher-scoring one is a key point; f07/f08 score 0.
    assert [f.id for f in brief.key_points] == ["f06", "f04", "f05", "f02", "f01", "f15"]
    assert "figure (2)" in brief.scoring_note


def test_brief_timeline_grouped_by_year_and_sorted(corpus):
    brief = brief_context(corpus, "cn-it")
    # f03 and f04 are one sentence dated 2020 and 2021: listed once, at 2020, with 2021 noted.
    assert [y.year for y in brief.timeline] == ["2019", "2020", "2022", "2023"]
    dates = [e.date for y in brief.timeline for e in y.events]
    assert dates == sorted(dates)
    assert [(e.id, e.also) for e in brief.timeline[1].events] == [("f03", ["2021"])]
    first = brief.timeline[0].events[0]
    assert first.date == "2019-03-23" and "memorandum" in first.text
    assert first.source.href == "../../sources/doc-a/index.md#s-1"


def test_brief_figures_sectors_and_counts(corpus):
    brief = brief_context(corpus, "cn-it")
    assert brief.as_of == "2023" and brief.fact_count == 11 and brief.source_count == 2
    assert [k.figure for k in brief.key_figures] == ["$78 billion", "€2.5 billion"]  # dated first
    trade = next(s for s in brief.sectors if s.anchor == "sector-trade")
    assert (trade.counts.cooperation, trade.counts.tension, trade.counts.neutral) == (1, 0, 2)
    assert "<svg" in brief.chart and "2019" in brief.chart


def test_actor_statements_roles_and_co_mentions(corpus):
    # Statements are the sentences whose recorded speakers include the actor; f10 records none.
    assert actor_context(corpus, "us-ambassador").statements == []
    facts, sources = load_fixture()
    data = FactsData.from_json(facts)
    spoken = replace(data, facts=tuple(replace(f, speakers=("us-ambassador",)) if f.id == "f10" else f
                                       for f in data.facts))
    us = actor_context(aggregate(spoken, sources, {}), "us-ambassador")
    assert [f.id for f in us.statements] == ["f10"]
    conte = actor_context(corpus, "giuseppe-conte")
    # A role is dated by its sentence (f02 is undated), never by the date recorded with the role.
    assert [(r.role, r.date) for r in conte.roles] == [("Prime Minister", "")]


def test_sector_instruments_and_pairs(corpus):
    telecom = sector_context(corpus, "telecom_5g")
    assert {i.name for i in telecom.instruments} == {"decree", "golden power"}
    energy = sector_context(corpus, "energy")
    assert [(p.pair.label, bool(p.pair.href)) for p in energy.pairs] == [
        ("Italy – Russia", False),
        ("Italy – United States", True),
    ]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_md_text_makes_hostile_text_inert(hostile):
    html = markdown.markdown(f"- {md_text(hostile)}", extensions=MD_EXTENSIONS)
    assert [t for t, _ in live_tags(html)] == ["ul", "li"]
    assert "{{" not in md_text(hostile)


def test_rendered_markdown_has_no_live_hostile_markup(pages):
    for path, text in pages.items():
        assert "{{" not in text and "{%" not in text, path
        html = markdown.markdown(text.split("---", 2)[-1], extensions=MD_EXTENSIONS)
        for tag, attrs in live_tags(html):
            assert tag not in {"script", "img", "iframe"}, (path, tag)
            assert not str(attrs.get("href") or "").startswith("javascript:"), path
            assert not any(k.startswith("on") for k in attrs), (path, attrs)


def test_jinja_like_source_text_is_printed_not_evaluated(pages):
    page = pages["sources/doc-c/index.md"]
    assert "{{" not in page
    shown = html_lib.unescape(markdown.markdown(page.split("---", 2)[-1], extensions=MD_EXTENSIONS))
    # Printed literally in the fact list (a raw HTML block) and the text: no link, no evaluation.
    assert shown.count("See [x](javascript:alert(1)) and {{ 7*7 }} here") >= 2


def test_csv_neutralises_formulas(corpus):
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(facts_csv(corpus)))}
    assert rows["f17"]["quantities"].startswith("'=HYPERLINK")
    assert rows["f17"]["text"].startswith("'=HYPERLINK")
    assert rows["f01"]["text"].startswith("On March 23")


def test_unsafe_ids_are_rejected(tmp_path):
    for bad in ["../etc", "a/b", "", ".hidden", "x..y"]:
        with pytest.raises(GeneratorError):
            slug(bad)
    with pytest.raises(GeneratorError):
        inside(tmp_path, "../outside.md")


def test_render_site_writes_pages_and_data(tmp_path):
    facts, sources = load_fixture()
    out = tmp_path / "generated"
    (out / "stale").mkdir(parents=True)
    written = render_site(facts, sources, {}, TEMPLATES, out)
    names = {p.relative_to(out).as_posix() for p in written}
    assert {"index.md", "briefs/cn-it/index.md", "data/facts.csv", "data/facts.schema.json"} <= names
    assert not (out / "stale").exists()
    written = (out / "data" / "facts.json").read_text(encoding="utf-8")
    assert json.loads(written) == FactsData.from_json(facts).to_json()  # optional fields written out
    assert written == dumps_facts(FactsData.from_json(facts)) and written.endswith("}\n")
    one_per_line = [json.loads(line.rstrip(",")) for line in written.splitlines() if line.startswith("{\"")]
    assert [f for f in one_per_line if f in facts["facts"]] == facts["facts"]  # a fact a line, for diffs


def test_output_is_deterministic(corpus):
    assert render_pages(corpus, TEMPLATES) == render_pages(corpus, TEMPLATES)


def test_template_syntax_error_names_file_and_line(tmp_path, corpus):
    for template in TEMPLATES.glob("*.j2"):
        (tmp_path / template.name).write_text(template.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "data.md.j2").write_text("# Data\n\n{% for x in files %}\n{{ x }\n", encoding="utf-8")
    with pytest.raises(GeneratorError) as caught:
        render_pages(corpus, tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'data.md.j2'}:4: template syntax error")


def test_template_undefined_variable_names_file_and_line(tmp_path, corpus):
    for template in TEMPLATES.glob("*.j2"):
        (tmp_path / template.name).write_text(template.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "timeline.md.j2").write_text(
        "# Timeline\n\n{{ dated }}\n{{ no_such_thing }}\n", encoding="utf-8"
    )
    with pytest.raises(GeneratorError) as caught:
        render_pages(corpus, tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'timeline.md.j2'}:4: template error")
    assert "no_such_thing" in message


@pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
def test_every_page_kind_has_template_docstrings_and_help(kind):
    entry = PAGE_KINDS[kind]
    assert (TEMPLATES / entry.template).is_file()
    assert inspect.getdoc(entry.context) and inspect.getdoc(entry.pages)
    module = inspect.getmodule(entry.context)
    assert module is not None and inspect.getdoc(module)
    for f in fields(entry.context):
        assert f.metadata.get("help"), f"{entry.context.__name__}.{f.name} has no help"


def facet_pairs(meta) -> set[tuple[str, str]]:
    """(filter name, value) of a page's search facets, as plain strings."""
    return {(str(f.name), str(f.value)) for f in meta.facets}


def test_search_facets_of_a_brief(corpus):
    """Filter values are labels; the page's address keeps the ids."""
    facets = facet_pairs(brief_context(corpus, "cn-it").search)
    telecom = sector_label("telecom_5g", corpus.sectors)  # this corpus has no taxonomy: "Telecom 5g"
    assert {v for n, v in facets if n == "pair"} == {"Italy – China"}
    assert ("sector", telecom) in facets and ("sector", "Diplomacy") in facets
    assert {v for n, v in facets if n == "year"} == {"2019", "2020", "2021", "2022", "2023"}
    assert {n for n, _ in facets} <= {"pair", "sector", "actor type", "year"}
    assert str(brief_context(corpus, "cn-it").search.title) == "Italy – China"


def test_search_facets_of_actor_sector_and_source(corpus):
    huawei = facet_pairs(actor_context(corpus, "huawei").search)
    label = sector_label("telecom_5g", corpus.sectors)
    assert {v for n, v in huawei if n == "actor type"} == {"Company"}
    assert ("sector", label) in huawei and any(n == "pair" for n, _ in huawei)
    telecom = facet_pairs(sector_context(corpus, "telecom_5g").search)
    assert {v for n, v in telecom if n == "sector"} == {label}
    assert ("actor type", "Company") in telecom
    source = facet_pairs(source_context(corpus, "doc-a").search)
    assert ("pair", "Italy – China") in source and ("year", "2019") in source


def test_search_meta_is_escaped_and_inert(pages):
    text = pages["sources/doc-c/index.md"]
    assert 'data-value="&lt;script&gt;alert(1)&lt;/script&gt;"' in text
    body = pages["actors/hostile-actor/index.md"].split("---", 2)[2]
    html = markdown.markdown(body, extensions=MD_EXTENSIONS)
    assert not any(t in {"script", "img"} for t, _ in live_tags(html))


def test_aggregate_pages_stay_out_of_the_search_index(pages):
    for path in ["index.md", "briefs/index.md", "timeline/index.md", "data/index.md", "search/index.md"]:
        assert "\npagefind: false\n" in pages[path], path
        assert "data-pagefind-filter" not in pages[path], path
    for path in ["briefs/cn-it/index.md", "actors/huawei/index.md", "sectors/trade/index.md"]:
        assert "pagefind: false" not in pages[path] and "data-pagefind-filter" in pages[path], path
    assert "search_ui: true" in pages["search/index.md"]
    assert sum("search_ui" in text for text in pages.values()) == 1
