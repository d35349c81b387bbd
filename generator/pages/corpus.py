"""The indexed input of the page stage: facts, documents, actors and sectors, looked up by id."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from generator.config import TUNING
from generator.errors import GeneratorError
from generator.facts.model import Actor, DocumentRecord, Fact, FactsData, Pair
from generator.pages.escape import is_slug, slug

BRIEF_MIN_FACTS = TUNING.brief_min_facts
K = TypeVar("K", str, Pair)


@dataclass(frozen=True)
class Entity:
    """One page of an entity kind (brief, actor, sector, source): what it is about and what it reads
    besides the names of other entities: its facts and its own record (see generator/render/cache.py)."""

    path: str
    ident: str
    facts: Sequence[Fact]
    own: Any = None


@dataclass(frozen=True)
class Corpus:
    """Everything the view models read, with the lookups they share. Built once by `aggregate`."""

    data: FactsData  # as extracted: what data/facts.json publishes
    facts: tuple[Fact, ...]  # sorted by id
    documents: dict[str, DocumentRecord]
    actors: dict[str, Actor]
    sources: dict[str, str]
    sectors: dict[str, dict]
    facts_by_id: dict[str, Fact] = field(default_factory=dict)
    by_pair: dict[Pair, list[Fact]] = field(default_factory=dict)
    by_actor: dict[str, list[Fact]] = field(default_factory=dict)
    by_sector: dict[str, list[Fact]] = field(default_factory=dict)
    by_document: dict[str, list[Fact]] = field(default_factory=dict)
    country_weight: dict[str, int] = field(default_factory=dict)
    pair_titles: dict[Pair, str] = field(default_factory=dict)  # memo: a pair is titled once per build
    fact_views: dict[tuple[str, str], Any] = field(default_factory=dict)  # memo: views.fact_view

    @property
    def brief_pairs(self) -> list[Pair]:
        """The pairs that get a brief page, sorted."""
        return [p for p, fs in self.by_pair.items() if len(fs) >= BRIEF_MIN_FACTS]

    def has_brief(self, pair: Pair) -> bool:
        """Return True if `pair` has a brief page."""
        return len(self.by_pair.get(pair, ())) >= BRIEF_MIN_FACTS


def _group(facts: Sequence[Fact], keys_of: Callable[[Fact], Iterable[K]],
           usable: Callable[[K], bool]) -> dict[K, list[Fact]]:
    """The facts under each of their keys (pairs, actors or sectors) that `usable` admits, by key."""
    groups: dict[K, list[Fact]] = defaultdict(list)
    for fact in facts:
        for key in keys_of(fact):
            if usable(key):
                groups[key].append(fact)
    return dict(sorted(groups.items()))


def aggregate(facts: FactsData, sources: dict[str, str], sectors: dict[str, dict]) -> Corpus:
    """Index the extract stage's output; raise GeneratorError on ids unusable in page addresses."""
    documents = {d.id: d for d in facts.documents}
    if len({slug(doc_id) for doc_id in documents}) != len(documents):
        raise GeneratorError("two documents have ids that differ only in case")
    actors = {slug(a.id): a for a in facts.actors}
    items = tuple(sorted(facts.facts, key=lambda f: f.id))
    missing = sorted({f.document for f in items} - set(documents))
    if missing:
        raise GeneratorError(f"facts refer to unknown documents: {', '.join(missing)}")
    weight = Counter(c for f in items for c in f.countries)
    by_document: dict[str, list[Fact]] = defaultdict(list)
    for fact in items:
        by_document[fact.document].append(fact)
    known_actors = set(actors)
    return Corpus(
        data=facts,
        facts=items,
        documents=dict(sorted(documents.items())),
        actors=dict(sorted(actors.items())),
        sources=sources,
        sectors=sectors or {},
        facts_by_id={f.id: f for f in items},
        by_pair=_group(items, lambda f: f.pairs, lambda p: is_slug(p.slug)),
        by_actor=_group(items, lambda f: f.actors, lambda a: is_slug(a) and a in known_actors),
        by_sector=_group(items, lambda f: f.sectors, is_slug),
        by_document=dict(by_document),
        country_weight=dict(weight),
    )


def facts_data(facts: FactsData | Mapping[str, Any]) -> FactsData:
    """`facts` as FactsData: given so, or read from its JSON form (a parsed facts.json)."""
    return facts if isinstance(facts, FactsData) else FactsData.from_json(dict(facts))
