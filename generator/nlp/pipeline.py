"""Builds the spaCy pipeline once and turns processed Docs into plain Fact records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import actors as _actors  # noqa: F401 - registers briefs_actors
from . import components as _components  # noqa: F401 - registers briefs_paragraphs
from . import countries as _countries  # noqa: F401 - registers briefs_countries
from . import lexicon as _lexicon  # noqa: F401 - registers briefs_lexicon
from .dates import DateResolver, DateValue
from .lexicon import sentence_stance
from .quantities import Quantity, find_quantities

PIPELINE_VERSION = "1"
NON_STATES = {"EU", "NATO", "INT"}


def build_nlp(content_dir: Path) -> Language:
    """Return the rule pipeline: sentences, countries, actors, sector and stance lexicons."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("briefs_paragraphs")
    config = {"content_dir": str(content_dir)}
    nlp.add_pipe("briefs_countries", config=config)
    nlp.add_pipe("briefs_actors", config=config)
    nlp.add_pipe("briefs_lexicon", config=config)
    return nlp


@dataclass
class SentenceFacts:
    """What one sentence says: entities, dates, figures and stance, with clean-text offsets."""

    index: int
    start: int  # offsets in the cleaned text
    end: int
    text: str
    dates: list[DateValue]
    countries: list[str]
    actors: list[str]
    sectors: list[str]
    stance: str
    quantities: list[Quantity]
    heading: bool
    new_paragraph: bool


def _labels(doc: Doc, group: str, sent: Span) -> list[str]:
    """Labels of a span group inside one sentence, in order of first mention, no repeats."""
    if group not in doc.spans:
        return []
    seen: dict[str, None] = {}
    for span in doc.spans[group]:
        if span.start >= sent.start and span.end <= sent.end:
            seen.setdefault(span.label_, None)
    return list(seen)


def _is_heading(sent: Span, text: str) -> bool:
    """A line that ends without sentence punctuation and stands alone is a heading."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] not in ".!?\"'”’)»:" and len(sent) < 25


def iter_sentences(doc: Doc, reference_date: str | None) -> Iterator[SentenceFacts]:
    """Yield the facts of every non-blank sentence of a processed document, numbered from 0."""
    resolver = DateResolver(reference_date)
    previous_end = 0
    index = 0
    for sent in doc.sents:
        text = sent.text.rstrip()
        if not text.strip():
            continue
        start = sent.start_char
        new_paragraph = "\n" in doc.text[previous_end:start] or index == 0
        previous_end = start + len(text)
        cues = [(s.label_, s.start) for s in doc.spans.get("stance", []) if sent.start <= s.start < sent.end]
        yield SentenceFacts(
            index=index, start=start, end=start + len(text), text=text,
            dates=resolver.resolve(text, new_paragraph=new_paragraph),
            countries=_labels(doc, "countries", sent), actors=_labels(doc, "actors", sent),
            sectors=_labels(doc, "sectors", sent), stance=sentence_stance(cues),
            quantities=find_quantities(text), heading=_is_heading(sent, text), new_paragraph=new_paragraph,
        )
        index += 1


def pipe_texts(nlp: Language, texts: Iterable[str], n_process: int = 1) -> Iterator[Doc]:
    """Run the pipeline over many texts (one or more processes)."""
    yield from nlp.pipe(texts, batch_size=8, n_process=n_process)
