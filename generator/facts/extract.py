"""Extract: runs the NLP pipeline over ingested Documents into typed facts (generator/facts/model.py)."""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import functools
import gc
import hashlib
import itertools
import json
import multiprocessing
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.language import Language

from generator.content import Content, load_content
from generator.errors import GeneratorError
from generator.facts.cache import ExtractionCache, content_version, extraction_code_version
from generator.facts.model import (
    SCHEMA_VERSION,
    Actor,
    DocumentFacts,
    DocumentRecord,
    Fact,
    FactDate,
    FactsData,
    Pair,
    Quantity,
    Role,
)
from generator.ingest.reader import Document
from generator.nlp.components import process
from generator.nlp.dates import DateResolver
from generator.nlp.events import pair_coding
from generator.nlp.numbers import local_dollar
from generator.nlp.pipeline import (
    NON_STATES,
    PIPELINE_VERSION,
    SentenceFacts,
    build_nlp,
    chunks,
    iter_sentences,
)
from generator.nlp.textscan import CuedPattern
from generator.progress import progress

__all__ = ["SCHEMA_VERSION", "extract_documents", "extract_facts", "extract_one", "merge_results", "pairs_of"]


def _states(codes: list[str]) -> list[str]:
    """The codes that name states (not EU, NATO or INT), in order."""
    return [c for c in codes if c not in NON_STATES and len(c) == 2]


def pairs_of(countries: list[str]) -> tuple[Pair, ...]:
    """Every pair of states among the codes, each in alphabetical order (CN-IT), the pairs sorted."""
    return tuple(_pair(a, b) for a, b in itertools.combinations(sorted(set(_states(countries))), 2))


@functools.lru_cache(maxsize=4096)
def _pair(a: str, b: str) -> Pair:
    """One Pair object per pair of codes (immutable: shared by every fact about it, not made per fact)."""
    return Pair(a, b)


def _quantity(q: Any, dollar: str | None = None) -> Quantity:
    """The fact's form of a figure; a bare "$" is `dollar` (the local dollar of the document's domain)."""
    unit = dollar if dollar and q.unit == "USD" and q.text.startswith("$") else q.unit
    return Quantity(q.value, unit, q.text, q.noun or None, q.value_max, getattr(q, "kind", None))


def _date(d: Any) -> FactDate:
    return FactDate(d.value, d.precision, d.relative, d.text, getattr(d, "inferred", False))


# "the two countries", "the two NATO members", "both sides", "bilateral", "each other": the sentence
# speaks of the pair last named.
_BILATERAL = re.compile(r"\b(?:the two|both)\s+(?:[\w-]+\s+){0,2}?(?:countries|nations|sides|governments"
                        r"|capitals|leaders|states|neighbou?rs|members|allies|partners|delegations|ministers"
                        r"|presidents|premiers)\b|\bbilateral\b|\bbetween them\b|\beach other\b"
                        r"|\bone another\b", re.IGNORECASE)
_BILATERAL_CUES = CuedPattern(_BILATERAL, ("the two", "both", "bilateral", "between them", "each other",
                                           "one another"), folded=True)
# "Ties soured when Ankara ...": relations of which one state, or none, is named are those of the last pair;
# a border has two sides.
_RELATIONS = re.compile(r"\b(?:ties|relations|relationship|rapprochement|cross-border"
                        r"|the\s+(?:[\w-]+\s+)?(?:border|frontier))\b", re.IGNORECASE)
_RELATIONS_CUES = CuedPattern(_RELATIONS, ("ties", "relation", "rapprochement", "border", "frontier"),
                              folded=True)
# "the country", "he" (opening the sentence): the last state the paragraph named takes part.
_CARRY = re.compile(r"\b(?i:the|that|this) (?:country|nation)\b|^(?:He|She)\b")
_CARRY_CUES = CuedPattern(_CARRY, ("country", "nation", "He", "She"), folded=False)


MEETING = "CONSULT"  # meetings, visits and talks have two sides: a visit to Fiji in a New Zealand-Fiji story
CONTEXT = "context"  # the type given to actors whose country is context (content/countries.yaml)


def _own_parties(s: SentenceFacts, actors: dict[str, tuple[str | None, str]]) -> list[str]:
    """The parties a sentence names: its mentions that act or are acted upon (nlp.countries), the
    countries of its actors but the press and think tanks ("Modi and Kishida agreed": IN, JP), and its
    venues' states when fewer than two other states take part ("talks in Jeddah" between two others)."""
    from_actors = [c for a in s.actors for c, kind in [actors.get(a, (None, "other"))]
                   if c is not None and _state_or_bloc(c) and kind != CONTEXT]
    parties = list(dict.fromkeys(s.parties + from_actors))
    if len(_states(parties)) < 2:
        parties = list(dict.fromkeys(parties + s.venues))
    return parties


def _with_context(sents: list[SentenceFacts], actors: dict[str, tuple[str | None, str]] | None = None,
                  ) -> Iterator[tuple[SentenceFacts, list[str]]]:
    """Pair each fact-bearing sentence with its countries, and settle its parties (`s.parties`, the
    states its pairs are made of).

    A sentence names a country or an actor, or it carries a date or a figure; one that names no
    country inherits the countries and parties of the last sentence of the same paragraph that did ("the
    figure was 22 in 2010", "Modi received him the day before"); "the country" or an opening "He" adds
    the state named first in the latest sentence of the paragraph that named one. The pair the document
    speaks of is the pair of states named together most often so far, the latest counting 1.5 times
    (through actors too: "Modi and Kishida met ... the two leaders"), and before any pair is named the
    pair the whole document names most often (`_story_pair`); a sentence without two parties
    gets it when it speaks of "the two countries" or of "bilateral" ties, or, naming at most one of its
    states, of "ties"/"relations" or through a person or government body of unknown state ("Liu", "the
    Ministry of Water") or of a meeting or visit (CONSULT: it has two sides, "the minister visited Fiji"),
    or, naming no state and following none in its paragraph, carries a date or a figure: a dated
    paragraph that names no one goes on with the story of the document ("The plant was completed in
    2018.", "The project trained 72 participants."); so does a dated sentence that names one state of
    that pair and no other ("Russia condemned the decision the next day"). `actors`: id -> (country,
    type), of the whole document. Bare headings never become facts.
    """
    actors = actors or {}
    stateless = {a for a, (country, kind) in actors.items()
                 if not country and kind in ("person", "government_body")}
    context: list[str] = []
    context_parties: list[str] = []
    seen: dict[tuple[str, str], tuple[int, int]] = {}  # pair -> (times named together, last sentence)
    owns = [[] if s.heading else _own_parties(s, actors) for s in sents]  # each sentence's own parties
    story = _story_pair(owns)
    last_pair: list[str] = []
    last_state: str | None = None
    pairs_seen: list[tuple[str, str]] = []  # every naming of a pair, in order (the topic's memo key)
    topic_key: tuple[int, list[str]] | None = None
    topic: list[str] = []
    for n, s in enumerate(sents):
        if s.new_paragraph:
            context, context_parties, last_state = [], [], None
        if s.heading:
            continue
        countries = s.countries or context
        own = owns[n]
        parties = list(own) if s.countries else list(dict.fromkeys(context_parties + own))
        states = _states(parties)
        if s.countries and last_state and last_state not in states and len(states) < 2 \
                and _CARRY_CUES.search(s.text):
            parties.append(last_state)
            states = _states(parties)
        if topic_key != (len(pairs_seen), last_pair):  # the topic changes only when a pair is named
            topic_key, topic = (len(pairs_seen), last_pair), _topic_pair(seen, last_pair, story) or story
        if topic and len(states) < 2 and (_BILATERAL_CUES.search(s.text) or set(states) <= set(topic) and (
                _RELATIONS_CUES.search(s.text) or any(a in stateless for a in s.actors)
                or ((s.dates or s.quantities) and not countries) or (s.dates and len(states) == 1)
                or any(c.event_type == MEETING for c in s.clauses))):
            parties = list(dict.fromkeys(parties + topic))
        countries = list(dict.fromkeys(countries + parties))
        s.parties = parties
        if s.countries or s.actors or (countries and (s.dates or s.quantities)):
            yield s, countries
        if s.countries:
            context, context_parties = s.countries, parties
        if subject := _states(parties):
            last_state = subject[0]  # the subject, usually: "Vietnam signed with Laos. The country"
        own = _states(own)
        if len(own) >= 2:
            last_pair = sorted(own[:2])
            for pair in itertools.combinations(sorted(set(own)), 2):
                seen[pair] = (seen.get(pair, (0, 0))[0] + 1, n)
                pairs_seen.append(pair)


def _story_pair(owns: list[list[str]]) -> list[str]:
    """The pair of states the whole document names together most often (the first such pair on a tie):
    the pair of its opening sentences, before any pair has been named ("Hale met Kenyan officials today";
    the two states appear together only further down). `owns`: each sentence's own parties."""
    counts: dict[tuple[str, str], int] = {}  # in order of first mention: max() keeps the first of a tie
    for own in owns:
        for a, b in itertools.combinations(sorted(set(_states(own))), 2):
            counts[a, b] = counts.get((a, b), 0) + 1
    if not counts:
        return []
    best: tuple[str, str] = max(counts, key=counts.__getitem__)
    return list(best)


def _topic_pair(seen: dict[tuple[str, str], tuple[int, int]], last: list[str],
                story: list[str] | None = None) -> list[str]:
    """The pair named together most often so far, the latest pair counting one and a half and the pair of
    the whole document (`story`) one more: a pair named once in passing ("the victory over Japanese
    aggressors") does not take "our countries" from the pair the text is about; ties go to the most
    recent."""
    if not seen:
        return []
    story_pair, last_pair = tuple(story) if story else None, tuple(last)
    best = max(seen, key=lambda p: (seen[p][0] * (1.5 if p == last_pair else 1) + (p == story_pair),
                                    seen[p][1]))
    return list(best)


def _state_or_bloc(code: str | None) -> bool:
    return code is not None and (len(code) == 2 or code in ("EU", "NATO"))


def _gap(q: Any, d: Any) -> int:
    """Characters between a figure and a date (0 when there is no date)."""
    if d is None:
        return 0
    return d.start - q.end if d.start >= q.end else max(q.start - d.end, 0)


def sentence_facts(doc: Document, s: SentenceFacts, countries: list[str],
                   actor_country: dict[str, str | None],
                   type_sectors: dict[str, tuple[str, ...]] | None = None) -> list[Fact]:
    """One fact per distinct date of the sentence (or one undated fact); figures go to the nearest date.

    A fact's stance and event type are those of its main pair (the first two states of the sentence's
    parties) in its main clause, the one its date is written in (generator.nlp.events.pair_coding); with
    two or more pairs each pair gets its own stance (`pair_stances`)."""
    start, end = doc.offsets.to_source(s.start), doc.offsets.to_source(s.end - 1) + 1
    from_actors = [c for a in s.actors if _state_or_bloc(c := actor_country.get(a))]
    countries = list(dict.fromkeys(countries + from_actors))  # type: ignore[operator]
    dates: list[Any] = list({d.value: d for d in s.dates}.values()) or [None]
    # Each figure belongs to the date written nearest to it ("27 billion in 2011 ... 22 in 2010").
    nearest = [min(range(len(dates)), key=lambda k: _gap(q, dates[k])) for q in s.quantities]
    pairs = pairs_of(s.parties)
    states = list(dict.fromkeys(_states(s.parties)))
    main = (states[0], states[1]) if len(states) >= 2 else None  # the subject's pair, usually
    dollar = local_dollar(doc.url)
    facts = []
    for k, date in enumerate(dates):
        quantities = tuple(_quantity(q, dollar) for q, n in zip(s.quantities, nearest, strict=True) if n == k)
        focus = s.start + date.start if date is not None else None
        event_type, stance = pair_coding(s.clauses, main, focus) if s.clauses else (s.event_type, s.stance)
        per_pair = tuple((p, pair_coding(s.clauses, p.codes, focus)[1]) for p in pairs) \
            if len(pairs) >= 2 and s.clauses else ()
        # an act between two states of a type a sector claims (sectors.yaml event_types) belongs to it
        typed = (type_sectors or {}).get(event_type or "", ()) if pairs else ()
        sectors = tuple(dict.fromkeys((*s.sectors, *typed)))
        facts.append(Fact(
            id=f"{doc.id}-s{s.index}" + (f"-{k}" if k else ""), document=doc.id, sentence=s.index,
            start=start, end=end, text=doc.source_text[start:end],
            date=_date(date) if date else None, countries=tuple(countries), pairs=pairs,
            actors=tuple(s.actors), sectors=sectors, stance=stance, quantities=quantities,
            speakers=tuple(s.speakers), event_type=event_type, pair_stances=per_pair,
        ))
    return facts


def story_stances(facts: list[Fact]) -> list[Fact]:
    """Give a neutral fact of one document the stance its other facts about the same pair agree on.

    A sentence without an event cue or a relation word ("The border post was completed in 2018", "Xi
    arrived Monday in Islamabad") is part of the story the document tells about the pair, and that story
    has a stance: the one most of the document's cued facts about the pair have, when they are more than
    all the others together. Such a stance is flagged `stance_inferred`; a sentence with a cue keeps its
    own, and a pair the document gives no cued stance stays neutral."""
    votes: dict[Pair, dict[str, int]] = {}
    for fact in facts:
        own = dict(fact.pair_stances)
        for pair in fact.pairs:
            stance = own.get(pair, fact.stance)
            if stance != "neutral":
                votes.setdefault(pair, {}).setdefault(stance, 0)
                votes[pair][stance] += 1

    def story(pair: Pair) -> str | None:
        counts = votes.get(pair) or {}
        best = max(sorted(counts), key=counts.__getitem__, default=None)
        return best if best is not None and 2 * counts[best] > sum(counts.values()) else None

    out = []
    for fact in facts:
        main = story(fact.pairs[0]) if fact.stance == "neutral" and fact.pairs else None
        pair_stances = tuple((p, (story(p) or v) if v == "neutral" else v) for p, v in fact.pair_stances)
        if main is None and pair_stances == fact.pair_stances:
            out.append(fact)
            continue
        out.append(dataclasses.replace(fact, stance=main or fact.stance, pair_stances=pair_stances,
                                       stance_inferred=main is not None))
    return out


def _document_record(doc: Document, sentences: list[tuple[int, int]]) -> DocumentRecord:
    return DocumentRecord(
        id=doc.id, path=doc.path, title=doc.title, author=doc.author, published=doc.published,
        reference_date=doc.reference_date, url=doc.url, sha256=doc.sha256,
        boilerplate_removed=tuple(doc.boilerplate_removed), sentences=tuple(sentences), outlet=doc.outlet,
    )


@dataclass
class _MergedActor:
    """An actor being merged across documents: the first document names and types it, later ones add
    aliases, roles, a country it lacked, or a type where it had only "other"."""

    first: Actor
    type: str
    country: str | None
    aliases: set[str]
    roles: list[Role]

    def add(self, actor: Actor) -> None:
        self.aliases |= set(actor.aliases)
        self.country = self.country or actor.country
        if self.type == "other":
            self.type = actor.type
        self.roles.extend(actor.roles)

    def actor(self) -> Actor:
        return Actor(id=self.first.id, name=self.first.name, type=self.type, country=self.country,
                     aliases=tuple(sorted(self.aliases)), curated=self.first.curated, roles=tuple(self.roles))


def _roles(info: dict[str, Any], sents: list[SentenceFacts], starts: list[int],
           first_fact: dict[int, Fact]) -> tuple[Role, ...]:
    """Attach each discovered role to the first fact of the sentence that states it, dated by that
    sentence (a role in an undated sentence has no date: the page's date says nothing about it).
    `starts`: the sentences' start offsets."""
    out = []
    for role in info.get("roles", []):
        i = bisect.bisect_right(starts, role["start"]) - 1
        fact = first_fact.get(sents[i].index) if i >= 0 and role["start"] < sents[i].end else None
        if fact is not None:
            out.append(Role(role["role"], fact.date.value if fact.date else None, fact.id))
    return tuple(out)


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


def extract_one(nlp: Language, doc: Document) -> DocumentFacts:
    """Extract one document: its record, its facts and the actors it names."""
    resolver = DateResolver(doc.reference_date)
    found: dict[str, dict[str, Any]] = {}
    sents: list[SentenceFacts] = []
    for base, piece in chunks(doc.text):
        sdoc = process(nlp, piece)
        _add_found(found, sdoc.user_data.get("briefs_actors", {}), base)
        sents.extend(iter_sentences(sdoc, resolver, base, len(sents), text=piece))
        # its spans (in user_data) point back at the Doc: left there, every Doc would wait for the cycle
        # collector, which then walks all its spans and strings (4% of the time); cleared, it is freed now
        sdoc.user_data.clear()
    actor_country = {a: info.get("country") for a, info in found.items()}
    countries_pipe = nlp.get_pipe("briefs_countries") if "briefs_countries" in nlp.pipe_names else None
    context_types: frozenset[str] = getattr(countries_pipe, "context_actor_types", frozenset())
    actor_info = {a: (info.get("country"), CONTEXT if info.get("type") in context_types
                      else info.get("type", "")) for a, info in found.items()}
    lexicon = nlp.get_pipe("briefs_lexicon") if "briefs_lexicon" in nlp.pipe_names else None
    type_sectors: dict[str, tuple[str, ...]] = getattr(lexicon, "type_sectors", {})
    facts = story_stances([f for s, countries in _with_context(sents, actor_info)
                           for f in sentence_facts(doc, s, countries, actor_country, type_sectors)])
    first_fact = {f.sentence: f for f in reversed(facts)}
    starts = [s.start for s in sents]
    actors = tuple(
        Actor(id=actor_id, name=info["name"], type=info["type"], country=info.get("country"),
              aliases=tuple(info.get("aliases", ())), curated=bool(info.get("curated")),
              roles=_roles(info, sents, starts, first_fact))
        for actor_id, info in found.items())
    spans = [(doc.offsets.to_source(s.start), doc.offsets.to_source(s.end - 1) + 1) for s in sents]
    return DocumentFacts(_document_record(doc, spans), tuple(facts), actors)


@dataclass(frozen=True)
class _Failure:
    """An exception raised while extracting one document, as plain text (it crosses process borders)."""

    kind: str
    message: str


def _extract_or_fail(nlp: Language, doc: Document) -> DocumentFacts | _Failure:
    """extract_one, with an exception turned into a _Failure so the other documents go on."""
    try:
        return extract_one(nlp, doc)
    except Exception as error:  # noqa: BLE001 -- any failure of one document is reported, not fatal
        return _Failure(type(error).__name__, str(error))


_WORKER: dict[str, Language] = {}


def _work(doc: Document) -> DocumentFacts | _Failure:
    return _extract_or_fail(_WORKER["nlp"], doc)


def _chunksize(n_docs: int, n_process: int) -> int:
    """Documents per task: few round trips, yet about 16 tasks per worker so the load stays even."""
    return max(1, min(32, n_docs // (16 * n_process)))


# Young objects allocated between two collections of the youngest generation while extracting (Python's
# default is 700: a Doc's spans and facts alone trigger hundreds of collections per document).
GC_YOUNG_THRESHOLD = 50_000


@contextlib.contextmanager
def _frozen_pipeline(content: Content) -> Iterator[Language]:
    """Build the pipeline, and keep the garbage collector off it while documents are extracted.

    The pipeline holds some 100,000 long-lived containers (vocabulary, gazetteers, name lists, matchers)
    that every full collection would walk again: collections took 0.55 s of 7.2 s on 150,000 words, half
    that with this. A larger young generation makes collections rarer, while the pipeline is built (its
    gazetteers alone would trigger hundreds) and while documents are extracted; once built, `gc.freeze()`
    moves the pipeline out of the collector's reach (and spares forked workers copying the pages the
    collector would touch). Both are undone after.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], GC_YOUNG_THRESHOLD), *threshold[1:])
    try:
        nlp = build_nlp(content)
        gc.freeze()
        try:
            yield nlp
        finally:
            gc.unfreeze()
    finally:
        gc.set_threshold(*threshold)


def _run(docs: list[Document], content: Content, n_process: int) -> Iterator[DocumentFacts | _Failure]:
    """Results in document order, from this process or from a pool of worker processes.

    The pipeline is built once, here (bad curated YAML fails once), and the forked workers inherit it:
    only documents go to the workers and only results (or failures) come back.
    """
    with _frozen_pipeline(content) as nlp:
        if n_process <= 1 or len(docs) < 4 * n_process:
            yield from (_extract_or_fail(nlp, d) for d in docs)
            return
        _WORKER["nlp"] = nlp
        try:
            with multiprocessing.get_context("fork").Pool(n_process) as pool:
                yield from pool.imap(_work, docs, chunksize=_chunksize(len(docs), n_process))
        finally:
            _WORKER.clear()


def _cache_key(doc: Document, versions: str) -> str:
    """Hash of all that extraction reads from the document (cleaned text, metadata) and of the versions."""
    parts = [doc.id, doc.path, doc.title, doc.author, doc.outlet, doc.published, doc.reference_date, doc.url,
             doc.sha256,
             doc.text, repr(doc.offsets), *doc.boilerplate_removed, versions]
    digest = hashlib.sha256()
    for part in parts:
        digest.update(f"{part}\0".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _failed(doc: Document, failure: _Failure, warn: Callable[[str], None] | None, strict: bool) -> None:
    """Report a document whose extraction raised: a warning naming the file, or with `strict` (or no
    `warn`) a GeneratorError naming it."""
    message = f"extraction failed: {failure.kind}: {failure.message}"
    if strict or warn is None:
        raise GeneratorError(message, doc.path, hint="please report this")
    warn(f"{doc.path}: skipped: {message} (please report this)")


def extract_facts(docs: list[Document], content: Content | Path, n_process: int = 1,
                  cache_path: Path | None = None, *, warn: Callable[[str], None] | None = None,
                  strict: bool = False) -> FactsData:
    """Run the pipeline over the documents (cached per document) and return the facts of the corpus.

    A document whose extraction raises is skipped with a warning naming its file (`warn`), and the
    others go on; with `strict`, or when no `warn` is given, it is a GeneratorError naming the file.
    """
    content = content if isinstance(content, Content) else load_content(content)  # a folder: read it once
    cache = ExtractionCache(cache_path)
    versions = f"{PIPELINE_VERSION}:{extraction_code_version()}:{content_version(content.path)}"
    keys = [_cache_key(d, versions) for d in docs]
    results: list[DocumentFacts | None] = []
    try:
        cached = cache.get_many(keys)
        results = [cached.get(k) for k in keys]
        todo = [i for i, r in enumerate(results) if r is None]
        if todo:
            fresh = _run([docs[i] for i in todo], content, n_process)
            done: dict[str, DocumentFacts] = {}
            try:
                for i, result in progress(zip(todo, fresh, strict=True), len(todo), "extract"):
                    if isinstance(result, _Failure):
                        _failed(docs[i], result, warn, strict)
                        continue
                    results[i] = done[keys[i]] = result
            finally:
                cache.put_many(done)
    finally:
        cache.close()
    return merge_results([r for r in results if r is not None])


def extract_documents(docs: list[Document], content: Content | Path, n_process: int = 1,
                      cache_path: Path | None = None, *, warn: Callable[[str], None] | None = None,
                      strict: bool = False) -> dict[str, Any]:
    """extract_facts, as facts.json data (for callers that write or inspect the JSON form)."""
    return extract_facts(docs, content, n_process, cache_path, warn=warn, strict=strict).to_json()


def merge_results(results: list[DocumentFacts]) -> FactsData:
    """Merge per-document results into the corpus facts data; actors are joined by id, and only those
    named in a fact are kept."""
    registry: dict[str, _MergedActor] = {}
    for result in results:
        for actor in result.actors:
            merged = registry.get(actor.id)
            if merged is None:
                merged = registry[actor.id] = _MergedActor(actor, actor.type, actor.country, set(), [])
            merged.add(actor)
    facts = tuple(f for r in results for f in r.facts)
    used = {a for f in facts for a in f.actors}
    return FactsData(documents=tuple(r.document for r in results),
                     actors=tuple(registry[a].actor() for a in sorted(used)), facts=facts)


def load_schema() -> dict[str, Any]:
    """The facts data contract shipped with the package."""
    return json.loads(resources.files("generator.facts").joinpath("facts.schema.json").read_text("utf-8"))


def validate_facts(data: dict[str, Any] | FactsData) -> list[str]:
    """Return schema violations of facts data (empty when valid)."""
    import jsonschema

    if isinstance(data, FactsData):
        data = data.to_json()
    validator = jsonschema.Draft202012Validator(load_schema())
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]
