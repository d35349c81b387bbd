"""A Python-Markdown extension that passes the generator's raw HTML blocks through unparsed.

Templates wrap blocks they write as finished HTML (a source's text, lists of facts) in

    <!-- briefs:raw -->
    ...
    <!-- /briefs:raw -->

and this preprocessor moves each block into Python-Markdown's HTML stash before the `html_block`
preprocessor (md_in_html) would parse it tag by tag with the standard library's HTMLParser: on pages of
hundreds of facts that parse is most of the publish time. The output HTML is the same with or without
the extension (without it the blocks are parsed as ordinary raw HTML), so another Markdown engine can
publish the same folder. Untrusted text inside the blocks is HTML-escaped by the templates, so it can
never contain the markers.

MkDocs collects a page's anchor ids (the `s-N` sentence anchors of a source) for link validation by
parsing the raw HTML left in the text (its preprocessor of priority 21). So that it still sees them
without parsing the blocks, each block leaves behind one line of empty elements carrying its ids, which
a second preprocessor removes right after MkDocs has read it.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

OPEN = "<!-- briefs:raw -->"
CLOSE = "<!-- /briefs:raw -->"
IDS = "<!-- briefs:ids -->"
STASH_PRIORITY = 22  # after normalize_whitespace (30), before mkdocs_raw_html (21)
DROP_PRIORITY = 20.5  # after mkdocs_raw_html (21), before html_block (20: md_in_html)
_ID = re.compile(r'\sid="([^"<>]*)"')


class RawBlockPreprocessor(Preprocessor):
    """Replace each marked block (markers on lines of their own) with a stash placeholder paragraph."""

    def run(self, lines: list[str]) -> list[str]:
        if OPEN not in lines:
            return lines
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None:
                if line == OPEN:
                    block = []
                else:
                    out.append(line)
            elif line == CLOSE:
                html = "\n".join(block)
                out.extend(["", self.md.htmlStash.store(html), ""])
                ids = _ID.findall(html)
                if ids:
                    out.extend([IDS + "".join(f'<i id="{i}"></i>' for i in ids), ""])
                block = None
            else:
                block.append(line)
        if block is not None:  # no closing marker: leave the block to the ordinary raw HTML handling
            out.extend([OPEN, *block])
        return out


class DropIdsPreprocessor(Preprocessor):
    """Remove the id lines RawBlockPreprocessor left for MkDocs' anchor collection."""

    def run(self, lines: list[str]) -> list[str]:
        return [line for line in lines if not line.startswith(IDS)]


class RawBlocksExtension(Extension):
    """Register the two preprocessors."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 -- Python-Markdown's API name
        md.preprocessors.register(RawBlockPreprocessor(md), "briefs_raw", STASH_PRIORITY)
        md.preprocessors.register(DropIdsPreprocessor(md), "briefs_raw_ids", DROP_PRIORITY)


def makeExtension(**kwargs: Any) -> RawBlocksExtension:  # noqa: N802 -- Python-Markdown's entry point
    """Entry point for `markdown_extensions: [generator.publish.markdown_raw]` in mkdocs.yml."""
    return RawBlocksExtension(**kwargs)
