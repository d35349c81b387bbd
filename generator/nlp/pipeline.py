"""Builds the spaCy pipeline once and turns processed Docs into plain Fact records."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter

from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

from generator.config import TUNING
from generator.content import Content
from generator.content.vocabulary import NON_STATES
from generator.nlp import actors as _actors  # noqa: F401 - registers briefs_actors
from generator.nlp import components as _components  # noqa: F401 - registers briefs_paragraphs
from generator.nlp import countries as _countries  # noqa: F401 - registers briefs_countries
from generator.nlp import lexicon as _lexicon  # noqa: F401 - registers briefs_lexicon
from generator.nlp.actor_patterns import BULLETS
from generator.nlp.components import spans_of, text_of
from generator.nlp.countries import CONTEXT_NOUNS_KEY, PLACES_KEY, BriefsEnglish, sentence_countries
from generator.nlp.date_patterns import CAPTION_END
from generator.nlp.dates import DateResolver, DateValue
from generator.nlp.events import Clause, code_sentence
from generator.nlp.quantities import Quantity, find_quantities

PIPELINE_VERSION = "1"
CHUNK_CHARS = TUNING.chunk_chars
RULE_COMPONENTS = ("briefs_countries", "briefs_actors", "briefs_lexicon")

__all__ = ["NON_STATES", "SentenceFacts", "build_nlp", "chunks", "initialize_pipes", "iter_sentences",
           "pipe_texts"]


def initialize_pipes(nlp: Language, content: Content) -> Language:
    """Hand the curated content to every rule component of nlp (as spaCy's span_ruler takes its
    patterns in initialize); components added with nlp.add_pipe hold no patterns until then."""
    for name in RULE_COMPONENTS:
        if name in nlp.pipe_names:
            nlp.get_pipe(name).initialize(lambda: [], nlp=nlp, content=content)  # type: ignore[attr-defined]
    return nlp


def build_nlp(content: Content) -> Language:
    """Return the rule pipeline: sentences, countries, actors, sector and stance lexicons, fed by the
    curated content (generator.content.load_content)."""
    nlp = BriefsEnglish()  # spacy.blank("en") with the tokenizer the countries component needs
    nlp.add_pipe("briefs_paragraphs")
    for name in RULE_COMPONENTS:
        nlp.add_pipe(name)
    nlp.max_length = 2 * CHUNK_CHARS
    return initialize_pipes(nlp, content)


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
    speakers: list[str] = field(default_factory=list)  # actors that speak (subject of a speech verb)
    parties: list[str] = field(default_factory=list)  # states that act or are acted upon (nlp.countries)
    venues: list[str] = field(default_factory=list)  # states of the places where it happens (nlp.countries)
    event_type: str | None = None  # PLOVER type of the sentence's main event (generator.nlp.events)
    clauses: list[Clause] = field(default_factory=list)  # each clause's event type and stance


_START_END = attrgetter("start", "end")


def _group_by_sentence(doc: Doc, group: str, sents: list[Span]) -> list[list[Span]]:
    """The spans of a span group that lie in each sentence, in one pass (linear, not sentences x spans)."""
    out: list[list[Span]] = [[] for _ in sents]
    if not sents:
        return out
    starts = [sent.start for sent in sents]
    ends = [sent.end for sent in sents]
    for span in sorted(spans_of(doc, group), key=_START_END):
        i = bisect.bisect_right(starts, span.start) - 1
        if i >= 0 and span.end <= ends[i]:
            out[i].append(span)
    return out


def _labels(spans: list[Span], strings: StringStore) -> list[str]:
    """Labels in order of first mention, no repeats (each looked up once in the string store)."""
    return [strings[label] for label in dict.fromkeys(span.label for span in spans)]


def _clause_parties(doc: Doc, clauses: list[Span], mentions: list[Span], actors: list[Span],
                    parties: list[str]) -> list[list[tuple[int, str]]]:
    """The states each clause of a sentence is about, as (token index, code) in order of mention: its
    mentions of the sentence's parties (countries, places) and the countries of its actors but the press
    and think tanks ("Modi met Kishida": IN, JP), so a clause's stance goes to its own pair only."""
    if not mentions and not actors:
        return [[] for _ in clauses]
    info = doc.user_data.get("briefs_actors") or {}
    context: frozenset[str] = (doc.user_data.get(CONTEXT_NOUNS_KEY) or (frozenset(), frozenset()))[1]
    found = [(m.start, m.label_) for m in mentions if m.label_ in parties]
    for a in actors:
        entry = info.get(a.label_) or {}
        country = entry.get("country")
        if country and (len(country) == 2 or country in NON_STATES) and entry.get("type") not in context:
            found.append((a.start, country))
    found.sort()
    return [[(start, code) for start, code in found if c.start <= start < c.end] for c in clauses]



def _is_heading(sent: Span, text: str) -> bool:
    """A line that ends without sentence punctuation and stands alone is a heading, unless it is a photo
    caption ending with its date after a comma."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] not in ".!?\"'”’)»:" and len(sent) < 25 \
        and stripped[:1] not in BULLETS \
        and not CAPTION_END.search(stripped)  # "• Florence Parly, Minister for …": a list item


def iter_sentences(doc: Doc, resolver: DateResolver, base: int = 0, first_index: int = 0,
                   text: str | None = None) -> Iterator[SentenceFacts]:
    """Yield the facts of every non-blank sentence of a processed text, numbered from first_index.

    `base` is the offset of this text in the whole document (long documents are processed in chunks
    that start at paragraph boundaries); the resolver carries date anchors from chunk to chunk.
    `text`, when given, is the string the Doc was made from (equal to Doc.text, which costs one
    Token object per token to rebuild).
    """
    whole = text_of(doc) if text is None else text  # Span.text joins Token objects: slice one string
    sents = [sent for sent in doc.sents if whole[sent.start_char:sent.end_char].strip()]
    groups = {g: _group_by_sentence(doc, g, sents) for g in ("countries", "actors", "sectors", "stance",
                                                                  "speakers")}
    coding = {g: _group_by_sentence(doc, g, sents) for g in ("events", "clauses")}
    places = _group_by_sentence(doc, PLACES_KEY, sents)
    strings = doc.vocab.strings
    previous_end = 0
    for k, sent in enumerate(sents):
        start = sent.start_char
        text = whole[start:sent.end_char].rstrip()
        new_paragraph = k == 0 or "\n" in whole[previous_end:start]
        previous_end = start + len(text)
        countries, parties, venues = sentence_countries(doc, groups["countries"][k], places[k],
                                                        groups["actors"][k])
        own = _clause_parties(doc, coding["clauses"][k], groups["countries"][k] + places[k],
                              groups["actors"][k], parties)
        clauses, event_type, stance = code_sentence(coding["clauses"][k], coding["events"][k],
                                                    groups["stance"][k], whole, base, own)
        yield SentenceFacts(
            index=first_index + k, start=base + start, end=base + start + len(text), text=text,
            dates=resolver.resolve(text, new_paragraph=new_paragraph),
            countries=countries, parties=parties, venues=venues, actors=_labels(groups["actors"][k], strings),
            sectors=_labels(groups["sectors"][k], strings),
            stance=stance, event_type=event_type, clauses=clauses,
            quantities=find_quantities(text), heading=_is_heading(sent, text), new_paragraph=new_paragraph,
            speakers=_labels(groups["speakers"][k], strings),
        )


def chunks(text: str, size: int | None = None) -> Iterator[tuple[int, str]]:
    """Split a long text at paragraph breaks (else at whitespace) into (offset, piece) of at most ~size."""
    size = size or CHUNK_CHARS
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n\n", start + size // 2, start + size)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, start + size)
        cut = cut + 1 if cut >= 0 else start + size
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def pipe_texts(nlp: Language, texts: Iterable[str], n_process: int = 1) -> Iterator[Doc]:
    """Run the pipeline over many texts (one or more processes)."""
    yield from nlp.pipe(texts, batch_size=8, n_process=n_process)
