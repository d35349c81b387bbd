"""axe-core, injected by Playwright into headless Chromium, finds nothing on the demo site, in light and in
dark mode: the home page, a brief, an actor profile, the timeline and the search page with its results.

axe-core comes from npm, pinned, in benchmarks/.lighthouse/ (benchmarks/lighthouse.sh installs it there,
beside Lighthouse, which bundles the same version); the test runs offline and skips when it is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import CHROMIUM, chromium, serve_folder, watch_page

ROOT = Path(__file__).resolve().parent.parent
AXE_VERSION = "4.10.2"
AXE_DIR = ROOT / "benchmarks" / ".lighthouse" / "node_modules" / "axe-core"
AXE = AXE_DIR / "axe.min.js"
INSTALL = f"npm install --prefix benchmarks/.lighthouse --save-exact axe-core@{AXE_VERSION}"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="Debian chromium is not installed (make test installs it)"),
    pytest.mark.skipif(not AXE.exists(),
                       reason=f"axe-core is not installed: run `{INSTALL}` (make test does)"),
]

# Every kind of page a reader lands on; the search page with a query, so that its results and its
# "Load more results" button (2.34:1 in dark mode once) are checked too.
PAGES = ["", "briefs/cn-it/", "actors/huawei/", "timeline/", "search/?query=Huawei"]
# Material's palette follows prefers-color-scheme on a first visit: Chromium's emulated scheme selects it.
SCHEMES = {"light": "default", "dark": "slate"}
# A phone and a desktop: Material lays out navigation, tables and the search filters differently.
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def site_url(demo_build: Any) -> Iterator[str]:
    """The demo site (MkDocs) served on 127.0.0.1."""
    with serve_folder(Path(demo_build("mkdocs").site)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module."""
    with chromium() as b:
        yield b


def test_the_pinned_axe_core_is_installed() -> None:
    """The copy the tests inject is the pinned version (a stale folder is reinstalled by lighthouse.sh)."""
    import json

    version = json.loads((AXE_DIR / "package.json").read_text(encoding="utf-8"))["version"]
    assert version == AXE_VERSION, f"axe-core {version} in {AXE_DIR}; run `{INSTALL}`"


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Inject axe-core into the page and return its violations (every impact, every default rule)."""
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return list(result["violations"])


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_nothing(browser: Any, site_url: str, path: str, scheme: str, viewport: str) -> None:
    """No violation of any impact: contrast in both palettes, heading order (the timeline skipped from h1 to
    h3), table headers (an actor's profile table had an empty one), names, landmarks."""
    context = browser.new_context(color_scheme=scheme, viewport=VIEWPORTS[viewport])
    page = context.new_page()
    seen = watch_page(page, site_url)
    response = page.goto(site_url + path)
    assert response is not None and response.status == 200, path
    page.wait_for_load_state("networkidle")
    if path.startswith("search/"):
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        page.wait_for_load_state("networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
    violations = axe_violations(page)
    details = [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert violations == [], details
    assert seen["errors"] == [], seen["errors"]
    context.close()
