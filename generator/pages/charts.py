"""Inline SVG charts (no JavaScript, no external assets): facts per year stacked by stance."""

from __future__ import annotations

import html

from markupsafe import Markup

from generator.content.vocabulary import STANCES

STANCE_ORDER = STANCES
_BAR, _GAP, _HEIGHT, _TOP, _BOTTOM, _LEFT = 28, 12, 120, 16, 22, 28


def stance_bars(rows: list[tuple[str, dict[str, int]]], title: str) -> Markup:
    """Return an SVG bar chart, one bar per (label, counts by stance) row, stacked by stance.

    Colours come from CSS classes (briefs-cooperation, ...) so the chart follows the light/dark
    palette; the whole figure is one raw HTML block without blank lines.
    """
    if not rows:
        return Markup("")
    peak = max(sum(counts.values()) for _, counts in rows) or 1
    width = _LEFT + len(rows) * (_BAR + _GAP)
    height = _TOP + _HEIGHT + _BOTTOM
    label = html.escape(title, quote=True)
    parts = [
        f'<figure class="briefs-chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{label}" viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f"<title>{label}</title>",
        f'<text class="briefs-axis" x="0" y="{_TOP - 4}">{peak}</text>',
        f'<line class="briefs-axis" x1="{_LEFT - 4}" y1="{_TOP + _HEIGHT}" '
        f'x2="{width}" y2="{_TOP + _HEIGHT}"/>',
    ]
    for index, (name, counts) in enumerate(rows):
        parts.extend(_bar(index, html.escape(name, quote=True), counts, peak))
    parts.append("</svg>")
    parts.append(f"<figcaption>{_legend()}</figcaption></figure>")
    return Markup("\n".join(parts))  # noqa: S704 -- numbers and html.escape()d labels only


def _bar(index: int, name: str, counts: dict[str, int], peak: int) -> list[str]:
    x = _LEFT + index * (_BAR + _GAP)
    y = _TOP + _HEIGHT
    out = []
    for stance in STANCE_ORDER:
        value = int(counts.get(stance, 0))
        if not value:
            continue
        h = round(_HEIGHT * value / peak)
        y -= h
        out.append(
            f'<rect class="briefs-{stance}" x="{x}" y="{y}" width="{_BAR}" height="{h}">'
            f"<title>{name}: {value} {stance}</title></rect>"
        )
    total = sum(int(v) for v in counts.values())
    out.append(
        f'<text class="briefs-axis" x="{x + _BAR // 2}" y="{y - 3}" text-anchor="middle">{total}</text>'
    )
    out.append(
        f'<text class="briefs-axis" x="{x + _BAR // 2}" y="{_TOP + _HEIGHT + 15}" '
        f'text-anchor="middle">{name}</text>'
    )
    return out


def _legend() -> str:
    return " ".join(f'<span class="briefs-key briefs-{s}">{s}</span>' for s in STANCE_ORDER)


_SPARK_W, _SPARK_H, _SPARK_PAD = 120, 28, 3


def sparkline(points: list[tuple[str, float]], title: str) -> Markup:
    """Return a small inline SVG line of (label, value) points, oldest first, with a dot at each point
    titled by its label (no axes; a table beside it gives the values)."""
    if len(points) < 2:
        return Markup("")
    values = [v for _, v in points]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = (_SPARK_W - 2 * _SPARK_PAD) / (len(points) - 1)
    rise = _SPARK_H - 2 * _SPARK_PAD
    coords = [(_SPARK_PAD + i * step, _SPARK_PAD + rise * (1 - (v - low) / span))
              for i, v in enumerate(values)]
    label = html.escape(title, quote=True)
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    dots = "".join(
        f'<circle class="briefs-spark-dot" cx="{x:.1f}" cy="{y:.1f}" r="2">'
        f"<title>{html.escape(name, quote=True)}</title></circle>"
        for (x, y), (name, _) in zip(coords, points, strict=True))
    return Markup(  # noqa: S704 -- numbers and html.escape()d labels only
        f'<figure class="briefs-sparkline"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{label}" viewBox="0 0 {_SPARK_W} {_SPARK_H}" width="{_SPARK_W}" height="{_SPARK_H}">'
        f'<title>{label}</title><polyline class="briefs-spark" fill="none" stroke="currentColor" '
        f'stroke-width="1.5" points="{line}"/>{dots}</svg></figure>')
