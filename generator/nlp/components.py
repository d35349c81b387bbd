"""Small general spaCy components: paragraph-aware, length-bounded sentence boundaries."""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from generator.config import TUNING

TEXT_KEY = "briefs_text"
MAX_SENTENCE_TOKENS = TUNING.max_sentence_tokens


@Language.component("briefs_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break (headings stand alone) and at least every
    MAX_SENTENCE_TOKENS tokens; whitespace never starts one.

    Works on attribute arrays and touches only the tokens it changes: iterating Token objects
    would cost more than the tokenizer itself.
    """
    if len(doc) < 2:
        return doc
    arr = doc.to_array([IS_SPACE, SENT_START])
    space, start = arr[:, 0].astype(bool), arr[:, 1] == 1
    newline = numpy.zeros(len(doc), dtype=bool)
    for i in numpy.flatnonzero(space[:-1]):
        newline[i + 1] = "\n" in doc[int(i)].text
    start = (start | newline) & ~space
    start[0] = True
    starts = list(numpy.flatnonzero(start))
    bounded: list[int] = []
    for a, b in zip(starts, starts[1:] + [len(doc)], strict=True):
        bounded.extend(range(int(a), int(b), MAX_SENTENCE_TOKENS))
    final = numpy.zeros(len(doc), dtype=bool)
    final[bounded] = True
    for i in numpy.flatnonzero(final != (arr[:, 1] == 1)):
        if i > 0:
            doc[int(i)].is_sent_start = bool(final[i])
    return doc


def text_of(doc: Doc) -> str:
    """The text of a Doc: the string the pipeline was given when the caller stored it
    (Doc.text rebuilds it from Token objects, which costs more than tokenizing)."""
    text = doc.user_data.get(TEXT_KEY)
    if isinstance(text, str) and len(doc) and len(text) == doc[-1].idx + len(doc[-1].text_with_ws):
        return text
    return doc.text


def process(nlp: Language, text: str) -> Doc:
    """Run the pipeline over one text, keeping the text itself for the components (text_of)."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


WORDS_KEY = "briefs_words"
STARTS_KEY = "briefs_sent_starts"


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, sliced from the text with the attribute arrays (no Token objects). Computed
    once per Doc after its sentences are set (the components that call it do not change tokens)."""
    cached = doc.user_data.get(WORDS_KEY)
    if cached is not None and len(cached) == len(doc):
        return list(cached)
    text = text_of(doc)
    words = [text[a : a + n] for a, n in doc.to_array([IDX, LENGTH]).tolist()]
    doc.user_data[WORDS_KEY] = tuple(words)
    return words


def sentence_starts(doc: Doc) -> list[bool]:
    """Whether each token starts a sentence, from the attribute array (cached like token_texts)."""
    cached = doc.user_data.get(STARTS_KEY)
    if cached is not None and len(cached) == len(doc):
        return cached  # type: ignore[no-any-return]
    starts = (doc.to_array(SENT_START) == 1).tolist() if len(doc) else []
    doc.user_data[STARTS_KEY] = starts
    return starts
