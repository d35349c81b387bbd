"""Extract: runs the NLP pipeline over ingested Documents and owns the facts data (facts.json)."""

from __future__ import annotations

import itertools
import json
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .ingest import Document
from .nlp.pipeline import NON_STATES, SentenceFacts, build_nlp, iter_sentences, pipe_texts
from .progress import progress

SCHEMA_VERSION = "1"


@dataclass
class Fact:
    """One statement of one sentence, with its provenance (document, sentence, source offsets)."""

    id: str
    document: str
    sentence: int
    start: int
    end: int
    text: str
    date: dict[str, Any] | None
    countries: list[str]
    pairs: list[str]
    actors: list[str]
    sectors: list[str]
    stance: str
    quantities: list[dict[str, Any]]


@dataclass
class ActorRecord:
    """An actor of the corpus, merged across documents."""

    id: str
    name: str
    type: str
    country: str | None
    aliases: list[str]
    curated: bool = False
    roles: list[dict[str, Any]] = field(default_factory=list)


def pairs_of(countries: list[str]) -> list[str]:
    """Every pair of states among the codes, each written in alphabetical order (CN-IT)."""
    states = sorted({c for c in countries if c not in NON_STATES and len(c) == 2})
    return [f"{a}-{b}" for a, b in itertools.combinations(states, 2)]


def _quantity_dict(q: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"value": q.value, "unit": q.unit, "text": q.text}
    if q.noun:
        out["noun"] = q.noun
    if q.value_max is not None:
        out["value_max"] = q.value_max
    return out


def _date_dict(d: Any) -> dict[str, Any]:
    return {"value": d.value, "precision": d.precision, "relative": d.relative, "text": d.text}


def _wants_fact(s: SentenceFacts) -> bool:
    """A sentence becomes facts when it names a country or an actor and is not a bare heading."""
    return bool(s.countries or s.actors) and not s.heading


def sentence_facts(doc: Document, s: SentenceFacts, actor_country: dict[str, str | None]) -> list[Fact]:
    """One fact per distinct date of the sentence (or one undated fact); figures go to the nearest date."""
    start, end = doc.offsets.to_source(s.start), doc.offsets.to_source(s.end - 1) + 1
    countries = list(dict.fromkeys(s.countries + [c for a in s.actors if (c := actor_country.get(a))]))
    dates = list({d.value: d for d in s.dates}.values()) or [None]
    facts = []
    for k, date in enumerate(dates):
        nxt = dates[k + 1] if k + 1 < len(dates) else None
        quantities = [
            _quantity_dict(q) for q in s.quantities
            if (k == 0 or date is None or q.start >= date.start) and (nxt is None or q.start < nxt.start)
        ]
        facts.append(Fact(
            id=f"{doc.id}-s{s.index}" + (f"-{k}" if k else ""), document=doc.id, sentence=s.index,
            start=start, end=end, text=doc.source_text[start:end],
            date=_date_dict(date) if date else None, countries=countries, pairs=pairs_of(countries),
            actors=s.actors, sectors=s.sectors, stance=s.stance, quantities=quantities,
        ))
    return facts


def _document_dict(doc: Document, sentences: list[list[int]]) -> dict[str, Any]:
    return {
        "id": doc.id, "path": doc.path, "title": doc.title, "author": doc.author,
        "published": doc.published, "reference_date": doc.reference_date, "url": doc.url,
        "sha256": doc.sha256, "boilerplate_removed": doc.boilerplate_removed, "sentences": sentences,
    }


def _merge_actors(registry: dict[str, ActorRecord], found: dict[str, dict[str, Any]]) -> None:
    for actor_id, info in found.items():
        rec = registry.get(actor_id)
        if rec is None:
            registry[actor_id] = ActorRecord(
                id=actor_id, name=info["name"], type=info["type"], country=info.get("country"),
                aliases=sorted(set(info.get("aliases", []))), curated=bool(info.get("curated")))
            continue
        rec.aliases = sorted(set(rec.aliases) | set(info.get("aliases", [])))
        rec.country = rec.country or info.get("country")
        if rec.type == "other":
            rec.type = info["type"]


def _roles(doc: Document, found: dict[str, dict[str, Any]], sents: list[SentenceFacts],
           facts: list[Fact]) -> dict[str, list[dict[str, Any]]]:
    """Attach each discovered role to the first fact of the sentence that states it."""
    first_fact = {f.sentence: f for f in reversed(facts)}
    out: dict[str, list[dict[str, Any]]] = {}
    for actor_id, info in found.items():
        for role in info.get("roles", []):
            sent = next((s for s in sents if s.start <= role["start"] < s.end), None)
            fact = first_fact.get(sent.index) if sent else None
            if fact is None:
                continue
            date = fact.date["value"] if fact.date else doc.reference_date
            out.setdefault(actor_id, []).append({"role": role["role"], "date": date, "fact": fact.id})
    return out


def extract_documents(docs: list[Document], content_dir: Path, n_process: int = 1) -> dict[str, Any]:
    """Run the pipeline over the documents and return the facts data (schema facts.schema.json)."""
    nlp = build_nlp(content_dir)
    registry: dict[str, ActorRecord] = {}
    documents, facts = [], []
    texts = (d.text for d in docs)
    for doc, sdoc in progress(zip(docs, pipe_texts(nlp, texts, n_process), strict=True), len(docs), "extract"):
        found = sdoc.user_data.get("briefs_actors", {})
        _merge_actors(registry, found)
        actor_country = {a: info.get("country") for a, info in found.items()}
        sents = list(iter_sentences(sdoc, doc.reference_date))
        doc_facts = [f for s in sents if _wants_fact(s) for f in sentence_facts(doc, s, actor_country)]
        for actor_id, roles in _roles(doc, found, sents, doc_facts).items():
            registry[actor_id].roles.extend(roles)
        spans = [[doc.offsets.to_source(s.start), doc.offsets.to_source(s.end - 1) + 1] for s in sents]
        documents.append(_document_dict(doc, spans))
        facts.extend(doc_facts)
    used = {a for f in facts for a in f.actors}
    actors = [asdict(registry[a]) for a in sorted(used)]
    return {"schema_version": SCHEMA_VERSION, "documents": documents, "actors": actors,
            "facts": [asdict(f) for f in facts]}


def dumps_facts(data: dict[str, Any]) -> str:
    """Serialise facts deterministically (sorted keys, fixed indentation, trailing newline)."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def load_schema() -> dict[str, Any]:
    """The facts data contract shipped with the package."""
    return json.loads(resources.files("generator").joinpath("facts.schema.json").read_text("utf-8"))


def validate_facts(data: dict[str, Any]) -> list[str]:
    """Return schema violations of a facts dict (empty when valid)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(load_schema())
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]
