"""generator.publish.markdown_raw: marked HTML blocks pass through unparsed, as without it."""

from __future__ import annotations

import markdown

from generator.publish.markdown_raw import IDS

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]
PAGE = """# Title

Some *text* with a [link](other.md).

<!-- briefs:raw -->
<ul class="briefs-facts">
<li><strong>2020-01-02</strong> Tom &amp; Jerry said *this* is [not](a link) (<a href="../x/#s-3">x</a>)</li>
</ul>
<!-- /briefs:raw -->

## Text

<!-- briefs:raw -->
<div class="briefs-source">
<p><span id="s-0">First.</span> <span id="s-1">Second.</span></p>
</div>
<!-- /briefs:raw -->

After.
"""


def _html(text: str, raw: bool) -> str:
    extensions = [*EXTENSIONS, "generator.publish.markdown_raw"] if raw else EXTENSIONS
    out = markdown.markdown(text, extensions=extensions)
    return "\n".join(line for line in out.splitlines() if "briefs:raw" not in line)


def test_marked_blocks_are_copied_verbatim_and_markdown_is_not_applied_inside() -> None:
    out = _html(PAGE, raw=True)
    assert '<li><strong>2020-01-02</strong> Tom &amp; Jerry said *this* is [not](a link)' in out
    assert '<span id="s-0">First.</span> <span id="s-1">Second.</span>' in out
    assert "<em>text</em>" in out and '<a href="other.md">link</a>' in out
    assert IDS not in out and "<i id=" not in out  # the anchor line for MkDocs is removed again


def test_output_matches_the_ordinary_raw_html_handling() -> None:
    assert _html(PAGE, raw=True).split() == _html(PAGE, raw=False).split()


def test_an_unclosed_block_is_left_to_the_ordinary_handling() -> None:
    text = "<!-- briefs:raw -->\n<div><p>x</p></div>\n"
    assert "<p>x</p>" in _html(text, raw=True)
