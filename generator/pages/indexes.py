"""Section index pages: the lists of briefs, actors, sectors and sources."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from generator.pages.corpus import Corpus
from generator.pages.names import actor_type_label, country_name
from generator.pages.views import (
    SECTION_ROOT,
    Link,
    date_of,
    front_matter,
    href,
    pair_link,
    sector_link,
    stance_count,
)


@dataclass(frozen=True)
class IndexRow:
    """One entry of a section index."""

    link: Link = field(metadata={"help": "link to the page"})
    cells: list[str] = field(metadata={"help": "further columns, already formatted"})


@dataclass(frozen=True)
class IndexGroup:
    """Entries under one heading (a single unnamed group for flat lists)."""

    heading: str = field(metadata={"help": "group heading, or '' for none"})
    rows: list[IndexRow] = field(metadata={"help": "entries"})


@dataclass(frozen=True)
class IndexContext:
    """Everything templates/index.md.j2 receives, for every section index."""

    title: str = field(metadata={"help": "page title"})
    meta: Markup = field(metadata={"help": "YAML front matter"})
    intro: str = field(metadata={"help": "one-sentence description"})
    columns: list[str] = field(metadata={"help": "table header: first column, then the cells"})
    groups: list[IndexGroup] = field(metadata={"help": "grouped entries"})


def brief_index_context(corpus: Corpus) -> IndexContext:
    """List the briefs: title, as-of date, facts and sources."""
    rows = []
    for pair in corpus.brief_pairs:
        facts = corpus.by_pair[pair]
        as_of = max((date_of(f) for f in facts), default="") or "—"
        sources = len({f.document for f in facts})
        rows.append(IndexRow(pair_link(corpus, pair, SECTION_ROOT), [as_of, str(len(facts)), str(sources)]))
    rows.sort(key=lambda r: r.link.label)
    intro = "One brief per country pair with at least three facts."
    return IndexContext(
        "Briefs",
        front_matter("Briefs", [], indexed=False),
        intro,
        ["Brief", "As of", "Facts", "Sources"],
        [IndexGroup("", rows)],
    )


def actor_index_context(corpus: Corpus) -> IndexContext:
    """List the actors grouped by type."""
    groups: dict[str, list[IndexRow]] = {}
    for actor_id, facts in corpus.by_actor.items():
        actor = corpus.actors[actor_id]
        link = Link(actor.name, href(SECTION_ROOT, "actors", actor_id))
        row = IndexRow(link, [country_name(actor.country), str(len(facts))])
        groups.setdefault(actor_type_label(actor.type), []).append(row)
    ordered = [
        IndexGroup(k, sorted(v, key=lambda r: (r.link.label.lower(), r.link.href)))
        for k, v in sorted(groups.items())
    ]
    return IndexContext(
        "Actors",
        front_matter("Actors", [], indexed=False),
        "Everyone and everything named in a fact.",
        ["Actor", "Country", "Facts"],
        ordered,
    )


def sector_index_context(corpus: Corpus) -> IndexContext:
    """List the sectors with their stance balance."""
    rows = []
    for sector, facts in corpus.by_sector.items():
        c = stance_count(facts)
        rows.append(
            IndexRow(
                sector_link(corpus, sector, SECTION_ROOT),
                [str(c.total), str(c.cooperation), str(c.tension), str(c.neutral)],
            )
        )
    rows.sort(key=lambda r: r.link.label)
    return IndexContext(
        "Sectors",
        front_matter("Sectors", [], indexed=False),
        "Where the relations play out.",
        ["Sector", "Facts", "Cooperation", "Tension", "Neutral"],
        [IndexGroup("", rows)],
    )


def source_index_context(corpus: Corpus) -> IndexContext:
    """List the source documents."""
    rows = []
    for doc_id, doc in corpus.documents.items():
        link = Link(doc.title or doc_id, href(SECTION_ROOT, "sources", doc_id))
        facts = len(corpus.by_document.get(doc_id, []))
        rows.append(IndexRow(link, [doc.published or "—", str(facts)]))
    rows.sort(key=lambda r: (r.link.label.lower(), r.link.href))
    return IndexContext(
        "Sources",
        front_matter("Sources", [], indexed=False),
        "The articles the facts come from.",
        ["Source", "Published", "Facts"],
        [IndexGroup("", rows)],
    )


def index_pages(corpus: Corpus) -> list[tuple[str, IndexContext]]:
    """Return the four section index pages."""
    return [
        ("briefs/index.md", brief_index_context(corpus)),
        ("actors/index.md", actor_index_context(corpus)),
        ("sectors/index.md", sector_index_context(corpus)),
        ("sources/index.md", source_index_context(corpus)),
    ]
