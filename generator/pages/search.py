"""Search: the facets (pair, sector, actor type, year) every entity page carries, as readable labels
("Italy – China", "Telecommunications and 5G", "Government body"; page addresses keep the ids), the
ranking weights of its title and summary, and the search page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.config import TUNING
from generator.facts.model import Fact, Pair
from generator.pages.corpus import Corpus
from generator.pages.escape import html_text, one_line
from generator.pages.names import actor_type_name, pair_title, sector_label
from generator.pages.views import date_of, front_matter

# Filter names as the search page shows them, in display order.
FACETS = ("pair", "sector", "actor type", "year")
SEARCH_INTRO = (
    "Search the text of briefs, actor profiles, sector maps and sources, "
    "then narrow the results by country pair, sector, actor type or year. "
    "The page's address keeps the query and the ticked filters: copy it to share the search."
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
    facets: list[Facet] = field(metadata={"help": "by facet (FACETS order), then label"})
    keywords: Markup = field(default=Markup(""), metadata={
        "help": "the subject of a brief, profile or sector map in words (its title; for a brief also its "
                "main actors), HTML-escaped; indexed with `weight`, hidden; empty on source pages"})
    weight: Markup = field(default=Markup(""), metadata={"help": "data-pagefind-weight of `keywords`"})


@dataclass(frozen=True)
class SearchContext:
    """Everything templates/search.md.j2 receives."""

    title: str = field(metadata={"help": "page title"})
    meta: Markup = field(metadata={"help": "YAML front matter: not indexed, loads the search UI"})
    intro: str = field(metadata={"help": "one-sentence description"})


# Pagefind ranking weights (data-pagefind-weight, 0-10; plain text weighs 1, an h1 7): the subject of a
# brief, profile or sector map (its title and filter labels, see SearchMeta.keywords) outranks a passing
# mention of the same name in a source text, which weighs SOURCE_TEXT_WEIGHT (templates/source.md.j2).
WEIGHTS = {"brief": TUNING.search_weight_brief, "actor": TUNING.search_weight_profile,
           "sector": TUNING.search_weight_profile}
SOURCE_TEXT_WEIGHT = TUNING.search_weight_source_text
_KIND_OF_FIXED = {"pair": "brief", "actor type": "actor", "sector": "sector"}

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


def facet_label(corpus: Corpus, name: str, value: str) -> str:
    """The label a filter shows for an id: "Italy – China" for pair "cn-it", "Telecommunications and 5G"
    for sector "telecom_5g", "Government body" for actor type "government_body"; a year as it is."""
    if name == "pair":
        pair = Pair.from_slug(value)
        title = corpus.pair_titles.get(pair)
        if title is None:
            title = corpus.pair_titles[pair] = pair_title(pair.json, corpus.country_weight)
        return title
    if name == "sector":
        return sector_label(value, corpus.sectors)
    if name == "actor type":
        return actor_type_name(value)
    return value


def search_meta(
    corpus: Corpus, title: str, facts: Sequence[Fact], fixed: dict[str, set[str]] | None = None
) -> SearchMeta:
    """Return the search title, facets (labels) and subject keywords of a page about `facts`; `fixed`
    replaces computed facets and names the page's kind: a brief is fixed to its pair, a profile to its
    actor type, a sector map to its sector; a source page has none."""
    values = facet_values(corpus, facts) | (fixed or {})
    kind = _KIND_OF_FIXED.get(next(iter(fixed or {}), ""), "source")
    labels = {name: sorted({one_line(facet_label(corpus, name, v)) for v in values.get(name, set())})
              for name in FACETS}
    facets = [
        Facet(Markup(name), html_text(label))  # noqa: S704 -- FACETS are constants
        for name in FACETS
        for label in labels[name]
        if label
    ]
    subject = [title, *(_main_actors(corpus, facts) if kind == "brief" else [])] if kind in WEIGHTS else []
    keywords = html_text(" · ".join(one_line(s) for s in subject))
    weight = Markup(f"{WEIGHTS[kind]:g}") if kind in WEIGHTS else Markup("")  # noqa: S704 -- a number
    return SearchMeta(html_text(title), facets, keywords, weight)


def _main_actors(corpus: Corpus, facts: Sequence[Fact]) -> list[str]:
    """The names of the actors most of `facts` name (at most MAX_FACET_VALUES): what a brief is about.
    Only briefs list them: a profile that names Huawei among its co-actors is a passing mention."""
    counts = Counter(a for f in facts for a in f.actors if a in corpus.actors)
    return [corpus.actors[a].name for a in sorted(counts, key=lambda a: (-counts[a], a))[:MAX_FACET_VALUES]]


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
