"""MkDocs hook of `briefs serve` (generator/publish/mkdocs.py passes it as `hooks`): after each build of the
live preview, Pagefind indexes it, so the preview's search page and header search work as on a built site."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError


def on_post_build(config: Any) -> None:
    """Index the freshly built preview (its site_dir, a temporary folder of MkDocs' server)."""
    from generator.publish.site import index_site

    try:
        index_site(Path(config["site_dir"]))
    except GeneratorError as error:  # the preview still serves its pages; only search is missing
        logging.getLogger("mkdocs").warning("search index not written: %s", error)
