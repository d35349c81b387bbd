"""Source pages: the cleaned text of each document, every sentence an anchor (#s-N) facts link to."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.facts.model import DocumentRecord
from generator.pages.corpus import Corpus, Entity
from generator.pages.escape import html_text
from generator.pages.search import SOURCE_TEXT_WEIGHT, SearchMeta, search_meta
from generator.pages.views import ENTITY_ROOT, FactView, fact_view, front_matter


@dataclass(frozen=True)
class Sentence:
    """One sentence of the cleaned text."""

    number: int = field(metadata={"help": "sentence index; the anchor is s-<number>"})
    html: Markup = field(metadata={"help": "the sentence, HTML-escaped, on one line"})


@dataclass(frozen=True)
class SourceContext:
    """Everything templates/source.md.j2 receives."""

    id: str = field(metadata={"help": "document id"})
    title: str = field(metadata={"help": "document title or id"})
    meta: Markup = field(metadata={"help": "YAML front matter"})
    metadata: list[tuple[str, str]] = field(metadata={"help": "(field, value) rows"})
    paragraphs: list[list[Sentence]] = field(metadata={"help": "sentences grouped by paragraph"})
    boilerplate: list[str] = field(metadata={"help": "lines dropped as site chrome"})
    facts: list[FactView] = field(metadata={"help": "facts from the document, by sentence"})
    search: SearchMeta = field(metadata={"help": "search title and facets (hidden elements)"})
    text_weight: Markup = field(default=Markup(f"{SOURCE_TEXT_WEIGHT:g}"), metadata={  # noqa: S704
        "help": "Pagefind weight of the article text: a passing mention ranks below a brief or profile"})


def sentence_offsets(corpus: Corpus, doc: DocumentRecord) -> list[tuple[int, int]]:
    """Return [start, end] of every sentence; from the facts if the document lists none."""
    if doc.sentences:
        return list(doc.sentences)
    known = {f.sentence: (f.start, f.end) for f in corpus.by_document.get(doc.id, [])}
    return [known.get(n, (0, 0)) for n in range(max(known, default=-1) + 1)]


def paragraphs(text: str, offsets: list[tuple[int, int]]) -> list[list[Sentence]]:
    """Split the sentences into paragraphs wherever the source has a line break between two."""
    result: list[list[Sentence]] = []
    previous_end = None
    for number, (start, end) in enumerate(offsets):
        if previous_end is None or "\n" in text[previous_end:start] or start < previous_end:
            result.append([])
        result[-1].append(Sentence(number, html_text(" ".join(text[start:end].split()))))
        previous_end = end
    return result


def source_context(corpus: Corpus, doc_id: str) -> SourceContext:
    """Build the view model of the page of document `doc_id`."""
    doc = corpus.documents[doc_id]
    facts = sorted(corpus.by_document.get(doc_id, []), key=lambda f: (f.sentence, f.id))
    title = doc.title or doc_id
    rows = [
        ("Title", doc.title or "—"),
        ("Author", doc.author or "—"),
        ("Outlet", doc.outlet or "—"),
        ("Published", doc.published or "—"),
        ("Reference date", doc.reference_date or "—"),
        ("Path", doc.path or "—"),
        ("URL", doc.url or "—"),
        ("SHA-256", doc.sha256 or "—"),
    ]
    tags = sorted({p.slug for f in facts for p in f.pairs if corpus.has_brief(p)})
    return SourceContext(
        id=doc_id,
        title=title,
        meta=front_matter(title, tags),
        metadata=rows,
        paragraphs=paragraphs(corpus.sources.get(doc_id, ""), sentence_offsets(corpus, doc)),
        boilerplate=list(doc.boilerplate_removed),
        facts=[fact_view(corpus, f, ENTITY_ROOT) for f in facts],
        search=search_meta(corpus, title, facts),
    )


def source_entities(corpus: Corpus) -> list[Entity]:
    """Every source page with its facts, its document record and a hash of its text."""
    return [
        Entity(f"sources/{d.lower()}/index.md", d, corpus.by_document.get(d, []),
               (doc, hashlib.blake2b(corpus.sources.get(d, "").encode("utf-8", "surrogatepass")).hexdigest()))
        for d, doc in corpus.documents.items()
    ]


def source_pages(corpus: Corpus) -> list[tuple[str, SourceContext]]:
    """Return (relative path, context) of every source page."""
    return [(f"sources/{d.lower()}/index.md", source_context(corpus, d)) for d in corpus.documents]
