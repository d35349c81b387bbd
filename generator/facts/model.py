"""The facts data contract (facts/facts.schema.json) as typed, immutable values.

Extraction produces these values, the page stage reads them. JSON exists only at two edges: the
extraction cache stores each document's result as JSON text (facts/cache.py), and facts.json is written
from `FactsData.to_json()` (facts/jsonfile.py). `from_json(x).to_json() == x` for every value that
extraction writes (every field present); `from_json` also reads hand-written facts in which optional
fields are absent, filling in the defaults.

Lists are tuples and never None, so readers need no `or []`. A country pair has one form inside,
`Pair`: `.codes` ("CN", "IT"), `.slug` ("cn-it", page addresses and search facets) and `.json`
("CN-IT", what facts.json holds).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

JSON = dict[str, Any]
SCHEMA_VERSION = "2"


@dataclass(frozen=True, slots=True, order=True)
class Pair:
    """Two state codes in alphabetical order: the pair "CN-IT" of Italy and China."""

    first: str
    second: str

    @classmethod
    def of(cls, a: str, b: str) -> Pair:
        """The pair of two codes, in either order."""
        first, second = sorted((a, b))
        return cls(first, second)

    @classmethod
    def from_json(cls, text: str) -> Pair:
        """Read "CN-IT" (codes are upper-cased; valid facts have them so already)."""
        first, sep, second = text.upper().partition("-")
        if not sep or not first or not second or "-" in second:
            raise ValueError(f"not a country pair: {text!r}")
        return cls(first, second)

    @classmethod
    def from_slug(cls, slug: str) -> Pair:
        """Read "cn-it", the pair as it appears in page addresses."""
        return cls.from_json(slug)

    @property
    def codes(self) -> tuple[str, str]:
        """The two codes, e.g. ("CN", "IT")."""
        return (self.first, self.second)

    @property
    def slug(self) -> str:
        """The pair in page addresses and search facets, e.g. "cn-it"."""
        return f"{self.first}-{self.second}".lower()

    @property
    def json(self) -> str:
        """The pair as facts.json writes it, e.g. "CN-IT"."""
        return f"{self.first}-{self.second}"

    def __str__(self) -> str:
        return self.json


@dataclass(frozen=True, slots=True)
class FactDate:
    """The date of a fact, as precise as written ("2019", "2019-03", "2019-03-23")."""

    value: str
    precision: str
    relative: bool
    text: str | None = None
    inferred: bool = False  # not written in the sentence: taken from the dated sentence it continues

    @classmethod
    def from_json(cls, data: JSON) -> FactDate:
        """Read a date object of facts.json."""
        return cls(data["value"], data["precision"], data["relative"], data.get("text"),
                   bool(data.get("inferred", False)))

    def to_json(self) -> JSON:
        """The date object of facts.json (`text` only when known, `inferred` only when true)."""
        out: JSON = {"value": self.value, "precision": self.precision, "relative": self.relative}
        if self.text is not None:
            out["text"] = self.text
        if self.inferred:
            out["inferred"] = True
        return out


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure: fully expanded value (€49.8 billion is 49800000000), unit and the text as written."""

    value: float
    unit: str
    text: str
    noun: str | None = None
    value_max: float | None = None
    kind: str | None = None  # "duration", "measure", "fraction", "split", "change", "approximate"

    @classmethod
    def from_json(cls, data: JSON) -> Quantity:
        """Read a quantity object of facts.json."""
        return cls(data["value"], data["unit"], data["text"], data.get("noun"), data.get("value_max"),
                   data.get("kind"))

    def to_json(self) -> JSON:
        """The quantity object of facts.json (`noun` and `value_max` only when known)."""
        out: JSON = {"value": self.value, "unit": self.unit, "text": self.text}
        if self.noun is not None:
            out["noun"] = self.noun
        if self.value_max is not None:
            out["value_max"] = self.value_max
        if self.kind is not None:
            out["kind"] = self.kind
        return out


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement of one sentence, with its provenance (document, sentence, source offsets)."""

    id: str
    document: str
    sentence: int
    start: int
    end: int
    text: str
    date: FactDate | None
    countries: tuple[str, ...]
    pairs: tuple[Pair, ...]
    actors: tuple[str, ...]
    sectors: tuple[str, ...]
    stance: str
    quantities: tuple[Quantity, ...]
    speakers: tuple[str, ...] = ()  # actors that speak in the sentence (subject of a speech verb)
    event_type: str | None = None  # PLOVER event type of the sentence's main clause; None: no event
    # the stance of each pair when the fact has two or more (a clause's stance goes to its own pair)
    pair_stances: tuple[tuple[Pair, str], ...] = ()
    # the stance is the story's: the sentence has no cue of its own, and the document's other facts about
    # its pair agree on one (generator.facts.extract.story_stances)
    stance_inferred: bool = False

    def for_pair(self, pair: Pair) -> Fact:
        """This fact as seen from one of its pairs: `stance` is that pair's own (`pair_stances`)."""
        own = dict(self.pair_stances).get(pair)
        if own is None or own == self.stance:
            return self
        return dataclasses.replace(self, stance=own, stance_inferred=False)

    @classmethod
    def from_json(cls, data: JSON) -> Fact:
        """Read a fact object of facts.json."""
        date = data.get("date")
        return cls(
            id=data["id"], document=data["document"], sentence=data["sentence"], start=data["start"],
            end=data["end"], text=data["text"], date=FactDate.from_json(date) if date else None,
            countries=tuple(data.get("countries") or ()),
            pairs=tuple(Pair.from_json(p) for p in data.get("pairs") or ()),
            actors=tuple(data.get("actors") or ()), sectors=tuple(data.get("sectors") or ()),
            stance=data["stance"],
            quantities=tuple(Quantity.from_json(q) for q in data.get("quantities") or ()),
            speakers=tuple(data.get("speakers") or ()),
            event_type=data.get("event_type"),
            pair_stances=tuple((Pair.from_json(p), v)
                               for p, v in sorted((data.get("pair_stances") or {}).items())),
            stance_inferred=bool(data.get("stance_inferred")),
        )

    def to_json(self) -> JSON:
        """The fact object of facts.json."""
        return {
            "id": self.id, "document": self.document, "sentence": self.sentence, "start": self.start,
            "end": self.end, "text": self.text, "date": self.date.to_json() if self.date else None,
            "countries": list(self.countries), "pairs": [p.json for p in self.pairs],
            "actors": list(self.actors), "sectors": list(self.sectors), "stance": self.stance,
            "quantities": [q.to_json() for q in self.quantities],
            **({"speakers": list(self.speakers)} if self.speakers else {}),
            **({"event_type": self.event_type} if self.event_type is not None else {}),
            **({"pair_stances": {p.json: v for p, v in self.pair_stances}} if self.pair_stances else {}),
            **({"stance_inferred": True} if self.stance_inferred else {}),
        }


@dataclass(frozen=True, slots=True)
class Role:
    """A role an actor holds ("Prime Minister"), with its date and the fact that states it."""

    role: str
    date: str | None
    fact: str

    @classmethod
    def from_json(cls, data: JSON) -> Role:
        """Read a role object of facts.json."""
        return cls(data["role"], data.get("date"), data["fact"])

    def to_json(self) -> JSON:
        """The role object of facts.json."""
        return {"role": self.role, "date": self.date, "fact": self.fact}


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor of the corpus (merged across documents in facts.json, per document in the cache)."""

    id: str
    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...] = ()
    curated: bool = False
    roles: tuple[Role, ...] = ()

    @classmethod
    def from_json(cls, data: JSON) -> Actor:
        """Read an actor object of facts.json."""
        return cls(data["id"], data["name"], data["type"], data.get("country"),
                   tuple(data.get("aliases") or ()), bool(data.get("curated")),
                   tuple(Role.from_json(r) for r in data.get("roles") or ()))

    def to_json(self) -> JSON:
        """The actor object of facts.json."""
        return {"id": self.id, "name": self.name, "type": self.type, "country": self.country,
                "aliases": list(self.aliases), "curated": self.curated,
                "roles": [r.to_json() for r in self.roles]}


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A source document: its metadata and the [start, end) source offsets of its sentences."""

    id: str
    path: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    reference_date: str | None = None
    url: str | None = None
    sha256: str | None = None
    boilerplate_removed: tuple[str, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()
    outlet: str | None = None

    @classmethod
    def from_json(cls, data: JSON) -> DocumentRecord:
        """Read a document object of facts.json."""
        return cls(
            id=data["id"], path=data["path"], title=data.get("title"), author=data.get("author"),
            published=data.get("published"), reference_date=data.get("reference_date"), url=data.get("url"),
            sha256=data.get("sha256"), boilerplate_removed=tuple(data.get("boilerplate_removed") or ()),
            sentences=tuple((s, e) for s, e in data.get("sentences") or ()), outlet=data.get("outlet"),
        )

    def to_json(self) -> JSON:
        """The document object of facts.json."""
        return {
            "id": self.id, "path": self.path, "title": self.title, "author": self.author,
            "outlet": self.outlet, "published": self.published, "reference_date": self.reference_date,
            "url": self.url,
            "sha256": self.sha256, "boilerplate_removed": list(self.boilerplate_removed),
            "sentences": [[s, e] for s, e in self.sentences],
        }


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """What extraction finds in one document (the unit the cache stores): its record, its facts and
    the actors it names (with the roles it states)."""

    document: DocumentRecord
    facts: tuple[Fact, ...]
    actors: tuple[Actor, ...]

    @classmethod
    def from_json(cls, data: JSON) -> DocumentFacts:
        """Read a cached result."""
        return cls(DocumentRecord.from_json(data["document"]),
                   tuple(Fact.from_json(f) for f in data["facts"]),
                   tuple(Actor.from_json(a) for a in data["actors"]))

    def to_json(self) -> JSON:
        """The result as the cache stores it."""
        return {"document": self.document.to_json(), "facts": [f.to_json() for f in self.facts],
                "actors": [a.to_json() for a in self.actors]}


@dataclass(frozen=True, slots=True)
class FactsData:
    """The facts of one corpus: what facts.json holds."""

    documents: tuple[DocumentRecord, ...] = ()
    actors: tuple[Actor, ...] = ()
    facts: tuple[Fact, ...] = ()
    schema_version: str = SCHEMA_VERSION

    @classmethod
    def from_json(cls, data: JSON) -> FactsData:
        """Read facts.json data (as parsed by the json module)."""
        return cls(
            documents=tuple(DocumentRecord.from_json(d) for d in data.get("documents") or ()),
            actors=tuple(Actor.from_json(a) for a in data.get("actors") or ()),
            facts=tuple(Fact.from_json(f) for f in data.get("facts") or ()),
            schema_version=data.get("schema_version", SCHEMA_VERSION),
        )

    def to_json(self) -> JSON:
        """The facts.json data, ready for the json module (see facts/jsonfile.py)."""
        return {"schema_version": self.schema_version, "documents": [d.to_json() for d in self.documents],
                "actors": [a.to_json() for a in self.actors], "facts": [f.to_json() for f in self.facts]}
