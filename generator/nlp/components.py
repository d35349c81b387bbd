"""Small general spaCy components: paragraph-aware sentence boundaries."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


MAX_SENTENCE_TOKENS = 150  # text without punctuation still yields sentences of bounded length


@Language.component("briefs_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break (headings stand alone) and at least every
    MAX_SENTENCE_TOKENS tokens; whitespace never starts one."""
    run = 0
    for i, token in enumerate(doc):
        if i == 0:
            continue
        run += 1
        if token.is_space:
            token.is_sent_start = False
        elif "\n" in doc[i - 1].text_with_ws or run >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
        if token.is_sent_start:
            run = 0
    return doc
