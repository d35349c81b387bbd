"""Hostile text: HTML, script URLs, template tags and Markdown syntax in an article stay inert text."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.browser import CHROMIUM, chromium, open_page, serve_folder, watch_page
from tests.test_errors import make_project

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "fixtures" / "hostile" / "hostile.txt"
HOSTILE_NAME = '"><img src=x onerror=alert(9)> {{7*7}}.txt'
# Every HTML and template construct the article (and its file name) carries, exactly as written there.
# Its Markdown links ([click](javascript:…), ![i](x onerror=…)) may remain as text; live_constructs
# checks that none became a link or an image.
RAW = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", '<div onclick="alert(5)">',
    '<a href="javascript:alert(6)">', "<svg onload=alert(7)>", '<iframe src="javascript:alert(8)">',
    "<img src=x onerror=alert(9)>", "<script >alert(10)</script >", "<b onmouseover=alert(11)>",
    "{{ 7*7 }}", "{{7*7}}", "{% raw %}",
]
MARKDOWN_LINKS = ["[click](javascript:alert(3))", "![i](x onerror=alert(4))"]
SAFE_TAGS = {"p", "ul", "ol", "li", "code", "strong", "em", "pre", "table", "thead", "tbody", "tr", "th",
             "td"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built from the hostile article, saved under a hostile file name."""
    from generator.builder import Paths, build

    project = make_project(tmp_path_factory.mktemp("hostile"), sources=[])
    shutil.copy(HOSTILE, project / "content" / "sources" / HOSTILE_NAME)
    build(Paths(content=project / "content", templates=project / "templates", site=project / "site",
                config=project / "mkdocs.yml", generated=project / "generated", cache=None))
    return project


class Tags(HTMLParser):
    """Every start tag with its attributes, and the bodies of script elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.scripts.append(data)


def live_constructs(html: str) -> list[str]:
    """Handlers, script URLs, frames and content-made scripts/images found in parsed HTML."""
    parser = Tags()
    parser.feed(html)
    found = [f"<{tag} {name}={value}>" for tag, attrs in parser.tags for name, value in attrs
             if name.startswith("on") or re.match(r"\s*(javascript|vbscript|data):", value or "", re.I)]
    found += [f"<{tag}>" for tag, attrs in parser.tags
              if tag in ("iframe", "object", "embed") or (tag == "img" and ("src", "x") in attrs)]
    return found + [s for s in parser.scripts if "alert(" in s]


def test_fixture_really_is_hostile() -> None:
    text = HOSTILE.read_text(encoding="utf-8")
    assert all(raw in text for raw in RAW + MARKDOWN_LINKS if "7*7}}" not in raw and "(9)" not in raw)
    assert live_constructs(text)  # the checker does see live HTML


def test_generated_markdown_holds_no_live_construct(built: Path) -> None:
    pages = sorted((built / "generated").rglob("*.md"))
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not [raw for raw in RAW if raw in text], page
        assert live_constructs(text) == [], page


def test_html_holds_no_live_construct(built: Path) -> None:
    pages = sorted((built / "site").rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not [raw for raw in RAW if raw in text], page
        assert live_constructs(text) == [], page


def test_template_tags_are_shown_literally(built: Path) -> None:
    source = next((built / "site" / "sources").glob("*/index.html")).read_text(encoding="utf-8")
    assert "&#123;&#123; 7*7 &#125;&#125;" in source or "{{ 7*7 }}" in source.replace("&#123;", "{")
    assert "worth 49" not in source and "{% raw %}" not in source


def test_hostile_file_name_gets_a_safe_slug(built: Path) -> None:
    slugs = [p.name for p in (built / "site" / "sources").iterdir() if p.is_dir()]
    assert slugs == ["img-src-x-onerror-alert-9-7-7"]


def test_search_index_holds_only_text(built: Path) -> None:
    """Pagefind stores what a page shows as plain text (its UI escapes it, see the browser test below):
    the hostile markup is there as characters, never as an element of the page it was read from."""
    import gzip

    texts = []
    for path in (built / "site" / "pagefind" / "fragment").glob("*.pf_fragment"):
        record = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
        texts.append(record["meta"].get("title", "") + " " + record["content"])
    assert any("<script>alert(1)</script>" in t for t in texts)
    assert not any("&lt;script&gt;" in t or "&amp;" in t for t in texts)  # never escaped twice


def test_csv_cells_cannot_start_formulas(built: Path) -> None:
    rows = list(csv.reader(io.StringIO((built / "site" / "data" / "facts.csv").read_text(encoding="utf-8"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert {"'=", "'+", "'-"} <= {c[:2] for c in cells}  # the three formula-like sentences, neutralised


# --- in a real browser -----------------------------------------------------------------------

ATTRIBUTES_JS = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value)) {
        bad.push(el.tagName + ' ' + a.name + '=' + a.value);
      }
    }
  }
  for (const el of document.querySelectorAll('iframe, img[src="x"]')) bad.push(el.outerHTML);
  return bad;
}"""


@pytest.fixture(scope="module")
def site_url(built: Path) -> Iterator[str]:
    with serve_folder(built / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (make test installs it)")
    with chromium() as b:
        yield b


PAGES = ["", "briefs/fr-in/", "actors/giorgia-meloni/", "actors/huawei/",
         "sources/img-src-x-onerror-alert-9-7-7/", "sectors/energy/", "sectors/diplomacy/", "timeline/"]


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_pages_fire_no_dialog_and_carry_no_handler(browser: Any, site_url: str, path: str) -> None:
    page, seen = open_page(browser, site_url, path)
    page.mouse.move(200, 300)
    assert page.evaluate(ATTRIBUTES_JS) == []
    assert seen["dialogs"] == [] and seen["errors"] == [] and seen["external"] == [], seen
    if path.startswith("sources/"):
        body = page.inner_text("body")
        assert "{{ 7*7 }}" in body and "<script>alert(1)</script>" in body and "worth 49" not in body
    page.close()


@pytest.mark.browser
def test_search_results_fire_no_dialog(browser: Any, site_url: str) -> None:
    """Pagefind's results for "alert" and "script" show the hostile text as text. Its own search form's
    `action="javascript:void(0);"` (a guard of Pagefind's UI, not article text) is the one allowed URL."""
    page = browser.new_page()
    seen = watch_page(page, site_url)
    for query in ("alert", "script"):
        page.goto(site_url + "search/?query=" + query)
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        page.wait_for_timeout(300)
        assert page.locator(".pagefind-ui__result").count() > 0
        found = page.evaluate(ATTRIBUTES_JS)
        assert [a for a in found if a != "FORM action=javascript:void(0);"] == [], query
        assert "<script>alert(1)</script>" in page.inner_text(".pagefind-ui__results")
    assert seen["dialogs"] == [] and seen["errors"] == [], seen
    page.close()
