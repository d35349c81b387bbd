"""View-model pieces shared by page kinds: links, fact rows, timelines and stance counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import yaml
from markupsafe import Markup

from generator.config import TUNING
from generator.content.vocabulary import STANCES
from generator.errors import GeneratorError
from generator.facts.model import Fact, Pair
from generator.pages.corpus import Corpus
from generator.pages.escape import html_text, is_slug, one_line, slug
from generator.pages.names import event_label, pair_title, sector_label

ENTITY_ROOT = "../../"
SECTION_ROOT = "../"


@dataclass(frozen=True)
class Link:
    """A label (untrusted, escaped when printed) and a computed, trusted relative address."""

    label: str = field(metadata={"help": "visible text"})
    href: Markup = field(metadata={"help": "relative address of a Markdown page, with #anchor"})

    @property
    def url(self) -> Markup:
        """The relative address of the built page, for raw HTML (MkDocs rewrites no link there)."""
        return Markup(self.href.replace("index.md", "", 1))  # noqa: S704 -- href is built from slugs


@dataclass(frozen=True)
class FactView:
    """One fact as printed in lists and tables."""

    id: str = field(metadata={"help": "fact id"})
    text: str = field(metadata={"help": "the sentence"})
    short: str = field(metadata={"help": "the sentence shortened to about 140 characters"})
    date: str = field(metadata={"help": "ISO date as precise as known, or '' if undated"})
    stance: str = field(metadata={"help": "cooperation, tension or neutral"})
    source: Link = field(metadata={"help": "link to the sentence on its source page"})
    pairs: list[Link] = field(metadata={"help": "pairs of the fact (briefs or plain text)"})
    sectors: list[Link] = field(metadata={"help": "sector pages"})
    event: str = field(default="", metadata={"help": "PLOVER event type as a label (Agree … Assault), or ''"})
    story: bool = field(default=False, metadata={"help": "the stance is the story's: the sentence has no cue "
                                                         "of its own (facts.json: stance_inferred)"})
    also: list[str] = field(
        default_factory=list, metadata={"help": "other dates the sentence mentions (timelines list a "
                                                "sentence once, at its main date)"})


@dataclass(frozen=True)
class TimelineYear:
    """Dated facts of one year, sorted by date."""

    year: str = field(metadata={"help": "four-digit year"})
    events: list[FactView] = field(metadata={"help": "facts of the year, oldest first"})
    more: int = field(default=0, metadata={"help": "facts of the year left out to keep the page short"})


@dataclass(frozen=True)
class StanceCount:
    """How many facts of a group are cooperation, tension or neutral."""

    cooperation: int
    tension: int
    neutral: int
    total: int
    dominant: str = field(metadata={"help": "cooperation, tension, neutral or mixed (a tie)"})


def href(root: str, section: str, ident: str | None = None, anchor: str | None = None) -> Markup:
    """Return the relative Markdown address of a page (index.md) of `section`, with an anchor."""
    path = f"{root}{section}/" + (f"{slug(ident)}/" if ident else "") + "index.md"
    return Markup(path + (f"#{slug(anchor)}" if anchor else ""))  # noqa: S704 -- slugs only


def url(root: str, section: str, ident: str | None = None, anchor: str | None = None) -> Markup:
    """Return the relative address of a built page, for raw HTML where MkDocs rewrites nothing."""
    path = f"{root}{section}/" + (f"{slug(ident)}/" if ident else "")
    return Markup(path + (f"#{slug(anchor)}" if anchor else ""))  # noqa: S704 -- slugs only


def shorten(text: str, limit: int = 140) -> str:
    """Return `text` on one line, cut at a word boundary to at most `limit` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def date_of(fact: Fact) -> str:
    """Return the ISO date of a fact, or '' if it has none."""
    return fact.date.value if fact.date else ""


def pair_link(corpus: Corpus, pair: Pair, root: str, anchor: str | None = None) -> Link:
    """Return a link to the pair's brief (plain label without address if it has no brief)."""
    title = corpus.pair_titles.get(pair)
    if title is None:
        title = corpus.pair_titles[pair] = pair_title(pair.json, corpus.country_weight)
    target = href(root, "briefs", pair.slug, anchor) if corpus.has_brief(pair) else Markup("")
    return Link(title, target)


def sector_link(corpus: Corpus, sector: str, root: str) -> Link:
    """Return a link to a sector page."""
    return Link(sector_label(sector, corpus.sectors), href(root, "sectors", sector))


def actor_link(corpus: Corpus, actor_id: str, root: str) -> Link:
    """Return a link to an actor profile."""
    return Link(corpus.actors[actor_id].name, href(root, "actors", actor_id))


def source_link(corpus: Corpus, fact: Fact, root: str) -> Link:
    """Return a link to the fact's sentence on its source page."""
    doc = corpus.documents[fact.document]
    label = f"{shorten(doc.title or doc.id, 48)}, sentence {fact.sentence}"
    return Link(label, href(root, "sources", doc.id, f"s-{fact.sentence}"))


def fact_view(corpus: Corpus, fact: Fact, root: str) -> FactView:
    """Return the printable view of one fact (made once per fact, stance and root: many pages list a fact,
    and a brief sees it with its own pair's stance, `Fact.for_pair`)."""
    key = (fact.id, fact.stance, fact.stance_inferred, root)
    view = corpus.fact_views.get(key)
    if view is None:
        view = corpus.fact_views[key] = _fact_view(corpus, fact, root)
    return view


def _fact_view(corpus: Corpus, fact: Fact, root: str) -> FactView:
    return FactView(
        id=fact.id,
        text=" ".join(fact.text.split()),
        short=shorten(fact.text),
        date=date_of(fact),
        stance=fact.stance,
        source=source_link(corpus, fact, root),
        pairs=[pair_link(corpus, p, root) for p in sorted(fact.pairs)],
        sectors=[sector_link(corpus, s, root) for s in sorted(fact.sectors) if s in corpus.by_sector],
        event=event_label(fact.event_type),
        story=fact.stance_inferred,
    )


# Every list on a page is bounded, so pages stay readable and build time and site size grow with the
# corpus, not with the corpus times the number of pages a fact appears on. What a list leaves out is
# counted on the page; every fact keeps its place on its source page and in data/facts.json and .csv.
MAX_FACTS_PER_YEAR = TUNING.max_facts_per_year
# A timeline with more dated facts than this lists fewer a year (at least MIN_FACTS_PER_YEAR), so a
# page's length does not grow with the number of years either.
MAX_TIMELINE_FACTS = TUNING.max_timeline_facts
MIN_FACTS_PER_YEAR = TUNING.min_facts_per_year
MAX_LISTED = TUNING.max_listed


def weight(fact: Fact) -> tuple[int, int, int]:
    """How much a fact tells a reader: figures, named actors, a stance; used to choose what to list."""
    return (len(fact.quantities) > 0, min(len(fact.actors), 3), fact.stance != "neutral")


def weightiest(facts: list[Fact], limit: int) -> list[Fact]:
    """Return the `limit` weightiest facts of `facts`, in their given order (all of them if fewer)."""
    if len(facts) <= limit:
        return facts
    chosen = {id(f) for f in sorted(facts, key=weight, reverse=True)[:limit]}
    return [f for f in facts if id(f) in chosen]


PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def main_facts(facts: Sequence[Fact]) -> list[tuple[Fact, list[str]]]:
    """Each dated sentence of `facts` once: (its main fact, the other dates it mentions), by main date.

    The main fact is the one with the most precise date, written rather than inferred, then the first
    fact of the sentence (the smaller id)."""
    groups: dict[tuple[str, int], list[Fact]] = {}
    for fact in sorted(facts, key=lambda f: f.id):
        if date_of(fact):
            groups.setdefault((fact.document, fact.sentence), []).append(fact)
    out = []
    for group in groups.values():
        main = min(group, key=lambda f: (-PRECISION_RANK.get(f.date.precision if f.date else "", 0),
                                         bool(f.date and f.date.inferred), len(f.id), f.id))
        also = sorted({date_of(f) for f in group} - {date_of(main)})
        out.append((main, also))
    out.sort(key=lambda item: (date_of(item[0]), item[0].id))
    return out


def timeline(corpus: Corpus, facts: Sequence[Fact], root: str,
             per_year: int = MAX_FACTS_PER_YEAR) -> list[TimelineYear]:
    """Group the dated sentences by the year of their main date (ascending), each sentence once (see
    `main_facts`; its other dates are noted), each year sorted by date then fact id; a year with more
    than `per_year` sentences lists the weightiest ones and counts the rest. When the page would list
    more than MAX_TIMELINE_FACTS, each year lists fewer (never below MIN_FACTS_PER_YEAR)."""
    years: dict[str, list[Fact]] = {}
    others: dict[str, list[str]] = {}
    for fact, also in main_facts(facts):
        years.setdefault(date_of(fact)[:4], []).append(fact)
        others[fact.id] = also
    if sum(min(len(d), per_year) for d in years.values()) > MAX_TIMELINE_FACTS:
        per_year = max(MIN_FACTS_PER_YEAR, min(per_year, MAX_TIMELINE_FACTS // len(years)))
    out = []
    for year, dated in years.items():
        kept = weightiest(dated, per_year)
        views = [_with_dates(fact_view(corpus, f, root), others[f.id]) for f in kept]
        out.append(TimelineYear(year, views, len(dated) - len(kept)))
    return out


def _with_dates(view: FactView, also: list[str]) -> FactView:
    return replace(view, also=also) if also else view


def stance_count(facts: Sequence[Fact]) -> StanceCount:
    """Count the facts per stance and name the dominant one."""
    counts = Counter(f.stance for f in facts)
    top = max(counts.values(), default=0)
    leaders = [s for s in STANCES if counts[s] == top]
    dominant = leaders[0] if len(leaders) == 1 else "mixed"
    return StanceCount(counts["cooperation"], counts["tension"], counts["neutral"], len(facts), dominant)


def front_matter(title: str, tags: list[str], *, indexed: bool = True, search_ui: bool = False) -> Markup:
    """Return the YAML front matter body: an HTML-escaped title (themes print it raw) and safe tags.

    The mapping is written by PyYAML's safe dumper after `one_line` has removed what YAML cannot print
    (control characters, U+0085/U+2028/U+2029 line breaks, surrogates, U+FEFF), and read back with the
    loader MkDocs uses: front matter that MkDocs could not parse would be rendered as Markdown, turning
    the title's text into live links. `indexed=False` keeps the page out of the search index
    (overrides/main.html reads `pagefind`); `search_ui=True` makes the theme load the search UI's script
    and styles on this page only, full width.
    """
    meta: dict[str, Any] = {"title": str(html_text(one_line(title)))}
    safe_tags = [t for t in tags if is_slug(t)]
    if safe_tags:
        meta["tags"] = safe_tags
    if not indexed:
        meta["pagefind"] = False
    if search_ui:
        meta.update({"search_ui": True, "hide": ["navigation", "toc"]})
    text = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=_WIDTH,
                     default_flow_style=False).rstrip("\n")
    if yaml.load(text, Loader=_LOADER) != meta:  # noqa: S506 -- a safe loader, the one MkDocs uses
        raise GeneratorError(f"front matter of page {title!r} does not read back as written")
    return Markup(text)  # noqa: S704 -- safe_dump of an escaped one-line title, slug tags, constants


_DUMPER = yaml.SafeDumper
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_WIDTH = 1 << 30  # never fold a long title over several lines
