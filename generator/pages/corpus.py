"""The indexed input of the page stage: facts, documents, actors and sectors, looked up by id."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from generator.config import TUNING
from generator.errors import GeneratorError
from generator.pages.escape import is_slug, slug

BRIEF_MIN_FACTS = TUNING.brief_min_facts


@dataclass(frozen=True)
class Entity:
    """One page of an entity kind (brief, actor, sector, source): what it is about and what it reads
    besides the names of other entities: its facts and its own record (see generator/render_cache.py)."""

    path: str
    ident: str
    facts: list[dict]
    own: Any = None


@dataclass(frozen=True)
class Corpus:
    """Everything the view models read, with the lookups they share. Built once by `load_corpus`."""

    facts: list[dict]
    documents: dict[str, dict]
    actors: dict[str, dict]
    sources: dict[str, str]
    sectors: dict[str, dict]
    facts_by_id: dict[str, dict] = field(default_factory=dict)
    by_pair: dict[str, list[dict]] = field(default_factory=dict)
    by_actor: dict[str, list[dict]] = field(default_factory=dict)
    by_sector: dict[str, list[dict]] = field(default_factory=dict)
    by_document: dict[str, list[dict]] = field(default_factory=dict)
    country_weight: dict[str, int] = field(default_factory=dict)
    pair_titles: dict[str, str] = field(default_factory=dict)  # memo: a pair is titled once per build
    fact_views: dict[tuple[str, str], Any] = field(default_factory=dict)  # memo: views.fact_view

    @property
    def brief_pairs(self) -> list[str]:
        """Pair slugs ("cn-it") that get a brief page, sorted."""
        return sorted(p for p, fs in self.by_pair.items() if len(fs) >= BRIEF_MIN_FACTS)

    def has_brief(self, pair: str) -> bool:
        """Return True if `pair` (slug) has a brief page."""
        return len(self.by_pair.get(pair, [])) >= BRIEF_MIN_FACTS


def _group(facts: list[dict], key: str, known: set[str] | None = None) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for fact in facts:
        for value in fact.get(key) or []:
            name = value.lower() if key == "pairs" else value
            if is_slug(name) and (known is None or name in known):
                groups[name].append(fact)
    return dict(sorted(groups.items()))


def load_corpus(facts: dict, sources: dict[str, str], sectors: dict[str, dict]) -> Corpus:
    """Index the extract stage's output; raise GeneratorError on ids unusable in page addresses."""
    documents = {d["id"]: d for d in facts.get("documents", [])}
    if len({slug(doc_id) for doc_id in documents}) != len(documents):
        raise GeneratorError("two documents have ids that differ only in case")
    actors = {slug(a["id"]): a for a in facts.get("actors", [])}
    items = sorted(facts.get("facts", []), key=lambda f: str(f["id"]))
    missing = sorted({f["document"] for f in items} - set(documents))
    if missing:
        raise GeneratorError(f"facts refer to unknown documents: {', '.join(missing)}")
    weight = Counter(c for f in items for c in f.get("countries") or [])
    by_document: dict[str, list[dict]] = defaultdict(list)
    for fact in items:
        by_document[fact["document"]].append(fact)
    return Corpus(
        facts=items,
        documents=dict(sorted(documents.items())),
        actors=dict(sorted(actors.items())),
        sources=sources,
        sectors=sectors or {},
        facts_by_id={str(f["id"]): f for f in items},
        by_pair=_group(items, "pairs"),
        by_actor=_group(items, "actors", set(actors)),
        by_sector=_group(items, "sectors"),
        by_document=dict(by_document),
        country_weight=dict(weight),
    )
