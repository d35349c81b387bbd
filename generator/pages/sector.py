"""Sector maps: one page per sector with at least one fact."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.config import TUNING
from generator.facts.model import Fact, Pair
from generator.pages.actor import CountRow
from generator.pages.brief import year_rows
from generator.pages.charts import stance_bars
from generator.pages.corpus import Corpus, Entity
from generator.pages.names import actor_type_label, sector_label
from generator.pages.search import SearchMeta, search_meta
from generator.pages.views import (
    ENTITY_ROOT,
    MAX_LISTED,
    Link,
    StanceCount,
    TimelineYear,
    actor_link,
    front_matter,
    pair_link,
    source_link,
    stance_count,
    timeline,
)

# A small general list; each pattern names the instrument it finds.
INSTRUMENTS: dict[str, re.Pattern[str]] = {
    "action plan": re.compile(r"\baction plans?\b", re.I),
    "agreement": re.compile(r"\bagreements?\b", re.I),
    "ban": re.compile(r"\bbans?\b|\bbanned\b", re.I),
    "decree": re.compile(r"\bdecrees?\b", re.I),
    "golden power": re.compile(r"\bgolden powers?\b", re.I),
    "memorandum of understanding": re.compile(r"\bmemorand(?:um|a)\b|\bMOUs?\b|\bMoUs?\b", re.I),
    "resolution": re.compile(r"\bresolutions?\b", re.I),
    "sanctions": re.compile(r"\bsanction(?:s|ed)?\b", re.I),
    "tariff": re.compile(r"\btariffs?\b", re.I),
}

MAX_INSTRUMENT_SOURCES = TUNING.max_instrument_sources


@dataclass(frozen=True)
class PairBalance:
    """Stance balance of one pair within the sector."""

    pair: Link = field(metadata={"help": "link to the brief (empty href: no brief)"})
    counts: StanceCount = field(metadata={"help": "stance counts"})


@dataclass(frozen=True)
class InstrumentRow:
    """A policy instrument named in the sector's facts."""

    name: str = field(metadata={"help": "instrument, e.g. golden power"})
    sources: list[Link] = field(metadata={"help": "sentences naming it, the first MAX_INSTRUMENT_SOURCES"})
    more: int = field(default=0, metadata={"help": "further sentences naming it"})


@dataclass(frozen=True)
class ActorGroup:
    """Actors of one type."""

    kind: str = field(metadata={"help": "actor type, readable"})
    actors: list[CountRow] = field(metadata={"help": "most facts first; the first MAX_LISTED"})
    more: int = field(default=0, metadata={"help": "actors of the type left out"})


@dataclass(frozen=True)
class SectorContext:
    """Everything templates/sector.md.j2 receives."""

    id: str = field(metadata={"help": "sector id"})
    title: str = field(metadata={"help": "sector label"})
    description: str = field(metadata={"help": "from the taxonomy, or ''"})
    meta: Markup = field(metadata={"help": "YAML front matter"})
    counts: StanceCount = field(metadata={"help": "stance balance of the sector"})
    pairs: list[PairBalance] = field(metadata={"help": "most facts first"})
    actors: list[ActorGroup] = field(metadata={"help": "grouped by type"})
    instruments: list[InstrumentRow] = field(metadata={"help": "alphabetical"})
    timeline: list[TimelineYear] = field(metadata={"help": "dated facts by year"})
    chart: Markup = field(metadata={"help": "inline SVG: facts per year by stance"})
    search: SearchMeta = field(metadata={"help": "search title and facets (hidden elements)"})


def instruments(corpus: Corpus, facts: list[Fact]) -> list[InstrumentRow]:
    """Return the instruments named in `facts`, each with links to the sentences naming it."""
    rows = []
    for name, pattern in INSTRUMENTS.items():
        hits = [f for f in facts if pattern.search(f.text)]
        seen: set[tuple[str, int]] = set()
        links = []
        for fact in hits:
            if (fact.document, fact.sentence) not in seen:
                seen.add((fact.document, fact.sentence))
                links.append(source_link(corpus, fact, ENTITY_ROOT))
        if links:
            rows.append(InstrumentRow(name, links[:MAX_INSTRUMENT_SOURCES],
                                      max(0, len(links) - MAX_INSTRUMENT_SOURCES)))
    return rows


def _pairs(corpus: Corpus, facts: list[Fact]) -> list[PairBalance]:
    groups: dict[Pair, list[Fact]] = {}
    for fact in facts:
        for pair in fact.pairs:
            groups.setdefault(pair, []).append(fact)
    order = sorted(groups, key=lambda p: (-len(groups[p]), p))
    return [PairBalance(pair_link(corpus, p, ENTITY_ROOT), stance_count(groups[p])) for p in order]


def _actors(corpus: Corpus, facts: list[Fact]) -> list[ActorGroup]:
    counts: dict[str, int] = {}
    for fact in facts:
        for actor in fact.actors:
            if actor in corpus.actors:
                counts[actor] = counts.get(actor, 0) + 1
    groups: dict[str, list[str]] = {}
    for actor in counts:
        groups.setdefault(corpus.actors[actor].type, []).append(actor)
    result = []
    for kind in sorted(groups, key=actor_type_label):
        order = sorted(groups[kind], key=lambda a: (-counts[a], a))
        result.append(
            ActorGroup(
                actor_type_label(kind),
                [CountRow(actor_link(corpus, a, ENTITY_ROOT), counts[a]) for a in order[:MAX_LISTED]],
                max(0, len(order) - MAX_LISTED),
            )
        )
    return result


def sector_context(corpus: Corpus, sector: str) -> SectorContext:
    """Build the view model of the map of `sector`."""
    facts = corpus.by_sector[sector]
    title = sector_label(sector, corpus.sectors)
    briefs = {p.slug for f in facts for p in f.pairs if corpus.has_brief(p)}
    tags = sorted({sector} | briefs)
    return SectorContext(
        id=sector,
        title=title,
        description=str((corpus.sectors.get(sector) or {}).get("description") or ""),
        meta=front_matter(title, tags),
        counts=stance_count(facts),
        pairs=_pairs(corpus, facts),
        actors=_actors(corpus, facts),
        instruments=instruments(corpus, facts),
        timeline=timeline(corpus, facts, ENTITY_ROOT),
        chart=stance_bars(year_rows(facts), f"Facts per year by stance: {title}"),
        search=search_meta(corpus, title, facts, {"sector": {sector}}),
    )


def sector_entities(corpus: Corpus) -> list[Entity]:
    """Every sector map with its facts."""
    return [Entity(f"sectors/{s}/index.md", s, facts) for s, facts in corpus.by_sector.items()]


def sector_pages(corpus: Corpus) -> list[tuple[str, SectorContext]]:
    """Return (relative path, context) of every sector map."""
    return [(f"sectors/{s}/index.md", sector_context(corpus, s)) for s in corpus.by_sector]
