"""Small general spaCy components: paragraph-aware sentence boundaries."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("briefs_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break (headings stand alone); whitespace never starts one."""
    for i, token in enumerate(doc):
        if i == 0:
            continue
        if token.is_space:
            token.is_sent_start = False
        elif "\n" in doc[i - 1].text_with_ws:
            token.is_sent_start = True
    return doc
