"""Small general spaCy components: paragraph-aware, length-bounded sentence boundaries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, TypeVar

import numpy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer
from spacy.tokens import Doc, Span

from generator.config import TUNING
from generator.content.vocabulary import MONTH_NUMBERS

TEXT_KEY = "briefs_text"
CHECKED_KEY = "briefs_text_checked"
MAX_SENTENCE_TOKENS = TUNING.max_sentence_tokens
_Match = TypeVar("_Match", bound=tuple[Any, ...])


def _longest_first(match: tuple[Any, ...]) -> tuple[int, int]:
    return match[2] - match[1], -match[1]


def filter_matches(matches: Iterable[_Match]) -> list[_Match]:
    """spacy.util.filter_spans on (label, start, end, ...) tuples: the longest of overlapping matches (the
    first on a tie), in order of start. A Span is then built only for the matches kept (each Span builds
    Token objects; most matches of a Doc overlap a longer one)."""
    kept = []
    seen: set[int] = set()
    for match in sorted(matches, key=_longest_first, reverse=True):
        start, end = match[1], match[2]
        if start not in seen and end - 1 not in seen:
            kept.append(match)
            seen.update(range(start, end))
    return sorted(kept, key=lambda match: match[1])


@Language.component("briefs_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break (headings stand alone) and at least every
    MAX_SENTENCE_TOKENS tokens; whitespace never starts one.

    Works on attribute arrays and touches only the tokens it changes: iterating Token objects
    would cost more than the tokenizer itself.
    """
    if len(doc) < 2:
        if len(doc) == 1:
            doc[0].is_sent_start = True
        return doc
    arr = doc.to_array([IS_SPACE, SENT_START, IDX, LENGTH, IS_PUNCT])
    _keep_texts(doc, arr[:, 2], arr[:, 3])  # the token texts from the same array: the components read them
    space = arr[:, 0].astype(bool)
    # sentences end at punctuation (as spaCy's sentencizer decides, without its Token objects), unless a
    # component before this one set them
    start = arr[:, 1] == 1 if (arr[1:, 1] != 0).any() else _punctuation_starts(doc, arr[:, 4])
    text = text_of(doc)
    newline = numpy.zeros(len(doc), dtype=bool)
    for i in numpy.flatnonzero(space[:-1]).tolist():  # whitespace tokens: slices of the text, not Tokens
        at, size = int(arr[i, 2]), int(arr[i, 3])
        newline[i + 1] = "\n" in text[at : at + size]
    start = start | newline
    moved = numpy.flatnonzero(start[:-1] & space[:-1]) + 1  # "April.  Some": the word after the spaces starts
    start[moved] = True
    start &= ~space
    start[0] = True
    starts = list(numpy.flatnonzero(start))
    bounded: list[int] = []
    for a, b in zip(starts, starts[1:] + [len(doc)], strict=True):
        bounded.extend(range(int(a), int(b), MAX_SENTENCE_TOKENS))
    final = numpy.zeros(len(doc), dtype=bool)
    final[bounded] = True
    # one bulk write (each Token.is_sent_start = scans the Doc), also when no boundary was set before
    if (arr[1:, 1] == 0).any() or (final != (arr[:, 1] == 1)).any():
        values: Any = numpy.where(final, 1, -1).astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], values)
    return doc


PUNCT_CHARS = frozenset(Sentencizer.default_punct_chars)


def _punctuation_starts(doc: Doc, is_punct: Any) -> Any:
    """Sentence starts by spaCy's Sentencizer rule: a sentence starts at the first token that is not
    punctuation after a token of PUNCT_CHARS (".", "!", "?", …). Read from token strings and the IS_PUNCT
    array: the Sentencizer builds a Token object per token, which costs a third of the tokenizer."""
    in_chars = numpy.zeros(len(doc), dtype=bool)
    index = word_index(doc)  # built once per Doc, for the components too: a lookup per mark, not per token
    in_chars[[i for w in index.keys() & PUNCT_CHARS for i in index[w]]] = True
    words = numpy.flatnonzero(~(is_punct.astype(bool) | in_chars))  # tokens that can start a sentence
    starts = numpy.zeros(len(doc), dtype=bool)
    starts[0] = True
    if len(words):
        # a word starts a sentence when a sentence-final mark stands between it and the word before it
        marks = numpy.cumsum(in_chars)[words]
        starts[words[numpy.diff(marks, prepend=0) > 0]] = True
    texts = token_texts(doc)
    for i in numpy.flatnonzero(starts[2:-1]).tolist():  # a month written with a full stop: "April. 19, 2018"
        if texts[i + 2].isdigit() and texts[i + 1] == "." and texts[i].lower() in MONTH_NUMBERS \
                and (texts[i + 3] == "," or texts[i + 3].isdigit()):
            starts[i + 2] = False
    offsets = token_offsets(doc)
    for i in numpy.flatnonzero(starts[2:]).tolist():  # "… is formed. -He said": a list item's glued hyphen
        k = i + 1  # opens the sentence after it
        if texts[k] in ("-", "–") and offsets[k] + len(texts[k]) == offsets[k + 1] \
                and offsets[k - 1] + len(texts[k - 1]) < offsets[k]:
            starts[k], starts[k + 1] = True, False
    return starts


def text_of(doc: Doc) -> str:
    """The text of a Doc: the string the pipeline was given when the caller stored it
    (Doc.text rebuilds it from Token objects, which costs more than tokenizing)."""
    checked = doc.user_data.get(CHECKED_KEY)
    if checked is not None and checked[0] == len(doc):
        return checked[1]  # type: ignore[no-any-return]
    text = doc.user_data.get(TEXT_KEY)
    if not (isinstance(text, str) and len(doc) and len(text) == doc[-1].idx + len(doc[-1].text_with_ws)):
        text = doc.text
    doc.user_data[CHECKED_KEY] = (len(doc), text)  # checked once: Token objects are slow to create
    return text


def process(nlp: Language, text: str) -> Doc:
    """Run the pipeline over one text, keeping the text itself for the components (text_of)."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


SPAN_LISTS_KEY = "briefs_span_lists"


def set_spans(doc: Doc, key: str, spans: list[Span]) -> None:
    """Set doc.spans[key] and keep the Span objects themselves for spans_of: a SpanGroup builds a new
    Span object for every span each time it is read."""
    doc.spans[key] = spans
    doc.user_data.setdefault(SPAN_LISTS_KEY, {})[key] = list(spans)


def spans_of(doc: Doc, key: str) -> list[Span]:
    """The spans of doc.spans[key] (none when unset), as set_spans stored them when it set them."""
    if key not in doc.spans:
        return []
    kept = doc.user_data.get(SPAN_LISTS_KEY, {}).get(key)
    group = doc.spans[key]
    if kept is not None and len(kept) == len(group):
        return kept  # type: ignore[no-any-return]
    return list(group)


WORDS_KEY = "briefs_words"
STARTS_KEY = "briefs_sent_starts"
OFFSETS_KEY = "briefs_token_offsets"


def token_texts(doc: Doc) -> tuple[str, ...]:
    """Every token's text, sliced from the text with the attribute arrays (no Token objects). Computed
    once per Doc after its sentences are set (the components that call it do not change tokens); the
    cached tuple itself is returned, so calling it per mention costs nothing."""
    cached = doc.user_data.get(WORDS_KEY)
    if cached is not None and len(cached) == len(doc):
        return cached  # type: ignore[no-any-return]
    arr = doc.to_array([IDX, LENGTH])
    return _keep_texts(doc, arr[:, 0], arr[:, 1])


def _keep_texts(doc: Doc, idx: Any, length: Any) -> tuple[str, ...]:
    """token_texts from the IDX and LENGTH columns of an attribute array, cached."""
    text = text_of(doc)
    starts, ends = idx.tolist(), (idx + length).tolist()  # flat lists: cheaper than rows
    words = tuple([text[a:b] for a, b in zip(starts, ends, strict=True)])
    doc.user_data[WORDS_KEY] = words
    doc.user_data[OFFSETS_KEY] = tuple(starts)
    return words


INDEX_KEY = "briefs_word_index"


def word_index(doc: Doc) -> dict[str, list[int]]:
    """Each distinct token text of the Doc -> the ascending indices of its tokens, built once per Doc (cached
    with token_texts) for the components that look words up: read the lists, never change them."""
    words = token_texts(doc)
    cached = doc.user_data.get(INDEX_KEY)
    if cached is not None and cached[0] is words:
        return cached[1]  # type: ignore[no-any-return]
    lists: defaultdict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(words):
        lists[w].append(i)
    index = dict(lists)  # a plain dict: a lookup adds no key
    doc.user_data[INDEX_KEY] = (words, index)
    return index


def token_offsets(doc: Doc) -> tuple[int, ...]:
    """Every token's character offset (cached with token_texts)."""
    token_texts(doc)
    return doc.user_data[OFFSETS_KEY]  # type: ignore[no-any-return]


def span_text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens start..end (Doc[start:end].text without building Token objects)."""
    words, offsets = token_texts(doc), token_offsets(doc)
    if start >= end:
        return ""
    return text_of(doc)[offsets[start] : offsets[end - 1] + len(words[end - 1])]


def sentence_starts(doc: Doc) -> list[bool]:
    """Whether each token starts a sentence, from the attribute array (cached like token_texts)."""
    cached = doc.user_data.get(STARTS_KEY)
    if cached is not None and len(cached) == len(doc):
        return cached  # type: ignore[no-any-return]
    starts = (doc.to_array(SENT_START) == 1).tolist() if len(doc) else []
    doc.user_data[STARTS_KEY] = starts
    return starts
