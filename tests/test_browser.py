"""Real-browser tests of the demo site: search finds Huawei, pages make no external requests, axe passes."""

from __future__ import annotations

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


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus built into a temporary site folder."""
    from generator.builder import Paths, build

    tmp = tmp_path_factory.mktemp("browser")
    paths = Paths(content=ROOT / "content", templates=ROOT / "templates", site=tmp / "site",
                  config=ROOT / "mkdocs.yml", generated=tmp / "generated")
    build(paths)
    return paths.site


@pytest.fixture(scope="module")
def site_url(demo_site: Path) -> Iterator[str]:
    with serve_folder(demo_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def test_search_for_huawei_leads_to_profile_and_brief(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    seen = watch_page(page, site_url)
    page.goto(site_url)
    box = page.locator("input[data-md-component='search-query']")
    box.click()
    box.press_sequentially("Huawei", delay=50)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
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
