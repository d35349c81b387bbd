"""What changed, print and cite: the Atom feeds, the changes page, each brief's own downloads and its
Cite block (issue 14, points 5 and 6)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from generator.builder import Paths, build, generate
from generator.config import TUNING
from generator.pages.changes import MANIFEST_NAME
from tests.test_errors import make_project

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "generator" / "facts" / "facts.schema.json"
FIXTURE = ROOT / "tests" / "fixtures" / "project" / "sources"
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")
FACT_ID = re.compile(r'<code class="briefs-fact-id">([^<]+)</code>')


def feeds(site: Path) -> list[Path]:
    """The site-wide feed and every brief's."""
    return [site / "feed.xml", *sorted((site / "briefs").glob("*/feed.xml"))]


def parse(path: Path) -> ET.Element:
    """The root element of a feed this build wrote."""
    return ET.parse(path).getroot()  # noqa: S314 -- the build's own output, no entities


def check_atom(path: Path) -> list[ET.Element]:
    """Parse a feed, check what RFC 4287 requires of it and of each entry; return the entries."""
    root = parse(path)
    assert root.tag == f"{ATOM}feed", path
    for name in ("id", "title", "updated"):
        element = root.find(f"{ATOM}{name}")
        assert element is not None and (element.text or "").strip(), (path, name)
    assert RFC3339.match(root.findtext(f"{ATOM}updated", "")), path
    assert root.find(f"{ATOM}author/{ATOM}name") is not None  # entries carry no author of their own
    entries = root.findall(f"{ATOM}entry")
    assert 0 < len(entries) <= TUNING.max_feed_entries, path
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids), path
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), (path, name)
        assert RFC3339.match(entry.findtext(f"{ATOM}updated", "")), path
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href"), path
    return entries


def resolve(feed: Path, site: Path, address: str) -> tuple[Path, str]:
    """The built page a feed entry's relative link leads to, and its anchor."""
    parts = urlsplit(address)
    assert not parts.scheme and not parts.netloc and not parts.path.startswith("/"), address
    target = (feed.parent / parts.path).resolve()
    assert site.resolve() in target.parents, address
    return target / "index.html", parts.fragment


# --- the demo site ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(demo_build: Any) -> Path:
    """The demo site, built once per session."""
    return Path(demo_build("mkdocs").site)


def test_feeds_are_atom_and_every_entry_links_to_a_sentence(demo: Path) -> None:
    all_feeds = feeds(demo)
    assert len(all_feeds) > 1 and (demo / "briefs" / "cn-it" / "feed.xml") in all_feeds
    pages: dict[Path, str] = {}
    for feed in all_feeds:
        for entry in check_atom(feed):
            link = entry.find(f"{ATOM}link")
            assert link is not None
            page, anchor = resolve(feed, demo, link.get("href", ""))
            assert re.fullmatch(r"s-\d+", anchor), link.get("href")
            assert page.parent.parent == demo / "sources" and page.is_file(), link.get("href")
            if page not in pages:
                pages[page] = page.read_text(encoding="utf-8")
            assert f'id="{anchor}"' in pages[page], (feed, link.get("href"))
            title = entry.findtext(f"{ATOM}title", "")
            assert re.match(r"^(\d{4}(-\d{2}){0,2}|undated) · ", title), title  # the date, then the event
            if feed.parent.parent.name == "briefs":  # a brief's feed: each entry names its pair
                terms = {(c.get("scheme"), c.get("term")) for c in entry.findall(f"{ATOM}category")}
                assert ("urn:briefs:pair", feed.parent.name) in terms, title


def test_feed_lists_the_newest_facts_first_on_a_first_build(demo: Path) -> None:
    facts = json.loads((demo / "data" / "facts.json").read_text(encoding="utf-8"))["facts"]
    root = parse(demo / "feed.xml")
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == min(len(facts), TUNING.max_feed_entries)
    dates = {f"urn:briefs:fact:{f['id']}": (f.get("date") or {}).get("value", "") for f in facts}
    listed = [dates[e.findtext(f"{ATOM}id", "")] for e in entries]
    assert listed == sorted(listed, reverse=True)  # every fact is new: newest date first
    newest = max(d for d in dates.values())
    assert listed[0] == newest


def test_pages_announce_the_feeds(demo: Path) -> None:
    home = (demo / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="feed.xml"', home)
    brief = (demo / "briefs" / "cn-it" / "index.html").read_text(encoding="utf-8")
    # one alternate link only (Material reads a second one as a language version and fetches its
    # sitemap.xml); the brief links its own feed in the page
    assert len(re.findall(r'<link rel="alternate" type="application/atom\+xml"', brief)) == 1
    assert re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="../../feed.xml"', brief)
    assert re.search(r'<a href="feed.xml"', brief)


def test_each_brief_offers_its_own_facts(demo: Path) -> None:
    corpus_csv = (demo / "data" / "facts.csv").read_text(encoding="utf-8")
    corpus_rows = {row[0]: row for row in csv.reader(io.StringIO(corpus_csv))}
    corpus_json = json.loads((demo / "data" / "facts.json").read_text(encoding="utf-8"))
    corpus_facts = {f["id"]: f for f in corpus_json["facts"]}
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    briefs = sorted(p.parent for p in (demo / "briefs").glob("*/index.html"))
    assert demo / "briefs" / "cn-it" in briefs
    for folder in briefs:
        rows = list(csv.reader(io.StringIO((folder / "facts.csv").read_text(encoding="utf-8"))))
        assert rows[0] == corpus_csv.splitlines()[0].split(",")  # the corpus file's columns
        data = json.loads((folder / "facts.json").read_text(encoding="utf-8"))
        stance = rows[0].index("stance")
        pair = folder.name.upper()
        assert len(rows) > 1
        for row in rows[1:]:  # the corpus row, but for the stance: the pair's own
            whole = corpus_rows[row[0]]
            assert row[:stance] + row[stance + 1:] == whole[:stance] + whole[stance + 1:]
            own = corpus_facts[row[0]].get("pair_stances", {}).get(pair, whole[stance])
            assert row[stance] == own, row
        validate(data, schema)
        assert sorted(f["id"] for f in data["facts"]) == [r[0] for r in rows[1:]]
        assert all(corpus_facts[f["id"]] == f for f in data["facts"])
        named = {f["document"] for f in data["facts"]}
        assert {d["id"] for d in data["documents"]} == named
        html = (folder / "index.html").read_text(encoding="utf-8")
        for name in ("facts.csv", "facts.json", "feed.xml"):
            assert f'href="{name}"' in html, (folder, name)


def validate(data: dict[str, Any], schema: dict[str, Any]) -> None:
    """Validate against the facts schema (jsonschema), or check its required structure without it."""
    try:
        import jsonschema
    except ImportError:  # pragma: no cover -- jsonschema is a test dependency
        assert set(schema["required"]) <= set(data)
        assert all({"id", "document", "sentence", "text"} <= set(f) for f in data["facts"])
        return
    jsonschema.validate(data, schema)


def test_every_brief_has_a_cite_block(demo: Path) -> None:
    html = (demo / "briefs" / "cn-it" / "index.html").read_text(encoding="utf-8")
    block = html[html.index('id="cite"'):]
    block = block[:block.index("</div>")]
    assert "Cite this brief" in block
    assert "Italy – China" in block
    assert re.search(r"as of \d{4}(-\d{2}){0,2} \(latest fact\), built \d{4}(-\d{2}){0,2}", block)
    assert '<a href="./">briefs/cn-it/</a>' in block  # the permalink
    css = (demo / "assets" / "briefs-print.css").read_text(encoding="utf-8")
    assert "@media print" in css and ".md-tags" in css and "attr(" in css


# --- a second build ----------------------------------------------------------------------------------


def listed_ids(site: Path) -> list[str]:
    """Fact ids the changes page lists."""
    return FACT_ID.findall((site / "changes" / "index.html").read_text(encoding="utf-8"))


def test_a_second_build_lists_exactly_the_changed_fact(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", sources=sorted(FIXTURE.iterdir()))
    paths = Paths(content=project / "content", templates=project / "templates", site=tmp_path / "site",
                  config=project / "mkdocs.yml", work=tmp_path / "work")
    build(paths)
    first = json.loads((paths.site / "data" / "facts.json").read_text(encoding="utf-8"))["facts"]
    assert sorted(listed_ids(paths.site)) == sorted(f["id"] for f in first)  # a first build: all new
    assert (paths.work / MANIFEST_NAME).is_file() and not (paths.site / MANIFEST_NAME).exists()

    article = project / "content" / "sources" / "001_ports.txt"
    text = article.read_text(encoding="utf-8")
    assert "rose 12 percent" in text
    article.write_text(text.replace("rose 12 percent", "rose 15 percent"), encoding="utf-8")
    build(paths)
    second = json.loads((paths.site / "data" / "facts.json").read_text(encoding="utf-8"))["facts"]
    before = {f["id"]: f for f in first}
    changed = [f["id"] for f in second if before.get(f["id"]) != f]
    assert len(changed) == 1 and changed[0] in before
    assert listed_ids(paths.site) == changed
    page = (paths.site / "changes" / "index.html").read_text(encoding="utf-8")
    assert "0 new facts and changed 1" in page
    entries = parse(paths.site / "feed.xml").findall(f"{ATOM}entry")
    assert entries[0].findtext(f"{ATOM}id") == f"urn:briefs:fact:{changed[0]}"  # new ones first
    times = [e.findtext(f"{ATOM}updated", "") for e in entries]
    assert times[0] > max(times[1:])  # a changed entry is updated later than any before, clock or not

    # identical input again: the same pages and feeds, byte for byte
    outputs = ("changes/index.md", "feed.xml")
    kept = {name: (paths.generated / name).read_bytes() for name in outputs}
    manifest = (paths.work / MANIFEST_NAME).read_bytes()
    generate(paths)
    assert {name: (paths.generated / name).read_bytes() for name in outputs} == kept
    assert (paths.work / MANIFEST_NAME).read_bytes() == manifest


# --- the manifest ------------------------------------------------------------------------------------


def test_manifest_advances_only_when_facts_change() -> None:
    from generator.facts.model import FactsData
    from generator.pages import aggregate
    from generator.pages.changes import History, advance, changes_context
    from generator.render.fixture import fixture_corpus
    from generator.render.renderer import make_environment, render_page

    facts, sources, sectors = fixture_corpus()
    corpus = aggregate(FactsData.from_json(facts), sources, sectors)
    first = advance(corpus, None)
    assert first.build == 1 and all(first.is_new(f.id) for f in corpus.facts)
    assert advance(corpus, first) is first  # identical input: the manifest, and so the pages, stay
    assert History.from_json(json.loads(json.dumps(first.to_json()))) == first
    assert History.from_json({"format": "other"}) is None
    fewer = aggregate(FactsData.from_json(dict(facts, facts=facts["facts"][1:])), sources, sectors)
    second = advance(fewer, first)
    assert (second.build, second.removed) == (2, 1)
    assert not any(second.is_latest(f.id) for f in fewer.facts)
    assert second.date > first.date  # a later time, although the build date did not move
    context = changes_context(fewer, second)
    assert (context.new, context.changed, context.removed, context.groups) == (0, 0, 1, [])
    text = render_page(make_environment(ROOT / "templates"), "changes.md.j2", context, ROOT / "templates")
    assert "1 fact of the build before it is no longer published" in text
    assert "No fact is new or changed." in text
