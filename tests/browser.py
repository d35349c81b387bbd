"""Helpers for real-browser tests: a loopback HTTP server and headless Debian Chromium via Playwright."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 on a free port; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium browser (Debian's binary, never a downloaded one)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def watch_page(page: Any, base_url: str) -> dict[str, list[str]]:
    """Record console errors, page errors, dialogs and requests to any other host."""
    seen: dict[str, list[str]] = {"console": [], "errors": [], "external": [], "dialogs": []}
    page.on("console", lambda m: m.type == "error" and seen["console"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))

    def on_request(request: Any) -> None:
        url = request.url
        if not (url.startswith(base_url) or url.startswith("data:") or url.startswith("blob:")):
            seen["external"].append(url)

    page.on("request", on_request)
    return seen


def open_page(browser: Any, base_url: str, path: str) -> tuple[Any, dict[str, list[str]]]:
    """Open base_url + path in a new watched page, check it answered 200 and let it settle."""
    page = browser.new_page()
    seen = watch_page(page, base_url)
    response = page.goto(base_url + path)
    assert response is not None and response.status == 200, path
    page.wait_for_load_state("networkidle")
    return page, seen


def load_all_results(page: Any) -> None:
    """Click Pagefind's "Load more results" until every result the UI reports ("9 results for X") is shown,
    waiting for each page to load. The message can be written before the first page of results and its
    button are rendered, so the loop waits for the button rather than reading whether it is there."""
    more = page.locator(".pagefind-ui__button")
    results = page.locator(".pagefind-ui__result")  # one per page found (its sections add more links)
    count = "n => document.querySelectorAll('.pagefind-ui__result').length > n"
    message = page.locator(".pagefind-ui__message")
    reported = re.match(r"(\d+) results?", message.text_content() or "") if message.count() else None
    total = int(reported.group(1)) if reported else None
    if total is not None:
        page.wait_for_function("n => document.querySelectorAll('.pagefind-ui__result').length >= n",
                               arg=min(total, 1), timeout=15000)
    while (more.count() and more.is_visible()) if total is None else results.count() < total:
        before = results.count()
        more.wait_for(state="visible", timeout=15000)
        more.click()
        page.wait_for_function(count, arg=before, timeout=15000)  # the next page has loaded
