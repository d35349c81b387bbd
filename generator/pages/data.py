"""The data page and the downloadable data files (facts.json, facts.csv, facts.schema.json), for the whole
corpus (data/) and for each brief (briefs/<pair>/facts.json and facts.csv: the brief's own facts, with the
documents and actors they name, in the same format and columns)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from generator.facts.jsonfile import dumps_facts
from generator.facts.model import FactsData, Pair
from generator.pages.corpus import Corpus
from generator.pages.escape import csv_cell, printable
from generator.pages.views import date_of, front_matter

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "facts" / "facts.schema.json"
CSV_COLUMNS = (
    "id",
    "document",
    "sentence",
    "date",
    "precision",
    "countries",
    "pairs",
    "actors",
    "sectors",
    "stance",
    "quantities",
    "text",
)


@dataclass(frozen=True)
class DataContext:
    """Everything templates/data.md.j2 receives."""

    meta: Markup = field(metadata={"help": "YAML front matter"})
    files: list[tuple[str, Markup, str]] = field(metadata={"help": "(name, relative address, what it holds)"})
    columns: list[str] = field(metadata={"help": "CSV column names"})
    fact_count: int = field(metadata={"help": "rows of the CSV"})


def data_context(corpus: Corpus) -> DataContext:
    """Build the view model of the data page."""
    files = [
        ("facts.json", Markup("facts.json"), "every document, actor and fact, as the extract stage wrote it"),
        ("facts.schema.json", Markup("facts.schema.json"), "the JSON Schema facts.json follows"),
        ("facts.csv", Markup("facts.csv"), "one row per fact, lists joined with ';'"),
        ("feed.xml", Markup("../feed.xml"), "Atom feed of the newest facts, those new or changed in the "
         "latest build first; each brief has its own feed and its own facts.csv and facts.json"),
    ]
    return DataContext(front_matter("Data", [], indexed=False), files, list(CSV_COLUMNS), len(corpus.facts))


def data_pages(corpus: Corpus) -> list[tuple[str, DataContext]]:
    """Return the data page."""
    return [("data/index.md", data_context(corpus))]


def facts_json(facts: FactsData) -> str:
    """Return facts.json (see generator/facts/jsonfile.py)."""
    return dumps_facts(facts)


def facts_csv(corpus: Corpus, pair: Pair | None = None) -> str:
    """Return facts.csv, every cell neutralised against spreadsheet formulas. With `pair`: the facts of
    that pair's brief, whose stance column gives the pair's own stance (as the brief shows it)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    facts = corpus.facts if pair is None else sorted(corpus.by_pair[pair], key=lambda f: f.id)
    for fact in facts:
        row = [
            fact.id,
            fact.document,
            fact.sentence,
            date_of(fact),
            fact.date.precision if fact.date else "",
            ";".join(fact.countries),
            ";".join(p.json for p in fact.pairs),
            ";".join(fact.actors),
            ";".join(fact.sectors),
            fact.stance,
            ";".join(q.text for q in fact.quantities),
            " ".join(fact.text.split()),
        ]
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()


def facts_schema() -> str:
    """Return the text of facts.schema.json."""
    return SCHEMA_FILE.read_text(encoding="utf-8")


def brief_facts(corpus: Corpus, pair: Pair) -> FactsData:
    """The facts of one brief as the extract stage wrote them (in facts.json's order), with the documents
    and actors they name."""
    return _BriefFacts(corpus.data).of(corpus, pair)


class _BriefFacts:
    """The records of facts.json by id, looked up for every brief."""

    def __init__(self, data: FactsData) -> None:
        self.data = data
        self.order = {f.id: n for n, f in enumerate(data.facts)}
        self.documents = {d.id: (n, d) for n, d in enumerate(data.documents)}
        self.actors = {a.id: (n, a) for n, a in enumerate(data.actors)}

    def of(self, corpus: Corpus, pair: Pair) -> FactsData:
        """The FactsData of one brief."""
        positions = sorted(self.order[f.id] for f in corpus.by_pair[pair] if f.id in self.order)
        facts = tuple(self.data.facts[n] for n in positions)
        documents = sorted(self.documents[d] for d in {f.document for f in facts} if d in self.documents)
        named = {a for f in facts for a in (*f.actors, *f.speakers)}
        actors = sorted(self.actors[a] for a in named if a in self.actors)
        return FactsData(documents=tuple(d for _, d in documents), actors=tuple(a for _, a in actors),
                         facts=facts, schema_version=self.data.schema_version)


def brief_downloads(corpus: Corpus) -> dict[str, str]:
    """Relative path -> text of each brief's facts.json and facts.csv."""
    files = {}
    records = _BriefFacts(corpus.data)
    for pair in corpus.brief_pairs:
        files[f"briefs/{pair.slug}/facts.json"] = printable(facts_json(records.of(corpus, pair)))
        files[f"briefs/{pair.slug}/facts.csv"] = facts_csv(corpus, pair)
    return files
