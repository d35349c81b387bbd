"""Brief pages: one per salient country pair (see generator/pages/corpus.py), read top-down by an
analyst: bottom line, milestones, key points, key figures, the year chart, the timeline (each sentence
once), sectors (counts linking into the timeline), actors and sources.

**Bottom line**: the period and sources covered; the course of the relationship by year (a year's state
is the stance, cooperation or tension, of more of its dated sentences; consecutive years of one state
form a period); the dominant sectors; the latest milestone and the headline figure (money first, then
the latest figure). Each claim links to the sentences it rests on.

**Milestones**: dated facts with an event type, written (not inferred) dates. Facts of one sentence,
or of one event type whose dates lie within `milestone_window_days` and whose actors overlap (or one
names none), are one event, shown once with all its sources. A fact dated by year only joins the one
event of its year and type if there is exactly one; else it is an event of its own, listed only when
no more precise event of that year and type exists. Day and month events come first, then those with
most sources; at most `max_milestones`, listed oldest first.

**Key figures**: measured quantities only: money, percentages and changes written with digits,
physical amounts, durations of at least `min_figure_duration_years`, counts of a named thing written
with digits. Never ranks, fractions or number words. The same measure at several dates is a series
with a sparkline.

Key points are the highest-scoring facts of the pair, one per sentence, at most six:

    score = 2 × has date + 2 × has quantity + number of actors (at most 3)
            + 1 if stance is not neutral + 1 if dated within two years of the as-of date

Ties go to the more recent fact, then to the smaller fact id.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Day

from markupsafe import Markup

from generator.config import TUNING
from generator.content.vocabulary import CUE_STANCES, MEASURE_SECTORS, country_name
from generator.facts.model import Fact, FactDate, Pair, Quantity
from generator.pages.changes import build_date
from generator.pages.charts import sparkline, stance_bars
from generator.pages.corpus import Corpus, Entity
from generator.pages.escape import slug
from generator.pages.names import event_label, pair_title, readable, sector_label
from generator.pages.search import SearchMeta, search_meta
from generator.pages.views import (
    ENTITY_ROOT,
    MAX_LISTED,
    FactView,
    Link,
    StanceCount,
    TimelineYear,
    actor_link,
    date_of,
    fact_view,
    front_matter,
    href,
    main_facts,
    sector_link,
    shorten,
    source_link,
    stance_count,
    timeline,
    weightiest,
)

MAX_KEY_POINTS = TUNING.max_key_points
MAX_MILESTONES = TUNING.max_milestones
MILESTONE_WINDOW_DAYS = TUNING.milestone_window_days
BOTTOM_LINE_LINKS = TUNING.bottom_line_links
BOTTOM_LINE_SECTORS = TUNING.bottom_line_sectors
BOTTOM_LINE_RUNS = TUNING.bottom_line_runs
MIN_FIGURE_DURATION_YEARS = TUNING.min_figure_duration_years
HOWTO = Link("How to read a brief", href(ENTITY_ROOT, "how-to-read"))
DATA = href(ENTITY_ROOT, "data")
DOWNLOADS = [Link("facts.csv", Markup("facts.csv")), Link("facts.json", Markup("facts.json")),
             Link("Atom feed", Markup("feed.xml"))]  # files beside the brief's page (render/renderer.py)
SCORING_NOTE = (
    "Key points are the facts that score highest on: date (2), figure (2), "
    "named actors (1 each, up to 3), a cooperation or tension stance (1), "
    "and recency within two years of the as-of date (1); one per sentence, at most six."
)


@dataclass(frozen=True)
class KeyFigure:
    """One row of the key-figures table."""

    figure: str = field(metadata={"help": "the figure as written (with its unit when written bare)"})
    measures: str = field(metadata={"help": "what is measured and for whom: noun or sector, pair, period"})
    date: str = field(metadata={"help": "ISO date of the fact or ''"})
    source: Link = field(metadata={"help": "link to the sentence"})
    value: float = field(default=0.0, metadata={"help": "the value, for series"})


@dataclass(frozen=True)
class FigureSeries:
    """One measure at several dates: a small table and a sparkline."""

    measures: str = field(metadata={"help": "what is measured and for whom"})
    chart: Markup = field(metadata={"help": "inline SVG sparkline, oldest first"})
    points: list[KeyFigure] = field(metadata={"help": "one row per date, oldest first"})


@dataclass(frozen=True)
class Milestone:
    """One real-world event, reported by one or more sentences."""

    date: str = field(metadata={"help": "ISO date of its most precise report"})
    event: str = field(metadata={"help": "PLOVER event type as a label (Agree … Assault)"})
    stance: str = field(metadata={"help": "cooperation, tension or neutral"})
    text: str = field(metadata={"help": "the most precise report's sentence, shortened"})
    sources: list[Link] = field(metadata={"help": "one link per sentence reporting it"})


@dataclass(frozen=True)
class CourseRun:
    """Consecutive years in which one stance outweighed the other."""

    text: str = field(metadata={"help": "e.g. 'cooperation dominated 2019–2020'"})
    facts: list[Link] = field(metadata={"help": "sentences it rests on (numbered labels)"})


@dataclass(frozen=True)
class SectorShare:
    """A dominant sector of the pair."""

    sector: Link = field(metadata={"help": "link to the sector's section of the brief"})
    count: int = field(metadata={"help": "facts of the pair in the sector"})


@dataclass(frozen=True)
class BottomLine:
    """The paragraph that opens a brief: every part built from facts."""

    facts: int = field(metadata={"help": "facts of the pair"})
    sources: int = field(metadata={"help": "documents with facts of the pair"})
    period: str = field(metadata={"help": "first–last year of dated facts, or ''"})
    course: list[CourseRun] = field(metadata={"help": "the latest periods of the relationship's course"})
    sectors: list[SectorShare] = field(metadata={"help": "the dominant sectors"})
    milestone: Milestone | None = field(metadata={"help": "the latest milestone"})
    milestone_links: list[Link] = field(metadata={"help": "its sources (numbered labels)"})
    figure: KeyFigure | None = field(metadata={"help": "the headline figure"})
    figure_link: Link | None = field(metadata={"help": "its source (numbered label)"})


@dataclass(frozen=True)
class SectorSection:
    """The pair's facts in one sector: counts, balance and where they are in the timeline."""

    anchor: Markup = field(metadata={"help": "heading id, sector-<id>; the home matrix links here"})
    sector: Link = field(metadata={"help": "link to the sector page"})
    counts: StanceCount = field(metadata={"help": "stance balance"})
    years: list[Link] = field(metadata={"help": "'2019 (3)' linking to the year in the timeline"})
    undated: int = field(metadata={"help": "sentences without a date (listed under Undated)"})


@dataclass(frozen=True)
class ActorRow:
    """An actor involved in the pair."""

    actor: Link = field(metadata={"help": "link to the profile"})
    kind: str = field(metadata={"help": "actor type, readable"})
    facts: int = field(metadata={"help": "facts of the pair naming the actor"})


@dataclass(frozen=True)
class Cite:
    """The "Cite this brief" block: what a reference to this version of the brief needs."""

    title: str = field(metadata={"help": "the brief's title"})
    as_of: str = field(metadata={"help": "latest fact date, or ''"})
    built: str = field(metadata={"help": "build date: SOURCE_DATE_EPOCH's day, else the newest document "
                                         "date (never the wall clock), or ''"})
    permalink: Link = field(metadata={"help": "the brief's address within the site (label) and link"})


@dataclass(frozen=True)
class BriefContext:
    """Everything templates/brief.md.j2 receives."""

    pair: str = field(metadata={"help": "pair slug, e.g. cn-it"})
    title: str = field(metadata={"help": "e.g. Italy – China"})
    tags: list[str] = field(metadata={"help": "Material tags: pair, sectors, actor types"})
    meta: Markup = field(metadata={"help": "YAML front matter: title and tags"})
    as_of: str = field(metadata={"help": "latest fact date, or ''"})
    fact_count: int = field(metadata={"help": "facts of the pair"})
    source_count: int = field(metadata={"help": "documents with facts of the pair"})
    howto: Link = field(metadata={"help": "link to the How to read a brief page"})
    data: Markup = field(metadata={"help": "address of the data page (every fact, downloadable)"})
    bottom_line: BottomLine = field(metadata={"help": "the opening paragraph"})
    milestones: list[Milestone] = field(metadata={"help": "dated events, oldest first"})
    scoring_note: str = field(metadata={"help": "how key points were chosen"})
    key_points: list[FactView] = field(metadata={"help": "3–6 highest-scoring facts"})
    key_figures: list[KeyFigure] = field(
        metadata={"help": "measured figures not in a series, by date; the latest MAX_LISTED"})
    key_figures_more: int = field(metadata={"help": "earlier figures left out"})
    series: list[FigureSeries] = field(metadata={"help": "measures stated for several dates"})
    timeline: list[TimelineYear] = field(metadata={"help": "dated sentences by year, each once"})
    undated: list[FactView] = field(
        metadata={"help": "undated sentences, each once, in source order; the weightiest MAX_LISTED"})
    undated_more: int = field(metadata={"help": "undated sentences left out (in the data files)"})
    sectors: list[SectorSection] = field(metadata={"help": "by fact count, then id"})
    actors: list[ActorRow] = field(metadata={"help": "by fact count, then name; the first MAX_LISTED"})
    actors_more: int = field(metadata={"help": "actors left out"})
    sources: list[Link] = field(
        metadata={"help": "the MAX_LISTED documents with most facts of the pair, by title"})
    sources_more: int = field(metadata={"help": "documents left out (all are on the Sources page)"})
    chart: Markup = field(metadata={"help": "inline SVG: facts per year by stance"})
    search: SearchMeta = field(metadata={"help": "search title and facets (hidden elements)"})
    cite: Cite = field(metadata={"help": "the Cite this brief block"})
    downloads: list[Link] = field(
        metadata={"help": "the brief's own facts (facts.csv, facts.json) and its Atom feed (feed.xml)"})


def score(fact: Fact, as_of: str) -> int:
    """Return the key-point score of a fact (see the module docstring)."""
    date = date_of(fact)
    recent = bool(date and as_of and int(as_of[:4]) - int(date[:4]) <= 2)
    return (
        2 * bool(date)
        + 2 * bool(fact.quantities)
        + min(len(fact.actors), 3)
        + (fact.stance != "neutral")
        + recent
    )


def key_points(facts: list[Fact], as_of: str) -> list[Fact]:
    """Return up to six top-scoring facts, one per sentence."""
    ranked = sorted(facts, key=lambda f: f.id)
    ranked.sort(key=lambda f: (score(f, as_of), date_of(f)), reverse=True)
    chosen: list[Fact] = []
    seen: set[tuple[str, int]] = set()
    for fact in ranked:
        where = (fact.document, fact.sentence)
        if where not in seen:
            seen.add(where)
            chosen.append(fact)
    return chosen[:MAX_KEY_POINTS]


def year_rows(facts: list[Fact]) -> list[tuple[str, dict[str, int]]]:
    """Return (year, counts by stance) for the chart, years ascending."""
    rows: dict[str, dict[str, int]] = {}
    for fact in facts:
        if date_of(fact):
            counts = rows.setdefault(date_of(fact)[:4], {})
            counts[fact.stance] = counts.get(fact.stance, 0) + 1
    return sorted(rows.items())


# --- key figures ---------------------------------------------------------------------------------

_NUMERAL = re.compile(
    r"[~≈]?[+\-−]?\d[\d.,]*(?:\s*(?:thousand|million|billion|trillion|bn|mn|m|k))?", re.IGNORECASE)
_BARE = re.compile(r"[\d.,\s+\-−~≈]+")
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b", re.IGNORECASE)  # "20th anniversary", "8th"
_YEARS = {"decade": 10.0, "year": 1.0, "month": 1 / 12, "week": 1 / 52, "day": 1 / 365}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
ECONOMIC = MEASURE_SECTORS  # sectors that name what a figure measures, in order of preference


def is_currency(unit: str) -> bool:
    """True for an ISO currency code (EUR, USD...)."""
    return len(unit) == 3 and unit.isalpha() and unit.isupper()


def measured(quantity: Quantity) -> bool:
    """True when a quantity is a measured figure worth a key-figures row (see the module docstring)."""
    unit, kind, text = quantity.unit, quantity.kind, quantity.text.strip()
    if unit in ("rank", "ratio") or kind in ("fraction", "approximate") or _ORDINAL.search(text):
        return False
    if kind == "duration":
        return bool(quantity.noun) and quantity.value * _YEARS.get(unit, 0.0) >= MIN_FIGURE_DURATION_YEARS
    if unit == "count":
        return bool(quantity.noun) and _NUMERAL.fullmatch(text) is not None
    if is_currency(unit):
        return True
    return _DIGIT.search(text) is not None


def figure_text(quantity: Quantity) -> str:
    """The figure as written, or, when written as a bare number ("22"), its value with its unit."""
    if not _BARE.fullmatch(quantity.text) or quantity.unit == "count":
        return " ".join(quantity.text.split())
    if quantity.unit == "percent":
        return f"{quantity.value:g}%"
    for scale, word in _SCALES:
        if abs(quantity.value) >= scale:
            return f"{quantity.value / scale:g} {word} {quantity.unit}"
    return f"{quantity.value:g} {quantity.unit}"


def _what(corpus: Corpus, fact: Fact, quantity: Quantity, pair: Pair) -> str:
    """What a figure measures: its noun (unless it is one of the pair's country names), else the fact's
    first sector; a change says so."""
    names = {country_name(c).lower() for c in pair.codes}
    noun = (quantity.noun or "").strip()
    what = noun if noun and noun.lower() not in names else ""
    if not what:
        sectors = sorted((s for s in fact.sectors if s in corpus.by_sector),
                         key=lambda s: (s not in ECONOMIC, ECONOMIC.index(s) if s in ECONOMIC else 0))
        what = sector_label(sectors[0], corpus.sectors).lower() if sectors else "figure"
    if quantity.kind == "change":
        what = f"change in {what}"
    return what[:1].upper() + what[1:]


def _period(fact: Fact) -> str:
    """The span a figure covers when the sentence states it as a duration without a noun ("the first
    eight months of 2025")."""
    spans = [q.text for q in fact.quantities if q.kind == "duration" and not q.noun]
    return f", over {spans[0]}" if spans else ""


def figure_rows(corpus: Corpus, facts: list[Fact], pair: Pair, title: str) -> list[tuple[str, KeyFigure]]:
    """(series key, row) of every measured figure of the pair's facts, by date then fact id."""
    rows = []
    for fact in sorted(facts, key=lambda f: (not date_of(f), date_of(f), f.id)):
        for quantity in fact.quantities:
            if not measured(quantity):
                continue
            what = _what(corpus, fact, quantity, pair)
            measures = f"{what}, {title}{_period(fact)}"
            key = f"{what}|{quantity.unit}"
            rows.append((key, KeyFigure(figure_text(quantity), measures, date_of(fact),
                                        source_link(corpus, fact, ENTITY_ROOT), float(quantity.value))))
    seen: set[tuple[str, str, str, str]] = set()
    unique = []
    for key, row in rows:  # a sentence with several dates states its figures once
        mark = (key, row.figure, row.source.href, "")
        if mark not in seen:
            seen.add(mark)
            unique.append((key, row))
    return unique


def split_series(rows: list[tuple[str, KeyFigure]]) -> tuple[list[KeyFigure], list[FigureSeries]]:
    """Rows of one measure at two or more dates, one value per date, become a series; the rest stay."""
    groups: dict[str, list[KeyFigure]] = {}
    for key, row in rows:
        groups.setdefault(key, []).append(row)
    in_series: set[int] = set()
    series = []
    for group in groups.values():
        per_date = Counter(r.date for r in group)
        points = sorted((r for r in group if r.date and per_date[r.date] == 1), key=lambda r: r.date)
        if len(points) >= 2:  # dates with one value each: a date with several is ambiguous
            chart = sparkline([(f"{r.date}: {r.figure}", r.value) for r in points],
                              f"{points[-1].measures}, by date")
            series.append(FigureSeries(points[-1].measures, chart, points))
            in_series |= {id(r) for r in points}
    singles = [r for _, r in rows if id(r) not in in_series]
    return singles, sorted(series, key=lambda s: (s.points[-1].date, s.measures))


def headline(figures: list[KeyFigure], series: list[FigureSeries]) -> KeyFigure | None:
    """The headline figure: money first, then any; the latest, then the first listed."""
    rows = figures + [s.points[-1] for s in series]
    if not rows:
        return None
    money = [r for r in rows if any(c in r.figure for c in "€$£¥") or re.search(r"\b[A-Z]{3}\b|euro|dollar",
                                                                                  r.figure, re.I)]
    pool = money or rows
    return max(pool, key=lambda r: (r.date, -rows.index(r)))


# --- milestones ----------------------------------------------------------------------------------


def _interval(when: FactDate) -> tuple[int, int]:
    """First and last day (ordinals) a date may mean."""
    parts = [int(p) for p in when.value.split("-")]
    year = parts[0]
    if len(parts) >= 3:
        day = Day(year, parts[1], parts[2]).toordinal()
        return day, day
    if len(parts) == 2:
        first = Day(year, parts[1], 1)
        last = Day(year + (parts[1] == 12), parts[1] % 12 + 1, 1).toordinal() - 1
        return first.toordinal(), last
    return Day(year, 1, 1).toordinal(), Day(year, 12, 31).toordinal()


def _compatible(a: Fact, b: Fact) -> bool:
    return not a.actors or not b.actors or bool(set(a.actors) & set(b.actors))


def _same_event(a: Fact, b: Fact) -> bool:
    if (a.document, a.sentence) == (b.document, b.sentence):
        return True
    if a.event_type != b.event_type or not a.date or not b.date or not _compatible(a, b):
        return False
    (a0, a1), (b0, b1) = _interval(a.date), _interval(b.date)
    return max(a0, b0) - min(a1, b1) <= MILESTONE_WINDOW_DAYS


def _clusters(facts: list[Fact]) -> list[list[Fact]]:
    """Single-linkage clusters of `facts` (sorted by date) under `_same_event`, compared within a
    sliding window of dates."""
    parent = list(range(len(facts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    spans = [_interval(f.date) for f in facts if f.date]
    reach = MILESTONE_WINDOW_DAYS + max((e - s for s, e in spans), default=0)
    for j in range(len(facts)):
        i = j - 1
        while i >= 0 and spans[j][0] - spans[i][0] <= reach:
            if _same_event(facts[i], facts[j]):
                parent[root(i)] = root(j)
            i -= 1
    groups: dict[int, list[Fact]] = {}
    for i, fact in enumerate(facts):
        groups.setdefault(root(i), []).append(fact)
    return list(groups.values())


def _rank(fact: Fact) -> int:
    return PRECISION.get(fact.date.precision, 0) if fact.date else -1


PRECISION = {"year": 0, "month": 1, "day": 2}


def milestones(corpus: Corpus, facts: list[Fact]) -> list[Milestone]:
    """The pair's milestones (see the module docstring), oldest first."""
    eligible = sorted((f for f in facts if f.date and not f.date.inferred and f.event_type),
                      key=lambda f: (_interval(f.date)[0] if f.date else 0, f.id))
    precise = [f for f in eligible if _rank(f) > 0]
    coarse = [f for f in eligible if _rank(f) == 0]
    clusters = _clusters(precise)
    used = {(f.document, f.sentence) for c in clusters for f in c}  # a sentence reports one event
    placed: set[str] = set()
    for fact in coarse:
        if (fact.document, fact.sentence) in used:
            continue
        year = date_of(fact)[:4]
        matches = [c for c in clusters if any(
            date_of(m)[:4] == year and m.event_type == fact.event_type and _compatible(m, fact) for m in c)]
        if len(matches) == 1:
            matches[0].append(fact)
            placed.add(fact.id)
    precise_keys = {(date_of(m)[:4], m.event_type) for c in clusters for m in c}
    loose: dict[tuple[str, str | None, tuple[str, ...]], list[Fact]] = {}
    for fact in coarse:
        key = (date_of(fact)[:4], fact.event_type, tuple(sorted(fact.actors)))
        where = (fact.document, fact.sentence)
        if fact.id in placed or where in used or key[:2] in precise_keys:
            continue
        used.add(where)
        loose.setdefault(key, []).append(fact)
    events = clusters + list(loose.values())
    ranked = sorted(events, key=lambda c: (-max(_rank(f) for f in c), -len({f.document for f in c}),
                                           min(f.id for f in c)))[:MAX_MILESTONES]
    out = []
    for cluster in ranked:
        best = min(cluster, key=lambda f: (-_rank(f), date_of(f), f.id))
        sentences = sorted({(f.document, f.sentence): f for f in cluster}.values(),
                           key=lambda f: (f.document, f.sentence))
        links = [source_link(corpus, f, ENTITY_ROOT) for f in sentences]
        out.append(Milestone(date_of(best), event_label(best.event_type), best.stance,
                             shorten(best.text, 200), links))
    return sorted(out, key=lambda m: (m.date, m.event, m.text))


# --- bottom line ---------------------------------------------------------------------------------


def _year_state(facts: list[Fact]) -> str:
    counts = Counter(f.stance for f in facts)
    if counts["cooperation"] > counts["tension"]:
        return "cooperation"
    if counts["tension"] > counts["cooperation"]:
        return "tension"
    return "balanced" if counts["cooperation"] else ""


def _span(first: str, last: str) -> str:
    return first if first == last else f"{first}–{last}"


def _run_text(state: str, first: str, last: str, current: bool) -> str:
    other = {"cooperation": "tension", "tension": "cooperation"}.get(state, "")
    if state == "balanced":
        if current and first != last:
            return f"cooperation and tension have been balanced since {first}"
        return f"cooperation and tension were balanced in {_span(first, last)}"
    if current and first != last:
        return f"{state} has outweighed {other} since {first}"
    if current:
        return f"{state} outweighed {other} in {first}"
    return f"{state} dominated {_span(first, last)}"


class _Numbers:
    """Numbered labels for the bottom line's links, in reading order."""

    def __init__(self) -> None:
        self.n = 0

    def link(self, target: Link) -> Link:
        self.n += 1
        return Link(str(self.n), target.href)


def _facts(n: int) -> str:
    return f"{n} fact" if n == 1 else f"{n} facts"


def _overall(corpus: Corpus, facts: list[Fact], numbers: _Numbers) -> list[CourseRun]:
    """The balance of all the pair's facts, when no dated one says cooperation or tension."""
    counts = Counter(f.stance for f in facts)
    coop, tension = counts["cooperation"], counts["tension"]
    if not coop and not tension:
        return []
    if coop == tension:
        text = f"cooperation and tension are balanced ({_facts(coop)} each, undated)"
    else:
        state, other = CUE_STANCES if coop > tension else CUE_STANCES[::-1]
        text = f"{state} outweighs {other} ({_facts(max(coop, tension))} to {min(coop, tension)}, undated)"
    pool = [f for f in facts if f.stance != "neutral"]
    chosen = sorted(pool, key=lambda f: (-score(f, ""), f.document, f.sentence, f.id))[:BOTTOM_LINE_LINKS]
    return [CourseRun(text, [numbers.link(source_link(corpus, f, ENTITY_ROOT)) for f in chosen])]


def course(corpus: Corpus, sentences: list[Fact], numbers: _Numbers,
           sentences_all: list[Fact] | None = None) -> list[CourseRun]:
    """The relationship's course by year: runs of years of one state, the latest BOTTOM_LINE_RUNS;
    when no dated sentence says cooperation or tension, the balance of `sentences_all` (see `_overall`)."""
    by_year: dict[str, list[Fact]] = {}
    for fact in sentences:
        by_year.setdefault(date_of(fact)[:4], []).append(fact)
    runs: list[tuple[str, list[str]]] = []
    for year in sorted(by_year):
        state = _year_state(by_year[year])
        if not state:
            continue
        if runs and runs[-1][0] == state:
            runs[-1][1].append(year)
        else:
            runs.append((state, [year]))
    runs = runs[-BOTTOM_LINE_RUNS:]
    if not runs:
        return _overall(corpus, sentences_all or [], numbers)
    out = []
    for index, (state, years) in enumerate(runs):
        pool = [f for y in years for f in by_year[y]
                if f.stance == state or (state == "balanced" and f.stance != "neutral")]
        chosen = sorted(pool, key=lambda f: (-score(f, ""), date_of(f), f.id))[:BOTTOM_LINE_LINKS]
        text = _run_text(state, years[0], years[-1], index == len(runs) - 1)
        links = [numbers.link(source_link(corpus, f, ENTITY_ROOT))
                 for f in sorted(chosen, key=lambda f: (date_of(f), f.id))]
        out.append(CourseRun(text, links))
    return out


def bottom_line(corpus: Corpus, facts: list[Fact], sources: int, stones: list[Milestone],
                figures: list[KeyFigure], series: list[FigureSeries]) -> BottomLine:
    """The opening paragraph's parts (see the module docstring)."""
    numbers = _Numbers()
    sentences = [f for f, _ in main_facts(facts)]
    years = sorted({date_of(f)[:4] for f in sentences})
    period = _span(years[0], years[-1]) if years else ""
    runs = course(corpus, sentences, numbers, undated_sentences(facts) + sentences)
    counts = Counter(s for f in facts for s in f.sectors if s in corpus.by_sector)
    top = sorted(counts, key=lambda s: (-counts[s], s))[:BOTTOM_LINE_SECTORS]
    shares = [SectorShare(Link(sector_label(s, corpus.sectors), Markup(f"#sector-{slug(s)}")),  # noqa: S704
                          counts[s]) for s in top]
    latest = stones[-1] if stones else None
    stone_links = [numbers.link(link) for link in latest.sources[:BOTTOM_LINE_LINKS]] if latest else []
    figure = headline(figures, series)
    figure_link = numbers.link(figure.source) if figure else None
    return BottomLine(len(facts), sources, period, runs, shares, latest, stone_links, figure, figure_link)


def undated_sentences(facts: list[Fact]) -> list[Fact]:
    """The first fact of each sentence none of whose facts is dated, in source order."""
    dated = {(f.document, f.sentence) for f in facts if date_of(f)}
    out: dict[tuple[str, int], Fact] = {}
    for fact in sorted(facts, key=lambda f: (f.document, f.sentence, len(f.id), f.id)):
        out.setdefault((fact.document, fact.sentence), fact)
    return [f for key, f in out.items() if key not in dated]


# --- sectors -------------------------------------------------------------------------------------


def _sectors(corpus: Corpus, facts: list[Fact]) -> list[SectorSection]:
    groups: dict[str, list[Fact]] = {}
    for fact in facts:
        for sector in fact.sectors:
            if sector in corpus.by_sector:
                groups.setdefault(sector, []).append(fact)
    order = sorted(groups, key=lambda s: (-len(groups[s]), s))
    out = []
    for s in order:
        dated = main_facts(groups[s])
        per_year = Counter(date_of(f)[:4] for f, _ in dated)
        undated = len(undated_sentences(groups[s]))
        out.append(SectorSection(
            Markup(f"sector-{slug(s)}"),  # noqa: S704 -- slug() admits [a-z0-9._-] only
            sector_link(corpus, s, ENTITY_ROOT),
            stance_count(groups[s]),
            [Link(f"{y} ({per_year[y]})", Markup(f"#y-{slug(y)}"))  # noqa: S704 -- slug only
             for y in sorted(per_year)],
            undated,
        ))
    return out


def _actors(corpus: Corpus, facts: list[Fact]) -> list[ActorRow]:
    counts: dict[str, int] = {}
    for fact in facts:
        for actor in fact.actors:
            if actor in corpus.actors:
                counts[actor] = counts.get(actor, 0) + 1
    order = sorted(counts, key=lambda a: (-counts[a], corpus.actors[a].name, a))
    return [
        ActorRow(actor_link(corpus, a, ENTITY_ROOT), readable(corpus.actors[a].type), counts[a])
        for a in order
    ]


def brief_tags(pair: Pair, facts: list[Fact], corpus: Corpus) -> list[str]:
    """Return the Material tags of a brief: its own pair slug, sector ids and actor types of its facts."""
    tags = {pair.slug}
    tags |= {s for f in facts for s in f.sectors if s in corpus.by_sector}
    tags |= {corpus.actors[a].type for f in facts for a in f.actors if a in corpus.actors}
    return sorted(t for t in tags if t)


def brief_context(corpus: Corpus, ident: str) -> BriefContext:
    """Build the view model of the brief of a pair, given its slug (such as "cn-it")."""
    pair = Pair.from_slug(ident)
    facts = corpus.by_pair[pair]
    as_of = max((date_of(f) for f in facts), default="")
    title = pair_title(pair.json, corpus.country_weight)
    tags = brief_tags(pair, facts, corpus)
    per_doc = Counter(f.document for f in facts)
    top = sorted(per_doc, key=lambda d: (-per_doc[d], d))[:MAX_LISTED]
    docs = sorted(top, key=lambda d: (corpus.documents[d].title or d, d))
    figures, series = split_series(figure_rows(corpus, facts, pair, title))
    stones = milestones(corpus, facts)
    undated = undated_sentences(facts)
    actors = _actors(corpus, facts)
    return BriefContext(
        pair=pair.slug,
        title=title,
        tags=tags,
        meta=front_matter(title, tags),
        as_of=as_of,
        fact_count=len(facts),
        source_count=len(per_doc),
        howto=HOWTO,
        data=DATA,
        bottom_line=bottom_line(corpus, facts, len(per_doc), stones, figures, series),
        milestones=stones,
        scoring_note=SCORING_NOTE,
        key_points=[fact_view(corpus, f, ENTITY_ROOT) for f in key_points(facts, as_of)],
        key_figures=figures[-MAX_LISTED:],
        key_figures_more=max(0, len(figures) - MAX_LISTED),
        series=series,
        timeline=timeline(corpus, facts, ENTITY_ROOT),
        undated=[fact_view(corpus, f, ENTITY_ROOT) for f in weightiest(undated, MAX_LISTED)],
        undated_more=max(0, len(undated) - MAX_LISTED),
        sectors=_sectors(corpus, facts),
        actors=actors[:MAX_LISTED],
        actors_more=max(0, len(actors) - MAX_LISTED),
        sources=[
            Link(corpus.documents[d].title or d, href(ENTITY_ROOT, "sources", d)) for d in docs
        ],
        sources_more=len(per_doc) - len(docs),
        chart=stance_bars(year_rows(facts), f"Facts per year by stance: {title}"),
        search=search_meta(corpus, title, facts, {"pair": {pair.slug}}),
        cite=Cite(title, as_of, build_date(corpus), Link(f"briefs/{pair.slug}/", Markup("index.md"))),
        downloads=list(DOWNLOADS),
    )


def brief_entities(corpus: Corpus) -> list[Entity]:
    """Every brief page with its facts."""
    return [Entity(f"briefs/{p.slug}/index.md", p.slug, corpus.by_pair[p]) for p in corpus.brief_pairs]


def brief_pages(corpus: Corpus) -> list[tuple[str, BriefContext]]:
    """Return (relative path, context) of every brief page."""
    return [(f"briefs/{p.slug}/index.md", brief_context(corpus, p.slug)) for p in corpus.brief_pairs]
