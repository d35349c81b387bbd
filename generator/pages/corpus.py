"""The indexed input of the page stage: facts, documents, actors and sectors, looked up by id.

Two rules of this stage decide which country pairs are relationships the corpus discusses:

**Policy facts reach their pair.** A fact whose event is a conflict act (sanction, rejection, accusation,
threat, coercion: `POLICY_EVENTS`) and which names one state S, and otherwise only a company, body or
person of another state T (the actor's `country`), belongs to the pair S–T ("the government excluded
Huawei"). A policy fact naming one state of its document's main pair and no other state belongs to that
pair ("the decree excluding Chinese solar panels", in an article on Italy and China). A figure-bearing
fact naming one state of its document's main pair, right after a sentence of that pair and sharing a
sector with it, continues that sentence ("Italian exports stood at €9.1 billion").

**Salience.** A pair gets a brief when both states are *parties* of at least `brief_min_facts` of its
facts, from at least `brief_min_sentences` distinct sentences naming at most `salience_max_states` states.
A state is a party of a fact when it is named as a state or by one of its people, parties or government
bodies; a state present only through a company, a media outlet, a think tank or an international body is
a mention, unless the fact is a policy fact (then the company is its target).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from generator.config import TUNING
from generator.content.vocabulary import NON_STATES, PRESS_TYPES, QUAD_CLASSES
from generator.errors import GeneratorError
from generator.facts.model import Actor, DocumentRecord, Fact, FactsData, Pair
from generator.pages.escape import is_slug, slug

BRIEF_MIN_FACTS = TUNING.brief_min_facts
BRIEF_MIN_SENTENCES = TUNING.brief_min_sentences
SALIENCE_MAX_STATES = TUNING.salience_max_states
# Conflict acts one state takes toward another (PLOVER's conflict quads less REQUEST, an appeal).
POLICY_EVENTS = frozenset(t for quad, types in QUAD_CLASSES.items() if quad.endswith("conflict")
                          for t in types if t != "REQUEST")
STATE_ACTOR_TYPES = frozenset(("person", "party", "government_body"))  # they speak or act for a state
TARGET_ACTOR_TYPES = frozenset(("company",))  # a policy toward a state may target its companies
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
    fact_views: dict[tuple[str, str, bool, str], Any] = field(default_factory=dict)  # memo: views.fact_view
    briefs: tuple[Pair, ...] = ()  # the salient pairs (see the module docstring), sorted

    @property
    def brief_pairs(self) -> list[Pair]:
        """The pairs that get a brief page, sorted."""
        return list(self.briefs)

    def has_brief(self, pair: Pair) -> bool:
        """Return True if `pair` has a brief page."""
        return pair in self.briefs


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
    items = attach_policy_facts(items, actors)
    weight = Counter(c for f in items for c in f.countries)
    by_document: dict[str, list[Fact]] = defaultdict(list)
    for fact in items:
        by_document[fact.document].append(fact)
    known_actors = set(actors)
    # a brief sees each fact with its own pair's stance ("A condemned B's strike on C": A-C cooperation)
    by_pair = {p: [f.for_pair(p) for f in fs]
               for p, fs in _group(items, lambda f: f.pairs, lambda p: is_slug(p.slug)).items()}
    return Corpus(
        data=facts,
        facts=items,
        documents=dict(sorted(documents.items())),
        actors=dict(sorted(actors.items())),
        sources=sources,
        sectors=sectors or {},
        facts_by_id={f.id: f for f in items},
        by_pair=by_pair,
        by_actor=_group(items, lambda f: f.actors, lambda a: is_slug(a) and a in known_actors),
        by_sector=_group(items, lambda f: f.sectors, is_slug),
        by_document=dict(by_document),
        country_weight=dict(weight),
        briefs=tuple(p for p, fs in by_pair.items() if salient(p, fs, actors)),
    )


def states_of(fact: Fact) -> list[str]:
    """The states a fact names (its countries less organisations such as the EU), in its order."""
    return [c for c in fact.countries if c not in NON_STATES]


def _actor_types(fact: Fact, actors: Mapping[str, Actor]) -> dict[str, set[str]]:
    """The actor types of the fact's actors, by the actors' state."""
    types: dict[str, set[str]] = defaultdict(set)
    for ident in fact.actors:
        actor = actors.get(ident)
        if actor is not None and actor.country and actor.country not in NON_STATES:
            types[actor.country].add(actor.type)
    return types


def parties(fact: Fact, actors: Mapping[str, Actor]) -> set[str]:
    """The states that are parties of a fact (they act or are acted upon): see the module docstring."""
    types = _actor_types(fact, actors)
    policy = fact.event_type in POLICY_EVENTS
    return {c for c in states_of(fact)
            if not types.get(c) or types[c] & STATE_ACTOR_TYPES or (policy and types[c] & TARGET_ACTOR_TYPES)}


def salient(pair: Pair, facts: Sequence[Fact], actors: Mapping[str, Actor]) -> bool:
    """True when both states of `pair` are parties of enough facts from enough sentences to get a brief."""
    support = [f for f in facts
               if len(states_of(f)) <= SALIENCE_MAX_STATES and set(pair.codes) <= parties(f, actors)]
    sentences = {(f.document, f.sentence) for f in support}
    return len(support) >= BRIEF_MIN_FACTS and len(sentences) >= BRIEF_MIN_SENTENCES


def main_pairs(facts: Sequence[Fact]) -> dict[str, Pair]:
    """Each document's main pair: the pair most of its facts belong to (ties: the first pair)."""
    counts: dict[str, Counter[Pair]] = defaultdict(Counter)
    for fact in facts:
        counts[fact.document].update(fact.pairs)
    return {doc: min(c, key=lambda p: (-c[p], p)) for doc, c in counts.items() if c}


def _policy_pairs(fact: Fact, actors: Mapping[str, Actor], main: Pair | None,
                  previous: Sequence[Fact]) -> set[Pair]:
    """The pairs a fact belongs to by the rules of the module docstring, besides its own."""
    states = states_of(fact)
    added: set[Pair] = set()
    if fact.event_type in POLICY_EVENTS:
        types = _actor_types(fact, actors)
        named = [c for c in states if not types.get(c)]
        targets = [c for c in states if types.get(c, set()) - PRESS_TYPES]
        if len(set(states)) == 2 and len(named) == 1:
            added |= {Pair.of(named[0], t) for t in targets if t != named[0]}
        if main is not None and len(set(states)) == 1 and states[0] in main.codes:
            added.add(main)
    elif (main is not None and not fact.pairs and len(set(states)) == 1 and states[0] in main.codes
          and fact.quantities and any(main in p.pairs and set(p.sectors) & set(fact.sectors)
                                      for p in previous)):
        added.add(main)
    return added - set(fact.pairs)


def attach_policy_facts(facts: tuple[Fact, ...], actors: Mapping[str, Actor]) -> tuple[Fact, ...]:
    """`facts` with the pairs the policy and continuation rules add (see the module docstring)."""
    main = main_pairs(facts)
    by_sentence: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    for fact in facts:
        by_sentence[(fact.document, fact.sentence)].append(fact)
    out = []
    for fact in facts:
        previous = by_sentence.get((fact.document, fact.sentence - 1), [])
        added = _policy_pairs(fact, actors, main.get(fact.document), previous)
        out.append(replace(fact, pairs=tuple(sorted({*fact.pairs, *added}))) if added else fact)
    return tuple(out)


def facts_data(facts: FactsData | Mapping[str, Any]) -> FactsData:
    """`facts` as FactsData: given so, or read from its JSON form (a parsed facts.json)."""
    return facts if isinstance(facts, FactsData) else FactsData.from_json(dict(facts))
