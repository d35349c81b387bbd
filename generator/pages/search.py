"""Search: the facets (pair, sector, actor type, year) every entity page carries, and the search page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.config import TUNING
from generator.facts.model import Fact
from generator.pages.corpus import Corpus
from generator.pages.escape import html_text, is_slug
from generator.pages.views import date_of, front_matter

# Filter names as the search page shows them, in display order.
FACETS = ("pair", "sector", "actor type", "year")
SEARCH_INTRO = (
    "Search the text of briefs, actor profiles, sector maps and sources, "
    "then narrow the results by country pair, sector, actor type or year."
)


@dataclass(frozen=True)
class Facet:
    """One filter value of a page, printed as a hidden element the search indexer reads."""

    name: Markup = field(metadata={"help": "filter name, one of FACETS"})
    value: Markup = field(metadata={"help": "filter value, HTML-escaped"})


@dataclass(frozen=True)
class SearchMeta:
    """What the search index learns about a page beyond its text."""

    title: Markup = field(metadata={"help": "result title, HTML-escaped"})
    facets: list[Facet] = field(metadata={"help": "by facet (FACETS order), then value"})


@dataclass(frozen=True)
class SearchContext:
    """Everything templates/search.md.j2 receives."""

    title: str = field(metadata={"help": "page title"})
    meta: Markup = field(metadata={"help": "YAML front matter: not indexed, loads the search UI"})
    intro: str = field(metadata={"help": "one-sentence description"})


# A page is filed under at most this many values of each filter: those most of its facts have. An
# article that names thirty pairs in passing is not about all of them, and the filter data a search
# downloads grows with the values per page (at 10,000 articles, all values took it past 1 MB).
MAX_FACET_VALUES = TUNING.max_facet_values


def _top(values: Counter[str]) -> set[str]:
    return set(sorted(values, key=lambda v: (-values[v], v))[:MAX_FACET_VALUES])


def facet_values(corpus: Corpus, facts: Sequence[Fact]) -> dict[str, set[str]]:
    """Return the main pairs, known sectors, actor types of known actors and years of `facts`."""
    return {
        "pair": _top(Counter(p.slug for f in facts for p in f.pairs)),
        "sector": _top(Counter(s for f in facts for s in f.sectors if s in corpus.by_sector)),
        "actor type": _top(Counter(
            corpus.actors[a].type for f in facts for a in f.actors if a in corpus.actors
        )),
        "year": _top(Counter(date_of(f)[:4] for f in facts if date_of(f))),
    }


def search_meta(
    corpus: Corpus, title: str, facts: Sequence[Fact], fixed: dict[str, set[str]] | None = None
) -> SearchMeta:
    """Return the search title and facets of a page about `facts`; `fixed` replaces computed facets."""
    values = facet_values(corpus, facts) | (fixed or {})
    facets = [
        Facet(Markup(name), html_text(value))  # noqa: S704 -- FACETS are constants
        for name in FACETS
        for value in sorted(values.get(name, set()))
        if is_slug(value)
    ]
    return SearchMeta(html_text(title), facets)


def search_context(corpus: Corpus) -> SearchContext:
    """Build the view model of the search page."""
    return SearchContext(
        title="Search",
        meta=front_matter("Search", [], indexed=False, search_ui=True),
        intro=SEARCH_INTRO,
    )


def search_pages(corpus: Corpus) -> list[tuple[str, SearchContext]]:
    """Return the search page: search/index.md."""
    return [("search/index.md", search_context(corpus))]
