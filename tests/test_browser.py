"""Real-browser tests of the demo site: search finds Huawei, pages make no external requests, axe passes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import CHROMIUM, chromium, open_page, serve_folder, watch_page

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
    """MkDocs' demo keeps Material's search in the header; Zensical's has its own search off, so the header
    form opens the Pagefind search page."""
    page = browser.new_page()
    seen = watch_page(page, site_url)
    page.goto(site_url)
    if engine == "mkdocs":
        box = page.locator("input[data-md-component='search-query']")
        box.click()
        box.press_sequentially("Huawei", delay=50)
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    else:
        assert page.locator("input[data-md-component='search-query']").count() == 0
        box = page.locator("form.briefs-header-search input[name='query']")
        box.fill("Huawei")
        box.press("Enter")
        page.wait_for_url(re.compile(r"/search/\?query=Huawei$"))
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        more = page.locator(".pagefind-ui__button")  # "Load more results"
        while more.count() and more.is_visible():
            more.click()
            page.wait_for_timeout(200)
        hrefs = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")
    assert any("/actors/huawei/" in h for h in hrefs), hrefs
    assert any("/briefs/cn-it/" in h for h in hrefs), hrefs
    target = next(h for h in hrefs if "/actors/huawei/" in h)
    page.goto(target)
    assert "Huawei" in page.inner_text("h1")
    assert seen["console"] == [] and seen["errors"] == [], seen
    assert seen["external"] == [], seen["external"]
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
