"""The timeline page: every dated fact of the corpus, grouped by year."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from generator.pages.corpus import Corpus
from generator.pages.views import SECTION_ROOT, TimelineYear, date_of, front_matter, main_facts, timeline


@dataclass(frozen=True)
class TimelineContext:
    """Everything templates/timeline.md.j2 receives."""

    meta: Markup = field(metadata={"help": "YAML front matter"})
    dated: int = field(metadata={"help": "number of dated sentences (each listed once, at its main date)"})
    undated: int = field(metadata={"help": "number of facts without a date (not shown)"})
    years: list[TimelineYear] = field(metadata={"help": "dated facts by year, oldest first"})


def timeline_context(corpus: Corpus) -> TimelineContext:
    """Build the view model of the corpus timeline."""
    return TimelineContext(
        meta=front_matter("Timeline", [], indexed=False),
        dated=len(main_facts(corpus.facts)),
        undated=sum(1 for f in corpus.facts if not date_of(f)),
        years=timeline(corpus, corpus.facts, SECTION_ROOT),
    )


def timeline_pages(corpus: Corpus) -> list[tuple[str, TimelineContext]]:
    """Return the timeline page."""
    return [("timeline/index.md", timeline_context(corpus))]
