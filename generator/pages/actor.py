"""Actor profiles: one page per actor named in at least one fact."""

from __future__ import annotations

import re
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
    fact_view,
    front_matter,
    pair_link,
    sector_link,
    source_link,
    timeline,
    weightiest,
)

# Case-sensitive on purpose: "States" in "United States" is not a speech verb.
_VERBS = r"(?:said|says|told|tells|stated|announced|added|warned|noted|stressed|insisted|declared)"
_BEFORE_VERB = r"(?:,[^,\"“”]{1,60},)?\s+(?:\w+ly\s+|also\s+|has\s+|had\s+)?" + _VERBS + r"\b"
_AFTER_VERB = r"(?:[,\"”]\s*" + _VERBS + r"|[Aa]ccording to)\s+(?:the\s+)?(?:[A-Z]\w+\s+){0,3}?"
K = TypeVar("K", str, Pair)


@dataclass(frozen=True)
class RoleRow:
    """A role the actor holds, as stated by a fact."""

    role: str = field(metadata={"help": "the role as written"})
    date: str = field(metadata={"help": "ISO date or ''"})
    source: Link | None = field(metadata={"help": "link to the sentence stating it, if known"})


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
    roles: list[RoleRow] = field(metadata={"help": "by date, then role; the latest MAX_LISTED"})
    roles_more: int = field(metadata={"help": "earlier roles left out"})
    statements: list[FactView] = field(metadata={"help": "facts quoting or reporting the actor (weightiest)"})
    statements_more: int = field(metadata={"help": "statements left out to keep the page short"})
    timeline: list[TimelineYear] = field(metadata={"help": "dated facts by year"})
    undated: list[FactView] = field(metadata={"help": "facts without a date (weightiest)"})
    undated_more: int = field(metadata={"help": "undated facts left out"})
    pairs: list[CountRow] = field(metadata={"help": "related pairs, most facts first"})
    sectors: list[CountRow] = field(metadata={"help": "sectors, most facts first"})
    co_mentioned: list[CountRow] = field(metadata={"help": "actors named in the same facts, most first"})
    co_mentioned_more: int = field(metadata={"help": "further actors left out"})
    search: SearchMeta = field(metadata={"help": "search title and facets (hidden elements)"})


def is_statement(text: str, names: list[str]) -> bool:
    """Return True if the actor speaks in `text`: a name right before a speech verb ("X said", "X, the
    minister, said"), right after one ("…," said X) or after "according to" (facts that carry no
    recorded speakers; facts.json records them in `speakers`)."""
    for name in names:
        if not name:
            continue
        escaped = re.escape(name)
        if re.search(escaped + _BEFORE_VERB, text) or re.search(_AFTER_VERB + escaped, text):
            return True
    return False


def speaks(fact: Fact, actor_id: str, names: list[str]) -> bool:
    """The actor speaks in the fact: it is a recorded speaker, or (when none is recorded) the text
    makes it the subject of a speech verb. A mere mention is not a statement."""
    if fact.speakers:
        return actor_id in fact.speakers
    return is_statement(fact.text, names)


def _roles(corpus: Corpus, actor: Actor) -> list[RoleRow]:
    rows = []
    for role in actor.roles:
        fact = corpus.facts_by_id.get(role.fact)
        link = source_link(corpus, fact, ENTITY_ROOT) if fact else None
        rows.append(RoleRow(role.role, role.date or "", link))
    return sorted(rows, key=lambda r: (r.date, r.role))


def _counted(counter: Counter[K], make: Callable[[K], Link]) -> list[CountRow]:
    order = sorted(counter, key=lambda k: (-counter[k], k))
    return [CountRow(make(k), counter[k]) for k in order]


def actor_context(corpus: Corpus, actor_id: str) -> ActorContext:
    """Build the view model of the profile of `actor_id`."""
    actor = corpus.actors[actor_id]
    facts = corpus.by_actor[actor_id]
    names = [actor.name, *actor.aliases]
    pairs = Counter(p for f in facts for p in f.pairs)
    sectors = Counter(s for f in facts for s in f.sectors if s in corpus.by_sector)
    others = Counter(a for f in facts for a in f.actors if a != actor_id and a in corpus.actors)
    tags = sorted({actor.type, *(p.slug for p in pairs if corpus.has_brief(p)), *sectors})
    roles = _roles(corpus, actor)
    statements = [f for f in facts if speaks(f, actor_id, names)]
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
        roles=roles[-MAX_LISTED:],
        roles_more=max(0, len(roles) - MAX_LISTED),
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
