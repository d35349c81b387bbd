"""The compare page: the stance-by-year chart of every brief as small multiples on one shared scale.

Every chart has the same size, the same years on its x axis (every year in which any brief has a dated
fact) and the same y axis (0 to the largest count of one year in any brief), so their bars can be
compared across pairs. The counts per year are those of the brief's own chart (`brief.year_rows`).
Each chart is inline SVG: no script, no external asset, numbers and escaped labels only, a title and a
description for screen readers, and stances told apart by pattern as well as colour.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.content.vocabulary import STANCES
from generator.facts.model import Pair
from generator.pages.brief import year_rows
from generator.pages.corpus import Corpus
from generator.pages.views import SECTION_ROOT, Link, front_matter, href, pair_link

COMPARE_ROOT = SECTION_ROOT
# Layout of one small multiple, in SVG user units (the figure scales to its column).
_PLOT_W, _PLOT_H, _TOP, _BOTTOM, _LEFT, _RIGHT = 240, 72, 12, 16, 26, 6
_BAR_SHARE = 0.8  # of a year's column; the rest is the gap between bars
# Stances drawn with a pattern over their colour, so they differ without colour too.
_PATTERNS = {
    "tension": '<pattern id="briefs-compare-tension" width="4" height="4" patternUnits="userSpaceOnUse" '
               'patternTransform="rotate(45)"><rect width="1.5" height="4" fill="#fff" fill-opacity="0.65"/>'
               "</pattern>",
    "neutral": '<pattern id="briefs-compare-neutral" width="4" height="4" patternUnits="userSpaceOnUse">'
               '<circle cx="2" cy="2" r="0.9" fill="#fff" fill-opacity="0.75"/></pattern>',
}
_SWATCH = 12  # legend swatch size


@dataclass(frozen=True)
class CompareChart:
    """One brief's small multiple and the numbers it draws."""

    link: Link = field(metadata={"help": "link to the brief (use link.url inside raw HTML)"})
    svg: Markup = field(metadata={"help": "inline SVG, drawn on the page's shared scale"})
    facts: int = field(metadata={"help": "facts of the pair"})
    dated: int = field(metadata={"help": "dated facts of the pair (what the chart counts)"})
    cooperation: int = field(metadata={"help": "dated facts of stance cooperation"})
    tension: int = field(metadata={"help": "dated facts of stance tension"})
    neutral: int = field(metadata={"help": "dated facts of stance neutral"})
    busiest: str = field(metadata={
        "help": "the year with most dated facts and its count, e.g. '2019 (9)', or '—'"})


@dataclass(frozen=True)
class CompareContext:
    """Everything templates/compare.md.j2 receives."""

    meta: Markup = field(metadata={"help": "YAML front matter"})
    peak: int = field(metadata={"help": "the shared y scale: most dated facts of one pair in one year"})
    first_year: str = field(metadata={"help": "first year of the shared x axis, or ''"})
    last_year: str = field(metadata={"help": "last year of the shared x axis, or ''"})
    year_count: int = field(metadata={"help": "years on the shared x axis (those with a dated fact)"})
    charts: list[CompareChart] = field(metadata={"help": "one per brief, by title"})
    defs: Markup = field(metadata={"help": "hidden SVG with the stance patterns the charts use"})
    legend: Markup = field(metadata={"help": "stance legend (raw HTML: swatches with pattern and name)"})
    briefs: Link = field(metadata={"help": "link to the list of briefs"})
    how_to_read: Link = field(metadata={"help": "link to the How to read a brief page"})


def _num(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing '.0' (deterministic text)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _segment(x: float, y: float, width: float, height: float, stance: str, tip: str) -> list[str]:
    """One stance's part of a bar: its colour (class) with a tooltip, and its pattern over it."""
    box = f'x="{_num(x)}" y="{_num(y)}" width="{_num(width)}" height="{_num(height)}"'
    out = [f'<rect class="briefs-{stance}" {box}><title>{tip}</title></rect>']
    if stance in _PATTERNS:
        out.append(f'<rect {box} fill="url(#briefs-compare-{stance})" pointer-events="none"/>')
    return out


def small_multiple(ident: str, title: str, counts: dict[str, dict[str, int]], years: list[str],
                   peak: int) -> Markup:
    """Return one brief's stacked stance-by-year bars as SVG on the shared scale: `years` on x (all
    charts the same), 0 to `peak` on y. `ident` (a slug) makes the title and description ids unique."""
    width, height = _LEFT + _PLOT_W + _RIGHT, _TOP + _PLOT_H + _BOTTOM
    base = _TOP + _PLOT_H
    column = _PLOT_W / max(1, len(years))
    bar = column * _BAR_SHARE
    name = html.escape(title, quote=True)
    totals = {y: sum(c.values()) for y, c in counts.items()}
    dated = sum(totals.values())
    by_stance = {s: sum(c.get(s, 0) for c in counts.values()) for s in STANCES}
    if dated:
        top = max(sorted(totals), key=lambda y: totals[y])
        summary = (f"{dated} dated facts in {len(counts)} of the {len(years)} years charted; "
                   + ", ".join(f"{by_stance[s]} {s}" for s in STANCES)
                   + f"; most in {top} ({totals[top]}).")
    else:
        summary = "No dated facts."
    scale = f"Shared scale: 0 to {peak} facts a year, {years[0]}–{years[-1]}." if years else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="cmp-{ident}-t cmp-{ident}-d" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" data-scale-max="{peak}">',
        f'<title id="cmp-{ident}-t">{name}: facts per year by stance</title>',
        f'<desc id="cmp-{ident}-d">{html.escape(summary)} {html.escape(scale)}</desc>',
        f'<line class="briefs-axis" x1="{_LEFT - 2}" y1="{_TOP}" x2="{_LEFT + _PLOT_W}" y2="{_TOP}" '
        'stroke-dasharray="2 3"/>',
        f'<text class="briefs-axis" x="{_LEFT - 4}" y="{_TOP + 4}" text-anchor="end">{peak}</text>',
        f'<text class="briefs-axis" x="{_LEFT - 4}" y="{base}" text-anchor="end">0</text>',
    ]
    for index, year in enumerate(years):
        year_counts = counts.get(year, {})
        x, y = _LEFT + index * column + (column - bar) / 2, float(base)
        for stance in STANCES:
            value = int(year_counts.get(stance, 0))
            if value and peak:
                h = _PLOT_H * value / peak
                y -= h
                parts.extend(_segment(x, y, bar, h, stance, f"{name}, {year}: {value} {stance}"))
    parts.append(f'<line class="briefs-axis" x1="{_LEFT - 2}" y1="{base}" x2="{_LEFT + _PLOT_W}" '
                 f'y2="{base}"/>')
    if years:
        label_y = base + _BOTTOM - 4
        parts.append(f'<text class="briefs-axis" x="{_LEFT}" y="{label_y}">{years[0]}</text>')
        if len(years) > 1:
            parts.append(f'<text class="briefs-axis" x="{_LEFT + _PLOT_W}" y="{label_y}" '
                         f'text-anchor="end">{years[-1]}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 -- numbers, slugs and html.escape()d text only


def pattern_defs() -> Markup:
    """A hidden, zero-size SVG that defines the stance patterns once for the whole page."""
    return Markup(  # noqa: S704 -- constant markup
        '<svg width="0" height="0" aria-hidden="true" focusable="false" style="position:absolute">'
        f"<defs>{''.join(_PATTERNS[s] for s in STANCES if s in _PATTERNS)}</defs></svg>"
    )


def legend() -> Markup:
    """One swatch (colour and pattern) and name per stance."""
    items = []
    for stance in STANCES:
        segment = "".join(_segment(0, 0, _SWATCH, _SWATCH, stance, stance))
        items.append(f'<span class="briefs-compare-key"><svg width="{_SWATCH}" height="{_SWATCH}" '
                     f'aria-hidden="true" focusable="false">{segment}</svg> {stance}</span>')
    return Markup(" ".join(items))  # noqa: S704 -- constant markup and vocabulary names


def compare_context(corpus: Corpus) -> CompareContext:
    """Build the view model of the compare page: one chart per brief, all on one scale."""
    rows = {pair: dict(year_rows(corpus.by_pair[pair])) for pair in corpus.brief_pairs}
    years = sorted({year for counts in rows.values() for year in counts})
    peak = max((sum(c.values()) for counts in rows.values() for c in counts.values()), default=0)
    links = {pair: pair_link(corpus, pair, COMPARE_ROOT) for pair in rows}
    charts = [_chart(corpus, pair, links[pair], rows[pair], years, peak)
              for pair in sorted(rows, key=lambda p: (links[p].label, p))]
    return CompareContext(
        meta=front_matter("Compare briefs", [], indexed=False),
        peak=peak,
        first_year=years[0] if years else "",
        last_year=years[-1] if years else "",
        year_count=len(years),
        charts=charts,
        defs=pattern_defs(),
        legend=legend(),
        briefs=Link("Briefs", href(COMPARE_ROOT, "briefs")),
        how_to_read=Link("How to read a brief", href(COMPARE_ROOT, "how-to-read")),
    )


def _chart(corpus: Corpus, pair: Pair, link: Link, counts: dict[str, dict[str, int]], years: list[str],
           peak: int) -> CompareChart:
    totals = {y: sum(c.values()) for y, c in counts.items()}
    top = max(sorted(totals), key=lambda y: totals[y]) if totals else ""
    return CompareChart(
        link=link,
        svg=small_multiple(pair.slug, link.label, counts, years, peak),
        facts=len(corpus.by_pair[pair]),
        dated=sum(totals.values()),
        cooperation=sum(c.get("cooperation", 0) for c in counts.values()),
        tension=sum(c.get("tension", 0) for c in counts.values()),
        neutral=sum(c.get("neutral", 0) for c in counts.values()),
        busiest=f"{top} ({totals[top]})" if top else "—",
    )


def compare_pages(corpus: Corpus) -> list[tuple[str, CompareContext]]:
    """Return the compare page."""
    return [("compare/index.md", compare_context(corpus))]
