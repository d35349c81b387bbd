"""Search: one search, Pagefind's, on every site: the faceted search page in a real browser (filters with
labels, shareable addresses, ranking, phones, axe in light and dark), the header form that opens it, no
Material (lunr) index, the index of `briefs serve`, index failures."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.errors import GeneratorError
from generator.publish.site import publish
from tests.browser import CHROMIUM, chromium, load_all_results, serve_folder, watch_page

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
    load_all_results(page)
    script = "els => els.map(e => e.getAttribute('href'))"
    hrefs = page.eval_on_selector_all(".pagefind-ui__result-link", script)
    return {h.split("#", 1)[0] for h in hrefs}


def serious_violations(page: Any) -> list[tuple[str, list]]:
    """Return (rule, first targets) of every serious or critical axe violation on the page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in bad]


def result_pages(page: Any) -> list[str]:
    """Load every page of results, then return the pages found (no sub-results), best first."""
    load_all_results(page)
    hrefs = page.eval_on_selector_all(".pagefind-ui__result-title > .pagefind-ui__result-link",
                                      "els => els.map(e => e.getAttribute('href'))")
    return [h for h in hrefs if "#" not in h]


def fragments(site: Path) -> dict[str, dict]:
    """URL -> the page record Pagefind stored (gzip: a signature, then JSON)."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        record = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
        found[record["url"]] = record
    return found


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
    telecom = expected_results(site, "Huawei", {"sector": "Telecommunications and 5G"})
    telecom_2020 = expected_results(site, "Huawei", {"sector": "Telecommunications and 5G", "year": "2020"})
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
        page.check("input.pagefind-ui__filter-checkbox[name='sector'][value='Telecommunications and 5G']")
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
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_results_have_no_serious_accessibility_violations(
    browser: Any, demo: tuple[Path, Path], scheme: str
) -> None:
    """The results, the filters and "Load more results" (2.34:1 in dark mode before its colour was set)."""
    with serve_folder(demo[1]) as base:
        page = browser.new_page(color_scheme=scheme)
        page.goto(base + "search/?query=Huawei")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        assert page.locator(".pagefind-ui__button").is_visible()  # more than one page of results
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        assert serious_violations(page) == []
        page.close()


@pytest.mark.browser
@needs_chromium
def test_a_shared_filtered_search_address_restores_query_and_filters(
    browser: Any, demo: tuple[Path, Path]
) -> None:
    site = demo[1]
    telecom_2020 = expected_results(site, "Huawei", {"sector": "Telecommunications and 5G", "year": "2020"})
    with serve_folder(site) as base:
        page = browser.new_page()
        seen = watch_page(page, base)
        page.goto(base + "search/")
        page.locator(".pagefind-ui__search-input").press_sequentially("Huawei", delay=30)
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        page.check("input.pagefind-ui__filter-checkbox[name='sector'][value='Telecommunications and 5G']")
        page.check("input.pagefind-ui__filter-checkbox[name='year'][value='2020']")
        page.wait_for_url(re.compile(r"year=2020"))
        shared = page.url
        assert shared.endswith("search/?query=Huawei&sector=Telecommunications+and+5G&year=2020"), shared
        page.close()
        reader = browser.new_page()  # another reader opens the shared address
        seen_too = watch_page(reader, base)
        reader.goto(shared)
        wait_for_count(reader, "Huawei", len(telecom_2020))
        assert reader.input_value(".pagefind-ui__search-input") == "Huawei"
        ticked = reader.eval_on_selector_all("input.pagefind-ui__filter-checkbox:checked",
                                             "els => els.map(e => [e.name, e.value])")
        assert sorted(ticked) == [["sector", "Telecommunications and 5G"], ["year", "2020"]]
        assert shown_results(reader) == telecom_2020
        reader.reload()  # and a reload keeps it
        wait_for_count(reader, "Huawei", len(telecom_2020))
        for watched in (seen, seen_too):
            assert watched == {"console": [], "errors": [], "external": [], "dialogs": []}, watched
        reader.close()


@pytest.mark.browser
@needs_chromium
def test_briefs_and_profiles_rank_above_passing_mentions(browser: Any, demo: tuple[Path, Path]) -> None:
    with serve_folder(demo[1]) as base:
        page = browser.new_page()
        page.goto(base + "search/?query=Huawei")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        huawei = result_pages(page)
        assert huawei[0] == "/actors/huawei/", huawei
        first_source = min(i for i, url in enumerate(huawei) if url.startswith("/sources/"))
        assert huawei.index("/briefs/cn-it/") < first_source, huawei
        page.goto(base + "search/?query=Belt+and+Road")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        belt = result_pages(page)
        assert belt[0] == "/briefs/cn-it/", belt
        page.close()


@pytest.mark.browser
@needs_chromium
def test_on_a_phone_results_come_first_and_filters_fold(browser: Any, demo: tuple[Path, Path]) -> None:
    with serve_folder(demo[1]) as base:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(base + "search/?query=Huawei")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        page.wait_for_selector(".pagefind-ui__filter-block")
        first = page.locator(".pagefind-ui__result").first.bounding_box()
        filters = page.locator(".pagefind-ui__filter-panel").bounding_box()
        assert first is not None and filters is not None
        assert first["y"] < 844 and first["y"] < filters["y"], (first, filters)
        assert page.locator(".pagefind-ui__filter-block[open]").count() == 0
        page.close()




def test_search_ui_is_loaded_only_on_the_search_page(demo: tuple[Path, Path]) -> None:
    site = demo[1]
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        is_search = page == site / "search" / "index.html"
        assert ("pagefind-ui.js" in html) == is_search, page
        assert ("briefs-search.js" in html) == is_search, page


def test_no_material_search_index_is_built(demo: tuple[Path, Path]) -> None:
    site = demo[1]
    assert not (site / "search" / "search_index.json").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "briefs-header-search" in home and 'data-md-component="search"' not in home


def test_filter_values_are_labels_and_addresses_keep_ids(demo: tuple[Path, Path]) -> None:
    html = (demo[1] / "briefs" / "cn-it" / "index.html").read_text(encoding="utf-8")
    values = set(_FILTER.findall(html))
    assert {("pair", "Italy – China"), ("sector", "Telecommunications and 5G"),
            ("actor type", "Government body")} <= values, values
    assert not [v for _, v in values if re.fullmatch(r"[a-z0-9]+(?:[_-][a-z0-9]+)+", v)], values
    assert (demo[1] / "briefs" / "cn-it" / "index.html").is_file()  # the address keeps the id


def test_no_tag_chips_above_titles(demo: tuple[Path, Path]) -> None:
    for path in ("briefs/cn-it", "actors/huawei", "sources/000_327d2eb0f82c62eb"):
        html = (demo[1] / path / "index.html").read_text(encoding="utf-8")
        assert 'class="md-tags"' not in html and "md-tag" not in html, path


def test_subjects_are_weighted_and_the_bottom_line_is_indexed(demo: tuple[Path, Path]) -> None:
    site = demo[1]
    records = fragments(site)
    brief = records["/briefs/cn-it/"]["content"]
    assert "Bottom line" in brief and "Huawei" in brief
    html = (site / "briefs" / "cn-it" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<p data-pagefind-weight="\d+">Italy – China · [^<]*Huawei', html)
    source = (site / "sources" / "000_327d2eb0f82c62eb" / "index.html").read_text(encoding="utf-8")
    assert '<div class="briefs-source" data-pagefind-weight="0.25">' in source


def test_serve_indexes_each_preview_with_pagefind(
    demo: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.publish import mkdocs as engine
    from generator.publish import serve_hook

    preview = tmp_path / "preview"
    shutil.copytree(demo[1], preview, ignore=shutil.ignore_patterns("pagefind"))
    serve_hook.on_post_build({"site_dir": str(preview)})
    assert (preview / "pagefind" / "pagefind-ui.js").is_file()
    called: dict[str, Any] = {}
    monkeypatch.setattr("mkdocs.commands.serve.serve", lambda *a, **k: called.update(k))
    engine.serve(demo[0], CONFIG)
    assert called["hooks"] == [str(engine.SERVE_HOOK)]


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
