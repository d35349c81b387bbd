"""Every tuning constant of briefs, in one frozen dataclass: limits, list lengths, thresholds, timeouts.

Modules read their values from `TUNING` (most keep a module-level name bound to it, so a test can
patch one module). Each field says what it bounds and why in its `help`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def _(value: float, help: str) -> Any:  # noqa: A002 -- "help", as datasette's field metadata
    """A field with its default and its help text."""
    return field(default=value, metadata={"help": help})


@dataclass(frozen=True)
class Tuning:
    """The tuning constants, grouped by stage."""

    # ingest
    max_document_chars: int = _(
        500_000, "decoded characters read of one document (about 250 printed pages); the rest is dropped at "
        "a paragraph boundary with a warning naming the file")
    max_id_chars: int = _(
        80, "longest document id: pages are written as sources/<id>/index.md; a longer slug is cut and ends "
        "in '-' + 8 hex digits of a hash of the whole relative path")
    max_front_matter_chars: int = _(65_536, "longest front matter of an article; longer is refused")
    max_front_matter_depth: int = _(16, "deepest nesting of an article's front matter")
    max_title_chars: int = _(300, "a longer title is cut at a word boundary")
    max_author_chars: int = _(300, "a longer author is cut at a word boundary")
    max_url_chars: int = _(2_000, "a longer URL is dropped (a cut URL leads elsewhere)")
    max_lead_title_chars: int = _(
        100, "an untitled article is titled by its lead sentence, cut at a word boundary to this length")
    masthead_lines: int = _(5, "first non-blank lines of a text article searched for an outlet's masthead")
    max_yaml_depth: int = _(
        50, "deepest nesting of a curated YAML file (libyaml crashes the interpreter at some 50,000 levels)")
    # extract
    chunk_chars: int = _(
        100_000, "characters per spaCy call (spaCy's own limit is 1,000,000; smaller chunks bound memory)")
    max_sentence_tokens: int = _(
        150, "longest sentence: text without punctuation still yields sentences of bounded length")
    # aggregate
    brief_min_facts: int = _(
        3, "facts in which both states of a pair are parties (they act or are acted upon, not a "
        "nationality, a place or a company named in passing) that the pair needs for a brief of its own")
    brief_min_sentences: int = _(
        3, "distinct sentences those facts must come from: one sentence with several dates is one mention")
    salience_max_states: int = _(
        4, "a sentence naming more states than this is a list of countries, not a relationship: it does not "
        "count towards a pair's brief")
    max_milestones: int = _(12, "dated events in the Milestones section of a brief")
    milestone_window_days: int = _(
        7, "facts of one event type and actors dated this many days apart or less are one real-world event "
        "(one milestone with all its sources)")
    bottom_line_links: int = _(3, "fact links a claim of a brief's bottom line carries")
    bottom_line_sectors: int = _(3, "dominant sectors named in a brief's bottom line")
    bottom_line_runs: int = _(
        4, "periods of the relationship's course (years in which cooperation or tension dominated) a "
        "brief's bottom line names, the latest ones")
    min_figure_duration_years: float = _(
        1.0, "shortest duration (in years) listed as a key figure: a 20-year lease matters, a 75-minute "
        "meeting does not")
    max_key_points: int = _(6, "key points at the top of a brief")
    max_instrument_sources: int = _(10, "sources listed per instrument on a sector map")
    latest_events: int = _(10, "latest events on the home page")
    max_facet_values: int = _(
        8, "values of each search filter a page is filed under (those most of its facts have)")
    max_facts_per_year: int = _(25, "facts a timeline lists per year (weightiest first)")
    max_timeline_facts: int = _(
        150, "a timeline with more dated facts lists fewer a year, at least min_facts_per_year")
    min_facts_per_year: int = _(3, "facts a long timeline still lists per year")
    max_listed: int = _(
        30, "other lists: statements, undated facts, key figures, sources, actors, sentences")
    # render
    max_template_items: int = _(
        1_000_000, "longest result a template may build with `*` (strings, lists)")
    max_name_bytes: int = _(
        200, "longest file or folder name written (file systems allow 255; room is left for .tmp names)")
    # publish
    pagefind_timeout_seconds: int = _(1800, "longest a Pagefind run may take")
    search_weight_brief: float = _(
        10.0, "Pagefind weight of a brief's subject (its title and main actors' names; plain text is 1)")
    search_weight_profile: float = _(
        10.0, "Pagefind weight of an actor profile's or sector map's subject (its name)")
    search_weight_source_text: float = _(
        0.25, "Pagefind weight of a source page's article text: a passing mention ranks below a brief")
    min_free_bytes: int = _(
        50 * 1024 * 1024, "free space the site's disk must keep for the swap (the smaller of this and "
        "min_free_fraction)")
    min_free_fraction: float = _(0.01, "free share of the site's disk the swap must keep")
    plain_progress_seconds: float = _(30.0, "seconds between plain progress lines when not on a terminal")
    max_org_tail_words: int = _(
        4, "capitalised words an organisation's name may take after 'of'/'on'/'for' behind its head"
    )
    max_media_name_words: int = _(5, "words of a media name found by a reporting cue ('told the X')")
    max_dateline_tokens: int = _(
        16, "tokens from a paragraph's start within which '(Agency) -' reads as a dateline's credit"
    )
    max_body_modifiers: int = _(
        2, "words between a possessive and a state body ('Poland's previous government')"
    )
    victim_reach_tokens: int = _(
        3, "tokens between a hostile act and the state it names as its victim ('the attack on northern "
        "Mali', 'anti-Russian sanctions'), for the stance of each pair of a clause that opposes the act"
    )
    # what changed: feeds and the changes page
    max_feed_entries: int = _(
        50, "entries of an Atom feed (feed.xml, briefs/<pair>/feed.xml): the newest facts, those new or "
        "changed in the latest build first")
    max_changes_per_brief: int = _(
        50, "new or changed facts the changes page lists under one brief (the rest are counted, and in "
        "the brief's facts.csv)")


TUNING = Tuning()


def documented() -> dict[str, str]:
    """Every tuning field and its help text (tests assert that none lacks one)."""
    return {f.name: f.metadata.get("help", "") for f in fields(Tuning)}
