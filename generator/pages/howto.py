"""The "How to read a brief" page: what stance and event types mean, how a brief is put together, and
how to report an error in a fact.

Nothing on the page is copied by hand from elsewhere: the event types and their quad classes come from
the closed vocabulary (generator/content/vocabulary.py, the types content/events.yaml codes), each with
how many facts of this corpus carry it and one example; the numbers of the rules (thresholds, list
lengths) are the fields of generator/config.py, listed under the part of the brief they shape, each
with its help text, so a field added there appears here without an edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from markupsafe import Markup

from generator.config import TUNING, Tuning
from generator.content.vocabulary import EVENT_STANCE, QUAD_CLASSES, STANCES
from generator.facts.model import Fact
from generator.pages.corpus import Corpus
from generator.pages.views import SECTION_ROOT, FactView, Link, date_of, fact_view, front_matter, href

HOWTO_ROOT = SECTION_ROOT
# The part of a brief each tuning field shapes: a field belongs to a part when one of the words is in its
# name or its help text (first matching part wins, in this order).
TOPICS = {
    "salience": ("brief_min", "salience"),
    "bottom_line": ("bottom_line", "bottom line"),
    "milestones": ("milestone",),
    "key_points": ("key_point", "key point"),
    "key_figures": ("figure",),
    "timeline": ("timeline", "per_year", "per year"),
}


@dataclass(frozen=True)
class SettingRow:
    """One field of generator/config.py, as the page prints it."""

    name: str = field(metadata={"help": "the field's name in generator/config.py"})
    value: str = field(metadata={"help": "its value"})
    help: str = field(metadata={"help": "its help text"})


@dataclass(frozen=True)
class Settings:
    """The tuning fields that shape each part of a brief (see TOPICS)."""

    salience: list[SettingRow] = field(metadata={"help": "which pairs get a brief"})
    bottom_line: list[SettingRow] = field(metadata={"help": "the bottom line"})
    milestones: list[SettingRow] = field(metadata={"help": "the milestones"})
    key_points: list[SettingRow] = field(metadata={"help": "the key points"})
    key_figures: list[SettingRow] = field(metadata={"help": "the key figures"})
    timeline: list[SettingRow] = field(metadata={"help": "the timeline"})


@dataclass(frozen=True)
class EventTypeRow:
    """One PLOVER event type: its quad class, the stance it gives, and how this corpus uses it."""

    name: str = field(metadata={"help": "the type, e.g. AGREE"})
    stance: str = field(metadata={"help": "the stance a fact of this type gets"})
    count: int = field(metadata={"help": "facts of this corpus of this type"})
    example: list[FactView] = field(metadata={"help": "one example fact (none if the corpus has none)"})


@dataclass(frozen=True)
class QuadRow:
    """One of PLOVER's four quad classes and its event types."""

    name: str = field(metadata={"help": "e.g. verbal cooperation"})
    stance: str = field(metadata={"help": "the stance its types give"})
    types: list[EventTypeRow] = field(metadata={"help": "its event types, in the codebook's order"})


@dataclass(frozen=True)
class StanceRow:
    """How many facts of this corpus have one stance, and how many of them have no event type."""

    name: str = field(metadata={"help": "cooperation, tension or neutral"})
    count: int = field(metadata={"help": "facts with this stance"})
    without_event: int = field(metadata={"help": "of them, facts with no event type (relation words)"})


@dataclass(frozen=True)
class HowToContext:
    """Everything templates/how-to-read.md.j2 receives."""

    meta: Markup = field(metadata={"help": "YAML front matter"})
    quads: list[QuadRow] = field(metadata={"help": "PLOVER's quad classes, in the codebook's order"})
    type_count: int = field(metadata={"help": "event types in all"})
    stances: list[StanceRow] = field(metadata={"help": "the stances, in the vocabulary's order"})
    fact_count: int = field(metadata={"help": "facts of the corpus"})
    settings: Settings = field(metadata={"help": "the tuning fields behind each part of a brief"})
    values: dict[str, str] = field(metadata={"help": "every tuning field's value by name, for the text"})
    example: list[FactView] = field(metadata={"help": "one fact, to show where its id is (none if no fact)"})
    briefs: Link = field(metadata={"help": "link to the list of briefs"})
    compare: Link = field(metadata={"help": "link to the compare page"})
    data: Link = field(metadata={"help": "link to the data downloads"})


def _value(value: Any) -> str:
    """A tuning value as printed: integers with thousands separators, floats without a useless '.0'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def settings(tuning: Tuning = TUNING) -> Settings:
    """The tuning fields grouped by the part of a brief they shape (TOPICS), each group in field order."""
    groups: dict[str, list[SettingRow]] = {topic: [] for topic in TOPICS}
    for f in fields(tuning):
        help_text = str(f.metadata.get("help", ""))
        haystack = f"{f.name} {help_text}".lower()
        topic = next((t for t, words in TOPICS.items() if any(w in haystack for w in words)), None)
        if topic is not None:
            groups[topic].append(SettingRow(f.name, _value(getattr(tuning, f.name)), help_text))
    return Settings(**groups)


def _example(corpus: Corpus, facts: list[Fact]) -> list[FactView]:
    """The example of a group of facts: one of a brief's pair if any, dated if any, the latest, then the
    first by id."""
    ranked = sorted(facts, key=lambda f: f.id)
    ranked.sort(key=lambda f: (any(corpus.has_brief(p) for p in f.pairs), date_of(f)), reverse=True)
    return [fact_view(corpus, f, HOWTO_ROOT) for f in ranked[:1]]


def howto_context(corpus: Corpus) -> HowToContext:
    """Build the view model of the How to read a brief page."""
    by_type: dict[str, list[Fact]] = {}
    for fact in corpus.facts:
        if fact.event_type:
            by_type.setdefault(fact.event_type, []).append(fact)
    quads = []
    for quad, types in QUAD_CLASSES.items():
        rows = [EventTypeRow(t, EVENT_STANCE[t], len(by_type.get(t, [])),
                             _example(corpus, by_type.get(t, []))) for t in types]
        quads.append(QuadRow(quad, EVENT_STANCE[types[0]], rows))
    stances = [StanceRow(s, sum(f.stance == s for f in corpus.facts),
                         sum(f.stance == s and not f.event_type for f in corpus.facts)) for s in STANCES]
    return HowToContext(
        meta=front_matter("How to read a brief", [], indexed=False),
        quads=quads,
        type_count=sum(len(q.types) for q in quads),
        stances=stances,
        fact_count=len(corpus.facts),
        settings=settings(),
        values={f.name: _value(getattr(TUNING, f.name)) for f in fields(TUNING)},
        example=_example(corpus, list(corpus.facts)),
        briefs=Link("Briefs", href(HOWTO_ROOT, "briefs")),
        compare=Link("Compare", href(HOWTO_ROOT, "compare")),
        data=Link("Data", href(HOWTO_ROOT, "data")),
    )


def howto_pages(corpus: Corpus) -> list[tuple[str, HowToContext]]:
    """Return the How to read a brief page."""
    return [("how-to-read/index.md", howto_context(corpus))]
