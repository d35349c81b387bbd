"""Actor profiles: one page per actor named in at least one fact."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from markupsafe import Markup

from generator.facts.model import Actor, Fact, Pair
from generator.pages.corpus import Corpus, Entity
from generator.pages.names import country_name, readable
from generator.pages.search import SearchMeta, search_meta
from generator.pages.views import (
    ENTITY_ROOT,
    MAX_LISTED,
    FactView,
    Link,
    TimelineYear,
    actor_link,
    date_of,
    fact_view,
    front_matter,
    pair_link,
    sector_link,
    source_link,
    timeline,
    weightiest,
)

K = TypeVar("K", str, Pair)


@dataclass(frozen=True)
class RoleRow:
    """A role the actor holds, as stated by one or more sentences, dated by those sentences."""

    role: str = field(metadata={"help": "the role as first written"})
    date: str = field(metadata={
        "help": "ISO date of the sentence stating it ('first – last' if several dates), or '' when no "
                "sentence stating it is dated (never the article's publication or reference date)"})
    sources: list[Link] = field(metadata={"help": "links to the sentences stating it, oldest first"})


@dataclass(frozen=True)
class CountRow:
    """A linked item with how many of the actor's facts it shares."""

    link: Link = field(metadata={"help": "link (empty href: print the label only)"})
    count: int = field(metadata={"help": "number of facts"})


@dataclass(frozen=True)
class ActorContext:
    """Everything templates/actor.md.j2 receives."""

    id: str = field(metadata={"help": "actor id"})
    name: str = field(metadata={"help": "display name"})
    meta: Markup = field(metadata={"help": "YAML front matter"})
    kind: str = field(metadata={"help": "actor type, readable"})
    country: str = field(metadata={"help": "country name or —"})
    aliases: str = field(metadata={"help": "other names, sorted, comma-separated, or —"})
    fact_count: int = field(metadata={"help": "facts naming the actor"})
    roles: list[RoleRow] = field(metadata={
        "help": "one per role, dated ones by date, then undated ones; the latest MAX_LISTED"})
    roles_more: int = field(metadata={"help": "roles left out (the earliest)"})
    statements: list[FactView] = field(metadata={
        "help": "the actor's own words: one fact per sentence whose recorded speakers include the actor, "
                "dated ones by date, then undated ones (weightiest)"})
    statements_more: int = field(metadata={"help": "statements left out to keep the page short"})
    timeline: list[TimelineYear] = field(metadata={"help": "dated facts by year"})
    undated: list[FactView] = field(metadata={"help": "facts without a date (weightiest)"})
    undated_more: int = field(metadata={"help": "undated facts left out"})
    pairs: list[CountRow] = field(metadata={"help": "related pairs, most facts first"})
    sectors: list[CountRow] = field(metadata={"help": "sectors, most facts first"})
    co_mentioned: list[CountRow] = field(metadata={"help": "actors named in the same facts, most first"})
    co_mentioned_more: int = field(metadata={"help": "further actors left out"})
    search: SearchMeta = field(metadata={"help": "search title and facets (hidden elements)"})


def speaks(fact: Fact, actor_id: str) -> bool:
    """The actor speaks in the fact: extraction recorded it among the sentence's speakers (the subject
    of a speech verb, the named speaker of a quote, X in "according to X"). A mention is not a
    statement, and no guess is made from the text when extraction recorded no speaker."""
    return actor_id in fact.speakers


def _in_reading_order(fact: Fact) -> tuple[bool, str, str, int]:
    """Dated facts first, oldest first; then undated ones in document and sentence order."""
    return (not date_of(fact), date_of(fact), fact.document, fact.sentence)


def one_per_sentence(facts: list[Fact]) -> list[Fact]:
    """The facts in reading order, one per sentence (a sentence with several dates yields several facts;
    the first in reading order stands for it)."""
    seen: set[tuple[str, int]] = set()
    out = []
    for fact in sorted(facts, key=_in_reading_order):
        where = (fact.document, fact.sentence)
        if where not in seen:
            seen.add(where)
            out.append(fact)
    return out


def _role_key(role: str) -> str:
    """Spellings of one role that differ only in case, spacing or apostrophes are one role."""
    return " ".join(role.replace("\u2019", "'").casefold().split())


def _span(dates: list[str]) -> str:
    """'' for no date, the date, or 'first – last'."""
    if not dates:
        return ""
    return dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}"


def role_rows(corpus: Corpus, actor: Actor) -> tuple[list[RoleRow], int]:
    """One row per role of the actor, dated by the sentences that state it (the date of each stating
    fact; the Role's own date may be the article's reference date and is not used). Dated rows come
    first, by their first date, then undated ones by role; when there are more than MAX_LISTED, the
    earliest are left out. Return the rows shown and how many were left out."""
    groups: dict[str, list[tuple[str, str, Fact | None]]] = {}
    for role in actor.roles:
        fact = corpus.facts_by_id.get(role.fact)
        groups.setdefault(_role_key(role.role), []).append((date_of(fact) if fact else "", role.role, fact))
    rows = []
    for key in sorted(groups):
        stated = sorted(groups[key], key=lambda r: (not r[0], r[0], r[2].id if r[2] else "", r[1]))
        links, seen = [], set()
        for _date, _role, fact in stated:
            if fact is not None and (fact.document, fact.sentence) not in seen:
                seen.add((fact.document, fact.sentence))
                links.append(source_link(corpus, fact, ENTITY_ROOT))
        dates = sorted({d for d, _, _ in stated if d})
        rows.append(RoleRow(stated[0][1], _span(dates), links))
    dated = sorted((r for r in rows if r.date), key=lambda r: (r.date, r.role))
    undated = sorted((r for r in rows if not r.date), key=lambda r: (r.role, _role_key(r.role)))
    dated_kept = dated[min(len(dated), max(0, len(rows) - MAX_LISTED)):]
    shown = (dated_kept + undated)[:MAX_LISTED]
    return shown, len(rows) - len(shown)


def _counted(counter: Counter[K], make: Callable[[K], Link]) -> list[CountRow]:
    order = sorted(counter, key=lambda k: (-counter[k], k))
    return [CountRow(make(k), counter[k]) for k in order]


def actor_context(corpus: Corpus, actor_id: str) -> ActorContext:
    """Build the view model of the profile of `actor_id`."""
    actor = corpus.actors[actor_id]
    facts = corpus.by_actor[actor_id]
    pairs = Counter(p for f in facts for p in f.pairs)
    sectors = Counter(s for f in facts for s in f.sectors if s in corpus.by_sector)
    others = Counter(a for f in facts for a in f.actors if a != actor_id and a in corpus.actors)
    tags = sorted({actor.type, *(p.slug for p in pairs if corpus.has_brief(p)), *sectors})
    roles, roles_more = role_rows(corpus, actor)
    statements = one_per_sentence([f for f in facts if speaks(f, actor_id)])
    undated = [f for f in facts if not f.date]
    co_mentioned = _counted(others, lambda a: actor_link(corpus, a, ENTITY_ROOT))
    shown = {"statements": weightiest(statements, MAX_LISTED), "undated": weightiest(undated, MAX_LISTED)}
    return ActorContext(
        id=actor_id,
        name=actor.name,
        meta=front_matter(actor.name, tags),
        kind=readable(actor.type),
        country=country_name(actor.country),
        aliases=", ".join(sorted(set(actor.aliases) - {actor.name})) or "—",
        fact_count=len(facts),
        roles=roles,
        roles_more=roles_more,
        statements=[fact_view(corpus, f, ENTITY_ROOT) for f in shown["statements"]],
        statements_more=len(statements) - len(shown["statements"]),
        timeline=timeline(corpus, facts, ENTITY_ROOT),
        undated=[fact_view(corpus, f, ENTITY_ROOT) for f in shown["undated"]],
        undated_more=len(undated) - len(shown["undated"]),
        pairs=_counted(pairs, lambda p: pair_link(corpus, p, ENTITY_ROOT)),
        sectors=_counted(sectors, lambda s: sector_link(corpus, s, ENTITY_ROOT)),
        co_mentioned=co_mentioned[:MAX_LISTED],
        co_mentioned_more=max(0, len(co_mentioned) - MAX_LISTED),
        search=search_meta(corpus, actor.name, facts, {"actor type": {actor.type}}),
    )


def actor_entities(corpus: Corpus) -> list[Entity]:
    """Every actor profile with its facts, its record and where its roles are stated."""
    entities = []
    for actor_id, facts in corpus.by_actor.items():
        actor = corpus.actors[actor_id]
        stated = [corpus.facts_by_id.get(r.fact) for r in actor.roles]
        where = [(f.document, f.sentence) if f else None for f in stated]
        entities.append(Entity(f"actors/{actor_id}/index.md", actor_id, facts, (actor, where)))
    return entities


def actor_pages(corpus: Corpus) -> list[tuple[str, ActorContext]]:
    """Return (relative path, context) of every actor profile."""
    return [(f"actors/{a}/index.md", actor_context(corpus, a)) for a in corpus.by_actor]
