"""Temporal expressions: finds dates in sentences and resolves partial or relative ones to ISO values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil import parser as _du

from generator.nlp.date_patterns import (  # noqa: F401
    _EXPLICIT,
    _FINITE_AFTER,
    _FUTURE,
    _FUZZY_STOP,
    _HINT,
    _MONTH_NUM,
    _MONTHS,
    _NAME_BEFORE,
    _NOW_BAD_BEFORE,
    _PAST,
    _PAST_NEAR,
    _RX,
    _SINCE_BEFORE,
    _STEP,
    _WEEKDAY_NAMES,
    _WEEKDAYS,
    _YEAR_BAD_AFTER,
    _YEAR_BAD_BEFORE,
    _YEAR_HYPHEN_OK,
    _YEAR_TIME_BEFORE,
    _kinds_for,
)


@dataclass(frozen=True)
class DateValue:
    """One temporal expression of a sentence and the ISO date it denotes."""

    value: str  # ISO: "2019", "2019-03" or "2019-03-23"
    precision: str  # "year" | "month" | "day"
    relative: bool  # the year was resolved from context, not written in the expression
    text: str  # the expression as written
    start: int  # character offsets within the sentence passed in
    end: int


_YMD = tuple[int, int | None, int | None]
_Cand = tuple[int, int, str, dict[str, str | None], DateValue | None]


def _make(ymd: _YMD | None, relative: bool, s: str, start: int, end: int) -> DateValue | None:
    """Build a validated DateValue (None for impossible or implausible dates)."""
    if ymd is None:
        return None
    y, m, d = ymd
    if not 1800 <= y <= 2100:
        return None
    try:
        date(y, m or 1, d or 1)
    except ValueError:
        return None
    value = f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if m and d else "")
    precision = "day" if m and d else "month" if m else "year"
    return DateValue(value, precision, relative, s[start:end], start, end)


def _parts(dv: DateValue) -> _YMD:
    bits = [int(x) for x in dv.value.split("-")] + [0, 0]
    return bits[0], bits[1] or None, bits[2] or None


def _month(name: str | None) -> int | None:
    return _MONTH_NUM.get(name.lower().rstrip(".")) if name else None


def _edits(a: str, b: str) -> int:
    """Insert/delete/transpose distance; a substitution costs 2 so that "Marco" stays far from "March"."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 2
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=4096)
def _fuzzy_month(word: str) -> int | None:
    """Month of a (possibly misspelled) month name, only when the closest month is unambiguous."""
    w = word.lower()
    if w in _MONTH_NUM:
        return _MONTH_NUM[w]
    if len(w) < 5 or w in _FUZZY_STOP:
        return None
    limit = 1 if len(w) <= 6 else 2
    scored = sorted((_edits(w, m), i + 1) for i, m in enumerate(_MONTHS) if len(m) >= 5)
    best, month = scored[0]
    return month if best <= limit and scored[1][0] > best else None


def _plausible_year(s: str, start: int, end: int) -> bool:
    """Whether a bare four-digit number reads as a year rather than a count, code or amount."""
    before, after = s[max(0, start - 16):start], s[end:end + 16]
    if before.endswith("-"):
        return bool(_YEAR_HYPHEN_OK.search(before))
    if _YEAR_BAD_BEFORE.search(before):
        return False
    return bool(_YEAR_TIME_BEFORE.search(before)) or not _YEAR_BAD_AFTER.match(after)


def _explicit(kind: str, g: dict[str, str | None], s: str, start: int, end: int) -> _YMD | None:
    """Year, month and day of a match whose year is written in it."""
    y = int(g["y"] or 0)
    if kind == "iso":
        return y, int(g["m"] or 0), int(g["d"] or 0)
    if kind == "num":  # NN-NN-YYYY: day-first unless the first number cannot be a day-of-month pair
        a, b = int(g["a"] or 0), int(g["b"] or 0)
        return (y, b, a) if b <= 12 else (y, a, b)
    if kind == "fuzzy":
        m = _fuzzy_month(g["w"] or "")
        return (y, m, None) if m else None
    if kind == "range":
        y2 = g["y2"] or ""
        if len(y2) == 2 and int(y2) != (y + 1) % 100 and 1 <= int(y2) <= 12:
            return y, int(y2), None  # ISO year-month such as 2019-03
        full = int(y2) if len(y2) == 4 else y - y % 100 + int(y2)
        return (y, None, None) if y < full <= y + 50 else None
    if kind == "year" and not _plausible_year(s, start, end):
        return None
    return y, _month(g.get("mon")), int(g.get("d") or 0) or None


def _span(kind: str, m: re.Match[str]) -> tuple[int, int]:
    """Character span reported for a match: prepositions are context, qualifiers are part of the text."""
    g = m.groupdict()
    if kind == "mon" and (g["pre"] or "").lower() not in ("last", "this", "next"):
        return m.start("mon"), m.end()
    if kind == "weekday" and g["q"] and g["q"].lower() in ("on", "since", "by", "until", "from"):
        return m.start("wd"), m.end()
    return m.start(), m.end()


def _keep_relative(kind: str, m: re.Match[str], s: str) -> bool:
    """Context checks of partial and deictic matches that cannot be told apart by the regex alone."""
    g, before, after = m.groupdict(), s[max(0, m.start() - 16):m.start()], s[m.end():m.end() + 24]
    if kind == "mon" and g["mon"] == "May":  # "to May", "by May" usually mean Theresa May
        return (g["pre"] or "").lower() not in ("and", "or", "to", "by", "from", "after", "before", "through")
    if kind == "md" and g["mon"] == "May":  # "Theresa May 5 times" but "On May 5"
        return not _NAME_BEFORE.search(before)
    if kind == "weekday":
        words = before.split()
        return g["q"] is not None or not words or words[-1].lower() not in _WEEKDAY_NAMES
    if kind == "deictic" and (g["w"] or "").lower() == "now":
        return not _NOW_BAD_BEFORE.search(before) and bool(_FINITE_AFTER.match(after))
    if kind == "deictic" and (g["w"] or "").lower() == "today":
        return bool(_PAST_NEAR.search(before) or _PAST_NEAR.search(after))
    return True


def _candidates(s: str, kinds: tuple[str, ...]) -> list[_Cand]:
    """Non-overlapping matches in textual order; earlier kinds win overlaps."""
    taken: list[tuple[int, int]] = []
    out: list[_Cand] = []
    for kind in kinds:
        for m in _RX[kind].finditer(s):
            start, end = _span(kind, m)
            if any(start < e and b < end for b, e in taken):
                continue
            g, dv = m.groupdict(), None
            if kind in _EXPLICIT:
                dv = _make(_explicit(kind, g, s, start, end), False, s, start, end)
                if dv is None:
                    continue
            elif not _keep_relative(kind, m, s):
                continue
            taken.append((start, end))
            out.append((start, end, kind, g, dv))
    return sorted(out, key=lambda c: c[0])


def _add_months(y: int, m: int, step: int) -> tuple[int, int]:
    n = y * 12 + m - 1 + step
    return n // 12, n % 12 + 1


def _month_rel(anchor: _YMD, g: dict[str, str | None], s: str, start: int) -> _YMD:
    """A month (and day) without a written year, placed in the anchor's year or a neighbouring one."""
    ay, am, ad = anchor
    mon, day = _month(g["mon"]) or 1, int(g.get("d") or 0) or None
    q = (g.get("pre") or "").lower()
    if g.get("rq"):
        return ay + _STEP[g["rq"] or "this"], mon, day
    if q == "last":
        return (ay if am and mon < am else ay - 1), mon, day
    if q == "next":
        return (ay if am and mon > am else ay + 1), mon, day
    if q == "this" or am is None:
        return ay, mon, day
    key, ref = (mon, day if day and ad else 0), (am, ad if day and ad else 0)
    # A later month told in the past tense is last year's; an earlier one in a future clause, next year's.
    if key < ref and _FUTURE.search(s[max(0, start - 80):start]):
        return ay + 1, mon, day
    if key > ref and _PAST.search(s) and not _FUTURE.search(s):
        return ay - 1, mon, day
    return ay, mon, day


def _shift(base: _YMD, unit: str, step: int) -> _YMD | None:
    """Move a date by a number of days, months or years, if it is precise enough for that unit."""
    y, m, d = base
    if unit == "year":
        return y + step, None, None
    if m is None or (unit == "day" and d is None):
        return None
    if unit == "month":
        return *_add_months(y, m, step), None
    new = date(y, m, d or 1) + timedelta(days=step)
    return new.year, new.month, new.day


def _weekday(anchor: _YMD, g: dict[str, str | None]) -> _YMD | None:
    """The named weekday nearest the anchor day (strictly before/after it for last/next)."""
    if anchor[1] is None or anchor[2] is None:
        return None
    base = date(anchor[0], anchor[1], anchor[2])
    target = _WEEKDAYS.index((g["wd"] or "").lower())
    q = (g["q"] or "").lower()
    if q == "last":
        delta = -((base.weekday() - target) % 7 or 7)
    elif q == "next":
        delta = (target - base.weekday()) % 7 or 7
    else:
        delta = (target - base.weekday()) % 7
        delta = delta - 7 if delta > 3 else delta
    return _shift(anchor, "day", delta)


class DateResolver:
    """Finds and resolves the temporal expressions of one document, sentence by sentence, in order.

    Anchor of an expression without a written year: the last explicit date (year written) earlier in
    the same sentence, else the latest one in the earlier sentences of the paragraph, else the last
    one of the immediately preceding sentence (even across a paragraph break), else reference_date.
    Dates after "since" open a span to the present and never anchor. A month without year that falls
    after the anchor in a past-tense sentence goes to the previous year (and before it, after a future
    marker, to the next). "the next day" and similar offsets count from the last date of any kind in
    the same or previous sentence. "now", "today", "yesterday" are deictic: reference_date first.
    """

    def __init__(self, reference_date: str | None) -> None:
        self._ref = parse_date_value(reference_date) if reference_date else None
        self._para: DateValue | None = None
        self._prev_explicit: DateValue | None = None
        self._prev_last: DateValue | None = None

    def resolve(self, sentence: str, *, new_paragraph: bool = False) -> list[DateValue]:
        """Return the dates of one sentence in textual order (relative ones dropped without anchor)."""
        if new_paragraph:
            self._para = None
        found: list[DateValue] = []
        explicit: DateValue | None = None
        kinds = _kinds_for(sentence)
        cands = _candidates(sentence, kinds) if kinds else ()
        for start, end, kind, g, dv in cands:
            if dv is None:
                anchor = explicit or self._para or self._prev_explicit or self._ref
                last = found[-1] if found else self._prev_last or anchor
                dv = self._relative(kind, g, sentence, (start, end), anchor, last)
            if dv is not None:
                found.append(dv)
                if not dv.relative and not _SINCE_BEFORE.search(sentence[max(0, start - 24):start]):
                    explicit = dv
        self._prev_explicit, self._prev_last = explicit, (found[-1] if found else None)
        self._para = explicit or self._para
        return found

    def _relative(self, kind: str, g: dict[str, str | None], s: str, span: tuple[int, int],
                  anchor: DateValue | None, last: DateValue | None) -> DateValue | None:
        """Resolve one partial or relative expression, or None when nothing anchors it."""
        if kind in ("offset", "deictic"):
            base = last if kind == "offset" else self._ref or anchor
            if base is None:
                return None
            word = (g.get("dir") or g.get("dir2") or g.get("dir3") or g.get("w") or "").lower()
            unit = (g.get("u") or g.get("u3") or "day").lower()
            ymd = _shift(_parts(base), unit, _STEP.get(word, 0)) if _STEP.get(word) else _parts(base)
        elif anchor is None:
            return None
        elif kind == "rely":
            ymd = _shift(_parts(anchor), g["u"] or "", _STEP[(g["q"] or "").lower()])
        elif kind == "weekday":
            ymd = _weekday(_parts(anchor), g)
        elif kind == "recent":
            ymd = _parts(anchor)[0], None, None
        else:
            ymd = _month_rel(_parts(anchor), g, s, span[0])
        return _make(ymd, True, s, *span)


@lru_cache(maxsize=4096)
def parse_date_value(text: str) -> DateValue | None:
    """Parse one standalone date string ("May 29, 2020", "2023-04-20", "10-08-2019") as an absolute date."""
    iso = re.fullmatch(r"\s*(\d{4})-(\d{2})\s*", text)
    if iso:
        return _make((int(iso[1]), int(iso[2]), None), False, text, iso.start(1), iso.end(2))
    for *_, dv in _candidates(text, _EXPLICIT):
        return dv
    return _dateutil(text) if len(text) <= 40 and _HINT.search(text) else None


def _dateutil(text: str) -> DateValue | None:
    """Fallback for unusual formats; the precision is what two different defaults leave unchanged."""
    core = text.strip()
    try:
        a = _du.parse(core, default=datetime(1904, 1, 1), dayfirst=True)
        b = _du.parse(core, default=datetime(1908, 2, 2), dayfirst=True)
    except (ValueError, OverflowError, TypeError, LookupError):
        return None
    if a.year != b.year:
        return None
    m = a.month if a.month == b.month else None
    d = a.day if m and a.day == b.day else None
    start = text.index(core) if core else 0
    return _make((a.year, m, d), False, text, start, start + len(core))
