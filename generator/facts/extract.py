"""Extract: runs the NLP pipeline over ingested Documents and owns the facts data (facts.json)."""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import multiprocessing
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.language import Language

from generator.facts.cache import ExtractionCache, canonical, code_version, content_version
from generator.ingest.reader import Document
from generator.nlp.components import process
from generator.nlp.dates import DateResolver
from generator.nlp.pipeline import (
    NON_STATES,
    PIPELINE_VERSION,
    SentenceFacts,
    build_nlp,
    chunks,
    iter_sentences,
)
from generator.progress import progress

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


def _states(codes: list[str]) -> list[str]:
    """The codes that name states (not EU, NATO or INT), in order."""
    return [c for c in codes if c not in NON_STATES and len(c) == 2]


def pairs_of(countries: list[str]) -> list[str]:
    """Every pair of states among the codes, each written in alphabetical order (CN-IT)."""
    return [f"{a}-{b}" for a, b in itertools.combinations(sorted(set(_states(countries))), 2)]


def _quantity_dict(q: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"value": q.value, "unit": q.unit, "text": q.text}
    if q.noun:
        out["noun"] = q.noun
    if q.value_max is not None:
        out["value_max"] = q.value_max
    return out


def _date_dict(d: Any) -> dict[str, Any]:
    return {"value": d.value, "precision": d.precision, "relative": d.relative, "text": d.text}


# "the two countries", "both sides", "bilateral": the sentence speaks of the pair last named.
_BILATERAL = re.compile(r"\b(?:the two|both)\s+(?:countries|nations|sides|governments|capitals|leaders"
                        r"|states)\b|\bbilateral\b", re.IGNORECASE)


def _with_context(sents: list[SentenceFacts]) -> Iterator[tuple[SentenceFacts, list[str]]]:
    """Pair each fact-bearing sentence with its countries.

    A sentence names a country or an actor, or it carries a date or a figure; one that names no
    country inherits those of the last sentence of the same paragraph that did ("the figure was 22
    in 2010", "Modi received him the day before"); one that speaks of "the two countries" or of
    "bilateral" ties without naming two states gets the last pair of states the document named.
    Actors' own countries are added later. Bare headings never become facts.
    """
    context: list[str] = []
    last_pair: list[str] = []
    for s in sents:
        if s.new_paragraph:
            context = []
        if s.heading:
            continue
        countries = s.countries or context
        if len(_states(countries)) < 2 and last_pair and _BILATERAL.search(s.text):
            countries = list(dict.fromkeys(countries + last_pair))
        if s.countries or s.actors or (countries and (s.dates or s.quantities)):
            yield s, countries
        context = s.countries or context
        if len(_states(s.countries)) >= 2:
            last_pair = _states(s.countries)


def _state_or_bloc(code: str | None) -> bool:
    return code is not None and (len(code) == 2 or code in ("EU", "NATO"))


def _gap(q: Any, d: Any) -> int:
    """Characters between a figure and a date (0 when there is no date)."""
    if d is None:
        return 0
    return d.start - q.end if d.start >= q.end else max(q.start - d.end, 0)


def sentence_facts(doc: Document, s: SentenceFacts, countries: list[str],
                   actor_country: dict[str, str | None]) -> list[Fact]:
    """One fact per distinct date of the sentence (or one undated fact); figures go to the nearest date."""
    start, end = doc.offsets.to_source(s.start), doc.offsets.to_source(s.end - 1) + 1
    from_actors = [c for a in s.actors if _state_or_bloc(c := actor_country.get(a))]
    countries = list(dict.fromkeys(countries + from_actors))  # type: ignore[operator]
    dates: list[Any] = list({d.value: d for d in s.dates}.values()) or [None]
    # Each figure belongs to the date written nearest to it ("27 billion in 2011 ... 22 in 2010").
    nearest = [min(range(len(dates)), key=lambda k: _gap(q, dates[k])) for q in s.quantities]
    facts = []
    for k, date in enumerate(dates):
        quantities = [_quantity_dict(q) for q, n in zip(s.quantities, nearest, strict=True) if n == k]
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
            rec = registry[actor_id] = ActorRecord(
                id=actor_id, name=info["name"], type=info["type"], country=info.get("country"),
                aliases=[], curated=bool(info.get("curated")))
        rec.aliases = sorted(set(rec.aliases) | set(info.get("aliases", [])))
        rec.country = rec.country or info.get("country")
        if rec.type == "other":
            rec.type = info["type"]
        rec.roles.extend(info.get("roles", []))


def _roles(doc: Document, info: dict[str, Any], sents: list[SentenceFacts],
           first_fact: dict[int, Fact]) -> list[dict[str, Any]]:
    """Attach each discovered role to the first fact of the sentence that states it."""
    starts = [s.start for s in sents]
    out = []
    for role in info.get("roles", []):
        i = bisect.bisect_right(starts, role["start"]) - 1
        fact = first_fact.get(sents[i].index) if i >= 0 and role["start"] < sents[i].end else None
        if fact is not None:
            date = fact.date["value"] if fact.date else doc.reference_date
            out.append({"role": role["role"], "date": date, "fact": fact.id})
    return out


def _add_found(found: dict[str, dict[str, Any]], more: dict[str, dict[str, Any]], base: int) -> None:
    """Fold the actors of one chunk into those of the document (role offsets made document-wide)."""
    for actor_id, info in more.items():
        roles = [{**r, "start": r["start"] + base, "end": r["end"] + base} for r in info.get("roles", [])]
        if actor_id not in found:
            found[actor_id] = {**info, "roles": roles}
        else:
            have = found[actor_id]
            have["aliases"] = sorted(set(have.get("aliases", [])) | set(info.get("aliases", [])))
            have["roles"] = have.get("roles", []) + roles


def extract_one(nlp: Language, doc: Document) -> dict[str, Any]:
    """Extract one document into a JSON-ready result: its record, its facts and the actors it names."""
    resolver = DateResolver(doc.reference_date)
    found: dict[str, dict[str, Any]] = {}
    sents: list[SentenceFacts] = []
    for base, piece in chunks(doc.text):
        sdoc = process(nlp, piece)
        _add_found(found, sdoc.user_data.get("briefs_actors", {}), base)
        sents.extend(iter_sentences(sdoc, resolver, base, len(sents), text=piece))
    actor_country = {a: info.get("country") for a, info in found.items()}
    facts = [f for s, countries in _with_context(sents)
             for f in sentence_facts(doc, s, countries, actor_country)]
    first_fact = {f.sentence: f for f in reversed(facts)}
    actors = {a: {**{k: v for k, v in info.items() if k != "roles"},
                  "roles": _roles(doc, info, sents, first_fact)} for a, info in found.items()}
    spans = [[doc.offsets.to_source(s.start), doc.offsets.to_source(s.end - 1) + 1] for s in sents]
    return {"document": _document_dict(doc, spans), "facts": [_fact_dict(f) for f in facts], "actors": actors}


_FACT_FIELDS = [f.name for f in fields(Fact)]


def _fact_dict(fact: Fact) -> dict[str, Any]:
    """asdict(fact) without its deep copy of every leaf (the values are fresh JSON-ready data)."""
    out = {name: getattr(fact, name) for name in _FACT_FIELDS}
    for name in ("countries", "pairs", "actors", "sectors"):
        out[name] = list(out[name])
    return out


_WORKER: dict[str, Language] = {}


def _work(doc: Document) -> dict[str, Any]:
    return extract_one(_WORKER["nlp"], doc)


def _chunksize(n_docs: int, n_process: int) -> int:
    """Documents per task: few round trips, yet about 16 tasks per worker so the load stays even."""
    return max(1, min(32, n_docs // (16 * n_process)))


def _run(docs: list[Document], content_dir: Path, n_process: int) -> Iterator[dict[str, Any]]:
    """Results in document order, from this process or from a pool of worker processes.

    The pipeline is built once, here (bad curated YAML fails once), and the forked workers inherit it:
    only documents go to the workers and only JSON-ready results come back.
    """
    nlp = build_nlp(content_dir)
    if n_process <= 1 or len(docs) < 4 * n_process:
        yield from (extract_one(nlp, d) for d in docs)
        return
    _WORKER["nlp"] = nlp
    try:
        with multiprocessing.get_context("fork").Pool(n_process) as pool:
            yield from pool.imap(_work, docs, chunksize=_chunksize(len(docs), n_process))
    finally:
        _WORKER.clear()


def _cache_key(doc: Document, versions: str) -> str:
    """Hash of all that extraction reads from the document (cleaned text, metadata) and of the versions."""
    parts = [doc.id, doc.path, doc.title, doc.author, doc.published, doc.reference_date, doc.url, doc.sha256,
             doc.text, repr(doc.offsets), *doc.boilerplate_removed, versions]
    digest = hashlib.sha256()
    for part in parts:
        digest.update(f"{part}\0".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def extract_documents(docs: list[Document], content_dir: Path, n_process: int = 1,
                      cache_path: Path | None = None) -> dict[str, Any]:
    """Run the pipeline over the documents (cached per document) and return the facts data."""
    cache = ExtractionCache(cache_path)
    versions = f"{PIPELINE_VERSION}:{code_version()}:{content_version(content_dir)}"
    keys = [_cache_key(d, versions) for d in docs]
    cached = cache.get_many(keys)
    results: list[dict[str, Any] | None] = [cached.get(k) for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    if todo:
        fresh = _run([docs[i] for i in todo], content_dir, n_process)
        texts: dict[str, str] = {}
        for i, result in progress(zip(todo, fresh, strict=True), len(todo), "extract"):
            results[i], texts[keys[i]] = canonical(result)
        cache.put_many(texts)
    cache.close()
    return merge_results([r for r in results if r is not None])


def merge_results(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Merge per-document results into the corpus facts data; actors are joined by id."""
    registry: dict[str, ActorRecord] = {}
    for result in results:
        _merge_actors(registry, result["actors"])
    facts = [f for r in results for f in r["facts"]]
    used = {a for f in facts for a in f["actors"]}
    return {"schema_version": SCHEMA_VERSION, "documents": [r["document"] for r in results],
            "actors": [asdict(registry[a]) for a in sorted(used)], "facts": facts}


def load_schema() -> dict[str, Any]:
    """The facts data contract shipped with the package."""
    return json.loads(resources.files("generator.facts").joinpath("facts.schema.json").read_text("utf-8"))


def validate_facts(data: dict[str, Any]) -> list[str]:
    """Return schema violations of a facts dict (empty when valid)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(load_schema())
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]
