"""Search: Pagefind's faceted search page in a real browser, the large-site header form, index failures."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.errors import GeneratorError
from generator.publish.mkdocs import MATERIAL_SEARCH_MAX_PAGES, material_search_max_pages
from generator.publish.site import publish
from tests.browser import CHROMIUM, chromium, serve_folder, watch_page

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
MB = 1_000_000
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make test installs it)"
)
_FILTER = re.compile(r'data-pagefind-filter="([^"\[]+)\[data-value\]" data-value="([^"]*)"')


@pytest.fixture(scope="module")
def demo(demo_build: Any) -> tuple[Path, Path]:
    """The demo corpus built once per session (tests/conftest.py): (generated Markdown, site)."""
    built = demo_build("mkdocs")
    return built.generated, built.site


@pytest.fixture(scope="module")
def large_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """mkdocs.yml with the Material-search page limit at 0, so every site counts as large."""
    text = CONFIG.read_text(encoding="utf-8")
    assert "custom_dir: overrides" in text and "material_search_max_pages:" in text
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    text = re.sub(r"material_search_max_pages: \d+", "material_search_max_pages: 0", text)
    path = tmp_path_factory.mktemp("large-config") / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def expected_results(site: Path, word: str, filters: dict[str, str]) -> set[str]:
    """Pages (site-relative URLs) whose indexed HTML contains `word` and carries every filter value."""
    found = set()
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if "data-pagefind-body" not in html or word.lower() not in html.lower():
            continue
        values = set(_FILTER.findall(html))
        if all((name, value) in values for name, value in filters.items()):
            found.add("/" + page.parent.relative_to(site).as_posix() + "/")
    return found


def shown_results(page: Any) -> set[str]:
    """Load every page of results, then return the result URLs (without #fragments)."""
    more = page.locator(".pagefind-ui__button")
    while more.count() and more.is_visible():
        more.click()
        page.wait_for_timeout(200)
    script = "els => els.map(e => e.getAttribute('href'))"
    hrefs = page.eval_on_selector_all(".pagefind-ui__result-link", script)
    return {h.split("#", 1)[0] for h in hrefs}


def serious_violations(page: Any) -> list[tuple[str, list]]:
    """Return (rule, first targets) of every serious or critical axe violation on the page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in bad]


def wait_for_count(page: Any, word: str, count: int) -> None:
    """Wait until the UI reports `count` results for `word`."""
    page.wait_for_function(
        "([w, n]) => (document.querySelector('.pagefind-ui__message') || {}).textContent"
        " === `${n} results for ${w}`",
        arg=[word, count], timeout=15000,
    )


@pytest.mark.browser
@needs_chromium
def test_faceted_search_narrows_huawei_to_telecom_in_2020(browser: Any, demo: tuple[Path, Path]) -> None:
    site = demo[1]
    everything = expected_results(site, "Huawei", {})
    telecom = expected_results(site, "Huawei", {"sector": "telecom_5g"})
    telecom_2020 = expected_results(site, "Huawei", {"sector": "telecom_5g", "year": "2020"})
    assert {"/actors/huawei/", "/briefs/cn-it/"} <= telecom_2020 < telecom < everything
    with serve_folder(site) as base:
        page = browser.new_page()
        seen = watch_page(page, base)
        fetched: list[int] = []
        page.goto(base + "search/")
        page.wait_for_selector(".pagefind-ui__search-input")
        page.on("response", lambda r: "/pagefind/" in r.url and fetched.append(len(r.body()) if r.ok else 0))
        page.locator(".pagefind-ui__search-input").press_sequentially("Huawei", delay=50)
        wait_for_count(page, "Huawei", len(everything))
        assert shown_results(page) == everything
        page.check("input.pagefind-ui__filter-checkbox[name='sector'][value='telecom_5g']")
        wait_for_count(page, "Huawei", len(telecom))
        assert shown_results(page) == telecom
        page.check("input.pagefind-ui__filter-checkbox[name='year'][value='2020']")
        wait_for_count(page, "Huawei", len(telecom_2020))
        assert shown_results(page) == telecom_2020
        page.wait_for_load_state("networkidle")
        assert 0 < sum(fetched) < MB, sum(fetched)
        assert seen == {"console": [], "errors": [], "external": [], "dialogs": []}, seen
        page.close()


@pytest.mark.browser
@needs_chromium
def test_large_site_header_search_opens_the_search_page(
    browser: Any, demo: tuple[Path, Path], large_config: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    publish(demo[0], site, large_config)
    assert not (site / "search" / "search_index.json").exists()
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    with serve_folder(site) as base:
        page = browser.new_page()
        seen = watch_page(page, base)
        page.goto(base + "briefs/cn-it/")
        assert page.locator("input[data-md-component='search-query']").count() == 0
        assert serious_violations(page) == []
        box = page.locator("form.briefs-header-search input[name='query']")
        box.fill("Huawei")
        box.press("Enter")
        page.wait_for_url(re.compile(r"/search/\?query=Huawei$"))
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        results = shown_results(page)
        assert {"/actors/huawei/", "/briefs/cn-it/"} <= results, results
        page.wait_for_load_state("networkidle")
        assert seen == {"console": [], "errors": [], "external": [], "dialogs": []}, seen
        page.close()


@pytest.mark.browser
@needs_chromium
def test_search_page_has_no_serious_accessibility_violations(browser: Any, demo: tuple[Path, Path]) -> None:
    with serve_folder(demo[1]) as base:
        page = browser.new_page()
        page.goto(base + "search/?query=Huawei")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        assert serious_violations(page) == []
        page.close()


def test_search_ui_is_loaded_only_on_the_search_page(demo: tuple[Path, Path]) -> None:
    site = demo[1]
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        is_search = page == site / "search" / "index.html"
        assert ("pagefind-ui.js" in html) == is_search, page
        assert ("briefs-search.js" in html) == is_search, page


def test_small_demo_site_keeps_material_search(demo: tuple[Path, Path]) -> None:
    assert (demo[1] / "search" / "search_index.json").is_file()
    assert "briefs-header-search" not in (demo[1] / "index.html").read_text(encoding="utf-8")


def test_failed_index_keeps_the_previous_site(
    demo: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = tmp_path / "site"
    publish(demo[0], live, CONFIG)
    stamp = live / "briefs" / "cn-it" / "index.html"
    before = stamp.read_text(encoding="utf-8")
    failing = (sys.executable, "-c", "import sys; sys.exit('Error: the index broke\\nsecond line')")
    monkeypatch.setattr("generator.publish.site.PAGEFIND", failing)
    with pytest.raises(GeneratorError) as caught:
        publish(demo[0], live, CONFIG)
    assert "Pagefind indexing failed: Error: the index broke" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert stamp.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("extra", [{"briefs": {"material_search_max_pages": "many"}},
                                   {"briefs": {"material_search_max_pages": -1}},
                                   {"briefs": {"material_search_max_pages": True}}])
def test_bad_page_limit_is_a_generator_error(extra: dict) -> None:
    with pytest.raises(GeneratorError, match="material_search_max_pages"):
        material_search_max_pages(extra, CONFIG)


def test_page_limit_default_and_override() -> None:
    assert material_search_max_pages({}, CONFIG) == MATERIAL_SEARCH_MAX_PAGES
    assert material_search_max_pages({"briefs": {"material_search_max_pages": 5}}, CONFIG) == 5
