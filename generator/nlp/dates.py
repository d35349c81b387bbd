"""Temporal expressions: finds dates in sentences and resolves partial or relative ones to ISO values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil import parser as _du

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_MONTH_NUM = {m: i + 1 for i, m in enumerate(_MONTHS)} | {m[:3]: i + 1 for i, m in enumerate(_MONTHS)}
_MONTH_NUM["sept"] = 9
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_STEP = {"this": 0, "last": -1, "next": 1, "following": 1, "after": 1, "later": 1, "previous": -1,
         "preceding": -1, "prior": -1, "before": -1, "earlier": -1, "yesterday": -1, "tomorrow": 1}

_FULL = "|".join(m.capitalize() for m in _MONTHS)
_MON = rf"(?P<mon>(?:{_FULL}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
_Y = r"(?P<y>1[89]\d\d|20\d\d|2100)\b"
_D = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*[-–]\s*[0-3]?\d)?"
_REL = r"(?P<rel>,?\s+(?:of\s+)?(?P<rq>this|last|next)\s+year)?"
_WD = "|".join(w.capitalize() for w in _WEEKDAYS)
_QUANTITY_WORDS = (r"per\s*cent|percent|million|billion|trillion|thousand|people|persons|troops|soldiers|"
                   r"tons?|tonnes|km|kilomet(?:er|re)s|miles|met(?:er|re)s|[mgk]w|units|hours|hrs|gmt|utc|"
                   r"dollars|euros?|yuan|rupees|yen|barrels|vehicles|jobs|workers|students|feet")

# Explicit kinds come first: a longer written date must win over its pieces (overlaps are dropped).
_RX = {
    "iso": re.compile(r"(?<![\d-])(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d-])"),
    "num": re.compile(r"(?<![\d.:/-])(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})(?![\d:])"),
    "dmy": re.compile(rf"(?<![\w.,\-–]){_D}(?:\s+of)?\s+{_MON},?\s+{_Y}"),
    "mdy": re.compile(rf"\b{_MON}\s+{_D},?\s+{_Y}"),
    "my": re.compile(rf"\b{_MON},?\s+(?:of\s+)?{_Y}"),
    "fuzzy": re.compile(rf"\b(?P<w>[A-Za-z]{{3,11}})\.?\s+{_Y}"),
    "decade": re.compile(r"\b(?P<y>1[89]\d0|20\d0)'?s\b"),
    "range": re.compile(r"(?<![\d.,$€£/-])\b(?P<y>1[89]\d\d|20\d\d)\s*[-–—/]\s*(?P<y2>\d{4}|\d{2})\b"
                        r"(?![-–/.]?\d)"),
    "year": re.compile(r"\b(?P<y>1[89]\d\d|20\d\d|2100)\b"),
    "md": re.compile(rf"\b{_MON}\s+{_D}\b(?![.,:]?\d|\s*%){_REL}"),
    "dm": re.compile(rf"(?<![\w.,\-–]){_D}(?:\s+of)?\s+{_MON}{_REL}"),
    "mon": re.compile(r"\b(?P<pre>(?i:in|since|until|till|by|from|during|through|throughout|before|after"
                      r"|early|late|mid|end of|beginning of|start of|and|or|to|between|last|this|next))[\s-]+"
                      rf"(?:(?i:early|late|mid)[\s-]+)?(?P<mon>{_FULL})\b{_REL}"),
    "offset": re.compile(r"(?i:\bthe\s+(?P<dir>next|following|previous|preceding|prior)\s+"
                         r"(?P<u>day|month|year)|\bthe\s+day\s+(?P<dir2>before|after)"
                         r"|\ba\s+(?P<u3>day|month|year)\s+(?P<dir3>later|earlier|before|after))\b"),
    "rely": re.compile(r"(?<![Tt]he )\b(?P<q>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<u>year|month)\b"),
    "weekday": re.compile(r"\b(?:(?P<q>(?i:last|next|this|on|earlier|later|late|early|since|by|until|from))"
                          rf"\s+)?(?P<wd>{_WD})\b(?!,?\s+(?:\d|{_FULL}))"),
    "recent": re.compile(r"\b[Rr]ecently\b"),
    "deictic": re.compile(r"\b(?P<w>[Nn]ow|[Tt]oday|[Yy]esterday|[Tt]omorrow)\b"),
}
_EXPLICIT = ("iso", "num", "dmy", "mdy", "my", "fuzzy", "decade", "range", "year")
_HINT = re.compile(r"\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|year|month|recent|now"
                   r"|tomorrow)")
_YEAR_BAD_BEFORE = re.compile(
    r"(?:[\d$€£¥#.,:/]|\b(?:no|nos|number|resolution|flight|route|article|section|pages?|room|model|code|type"
    r"|class|version|vol|chapter|rule|line|bus|highway|item|paragraph|art|usd|eur|gbp|inr|rs|cny|rmb|some"
    r"|about|nearly|almost|over|approximately|roughly)\.?\s+)$", re.I)
_YEAR_TIME_BEFORE = re.compile(r"\b(?:in|since|until|till|by|during|from|before|after|of|early|late|mid)\s+$",
                               re.I)
# A date after "since" opens a span reaching the present: it is not a narrative point to anchor on.
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$", re.I)
_YEAR_BAD_AFTER = re.compile(rf"^(?:[.,:]\d|\d|\s*%|\s*(?:{_QUANTITY_WORDS})\b)", re.I)
_YEAR_HYPHEN_OK = re.compile(r"(?:\b[A-Z][A-Z0-9]+|\b(?i:mid|pre|post|early|late|end|fiscal|fy|circa))-$")
_PAST = re.compile(r"\b(?:was|were|had|did|said|told|met|held|took|made|[a-z]\w{2,}[^e\W]ed)\b")
_FUTURE = re.compile(r"\b(?:will|shall|would|going to|upcoming|scheduled|expected|due to|plans? to|set to)\b"
                     r"|'ll\b")
_NOW_BAD_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|by|until|till|from|right|just|even|for|as"
                             r"|than|up|and|or)\s+$", re.I)
_FINITE_AFTER = re.compile(r"^\s+(?!(?:its|was|this|his|yes|less|unless|across|plus)\b)"
                           r"(?:has|have|[a-z]+(?<!ss)(?<!us)(?<!is)s|[a-z]{2,}ed)\b")
_PAST_NEAR = re.compile(r"(?:\b(?:said|told|met|held|took|made|signed|announced|[a-z]{2,}ed)\s+$"
                        r"|^\s+(?:said|told|met|held|took|made|[a-z]{2,}ed)\b)")
_WEEKDAY_NAMES = frozenset("black good super ash bloody cyber holy easter palm maundy blue shrove".split())
_FUZZY_STOP = frozenset("augusta augustus marches marched marcher".split())
_NAME_BEFORE = re.compile(r"\b(?!(?:On|In|By|Since|Until|From|Before|After|Early|Late|Mid|Last|Next|This|The"
                          r"|Of)\b)[A-Z][a-z]+\s+$")


_DIGIT = re.compile(r"\d")
_MONTH_HINT = re.compile(rf"\b(?:{_FULL}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")
_WEEKDAY_HINT = re.compile(rf"\b(?:{_WD})\b")
# Which kinds can match at all, from cheap tests: most sentences need few of the 17 patterns.
_NEEDS = {
    "iso": "digit", "num": "digit", "dmy": "digit", "mdy": "digit", "my": "digit", "fuzzy": "digit",
    "decade": "digit", "range": "digit", "year": "digit", "md": "month", "dm": "month", "mon": "month",
    "offset": "unit", "rely": "unit", "weekday": "weekday", "recent": "recent", "deictic": "deictic",
}


@lru_cache(maxsize=64)
def _kinds(flags: frozenset[str]) -> tuple[str, ...]:
    return tuple(kind for kind in _RX if _NEEDS[kind] in flags)


def _kinds_for(sentence: str) -> tuple[str, ...]:
    """The pattern kinds worth running on a sentence, in priority order."""
    low = sentence.lower()
    flags = {
        "digit": bool(_DIGIT.search(sentence)),
        "month": bool(_MONTH_HINT.search(sentence)),
        "unit": "day" in low or "month" in low or "year" in low,
        "weekday": bool(_WEEKDAY_HINT.search(sentence)),
        "recent": "recently" in low,
        "deictic": "now" in low or "today" in low or "yesterday" in low or "tomorrow" in low,
    }
    return _kinds(frozenset(k for k, on in flags.items() if on))


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
        self._ref = parse_date(reference_date) if reference_date else None
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
def parse_date(text: str) -> DateValue | None:
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
