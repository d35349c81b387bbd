"""Real-browser tests of the demo site under both engines: Pagefind's search finds Huawei from the header
and from a shared filtered address, no page loads a whole-site index, no external requests, axe passes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import CHROMIUM, chromium, load_all_results, open_page, serve_folder, watch_page

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="Debian chromium is not installed (make test installs it)"),
]


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def engine(request: pytest.FixtureRequest) -> str:
    """The publishing engine the demo site is built with."""
    return str(request.param)


@pytest.fixture(scope="module")
def demo_site(demo_build: Any, engine: str) -> Path:
    """The demo corpus built with `engine` (once per session, see tests/conftest.py)."""
    return Path(demo_build(engine).site)


@pytest.fixture(scope="module")
def site_url(demo_site: Path) -> Iterator[str]:
    with serve_folder(demo_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def test_search_for_huawei_leads_to_profile_and_brief(browser: Any, site_url: str, engine: str) -> None:
    """One search under both engines: the header form opens the Pagefind search page with the query."""
    page = browser.new_page()
    seen = watch_page(page, site_url)
    page.goto(site_url)
    assert page.locator("input[data-md-component='search-query']").count() == 0  # no Material search
    box = page.locator("form.briefs-header-search input[name='query']")
    box.fill("Huawei")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?query=Huawei$"))
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    assert page.input_value(".pagefind-ui__search-input") == "Huawei"
    load_all_results(page)
    hrefs = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")
    assert any("/actors/huawei/" in h for h in hrefs), hrefs
    assert any("/briefs/cn-it/" in h for h in hrefs), hrefs
    target = next(h for h in hrefs if "/actors/huawei/" in h)
    page.goto(target)
    assert "Huawei" in page.inner_text("h1")
    page.wait_for_load_state("networkidle")
    assert seen == {"console": [], "errors": [], "external": [], "dialogs": []}, seen
    page.close()


@pytest.mark.parametrize("path", ["", "briefs/cn-it/", "search/?query=Huawei"])
def test_no_page_requests_a_whole_site_search_index(browser: Any, site_url: str, path: str) -> None:
    """Material's lunr index (search/search_index.json, 70 % of a page's bytes) is built by neither engine."""
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "search_index" in u or "/workers/search" in u], requested
    page.close()


def test_shared_filtered_search_address_under_both_engines(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    seen = watch_page(page, site_url)
    page.goto(site_url + "search/?query=Huawei&sector=Telecommunications+and+5G&year=2020")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    page.wait_for_function("document.querySelectorAll('.pagefind-ui__filter-checkbox:checked').length == 2")
    ticked = page.eval_on_selector_all("input.pagefind-ui__filter-checkbox:checked",
                                       "els => els.map(e => [e.name, e.value])")
    assert sorted(ticked) == [["sector", "Telecommunications and 5G"], ["year", "2020"]]
    hrefs = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")
    assert any("/briefs/cn-it/" in h for h in hrefs), hrefs
    assert seen == {"console": [], "errors": [], "external": [], "dialogs": []}, seen
    page.close()


@pytest.mark.parametrize("path", ["", "briefs/cn-it/", "actors/huawei/", "sources/000_327d2eb0f82c62eb/"])
def test_pages_load_without_errors_or_external_requests(browser: Any, site_url: str, path: str) -> None:
    page, seen = open_page(browser, site_url, path)
    assert seen == {"console": [], "errors": [], "external": [], "dialogs": []}
    page.close()


@pytest.mark.parametrize("path", ["", "briefs/cn-it/", "actors/huawei/"])
def test_no_serious_accessibility_violations(browser: Any, site_url: str, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    page.goto(site_url + path)
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    details = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in bad]
    assert bad == [], details
    page.close()


PHONE = {"width": 390, "height": 844}  # an iPhone 12-15 in CSS pixels

# Per matrix cell and pair name, in the page: its text, whether it is visible, its height and line height.
_MATRIX_JS = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return {w: r.width, h: r.height, x: r.left}; };
  const line = e => { const s = getComputedStyle(e); const v = parseFloat(s.lineHeight);
                      return Number.isNaN(v) ? 1.5 * parseFloat(s.fontSize) : v; };
  const item = e => ({text: e.innerText.trim(), visible: e.checkVisibility(),
                      lines: e.getClientRects().length, line: line(e), ...box(e)});
  // The text of a cell, not the cell: its bounding box is one line high unless the text wraps.
  const text = e => { const r = document.createRange(); r.selectNodeContents(e);
                      return {...item(e), h: r.getBoundingClientRect().height}; };
  return {
    counts: [...document.querySelectorAll('table.briefs-matrix td a .briefs-n')].map(item),
    marks: [...document.querySelectorAll('table.briefs-matrix td a .briefs-mark')].map(item),
    names: [...document.querySelectorAll('table.briefs-matrix tbody th')].map(text),
    legend: document.querySelector('.briefs-legend').innerText,
    width: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
  };
}"""


def test_home_matrix_is_readable_on_a_phone(browser: Any, site_url: str) -> None:
    """At 390 px the page does not scroll sideways (the matrix scrolls in its own box, the pair column
    pinned); every count is visible text on one line, with its stance as a sign, not by colour alone; every
    pair name is one line high (no name or number broken letter by letter)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    m = page.evaluate(_MATRIX_JS)
    assert m["width"] <= PHONE["width"], f"the page is {m['width']} px wide at {PHONE['width']} px"
    assert m["counts"] and len(m["counts"]) == len(m["marks"])
    for count, mark in zip(m["counts"], m["marks"], strict=True):
        assert count["visible"] and count["text"].isdigit(), count
        assert count["lines"] == 1 and count["h"] <= 1.5 * count["line"], count  # "52", never "5" over "2"
        assert mark["visible"] and mark["text"] in m["legend"], mark  # + − = ±, explained by the key
    assert m["names"]
    for name in m["names"]:
        assert name["visible"] and name["text"], name
        assert name["h"] <= 1.5 * name["line"], name  # "Italy – United States" on one line
    for stance in ("cooperation", "tension", "neutral", "mixed"):
        assert stance in m["legend"]
    # The pair column stays in view when the matrix is scrolled to its last column.
    page.eval_on_selector(".briefs-matrix-wrap", "e => { e.scrollLeft = e.scrollWidth; }")
    wrap_left = page.eval_on_selector(".briefs-matrix-wrap", "e => e.getBoundingClientRect().left")
    first = page.eval_on_selector("table.briefs-matrix tbody th", "e => e.getBoundingClientRect().left")
    assert abs(first - wrap_left) <= 1, (first, wrap_left)
    context.close()
