"""The page kinds of the site: PAGE_KINDS maps each kind to its template and view model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.pages.actor import ActorContext, actor_context, actor_entities, actor_pages
from generator.pages.brief import BriefContext, brief_context, brief_entities, brief_pages
from generator.pages.changes import ChangesContext, changes_pages, changes_since
from generator.pages.compare import CompareContext, compare_pages
from generator.pages.corpus import Corpus, Entity, aggregate
from generator.pages.data import DataContext, data_pages
from generator.pages.home import HomeContext, home_pages
from generator.pages.howto import HowToContext, howto_pages
from generator.pages.indexes import IndexContext, index_pages
from generator.pages.search import SearchContext, search_pages
from generator.pages.sector import SectorContext, sector_context, sector_entities, sector_pages
from generator.pages.source import SourceContext, source_context, source_entities, source_pages
from generator.pages.timeline import TimelineContext, timeline_pages


@dataclass(frozen=True)
class PageKind:
    """A kind of page: the template that renders it, its context type, and what makes its pages.

    Entity kinds (one page per brief, actor, sector or source) also list their pages with what each
    reads (`entities`) and build one page's context on demand (`context_of`), so a rebuild renders only
    the pages whose inputs changed (generator/render/cache.py). A kind that also reads the manifest of
    the facts published before (generator/pages/changes.py) makes its pages from it with `since`;
    `pages` then gives those of a first build."""

    template: str
    context: type
    pages: Callable[[Corpus], list[tuple[str, Any]]]
    help: str
    entities: Callable[[Corpus], list[Entity]] | None = None
    context_of: Callable[[Corpus, str], Any] | None = None
    since: Callable[[Corpus, Any], list[tuple[str, Any]]] | None = None


PAGE_KINDS: dict[str, PageKind] = {
    "home": PageKind("home.md.j2", HomeContext, home_pages, "pair × sector matrix, latest events"),
    "index": PageKind("index.md.j2", IndexContext, index_pages, "lists of briefs, actors, sectors, sources"),
    "brief": PageKind("brief.md.j2", BriefContext, brief_pages, "one country pair",
                      brief_entities, brief_context),
    "actor": PageKind("actor.md.j2", ActorContext, actor_pages, "one actor profile",
                      actor_entities, actor_context),
    "sector": PageKind("sector.md.j2", SectorContext, sector_pages, "one sector map",
                       sector_entities, sector_context),
    "source": PageKind("source.md.j2", SourceContext, source_pages, "one source text with sentence anchors",
                       source_entities, source_context),
    "timeline": PageKind("timeline.md.j2", TimelineContext, timeline_pages, "all dated facts"),
    "data": PageKind("data.md.j2", DataContext, data_pages, "downloads"),
    "search": PageKind("search.md.j2", SearchContext, search_pages, "full-text search with filters"),
    "compare": PageKind("compare.md.j2", CompareContext, compare_pages,
                        "stance-by-year charts of every brief on one shared scale"),
    "how-to-read": PageKind("how-to-read.md.j2", HowToContext, howto_pages,
                            "what stance and event types mean, how a brief is built, how to report an error"),
    "changes": PageKind("changes.md.j2", ChangesContext, changes_pages,
                        "facts new or changed since the previous build, by brief", since=changes_since),
}

__all__ = ["PAGE_KINDS", "Corpus", "Entity", "PageKind", "aggregate"]
