"""Brief pages: one per country pair with at least three facts.

Key points are the highest-scoring facts of the pair, one per sentence, at most six:

    score = 2 × has date + 2 × has quantity + number of actors (at most 3)
            + 1 if stance is not neutral + 1 if dated within two years of the as-of date

Ties go to the more recent fact, then to the smaller fact id.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.config import TUNING
from generator.facts.model import Fact, Pair
from generator.pages.charts import stance_bars
from generator.pages.corpus import Corpus, Entity
from generator.pages.escape import slug
from generator.pages.names import pair_title, readable
from generator.pages.search import SearchMeta, search_meta
from generator.pages.views import (
    ENTITY_ROOT,
    MAX_LISTED,
    FactView,
    Link,
    StanceCount,
    TimelineYear,
    actor_link,
    date_of,
    fact_view,
    front_matter,
    href,
    sector_link,
    shorten,
    source_link,
    stance_count,
    timeline,
)

MAX_KEY_POINTS = TUNING.max_key_points
MAX_SECTOR_FACTS = TUNING.max_sector_facts
SCORING_NOTE = (
    "Key points are the facts that score highest on: date (2), figure (2), "
    "named actors (1 each, up to 3), a cooperation or tension stance (1), "
    "and recency within two years of the as-of date (1); one per sentence, at most six."
)


@dataclass(frozen=True)
class KeyFigure:
    """One row of the key-figures table."""

    figure: str = field(metadata={"help": "the figure as written"})
    measures: str = field(metadata={"help": "the sentence, shortened"})
    date: str = field(metadata={"help": "ISO date of the fact or ''"})
    source: Link = field(metadata={"help": "link to the sentence"})


@dataclass(frozen=True)
class SectorSection:
    """The facts of the pair in one sector."""

    anchor: Markup = field(metadata={"help": "heading id, sector-<id>; the home matrix links here"})
    sector: Link = field(metadata={"help": "link to the sector page"})
    counts: StanceCount = field(metadata={"help": "stance balance"})
    facts: list[FactView] = field(metadata={"help": "facts, dated first by date, then undated"})


@dataclass(frozen=True)
class ActorRow:
    """An actor involved in the pair."""

    actor: Link = field(metadata={"help": "link to the profile"})
    kind: str = field(metadata={"help": "actor type, readable"})
    facts: int = field(metadata={"help": "facts of the pair naming the actor"})


@dataclass(frozen=True)
class BriefContext:
    """Everything templates/brief.md.j2 receives."""

    pair: str = field(metadata={"help": "pair slug, e.g. cn-it"})
    title: str = field(metadata={"help": "e.g. Italy – China"})
    tags: list[str] = field(metadata={"help": "Material tags: pair, sectors, actor types"})
    meta: Markup = field(metadata={"help": "YAML front matter: title and tags"})
    as_of: str = field(metadata={"help": "latest fact date, or ''"})
    fact_count: int = field(metadata={"help": "facts of the pair"})
    source_count: int = field(metadata={"help": "documents with facts of the pair"})
    scoring_note: str = field(metadata={"help": "how key points were chosen"})
    key_points: list[FactView] = field(metadata={"help": "3–6 highest-scoring facts"})
    key_figures: list[KeyFigure] = field(
        metadata={"help": "one row per quantity, by date; the latest MAX_LISTED"})
    key_figures_more: int = field(metadata={"help": "earlier figures left out"})
    timeline: list[TimelineYear] = field(metadata={"help": "dated facts by year"})
    sectors: list[SectorSection] = field(metadata={"help": "by fact count, then id"})
    actors: list[ActorRow] = field(metadata={"help": "by fact count, then name; the first MAX_LISTED"})
    actors_more: int = field(metadata={"help": "actors left out"})
    sources: list[Link] = field(
        metadata={"help": "the MAX_LISTED documents with most facts of the pair, by title"})
    sources_more: int = field(metadata={"help": "documents left out (all are on the Sources page)"})
    chart: Markup = field(metadata={"help": "inline SVG: facts per year by stance"})
    search: SearchMeta = field(metadata={"help": "search title and facets (hidden elements)"})


def score(fact: Fact, as_of: str) -> int:
    """Return the key-point score of a fact (see the module docstring)."""
    date = date_of(fact)
    recent = bool(date and as_of and int(as_of[:4]) - int(date[:4]) <= 2)
    return (
        2 * bool(date)
        + 2 * bool(fact.quantities)
        + min(len(fact.actors), 3)
        + (fact.stance != "neutral")
        + recent
    )


def key_points(facts: list[Fact], as_of: str) -> list[Fact]:
    """Return up to six top-scoring facts, one per sentence."""
    ranked = sorted(facts, key=lambda f: f.id)
    ranked.sort(key=lambda f: (score(f, as_of), date_of(f)), reverse=True)
    chosen: list[Fact] = []
    seen: set[tuple[str, int]] = set()
    for fact in ranked:
        where = (fact.document, fact.sentence)
        if where not in seen:
            seen.add(where)
            chosen.append(fact)
    return chosen[:MAX_KEY_POINTS]


def year_rows(facts: list[Fact]) -> list[tuple[str, dict[str, int]]]:
    """Return (year, counts by stance) for the chart, years ascending."""
    rows: dict[str, dict[str, int]] = {}
    for fact in facts:
        if date_of(fact):
            counts = rows.setdefault(date_of(fact)[:4], {})
            counts[fact.stance] = counts.get(fact.stance, 0) + 1
    return sorted(rows.items())


def _key_figures(corpus: Corpus, facts: list[Fact]) -> list[KeyFigure]:
    rows = []
    for fact in sorted(facts, key=lambda f: (date_of(f), f.id)):
        for quantity in fact.quantities:
            link = source_link(corpus, fact, ENTITY_ROOT)
            rows.append(KeyFigure(quantity.text, shorten(fact.text, 110), date_of(fact), link))
    return rows


def _sectors(corpus: Corpus, facts: list[Fact]) -> list[SectorSection]:
    groups: dict[str, list[Fact]] = {}
    for fact in facts:
        for sector in fact.sectors:
            if sector in corpus.by_sector:
                groups.setdefault(sector, []).append(fact)
    order = sorted(groups, key=lambda s: (-len(groups[s]), s))
    return [
        SectorSection(
            Markup(f"sector-{slug(s)}"),  # noqa: S704 -- slug() admits [a-z0-9._-] only
            sector_link(corpus, s, ENTITY_ROOT),
            stance_count(groups[s]),
            [fact_view(corpus, f, ENTITY_ROOT)
             for f in sorted(groups[s], key=_dated_first)[:MAX_SECTOR_FACTS]],
        )
        for s in order
    ]


def _dated_first(fact: Fact) -> tuple[bool, str, str]:
    return (not date_of(fact), date_of(fact), fact.id)


def _actors(corpus: Corpus, facts: list[Fact]) -> list[ActorRow]:
    counts: dict[str, int] = {}
    for fact in facts:
        for actor in fact.actors:
            if actor in corpus.actors:
                counts[actor] = counts.get(actor, 0) + 1
    order = sorted(counts, key=lambda a: (-counts[a], corpus.actors[a].name, a))
    return [
        ActorRow(actor_link(corpus, a, ENTITY_ROOT), readable(corpus.actors[a].type), counts[a])
        for a in order
    ]


def brief_tags(pair: Pair, facts: list[Fact], corpus: Corpus) -> list[str]:
    """Return the Material tags of a brief: its own pair slug, sector ids and actor types of its facts."""
    tags = {pair.slug}
    tags |= {s for f in facts for s in f.sectors if s in corpus.by_sector}
    tags |= {corpus.actors[a].type for f in facts for a in f.actors if a in corpus.actors}
    return sorted(t for t in tags if t)


def brief_context(corpus: Corpus, ident: str) -> BriefContext:
    """Build the view model of the brief of a pair, given its slug (such as "cn-it")."""
    pair = Pair.from_slug(ident)
    facts = corpus.by_pair[pair]
    as_of = max((date_of(f) for f in facts), default="")
    title = pair_title(pair.json, corpus.country_weight)
    tags = brief_tags(pair, facts, corpus)
    per_doc = Counter(f.document for f in facts)
    top = sorted(per_doc, key=lambda d: (-per_doc[d], d))[:MAX_LISTED]
    docs = sorted(top, key=lambda d: (corpus.documents[d].title or d, d))
    figures = _key_figures(corpus, facts)
    actors = _actors(corpus, facts)
    return BriefContext(
        pair=pair.slug,
        title=title,
        tags=tags,
        meta=front_matter(title, tags),
        as_of=as_of,
        fact_count=len(facts),
        source_count=len(per_doc),
        scoring_note=SCORING_NOTE,
        key_points=[fact_view(corpus, f, ENTITY_ROOT) for f in key_points(facts, as_of)],
        key_figures=figures[-MAX_LISTED:],
        key_figures_more=max(0, len(figures) - MAX_LISTED),
        timeline=timeline(corpus, facts, ENTITY_ROOT),
        sectors=_sectors(corpus, facts),
        actors=actors[:MAX_LISTED],
        actors_more=max(0, len(actors) - MAX_LISTED),
        sources=[
            Link(corpus.documents[d].title or d, href(ENTITY_ROOT, "sources", d)) for d in docs
        ],
        sources_more=len(per_doc) - len(docs),
        chart=stance_bars(year_rows(facts), f"Facts per year by stance: {title}"),
        search=search_meta(corpus, title, facts, {"pair": {pair.slug}}),
    )


def brief_entities(corpus: Corpus) -> list[Entity]:
    """Every brief page with its facts."""
    return [Entity(f"briefs/{p.slug}/index.md", p.slug, corpus.by_pair[p]) for p in corpus.brief_pairs]


def brief_pages(corpus: Corpus) -> list[tuple[str, BriefContext]]:
    """Return (relative path, context) of every brief page."""
    return [(f"briefs/{p.slug}/index.md", brief_context(corpus, p.slug)) for p in corpus.brief_pairs]
