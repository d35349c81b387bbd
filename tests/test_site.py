"""End-to-end tests: render and publish the fixture (and the demo corpus), then read the HTML."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.errors import GeneratorError
from generator.publish.site import publish
from generator.render.renderer import render_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site"
TEMPLATES = ROOT / "templates"
CONFIG = ROOT / "mkdocs.yml"


class Page(HTMLParser):
    """Start tags, ids and hrefs of one HTML page; script bodies kept to spot live hostile code."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        if values.get("id"):
            self.ids.add(str(values["id"]))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def target_of(page: Path, href: str) -> tuple[Path, str]:
    """Return the file a relative href of `page` points to, and its fragment."""
    parts = urlsplit(href)
    target = (page.parent / parts.path).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fixture-site")
    facts = json.loads((FIXTURE / "facts.json").read_text(encoding="utf-8"))
    sources = {p.stem: p.read_text(encoding="utf-8") for p in sorted((FIXTURE / "sources").glob("*.txt"))}
    render_site(facts, sources, {}, TEMPLATES, root / "generated")
    publish(root / "generated", root / "site", CONFIG)
    return root / "site"


def test_brief_pages_exist(site):
    assert (site / "briefs" / "cn-it" / "index.html").is_file()
    assert (site / "briefs" / "it-us" / "index.html").is_file()
    assert not (site / "briefs" / "it-ru").exists()
    assert "Italy – China" in (site / "briefs" / "cn-it" / "index.html").read_text(encoding="utf-8")
    assert (site / "data" / "facts.csv").is_file() and (site / "assets" / "briefs.css").is_file()


def test_every_sentence_link_resolves_to_an_anchor(site):
    checked = 0
    for page in html_pages(site):
        for tag, attrs in parse(page).tags:
            href = str(attrs.get("href") or "")
            if tag == "a" and "sources/" in href and "#s-" in href:
                target, fragment = target_of(page, href)
                assert target.is_file(), (page, href)
                assert fragment in parse(target).ids, (page, href)
                checked += 1
    assert checked > 50


def test_every_internal_link_resolves(site):
    for page in html_pages(site):
        if page.name == "404.html":  # MkDocs writes it with root-absolute links
            continue
        for tag, attrs in parse(page).tags:
            href = str(attrs.get("href") or "")
            if tag != "a" or not href or urlsplit(href).scheme or href.startswith("#"):
                continue
            target, fragment = target_of(page, href)
            assert target.exists(), (page, href)
            if fragment and target.suffix == ".html":
                assert fragment in parse(target).ids, (page, href)


def test_no_external_assets(site):
    for page in html_pages(site):
        for tag, attrs in parse(page).tags:
            if tag in {"script", "link", "img"}:
                for name in ("src", "href"):
                    value = str(attrs.get(name) or "")
                    if value.startswith(("http://", "https://", "//")):
                        assert urlsplit(value).hostname == "127.0.0.1", (page, tag, value)


def test_hostile_strings_are_not_live(site):
    for page in html_pages(site):
        parsed = parse(page)
        for tag, attrs in parsed.tags:
            assert not (tag == "img" and attrs.get("src") == "x"), page
            assert not any(k.startswith("on") for k in attrs), (page, tag, attrs)
            assert not str(attrs.get("href") or "").lower().startswith("javascript:"), page
        assert not any("alert(1)" in s for s in parsed.scripts), page
    text = (site / "sources" / "doc-c" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "{{ 7*7 }}" in text.replace("&#123;", "{").replace("&#125;", "}")


def test_failed_build_keeps_the_previous_site(site, tmp_path):
    docs = tmp_path / "generated"
    shutil.copytree(site.parent / "generated", docs)
    (docs / "timeline" / "index.md").write_text(
        "# Timeline\n\n[broken](../nowhere/index.md)\n", encoding="utf-8"
    )
    live = tmp_path / "site"
    shutil.copytree(site, live)
    with pytest.raises(GeneratorError, match="MkDocs build failed"):
        publish(docs, live, CONFIG)
    assert (live / "briefs" / "cn-it" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated", "site"]


@pytest.fixture(scope="module")
def demo_site(demo_build) -> Path:
    return demo_build("mkdocs").site


@pytest.mark.parametrize("pair", ["cn-it", "it-ru", "it-us"])
def test_demo_corpus_briefs_exist(demo_site, pair):
    assert (demo_site / "briefs" / pair / "index.html").is_file()


def test_demo_italy_china_timeline_has_the_belt_and_road_memorandum(demo_site):
    text = (demo_site / "briefs" / "cn-it" / "index.html").read_text(encoding="utf-8")
    timeline = text.split('id="timeline"', 1)[1].split('id="sectors"', 1)[0]
    entries = [e for e in timeline.split("<li>") if "2019-03-23" in e]
    assert any("Belt and Road" in e for e in entries), entries


def test_search_index_covers_entity_pages_only(site):
    assert (site / "pagefind" / "pagefind-ui.js").is_file() and (site / "search" / "index.html").is_file()
    body = {p.parent.relative_to(site).as_posix() for p in html_pages(site)
            if "data-pagefind-body" in p.read_text(encoding="utf-8")}
    assert {"briefs/cn-it", "actors/huawei", "sectors/telecom_5g", "sources/doc-a"} <= body
    assert not body & {".", "briefs", "actors", "timeline", "data", "search"}
    search = (site / "search" / "index.html").read_text(encoding="utf-8")
    assert '<script src="../pagefind/pagefind-ui.js">' in search
    assert '<link rel="stylesheet" href="../pagefind/pagefind-ui.css">' in search
