"""Atom feeds (RFC 4287) of the newest facts: `feed.xml` for the site, `briefs/<pair>/feed.xml` per brief.

A feed carries at most `max_feed_entries` facts: those new or changed in the latest build that changed
anything first, then the rest by build and date, newest first (generator/pages/changes.py). Each entry
links to the fact's sentence (`…/sources/<doc>/#s-N`, relative to the feed), and its title gives the
fact's date, pair and event type. Times never come from the wall clock: an entry is `updated` at the
time of the build that first published or last changed its fact (from the manifest), the feed at
the latest of these, so identical input gives identical bytes. Every text is XML-escaped, and characters
XML 1.0 cannot carry are dropped.
"""

from __future__ import annotations

import re
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from generator.config import TUNING
from generator.content.vocabulary import country_name
from generator.facts.model import Fact, Pair
from generator.pages.changes import History, newest_first
from generator.pages.corpus import Corpus
from generator.pages.escape import slug
from generator.pages.names import pair_title
from generator.pages.views import date_of, shorten

MAX_FEED_ENTRIES = TUNING.max_feed_entries
ATOM = "http://www.w3.org/2005/Atom"
SITE_TITLE = "Foreign-policy briefs"
SUBTITLE = "The newest facts, those new or changed in the latest build first."
# Characters XML 1.0 does not allow (C0 controls but tab and line breaks, surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: object) -> str:
    """Element text: XML-escaped, without characters XML cannot carry."""
    return escape(_NOT_XML.sub("", "" if value is None else str(value)))


def _attr(value: object) -> str:
    """A quoted, escaped attribute value."""
    return quoteattr(_NOT_XML.sub("", "" if value is None else str(value)))


def _title(corpus: Corpus, pair: Pair) -> str:
    title = corpus.pair_titles.get(pair)
    return title if title is not None else pair_title(pair.json, corpus.country_weight)


def _entry(corpus: Corpus, fact: Fact, history: History, root: str, pair: Pair | None) -> str:
    """One <entry> of a fact; `pair` is the brief's (None: the fact's first pair)."""
    pairs = sorted({*fact.pairs, *([pair] if pair is not None else [])})
    shown = pair if pair is not None else (pairs[0] if pairs else None)
    when = date_of(fact) or "undated"
    event = fact.event_type or "no event"
    about = _title(corpus, shown) if shown is not None else "no pair"
    title = f"{when} · {event} · {about}: {shorten(' '.join(fact.text.split()), 120)}"
    link = f"{root}sources/{slug(fact.document)}/#s-{int(fact.sentence)}"
    lines = [
        "  <entry>",
        f"    <id>urn:briefs:fact:{_text(quote(fact.id, safe=''))}</id>",
        f"    <title>{_text(title)}</title>",
        f"    <updated>{history.date_of_change(fact.id)}</updated>",
        f'    <link rel="alternate" type="text/html" href={_attr(link)}/>',
    ]
    for p in pairs:
        lines.append(f"    <category scheme=\"urn:briefs:pair\" term={_attr(p.slug)} "
                     f"label={_attr(_title(corpus, p))}/>")
    if fact.event_type:
        lines.append(f"    <category scheme=\"urn:briefs:event\" term={_attr(fact.event_type)}/>")
    lines.append(f"    <category scheme=\"urn:briefs:stance\" term={_attr(fact.stance)}/>")
    countries = ", ".join(country_name(c) for c in fact.countries)
    summary = f"{' '.join(fact.text.split())} ({when}; {event}; {fact.stance}"
    summary += f"; {countries})" if countries else ")"
    lines += [f"    <summary>{_text(summary)}</summary>", "  </entry>"]
    return "\n".join(lines)


def atom_feed(corpus: Corpus, facts: list[Fact] | tuple[Fact, ...], history: History, *, root: str,
              title: str, ident: str, page: str, pair: Pair | None = None) -> str:
    """The Atom document of the newest `facts`. `root` leads from the feed's folder to the site root,
    `page` is the address (relative to the feed) of the page the feed follows, `ident` the feed's id."""
    entries = newest_first(facts, history)[:MAX_FEED_ENTRIES]
    times = [history.date_of_change(f.id) for f in entries]
    updated = max(times, default=history.date)
    head = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM}">',
        f"  <id>{_text(ident)}</id>",
        f"  <title>{_text(title)}</title>",
        f"  <subtitle>{_text(SUBTITLE)}</subtitle>",
        f"  <updated>{updated}</updated>",
        '  <link rel="self" type="application/atom+xml" href="feed.xml"/>',
        f'  <link rel="alternate" type="text/html" href={_attr(page)}/>',
        f"  <author><name>{_text(SITE_TITLE)}</name></author>",
        "  <generator>briefs</generator>",
    ]
    body = [_entry(corpus, f, history, root, pair) for f in entries]
    return "\n".join([*head, *body, "</feed>"]) + "\n"


def site_feed(corpus: Corpus, history: History) -> str:
    """feed.xml: the newest facts of the whole site."""
    return atom_feed(corpus, corpus.facts, history, root="", title=f"{SITE_TITLE}: new and changed facts",
                     ident="urn:briefs:feed", page="changes/")


def brief_feed(corpus: Corpus, pair: Pair, history: History) -> str:
    """briefs/<pair>/feed.xml: the newest facts of one brief."""
    title = _title(corpus, pair)
    return atom_feed(corpus, corpus.by_pair[pair], history, root="../../",
                     title=f"{title}: new and changed facts", ident=f"urn:briefs:feed:{pair.slug}", page="./",
                     pair=pair)


def feed_files(corpus: Corpus, history: History) -> dict[str, str]:
    """Relative path -> text of every feed."""
    files = {"feed.xml": site_feed(corpus, history)}
    for pair in corpus.brief_pairs:
        files[f"briefs/{pair.slug}/feed.xml"] = brief_feed(corpus, pair, history)
    return files
