"""The data page and the downloadable data files (facts.json, facts.csv, facts.schema.json)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from generator.facts.jsonfile import dumps_facts
from generator.facts.model import FactsData
from generator.pages.corpus import Corpus
from generator.pages.escape import csv_cell
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
    ]
    return DataContext(front_matter("Data", [], indexed=False), files, list(CSV_COLUMNS), len(corpus.facts))


def data_pages(corpus: Corpus) -> list[tuple[str, DataContext]]:
    """Return the data page."""
    return [("data/index.md", data_context(corpus))]


def facts_json(facts: FactsData) -> str:
    """Return facts.json (see generator/facts/jsonfile.py)."""
    return dumps_facts(facts)


def facts_csv(corpus: Corpus) -> str:
    """Return facts.csv, every cell neutralised against spreadsheet formulas."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for fact in corpus.facts:
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
