"""The home page: pair × sector matrix, latest dated events and corpus counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from generator.config import TUNING
from generator.facts.model import Fact, Pair
from generator.pages.corpus import Corpus
from generator.pages.escape import html_text
from generator.pages.names import pair_title, sector_label
from generator.pages.views import FactView, date_of, fact_view, front_matter, stance_count, url

HOME_ROOT = ""
LATEST_EVENTS = TUNING.latest_events
# The dominant stance of a cell as a sign beside its count, so that stance is not told by colour alone
# (WCAG 1.4.1); the legend below the matrix explains the signs.
STANCE_MARKS = {"cooperation": "+", "tension": "\u2212", "neutral": "=", "mixed": "\u00b1"}


@dataclass(frozen=True)
class Cell:
    """One cell of the matrix (raw HTML: every text is pre-escaped Markup)."""

    count: int = field(metadata={"help": "facts of the pair in the sector"})
    css: Markup = field(
        metadata={"help": "briefs-cooperation, briefs-tension, briefs-neutral, briefs-mixed or briefs-empty"}
    )
    url: Markup = field(metadata={"help": "brief sector section, or sector page if no brief; '' if empty"})
    title: Markup = field(metadata={"help": "tooltip: stance counts"})
    mark: Markup = field(
        metadata={"help": "the dominant stance as a sign (+ cooperation, − tension, = neutral, ± mixed), so "
                          "that stance is not shown by colour alone; '' if empty"}
    )
    label: Markup = field(
        metadata={"help": "what the mark and colour say, for screen readers (the tooltip, their description, "
                          "gives the stance counts); '' if empty"}
    )


@dataclass(frozen=True)
class MatrixRow:
    """One pair of the matrix."""

    label: Markup = field(metadata={"help": "pair title, escaped"})
    url: Markup = field(metadata={"help": "brief address, or '' if the pair has no brief"})
    total: int = field(metadata={"help": "facts of the pair"})
    cells: list[Cell] = field(metadata={"help": "one per column"})


@dataclass(frozen=True)
class HomeContext:
    """Everything templates/home.md.j2 receives."""

    meta: Markup = field(metadata={"help": "YAML front matter"})
    counts: list[tuple[str, int]] = field(metadata={"help": "(what, how many) for the summary"})
    columns: list[tuple[Markup, Markup]] = field(metadata={"help": "(sector label, sector url) per column"})
    rows: list[MatrixRow] = field(metadata={"help": "pairs, most facts first"})
    legend: list[tuple[Markup, Markup, Markup]] = field(
        metadata={"help": "(css class, mark, stance name) per stance, explaining the cells"}
    )
    latest: list[FactView] = field(metadata={"help": "latest dated facts, newest first"})


def _by_sector(facts: list[Fact]) -> dict[str, list[Fact]]:
    groups: dict[str, list[Fact]] = {}
    for fact in facts:
        for sector in fact.sectors:
            groups.setdefault(sector, []).append(fact)
    return groups


def _cell(corpus: Corpus, pair: Pair, sector: str, facts: list[Fact]) -> Cell:
    if not facts:
        return Cell(0, Markup("briefs-empty"), Markup(""), Markup(""), Markup(""), Markup(""))
    counts = stance_count(facts)
    if corpus.has_brief(pair):
        target = url(HOME_ROOT, "briefs", pair.slug, f"sector-{sector}")
    else:
        target = url(HOME_ROOT, "sectors", sector)
    split = f"{counts.cooperation} cooperation, {counts.tension} tension, {counts.neutral} neutral"
    dominant = "mixed stance" if counts.dominant == "mixed" else f"mostly {counts.dominant}"
    css = Markup(f"briefs-{counts.dominant}")  # noqa: S704 -- fixed stance names
    return Cell(counts.total, css, target, html_text(split), html_text(STANCE_MARKS[counts.dominant]),
                html_text(f"facts, {dominant}"))


def home_context(corpus: Corpus) -> HomeContext:
    """Build the view model of the home page."""
    sectors = sorted(corpus.by_sector, key=lambda s: (-len(corpus.by_sector[s]), s))
    # Pairs with a brief only: a pair named once in a list of countries says little, and the matrix
    # must stay readable as the corpus grows.
    pairs = sorted(corpus.brief_pairs, key=lambda p: (-len(corpus.by_pair[p]), p))
    rows = []
    for p in pairs:
        groups = _by_sector(corpus.by_pair[p])
        rows.append(MatrixRow(
            html_text(pair_title(p.json, corpus.country_weight)),
            url(HOME_ROOT, "briefs", p.slug) if corpus.has_brief(p) else Markup(""),
            len(corpus.by_pair[p]),
            [_cell(corpus, p, s, groups.get(s, [])) for s in sectors],
        ))
    dated = sorted(
        (f for f in corpus.facts if date_of(f)), key=lambda f: (date_of(f), f.id), reverse=True
    )
    counts = [
        ("sources", len(corpus.documents)),
        ("facts", len(corpus.facts)),
        ("dated facts", len(dated)),
        ("actors", len(corpus.by_actor)),
        ("country pairs", len(corpus.by_pair)),
        ("briefs", len(corpus.brief_pairs)),
        ("sectors", len(corpus.by_sector)),
    ]
    return HomeContext(
        meta=front_matter("Home", [], indexed=False),
        counts=counts,
        columns=[(html_text(sector_label(s, corpus.sectors)), url(HOME_ROOT, "sectors", s)) for s in sectors],
        rows=rows,
        legend=[(html_text(f"briefs-{name}"), html_text(mark), html_text(name))
                for name, mark in STANCE_MARKS.items()],
        latest=[fact_view(corpus, f, HOME_ROOT) for f in dated[:LATEST_EVENTS]],
    )


def home_pages(corpus: Corpus) -> list[tuple[str, HomeContext]]:
    """Return the home page."""
    return [("index.md", home_context(corpus))]
