"""What one Pagefind search fetches: serves a built site on 127.0.0.1, types a word into the search page
in headless Chromium and prints the bytes of every /pagefind/ response (script, WebAssembly, index
chunks, filters, result fragments) until the results are shown.

Usage: .venv/bin/python benchmarks/search_fetch.py SITE_DIR [WORD ...]   (default words: Huawei Salvini)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, serve_folder  # noqa: E402


def fetched_bytes(browser: object, base: str, word: str) -> tuple[int, int, int]:
    """Return (bytes, responses, results shown) for one query on a fresh page (empty cache)."""
    page = browser.new_page()  # type: ignore[attr-defined]
    sizes: list[int] = []
    page.on("response", lambda r: "/pagefind/" in r.url and sizes.append(len(r.body()) if r.ok else 0))
    page.goto(base + "search/?query=" + word)
    results = page.locator(".pagefind-ui__result")
    message = page.locator(".pagefind-ui__message")
    # Poll (at most 3 minutes): results appear once the chunks and fragments arrive; a word that is
    # not in the index ends with "No results" and no result element.
    for _ in range(360):
        page.wait_for_timeout(500)
        if results.count() or "No results" in " ".join(message.all_inner_texts()):
            break
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)  # fragments of the first results load after the list is drawn
    shown = results.count()
    page.close()
    return sum(sizes), len(sizes), shown


def main() -> None:
    site = Path(sys.argv[1])
    words = sys.argv[2:] or ["Huawei", "Salvini"]
    with chromium() as browser, serve_folder(site) as base:
        for word in words:
            total, count, shown = fetched_bytes(browser, base, word)
            print(f"{word}: {total / 1024:,.0f} KB in {count} responses, {shown} results shown")


if __name__ == "__main__":
    main()
