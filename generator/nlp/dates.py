"""Temporal expressions: finds dates in sentences and resolves partial or relative ones to ISO values."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil import parser as _du

from generator.nlp.date_patterns import (  # noqa: F401
    _ACTION_BEFORE,
    _DIGIT,
    _EXPLICIT,
    _FINITE_AFTER,
    _FULL,
    _FUTURE,
    _FUZZY_STOP,
    _HINT,
    _ID_YEAR_BEFORE,
    _LEAD_CONJUNCTION,
    _MON,
    _MONTH_NUM,
    _MONTHS,
    _NAME_BEFORE,
    _NAMED_AFTER,
    _NEEDS,
    _NOW_BAD_BEFORE,
    _PAST,
    _PAST_NEAR,
    _PLACE_LEAD,
    _RX,
    _SCHEDULED_BEFORE,
    _SINCE_BEFORE,
    _STEP,
    _TODAY_END_AFTER,
    _TODAY_LEAD_AFTER,
    _TODAY_PLACE_AFTER,
    _TODAY_VERB_AFTER,
    _WD,
    _WEEKDAY_NAMES,
    _WEEKDAYS,
    _YEAR_BAD_AFTER,
    _YEAR_BAD_BEFORE,
    _YEAR_HYPHEN_OK,
    _YEAR_TIME_BEFORE,
    CAPTION_END,
    MONTH_NAME,
    _kinds_for,
)
from generator.nlp.numbers import TENS, UNITS
from generator.nlp.textscan import WordFinder, at_word_end, at_word_start, case_folds


@dataclass(frozen=True)
class DateValue:
    """One temporal expression of a sentence and the ISO date it denotes."""

    value: str  # ISO: "2019", "2019-03" or "2019-03-23"
    precision: str  # "year" | "month" | "day"
    relative: bool  # the year was resolved from context, not written in the expression
    text: str  # the expression as written
    start: int  # character offsets within the sentence passed in
    end: int
    inferred: bool = False  # not written: taken from the dated sentence this one continues


def _inferred(dv: DateValue) -> DateValue:
    """The date of an earlier sentence given to one that continues it: not written here (no offsets)."""
    return DateValue(dv.value, dv.precision, dv.relative, dv.text, 0, 0, inferred=True)


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
    if _YEAR_BAD_BEFORE.search(before) or _ID_YEAR_BEFORE.search(s[max(0, start - 40):start]):
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
    if kind == "part":  # the first month of the part
        part = (g["part"] or "").lower()
        if g.get("pn"):  # "the first six months": January; "the last three months": October
            n = _count_of((g["pn"] or "").lower(), 0)
            return (y, 13 - n, None) if part in ("last", "final") and 1 <= n <= 12 else (y, 1, None)
        half = "half" in s[start:end].lower()
        last = 1 if half else 3
        index = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": last, "final": last}[part]
        return y, 1 + index * (6 if half else 3), None
    if kind == "season":
        return y, _SEASON_MONTH[(g["season"] or "").lower()], None
    return y, _month(g.get("mon")), int(g.get("d") or 0) or None


def _span(kind: str, m: re.Match[str]) -> tuple[int, int]:
    """Character span reported for a match: prepositions are context, qualifiers are part of the text."""
    g = m.groupdict()
    if kind == "mon" and (g["pre"] or "").lower() not in ("last", "this", "next"):
        return m.start("mon"), m.end()
    if kind == "weekday" and g["q"] and g["q"].lower() in ("on", "since", "by", "until", "from"):
        return m.start("wd"), m.end()
    if kind == "mocc":
        return m.start("mon"), m.end("mon")
    return m.start(), m.end()


_ACTION_REACH = 110  # characters before a clause-final "today" searched for its verb
# "in ten years" and "for a year" reach back to the present after a superlative ("the first visit in 42
# years",
# "the lowest in a decade") or a present perfect ("has doubled in ten years", "have run high for a year");
# otherwise they are durations or forecasts ("will double in ten years", "jailed for a year")
_SPAN_TO_NOW = re.compile(r"\b(?:first|highest|lowest|largest|biggest|worst|best|longest|strongest"
                          r"|weakest|only|most|least|fewest)\b[^.;:]*$|\b(?:has|have)\s+(?:(?:not|never|also|only|already"
                          r"|been)\s+)*[a-z]+(?:ed|en|wn|ne|ght|t|ung|un)\b[^.;:]*$", re.I)
# "A month after mounting an operation, France says…": the gerund's act lies that long before the present
_GERUND_AFTER = re.compile(r"^\s+[a-z]+ing\b")
_NOW_PROGRESSIVE = re.compile(r"\b(?:is|are|am|has|have)\s+$", re.I)
_UNDER_WAY_AFTER = re.compile(r"^\s+(?:[a-z]+ing|been\s+[a-z]+(?:ed|en|ing))\b")
# "have now set up a committee", "has now agreed": a perfect completed as of the time of writing
_HAVE_BEFORE = re.compile(r"\b(?:has|have)\s+$", re.I)
_PERFECT_AFTER = re.compile(r"^\s+(?:[a-z]{2,}(?:ed|en)|set|made|put|held|won|begun|become|built|sent|struck"
                            r"|taken|given|broken|chosen|drawn|brought|sought|bought|sold|met|paid|led|left)\b")


def _keep_relative(kind: str, m: re.Match[str], s: str) -> bool:
    """Context checks of partial and deictic matches that cannot be told apart by the regex alone."""
    g, before, after = m.groupdict(), s[max(0, m.start() - 16):m.start()], s[m.end():m.end() + 24]
    if kind == "mon" and g["mon"] == "May":  # "to May", "by May" usually mean Theresa May
        return (g["pre"] or "").lower() not in ("and", "or", "to", "by", "from", "after", "before", "through",
                                                "as")
    if kind == "mposs":
        return g["mon"] != "May"  # "May's government"
    if kind == "within":
        return _SPAN_TO_NOW.search(s[max(0, m.start() - 2 * _ACTION_REACH):m.start()]) is not None
    if kind == "recent" and (g["own"] or "").lower() in ("soon", "shortly"):
        return _FUTURE.search(s, max(0, m.start() - 60), m.start()) is not None  # "he soon resigned": no
    if kind in ("md", "dm") and _NAMED_AFTER.match(s[m.end():m.end() + 40]):
        return False
    if kind == "md" and g["mon"] == "May":  # "Theresa May 5 times" but "On May 5"
        return not _NAME_BEFORE.search(before)
    if kind == "weekday":
        words = before.split()
        return g["q"] is not None or not words or words[-1].lower() not in _WEEKDAY_NAMES
    if kind == "deictic" and (g["w"] or "").lower() == "now":
        if after.startswith(" that "):
            return True  # "now that the ice has been broken": as things stand at the time of writing
        if _NOW_PROGRESSIVE.search(before) and _UNDER_WAY_AFTER.match(after):
            return True  # "is now seeking a solution", "have now been downgraded": as of the time of writing
        if _HAVE_BEFORE.search(before) and _PERFECT_AFTER.match(after):
            return True
        return not _NOW_BAD_BEFORE.search(before) and bool(_FINITE_AFTER.match(after))
    if kind == "deictic" and (g["w"] or "").lower() == "today":
        if _PAST_NEAR.search(before) or _PAST_NEAR.search(after) or _TODAYS_OCCASION.match(s, m.end()):
            return True  # "… said today", "at today's UK-Vietnam Strategic Dialogue"
        lead = s[:m.start()]
        opening = not lead.strip(" \"“‘'(") or _LEAD_CONJUNCTION.fullmatch(lead)  # "And today the …"
        if opening or _PLACE_LEAD.fullmatch(lead):  # it opens the sentence, or its dateline
            return bool(_TODAY_LEAD_AFTER.match(s[m.end():m.end() + 60]))  # a subject may come first
        if _TODAY_VERB_AFTER.match(after):
            return True
        clause = s[max(0, m.start() - _ACTION_REACH):m.start()]
        if _TODAY_PLACE_AFTER.match(after) and _ACTION_BEFORE.search(clause):
            return True  # "met with the Foreign Minister today on the margins of …"
        return bool(_TODAY_END_AFTER.match(after)) and bool(_ACTION_BEFORE.search(clause))
    return True


_YEAR_REACH = (48, 16)  # characters a date pattern may span before and after the year it holds


def _year_windows(s: str) -> list[tuple[int, int]]:
    """Merged spans of text around each four-digit number, wide enough for any written date holding it."""
    windows: list[tuple[int, int]] = []
    for m in _DIGIT.finditer(s):
        a, b = max(0, m.start() - _YEAR_REACH[0]), min(len(s), m.end() + _YEAR_REACH[1])
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    return windows


def _candidates(s: str, kinds: tuple[str, ...]) -> list[_Cand]:
    """Non-overlapping matches in textual order; earlier kinds win overlaps."""
    taken: list[tuple[int, int]] = []
    out: list[_Cand] = []
    windows: list[tuple[int, int]] | None = None
    for kind in kinds:
        if _NEEDS[kind] == "digit":  # every such pattern holds a year: scan only around four-digit numbers
            windows = _year_windows(s) if windows is None else windows
            matches: Iterable[re.Match[str]] = (m for a, b in windows for m in _RX[kind].finditer(s, a, b))
        else:
            matches = _RX[kind].finditer(s)
        for m in matches:
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
    clause = _clause_of(s, start)  # "July marks the anniversary, and next January, 70 years since ties were
    if key > ref and (_PAST.search(clause) and not _FUTURE.search(clause)  # established": July's own tense
                      or _SINCE_BEFORE.search(s, 0, start)):
        return ay - 1, mon, day  # "… the first time since the July election": what "since" names is past
    return ay, mon, day


_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s")


def _clause_of(s: str, at: int) -> str:
    """The clause of `s` around character `at`: between the breaks ("; ", ", and ", ", but ") around it."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(s, 0, at)), default=0)
    after = _CLAUSE_BREAK.search(s, at)
    return s[start:after.start() if after else len(s)]


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


_NUMBER = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "several": 3,
           "a couple of": 2}
_BACKWARD = ("earlier", "before", "ago")


def _count_of(words: str, default: int) -> int:
    """The number a counted span is written with: digits, "a", "two", "fifteen", "sixty", "a few" and
    "several" (3), "a couple of" (2); `default` for anything else."""
    if words.isdigit():
        return int(words)
    return _NUMBER.get(words) or UNITS.get(words) or TENS.get(words) or default
_WD_BEFORE = re.compile(rf"\b(?P<wd>{_WD}),?\s+(?:the\s+)?$")
# A sentence that continues the story of the dated sentence before it: its subject points back to it.
_REFER_BACK = re.compile(
    r"^[\"“]?(?:The\s+two\s+[a-z]+|Both\s+(?:sides|leaders|men|women|ministers|countries|delegations|parties"
    r"|presidents|governments)|They|He|She|The\s+(?:leaders|ministers|delegations|sides|parties|meeting|talks"
    r"|visit|summit|agreement|deal|declaration|accord|call|conversation|discussions?|session|ceremony|trip"
    r"|delegation|envoys?)|This|These)\b")
# what a date line holds besides its date: a place of a few words and punctuation ("April 19, 2013, Sochi")
_DATE_LINE_REST = re.compile(r"[\s,.:;()–—-]*(?:[A-Z][\w.'’-]*[\s,.:;()–—-]*){0,4}")
# ... or its opening names the occasion of a dated sentence of its paragraph ("During his three-day stay")
_DURING = re.compile(r"^(?:During|At|After|In|On|Throughout)\s+(?:the|their|his|her|its)\s+"
                     r"(?:[\w-]+\s+){0,2}?(?:visit|stay|tour|meeting|talks|summit|trip|call|conversation|session|discussions?"
                     r"|ceremony)\b")
# ... and writes no time of its own (a sentence in the future, or with "earlier", "since", is another time).
_OWN_TIME = re.compile(
    r"\b(?:since|ago|previously|formerly|earlier|later|until|till|before|once|then|already|still|now|currently"
    r"|recently|soon|future|will|would|shall|could|might|may|plans?\s+to|expected|going\s+to|next|last|past"
    r"|today|tomorrow|yesterday|tonight|decades?|centur(?:y|ies)|era|history|historic(?:al)?|ever)\b|'ll\b",
    re.I)


# "1. At the outset, Minister Hayashi stated …": a readout's account of the meeting it has just dated
_OUTSET = re.compile(r"^(?:\d{1,2}[.)]\s*|[•·–-]\s*)?(?:At\s+the\s+(?:outset|beginning|start)"
                     r"|To\s+begin(?:\s+with)?|In\s+(?:his|her|their)\s+opening\s+(?:remarks|statement))\s*,")
# Occasions a later "a week after the summit" or "on the eve of the vote" counts from.
_OCCASION_WORDS = (r"summits?|meetings?|talks|visits?|stay|signing|agreements?|deals?|elections?|attacks?"
                   r"|invasion"
                   r"|coup|ceremony|conference|votes?|referendum|declaration|ruling|announcement|accords?"
                   r"|treaty|trip|call|war|crisis|inauguration|launch|election")
_OCCASION = re.compile(rf"\b(?P<w>{_OCCASION_WORDS}|meets|met)\b", re.I)
# the words _OCCASION matches, each inflection spelled out ("summits?": summit, summits), found in one pass
_OCCASION_FORMS = tuple(dict.fromkeys(form for w in f"{_OCCASION_WORDS}|meets|met".split("|")
                                      for form in ((w[:-2], w[:-1]) if w.endswith("s?") else (w,))))
_OCCASION_FINDER = WordFinder((w, w) for w in _OCCASION_FORMS)


def _occasions(s: str) -> list[tuple[int, str]]:
    """(start, word as written) of each occasion word of s: what _OCCASION.finditer finds, from one pass of
    an automaton over the lower-cased sentence. A match of "\\b(?P<w>…)\\b" is a whole run of word
    characters whose lower case is one of the words; a sentence holding a character that re.I folds into
    an ASCII letter otherwise (or whose lower case changes its length: "İ") is left to the regex."""
    if case_folds(s):
        return [(m.start(), m.group("w")) for m in _OCCASION.finditer(s)]
    return sorted((start, s[start:end]) for _, start, end in _OCCASION_FINDER.find(s.lower())
                  if at_word_start(s, start) and at_word_end(s, end))
_TODAYS_OCCASION = re.compile(rf"['’]s\s+(?:[A-Z][\w-]*\s+){{0,4}}(?i:{_OCCASION_WORDS}|dialogue|session"
                              r"|forum|statement|decision|actions?|designations?|measures|steps?)\b")
_OCCASION_AFTER = re.compile(rf"^\s*(?:of\s+)?(?:the|this|that|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?"
                             rf"(?P<w>{_OCCASION_WORDS})\b", re.I)
# a sentence that opens at an occasion dated before, in any paragraph ("Ahead of their talks, Trudeau said")
_LEAD_OCCASION = re.compile(rf"^(?:Ahead\s+of|Before|After|During|At|Following|On\s+the\s+sidelines\s+of)\s+"
                            rf"(?:the|their|his|her|its|this|that)\s+(?:[\w-]+\s+){{0,2}}?(?P<w>{_OCCASION_WORDS})\b")
_POINTS_BACK = re.compile(r"\b(?:after|before|since|eve\s+of|following|ahead\s+of)\s+(?:the|this|that|his|her"
                          r"|their|its)\s+(?:[\w-]+\s+){0,2}?$", re.I)


# the words of one meeting: "met ... on Thursday" dates what "ahead of their talks" refers to
_MEETING_WORDS = frozenset({"talks", "meeting", "meet", "met", "visit", "call", "stay"})


def _occasion_key(word: str) -> str:
    word = word.lower()
    word = word if word == "talks" else word.rstrip("s")
    return "meeting" if word in _MEETING_WORDS else word


_SAME_DAY = ("later", "late", "earlier", "early")
_CLAUSE_REACH = 80  # characters between "a month after" and the date of its clause
_DATE_KINDS = frozenset({"md", "dm", "mon", "mposs"})  # partial dates a counted span may start from


def _counts_from_clause(kind: str, g: dict[str, str | None]) -> bool:
    """ "a month after", "two weeks before" (not "later"/"earlier", which count from an earlier date)."""
    return kind in ("span", "offset") and (g.get("dir") or g.get("dir3") or "").lower() in ("after", "before")


def _weekday_back(ref: _YMD, g: dict[str, str | None], forward: bool) -> _YMD:
    """A weekday read against the document date: the latest such day on or before it ("said Monday"),
    the one of the previous calendar week for "last", the first after it for "next" or in a future
    clause. A reference date without a day gives its month or year (the weekday cannot be placed)."""
    if ref[1] is None or ref[2] is None:
        return ref[0], ref[1], None
    base = date(ref[0], ref[1], ref[2])
    target = _WEEKDAYS.index((g["wd"] or "").lower())
    q = (g["q"] or "").lower()
    if q == "last":
        delta = target - base.weekday() - 7
    elif q == "next" or (forward and q != "this"):
        # "will meet later Tuesday" and "will take place Tuesday" written on a Tuesday are that day (news
        # names the day of the text by its weekday); "will meet on Tuesday", "next Tuesday", a week on
        delta = (target - base.weekday()) % 7 or (0 if q in _SAME_DAY or not q else 7)
    elif q == "this":
        delta = target - base.weekday()
    else:
        delta = -((base.weekday() - target) % 7)
    new = base + timedelta(days=delta)
    return new.year, new.month, new.day


def _agreeing_year(mon: int, day: int | None, wd: int, first: list[int], pivot: int) -> int | None:
    """The year in which a written weekday falls on the written day and month ("Tuesday, March 7"):
    one of `first` (the anchor's and the reference's years) if it agrees, else the nearest to pivot."""
    if day is None:
        return None
    fits = [y for y in [*first, *range(pivot - 6, pivot + 7)] if _weekday_of(y, mon, day) == wd]
    if not fits:
        return None
    if fits[0] in first:
        return fits[0]
    return min(fits, key=lambda y: (abs(y - pivot), y > pivot))


class DateResolver:
    """Finds and resolves the temporal expressions of one document, sentence by sentence, in order.

    Anchor of a month or day without a written year: the last explicit date (year written) earlier in
    the same sentence, else the latest one in the earlier sentences of the paragraph, else the
    document's reference date, else the last explicit date of the preceding sentence. A day and month
    written with a weekday ("on Wednesday, April 9") take the year in which they agree. Deictic
    expressions ("last week", "this month", "next year", "now", "today", "yesterday", "two days ago")
    and weekdays outside a dated paragraph are read against the reference date; a weekday is the
    latest such day on or before it. Dates after "since" open a span to the present and never anchor.
    A month without year that falls after the anchor in a past-tense sentence goes to the previous year
    (and before it, after a future marker, to the next). "the next day", "that same year", "earlier
    that day", "since then", "on the eve of", "two weeks later", "one year after" count from the last
    date of any kind in the same or previous sentence, or from the date of the occasion they name when
    an earlier dated sentence named it ("a week after the summit"). A sentence of the same paragraph
    that writes no time and whose subject points back to the previous dated sentence ("The two leaders
    also ...", "They agreed ...", "During the visit ...") takes its first date, flagged `inferred`.
    """

    def __init__(self, reference_date: str | None) -> None:
        self._ref = parse_date_value(reference_date) if reference_date else None
        self._para: DateValue | None = None
        self._prev_explicit: DateValue | None = None
        self._prev_last: DateValue | None = None
        self._prev_first: DateValue | None = None
        self._occasions: dict[str, DateValue] = {}
        self._para_first: DateValue | None = None  # the first date of the paragraph's latest dated sentence
        self._days: dict[tuple[int, int], _YMD] = {}  # day and month already placed -> the date they named
        self._last_told: DateValue | None = None  # the last date of the text so far, of any sentence
        self._last_meeting: DateValue | None = None  # the date of the last meeting, talks or visit told
        self._date_line: DateValue | None = None  # a line of a date (and place) only: "April 19, 2013, Sochi"

    def resolve(self, sentence: str, *, new_paragraph: bool = False) -> list[DateValue]:
        """Return the dates of one sentence in textual order (relative ones dropped without anchor)."""
        if new_paragraph:
            self._para = self._para_first = None
        found: list[DateValue] = []
        explicit: DateValue | None = None
        kinds = _kinds_for(sentence)
        cands = _candidates(sentence, kinds) if kinds else []
        if any(c[3].get("clock") for c in cands) and not all(c[3].get("clock") for c in cands):
            cands = [c for c in cands if not c[3].get("clock")]  # "On May 5, at 1:25 p.m.": a day written
        for n, (start, end, kind, g, dv) in enumerate(cands):
            if dv is None:
                local = explicit or self._para
                if kind == "weekday" and local is not None and self._ref is not None \
                        and _after_ref(_parts(local), _parts(self._ref)):
                    local = None  # "the vote on April 10, 2019, announced late Monday": the text's Monday
                anchor = local or self._ref or self._prev_explicit
                last = self._clause_date(cands[n + 1:], sentence, end, anchor, local) \
                    if _counts_from_clause(kind, g) else None
                if kind == "anniv":  # "the 40th anniversary of independence in 2015": counted from 2015;
                    # "July marks the 25th anniversary": from the month just written
                    before = found[-1] if found and found[-1].precision == "month" \
                        and start - found[-1].end <= _CLAUSE_REACH else None
                    local = next((c[4] for c in cands[n + 1:] if c[4] is not None
                                  and c[0] - end <= _CLAUSE_REACH), explicit or before or local)
                from_text = bool(last or found or self._prev_last)  # counted from a date of the text
                told = self._last_told if kind == "then" else None  # "subsequently": after the last date told
                last = last or (found[-1] if found else self._prev_last or told or anchor)
                dv = self._relative(kind, g, sentence, (start, end), anchor, last, local, from_text=from_text)
            if dv is not None:
                found.append(dv)
                past = self._ref is None or not _after_ref(_parts(dv), _parts(self._ref))
                if dv.precision == "day" and past:
                    y, m, d = _parts(dv)  # a day already past: "on August 7" named again is the same day
                    self._days.setdefault((m or 0, d or 0), (y, m, d))
                if not dv.relative and not _SINCE_BEFORE.search(sentence[max(0, start - 24):start]):
                    explicit = dv
        date_line, self._date_line = self._date_line, None
        if not found and not cands and new_paragraph and date_line is not None:
            found = [_inferred(date_line)]  # the paragraph a date line heads
        elif len(found) == 1 and explicit is found[0] and found[0].precision == "day" \
                and _DATE_LINE_REST.fullmatch(sentence[:found[0].start] + " " + sentence[found[0].end:]):
            self._date_line = found[0]
        lead = _LEAD_OCCASION.match(sentence) if not found and not cands else None
        occasion = self._occasions.get(_occasion_key(lead.group("w"))) if lead else None
        if occasion is not None:  # the opening places it, whatever tense follows
            found = [_inferred(occasion)]
        meeting = self._last_meeting if _OUTSET.match(sentence) else None
        if meeting is not None and not any(d.value == meeting.value for d in found):  # its time comes first
            found = [_inferred(meeting), *found]
        during = _DURING.match(sentence)
        prev = self._prev_first or (self._para_first if during else None)
        if not found and not cands and not new_paragraph and prev is not None \
                and (during or _REFER_BACK.match(sentence)) and not _OWN_TIME.search(sentence):
            inherited = _inferred(prev)
            self._prev_first = inherited
            self._remember(sentence, inherited)
            return [inherited]
        self._prev_explicit, self._prev_last = explicit, (found[-1] if found else None)
        self._last_told = found[-1] if found else self._last_told
        self._prev_first = found[0] if found else None
        self._para_first = found[0] if found else self._para_first
        self._para = explicit or self._para
        if found:
            self._remember(sentence, found[0])
        return found

    def _clause_date(self, later: list[_Cand], s: str, end: int, anchor: DateValue | None,
                     local: DateValue | None) -> DateValue | None:
        """The date written in the clause a "N after"/"N before" introduces ("a month after the government
        was formed in June"), when one follows closely."""
        for start, c_end, kind, g, dv in later:
            if start - end > _CLAUSE_REACH:
                return None
            if kind in _DATE_KINDS:
                if dv is not None or anchor is None:
                    return dv
                return self._relative(kind, g, s, (start, c_end), anchor, anchor, local)
        return None

    def _remember(self, sentence: str, dv: DateValue) -> None:
        """Note the occasions a dated sentence names ("held a summit"), not those it counts from."""
        if len(self._occasions) > 200:
            return
        for start, word in _occasions(sentence):
            if not _POINTS_BACK.search(sentence[max(0, start - 40):start]):
                key = _occasion_key(word)
                self._occasions[key] = dv
                if key in ("meeting", "summit", "trip"):  # _occasion_key names talks and visits "meeting"
                    self._last_meeting = dv

    def _occasion(self, s: str, end: int) -> DateValue | None:
        """The date of the occasion an expression counts from ("a week after the summit"), if named before."""
        m = _OCCASION_AFTER.match(s[end:end + 60])
        return self._occasions.get(_occasion_key(m.group("w"))) if m else None

    def _relative(self, kind: str, g: dict[str, str | None], s: str, span: tuple[int, int],
                  anchor: DateValue | None, last: DateValue | None,
                  local: DateValue | None = None, *, from_text: bool = True) -> DateValue | None:
        """Resolve one partial or relative expression, or None when nothing anchors it. `from_text`: `last` is
        a date of the text (not only its reference date)."""
        ymd: _YMD | None
        if kind in ("span", "offset") and self._ref is not None \
                and (g.get("dir") or g.get("dir3") or "").lower() == "after" \
                and _GERUND_AFTER.match(s[span[1]:span[1] + 30]) and not _PAST.search(s):
            counted = {"n": g.get("n") or "one", "u": g.get("u") or g.get("u3"), "dir": "before"}
            return _make(self._counted("span", counted, self._ref), True, s, *span)
        if kind == "daypart":  # "this morning": the text's day; "in the afternoon": the day last named
            own = (g.get("own") or "").lower()
            base = self._ref if own else last
            if base is None or base.precision != "day":
                return None
            return _make(_shift(_parts(base), "day", _STEP.get(own, 0)), True, s, *span)
        if kind == "century":  # "the late 19th century": a written time, no anchor needed
            part = _CENTURY_PART[(g.get("part") or "").lower()]
            return _make(((int(g["c"] or 0) - 1) * 100 + part, None, None), False, s, *span)
        if kind == "yearend":  # "by the end of the year": the year's last month, in the text's time; "at the
            base = self._ref or anchor  # start of this year": its first
            if base is None:
                return None
            y, m, _d = _parts(base)
            step = _STEP.get((g.get("q") or "").lower(), 0)
            if (g.get("u") or "").lower() == "year":
                month = 12 if (g.get("edge") or "").lower() == "end" else 1
                return _make((y + step, month, None), True, s, *span)
            return _make((*_add_months(y, m, step), None), True, s, *span) if m else None
        if kind == "feast":  # "before Christmas": the nearest such day on or before the text's date, or after
            base = self._ref or anchor  # it when the clause looks forward
            if base is None:
                return None
            forward = bool(_FUTURE.search(s[max(0, span[0] - 80):span[0]]))
            return _make(_fixed_feast(_parts(base), g["hol"] or "", forward), True, s, *span)
        if kind == "hijri":  # the latest such feast on or before the text's date (after it when future)
            base = self._ref or anchor
            if base is None:
                return None
            forward = bool(_FUTURE.search(s[max(0, span[0] - 80):span[0]]))
            return _make(_hijri_holiday(_parts(base), g["hol"] or "", forward), True, s, *span)
        if kind == "anniv":
            base = local or self._ref or anchor
            if base is None:
                return None
            # "on 1 August 2022 … the 60th anniversary"; a month written by name keeps its month
            written = local is not None and (not local.relative or local.precision == "month")
            return _make(_anniversary(_parts(base), g, written), True, s, *span)
        if kind == "seasonrel":
            base = self._ref or anchor
            return _make(_season(_parts(base), g), True, s, *span) if base else None
        if kind in ("past", "within", "elapsed"):
            base = self._ref or anchor
            return _make(_back_to(_parts(base), g), True, s, *span) if base else None
        if kind in ("offset", "span", "eve"):
            last = self._occasion(s, span[1]) or last
        if kind == "offset":
            if last is None:
                return None
            word = (g.get("dir") or g.get("dir2") or g.get("dir3") or "").lower()
            unit = (g.get("u") or g.get("u3") or "day").lower()
            # a day or month counted from a date known only to its month or year keeps that precision
            ymd = (_shift(_parts(last), unit, _STEP.get(word, 0)) or _parts(last)) if _STEP.get(word) \
                else _parts(last)
        elif kind == "deictic":
            base = self._ref or anchor
            if base is None:
                return None
            word = (g.get("w") or "").lower()
            ymd = _shift(_parts(base), "day", _STEP.get(word, 0)) if _STEP.get(word) else _parts(base)
        elif kind in ("same", "eve", "span", "then"):
            ymd = self._counted(kind, g, last)
        elif kind in ("rely", "ahead"):
            base = self._ref or anchor
            if base is None:
                return None
            step = _STEP[(g["q"] or "").lower()] if kind == "rely" else 0
            unit = (g["u"] or g.get("u2") or g.get("u3") or "").lower()
            if unit == "week" and step == 0 and _last_day_of_week(_parts(base)) \
                    and _FUTURE.search(s, max(0, span[0] - 80), span[0]):
                step = 1  # "are expected in Kampala this week", written on a Sunday: the week to come
            ymd = _deictic_unit(_parts(base), "year" if unit == "decade" else unit, step)
        elif kind == "weekday":
            forward = bool(_FUTURE.search(s[max(0, span[0] - 80):span[0]])
                           or _SCHEDULED_BEFORE.search(s, max(0, span[0] - 40), span[0]))
            if local is not None and local.precision == "day":
                ymd = _weekday(_parts(local), g)
            # a year or month of its own sentence ("in May 2019, on a Tuesday"); one of an earlier sentence is
            # background ("… annexed it in 1975. Migrants kept arriving on Tuesday"): the text's own week
            elif local is not None and (local is not self._para or self._ref is None) \
                    and not (self._ref and self._ref.value.startswith(local.value)):
                ymd = _parts(local)
            elif self._ref is not None:
                ymd = _weekday_back(_parts(self._ref), g, forward)
            elif anchor is None:
                return None
            else:
                ymd = _weekday(_parts(anchor), g)
        elif anchor is None:
            return None
        elif kind == "recent":  # "recently": the month of the text; "recent figures": its year
            ymd = _parts(anchor)[0], (_parts(anchor)[1] if g.get("own") else None), None
        else:
            ymd = self._dated_month(g, s, span, anchor)
        # "a week after the summit, they met" with no summit dated before: counted from the text's own date
        unknown = bool(_OCCASION_AFTER.match(s[span[1]:span[1] + 60]))  # an occasion named, not dated before
        from_ref = (last is None or not from_text) and unknown
        ref = _parts(self._ref) if self._ref is not None else None
        if kind in ("span", "offset") and ymd is not None and ref is not None and not _FUTURE.search(s) \
                and (ymd[0] > ref[0] + 1 or from_ref and _PAST.search(s) and _after_ref(ymd, ref)):
            return None  # "goes back 50 years after independence"; "a week after the summit, they met"
            # counted from the text's own date: no past event lies after the text
        return _make(ymd, True, s, *span)

    def _dated_month(self, g: dict[str, str | None], s: str, span: tuple[int, int],
                     anchor: DateValue) -> _YMD:
        """A month (and day) without year; with a weekday written before it, the year they agree in."""
        wd = _WD_BEFORE.search(s[max(0, span[0] - 14):span[0]]) if g.get("d") else None
        mon = _month(g["mon"])
        written_day = int(g.get("d") or 0)
        if written_day and mon and (mon, written_day) in self._days and not g.get("rq"):
            return self._days[mon, written_day]  # "before August 7" after "on August 7": the same day
        if wd and mon and not g.get("rq"):
            first = [_parts(anchor)[0]] + ([_parts(self._ref)[0]] if self._ref else [])
            pivot = _parts(self._ref)[0] if self._ref else first[0]
            day = int(g.get("d") or 0) or None
            year = _agreeing_year(mon, day, _WEEKDAYS.index(wd["wd"].lower()), first, pivot)
            if year is not None:
                return year, mon, day
        return _month_rel(_parts(anchor), g, s, span[0])

    def _counted(self, kind: str, g: dict[str, str | None], last: DateValue | None) -> _YMD | None:
        """"that same year", "earlier that day", "on the eve of", "two weeks later", "a year after"."""
        if kind == "span" and (g["dir"] or "").lower() == "ago":
            last = self._ref
        if last is None:
            return None
        y, m, d = _parts(last)
        unit = (g.get("u") or "day").lower()
        if kind == "same":
            if unit == "year" and g.get("season"):  # "the summer of that year"
                return y, _SEASON_MONTH[(g["season"] or "").lower()], None
            if unit in ("day", "week"):
                return y, m, d
            return (y, m, None) if unit == "month" else (y, None, None)
        if kind == "then":  # "since then": the span opens at the last date
            return y, m, d
        if kind == "eve":
            return _shift((y, m, d), "day", -1) if d else (y, m, d)
        words = " ".join((g["n"] or "").lower().split())
        n = _count_of(words, 1)
        vague = words in ("a few", "several", "a couple of")
        step = -n if (g["dir"] or "").lower() in _BACKWARD else n
        if unit == "week":
            unit, step = "day", step * 7
        if unit == "decade":  # "more than two decades ago": the year, counted in whole decades
            return y + 10 * step, None, None
        if unit == "year" and g.get("more") and m is not None:  # "more than three years ago": half a year on
            back = (y + step) * 12 + m - 1 + (-6 if step < 0 else 6)
            return back // 12, None, None
        if unit == "year":
            return y + step, (None if vague else m), None
        shifted = _shift((y, m, d), unit, step)
        if shifted is None:  # counted in days or months from a date known only to its month or year
            return y, m, None
        if not vague:
            return shifted
        return shifted[0], shifted[1], None


def _after_ref(ymd: _YMD, ref: _YMD) -> bool:
    """Whether a date lies after the reference date at the precision both have."""
    a = (ymd[0], ymd[1] or 0, ymd[2] or 0)
    b = (ref[0], ref[1] or 0, ref[2] or 0)
    k = 1 + (ymd[1] is not None and ref[1] is not None) + (ymd[2] is not None and ref[2] is not None)
    return a[:k] > b[:k]


_HIJRI_DAYS = {"ramadan": (9, 1, "month"), "ramazan": (9, 1, "month"), "ramadhan": (9, 1, "month"),
               "muharram": (1, 1, "month"), "fitr": (10, 1, "day"), "adha": (12, 10, "day")}


_CENTURY_PART = {"": 0, "early": 0, "mid": 40, "late": 70}
_FEAST_DAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
               "new year's day": (1, 1), "new year's eve": (12, 31)}


def _fixed_feast(base: _YMD, name: str, forward: bool) -> _YMD:
    """The date of a feast of a fixed day nearest before the base date, or after it when the clause looks
    forward ("will be posted before Christmas"); with a base known only to its year, that year's."""
    month, day = _FEAST_DAYS[" ".join(name.lower().replace("’", "'").replace("years", "year's").split())]
    y, m, d = base
    if m is None:
        return y, month, day
    after = (month, day) > (m, d or 1)
    if forward and not after:
        y += 1
    elif not forward and after:
        y -= 1
    return y, month, day


def _hijri_holiday(base: _YMD, name: str, forward: bool) -> _YMD | None:
    """The Gregorian date of a Hijri month or feast (Umm al-Qura calendar, hijridate) nearest before the
    base date, or after it when the clause looks forward; a month as its month, a feast as its day."""
    from hijridate import Gregorian, Hijri

    month, day, precision = _HIJRI_DAYS[name.lower().split()[-1].split("-")[-1]]
    try:
        year = Gregorian(base[0], base[1] or 12, base[2] or 28).to_hijri().year
        found = [Hijri(y, month, day).to_gregorian() for y in (year - 1, year, year + 1)]
    except (OverflowError, ValueError):
        return None  # outside the calendar's table (1924-2077)
    ref = date(base[0], base[1] or 12, base[2] or 28)
    pick = min((g for g in found if g > ref), default=None) if forward \
        else max((g for g in found if g <= ref), default=None)
    if pick is None:
        return None
    return (pick.year, pick.month, None) if precision == "month" else (pick.year, pick.month, pick.day)


def _anniversary(base: _YMD, g: dict[str, str | None], written: bool) -> _YMD:
    """"the 60th anniversary of the signing" on 1 August 2022: 1962-08-01; "celebrate 60 years of
    independence", "ending 12 years of rule": the year the span began (its day too when the day of the
    anniversary is written in the text)."""
    if g.get("n"):
        n = int(g["n"] or 0)
        return (base[0] - n, base[1], base[2]) if written else (base[0] - n, None, None)
    n = _count_of((g.get("n2") or "one").lower(), 1)
    return base[0] - n * (10 if (g.get("u") or "").lower() == "decade" else 1), None, None


def _season(base: _YMD, g: dict[str, str | None]) -> _YMD:
    """"this summer", "last winter": the season's first month (northern seasons), in the year it fell."""
    month = _SEASON_MONTH[(g["season"] or "").lower()]
    q, (y, m, _d) = (g["q"] or "").lower(), base
    if q in ("last", "past"):
        return (y if m and month + 2 < m else y - 1), month, None
    if q == "next":
        return (y if m and month > m else y + 1), month, None
    return y, month, None


def _back_to(base: _YMD, g: dict[str, str | None]) -> _YMD | None:
    """The start of a span reaching the present ("the past two years", "the first in 42 years"), as precise
    as its unit: a year for years and decades, a month for months, a day for days and weeks."""
    number = next((g[k] for k in ("n", "n2", "n3", "n4") if g.get(k)), None) or "one"
    words = " ".join(number.lower().split())
    n = _count_of(words, 3 if "few" in words or words == "recent" else 1)  # "in recent months": a few
    unit = next((g[k] for k in ("u", "u2", "u3", "u4") if g.get(k)), None) or "year"
    unit = unit.lower()
    if unit in ("decade", "century", "centurie"):
        unit, n = "year", (10 if unit == "decade" else 100) * n
    if unit == "week":
        unit, n = "day", 7 * n
    shifted = _shift(base, unit, -n)
    if shifted is None:
        return base[0] - (n // 365 if unit == "day" else n // 12 if unit == "month" else n), None, None
    return shifted if unit == "day" else (shifted[0], shifted[1], None)


_SEASON_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # northern, first month


def _last_day_of_week(ymd: _YMD) -> bool:
    """Whether a day is a Sunday, the last day of its (ISO) week; False for a month or a year."""
    y, m, d = ymd
    return m is not None and d is not None and date(y, m, d).weekday() == 6


def _deictic_unit(base: _YMD, unit: str, step: int) -> _YMD | None:
    """"last year", "this month", "next week": a week is given as its Monday (the reference needs a day)."""
    if unit != "week":
        return _shift(base, unit, step)
    y, m, d = base
    if m is None or d is None:
        return (y, m, None) if step == 0 else None
    day = date(y, m, d)
    monday = day - timedelta(days=day.weekday()) + timedelta(days=7 * step)
    return monday.year, monday.month, monday.day


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


# --- the document's own date, inferred from its text ---------------------------------------------

# Rough sentence breaks: spaces after a sentence's final mark before a capital or a quote, and line breaks.
# As r"(?<=[.!?”\"])\s+(?=[A-Z“\"])|\n+", written to open with its first whitespace character (the regex
# engine then skips ahead to whitespace instead of trying both branches at every character).
_ROUGH_SENTENCE = re.compile(r"\s(?:(?<=[.!?”\"]\s)\s*(?=[A-Z“\"])|(?<=\n)\n*)")
# A date after these words is a deadline or the end of a span, not a moment the article reports.
_DEADLINE_BEFORE = re.compile(
    r"\b(?:by|until|till|through|to|due(?:\s+in)?|before|target(?:s|ed|ing)?|deadline|horizon|vision)\s+"
    r"(?:the\s+)?(?:(?:end|middle|start|beginning)\s+of\s+)?(?:(?:early|late|mid)[\s-]+)?$", re.I)
_FORECAST = re.compile(r"\b(?:will|shall|would|could|might|going to|expected|forecasts?|projected|plans? to"
                       r"|aims? to|set to|scheduled|upcoming|next)\b|'ll\b", re.I)
_WEEKDAY_DATE = re.compile(rf"\b(?P<wd>{'|'.join(w.capitalize() for w in _WEEKDAYS)})"
                           r"(?:,?\s+|\s*\(\s*)(?:the\s+)?"  # "Thursday, 19 June", "Thursday (19 June)"
                           rf"(?:{_MON}\s+(?P<d>[0-3]?\d)\b|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
                           rf"(?P<mon2>{MONTH_NAME})\b)"
                           r"(?:\.?,?\s+(?P<y>1[89]\d\d|20\d\d))?")
_ANNIVERSARY = re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\b[^.;]{0,120}?\b(?:in|since|of)\s+"
                          r"(?P<y>1[89]\d\d|20\d\d)\b")
_BARE_WEEKDAY = re.compile(rf"(?:{_WD})\b")  # at a word's start (at_word_start)


def _reported(sentence: str, start: int) -> bool:
    """Whether a date at `start` is a moment the sentence reports, not a deadline or forecast."""
    before = sentence[max(0, start - 60):start]
    return not _DEADLINE_BEFORE.search(before) and not _FORECAST.search(before)


def infer_document_date(text: str) -> str | None:
    """The date an article was most likely written, from its text alone.

    Candidates are the explicit dates of sentences reporting the past, and the days and months of
    other sentences (a caption: "attends ... January 18, 2024"); dates after "by", "until", "due", or
    after a forecast marker in the same sentence are deadlines, not the document's time. Also a
    weekday written with a day and month ("on Tuesday, March 7"; without a year, the year near the
    text's years in which they agree) and "the Nth anniversary of ... in YEAR". The latest candidate
    wins. It keeps its day when a weekday written with it, or a bare weekday of the text, agrees with
    it; otherwise its month (news names fresh events by day); a month or a year gives only its year
    (a month is how a later analysis names a past event)."""
    # an archive photo's caption ("FILE - Trucks wait at the border, Sept. 2, 2021.") dates the photo
    sentences = [s for s in _ROUGH_SENTENCE.split(text[:60000])
                 if s and (_ANY_DIGIT.search(s) or _month_word(s)) and not _FILE_PHOTO.match(s)]
    past: list[DateValue] = []
    other: list[DateValue] = []
    agreed: set[str] = set()
    years: list[int] = []
    loose: list[tuple[int, int, int]] = []  # (month, day, weekday) written without a year
    ahead: list[DateValue] = []
    captions: set[str] = set()  # days of photo captions ("…, in Islamabad, Pakistan, April 19, 2015.")
    for s in sentences:
        is_past = bool(_PAST.search(s))
        caption = CAPTION_END.search(s.strip().rstrip("."))
        for start, _end, kind, _g, dv in _candidates(s, _EXPLICIT):
            if dv is None or kind == "decade":
                continue
            years.append(int(dv.value[:4]))
            if _reported(s, start) and not _SINCE_BEFORE.search(s[max(0, start - 24):start]):
                (past if is_past else other).append(dv)
                if caption is not None and dv.precision == "day" and start >= caption.start():
                    captions.add(dv.value)
            elif dv.precision == "day" and _FORECAST.search(s[max(0, start - 60):start]):
                ahead.append(dv)  # "the dialogue scheduled for May 9, 2024": a day the text looks forward to
        for m in _WEEKDAY_DATE.finditer(s):
            mon = _month(m.group("mon") or m.group("mon2"))
            day = int(m.group("d") or m.group("d2") or 0)
            wd = _WEEKDAYS.index(m.group("wd").lower())
            if not mon or not 1 <= day <= 31:
                continue
            if m.group("y"):
                dv = _make((int(m.group("y")), mon, day), False, s, m.start(), m.end())
                if dv and date.fromisoformat(dv.value).weekday() == wd:
                    agreed.add(dv.value)
            else:
                loose.append((mon, day, wd))
        for m in _ANNIVERSARY.finditer(s):
            dv = _make((int(m.group("y")) + int(m.group("n")), None, None), True, s, m.start(), m.end())
            if dv:
                past.append(dv)
    pool = past + [d for d in other if d.precision != "year"] or other
    if loose and years:
        # near the latest year the text reports (a past event or a present one: "the 2025/26 financial
        # year"), not a deadline's or a forecast's
        near = max(d.value for d in past + other)[:4] if past or other else str(max(years))
        for mon, day, wd in loose:
            fits = [y for y in range(min(years) - 1, max(years) + 2) if _weekday_of(y, mon, day) == wd]
            if fits:
                y = min(fits, key=lambda y: (abs(y - int(near)), -y))
                agreed.add(f"{y:04d}-{mon:02d}-{day:02d}")
    values = [d.value for d in pool] + sorted(agreed)
    if not values:  # only a scheduled day: the text was written before it, most likely the same year
        return min(d.value for d in ahead)[:4] if ahead else None
    best = max(values, key=lambda v: (v[:4], v[5:7] or "00", v[8:10] or "00"))
    if best in agreed:
        return best
    if len(best) < 10:  # a month is how a later analysis names a past event: only its year is the document's
        return best[:4]
    head = text[:60000]
    weekdays = {_WEEKDAYS.index(m.group().lower()) for m in _BARE_WEEKDAY.finditer(head)
                if at_word_start(head, m.start())}
    if date.fromisoformat(best).weekday() in weekdays:
        return best
    close = bool(_NEAR_TEXT.search(text[:60000]))
    # a photo is taken before the story is told ("arrived Monday" after a Sunday photo), and a text that
    # places itself near its events names the days of its week by weekday ("On August 4 … the troops left",
    # "the spokesman declared Thursday"): the latest such weekday within the week after the day
    if best in captions or close:
        shot = date.fromisoformat(best)
        later = [shot + timedelta(days=k) for k in range(1, 7)
                 if (shot + timedelta(days=k)).weekday() in weekdays]
        if later:
            return max(later).isoformat()
    # a day the text names without saying how near it is ("the dialogue held on May 31, 2024") is a lower
    # bound: the text may come weeks later; words that place the text near its events keep the month
    return best[:7] if close else best[:4]


# "this week", "earlier this month", "last week", "yesterday": the text was written close to what it reports
_NEAR_TEXT = re.compile(r"\b(?:(?:this|last|next|earlier this|later this) (?:week|month)|yesterday|"
                        r"(?:days|weeks) (?:ago|earlier)|(?:earlier|later) (?:today|on \w+day))\b", re.I)


_FILE_PHOTO = re.compile(r"^\W*FILE\b(?:\s+PHOTO)?\s*[-–—:]")
_ANY_DIGIT = re.compile(r"\d")
_MONTH_WORD = re.compile(rf"(?:{_FULL})\b")  # a month's full name, at a word's start (at_word_start)


def _month_word(s: str) -> bool:
    """Whether s writes a month's full name as a word."""
    return any(at_word_start(s, m.start()) for m in _MONTH_WORD.finditer(s))


def _weekday_of(y: int, m: int, d: int) -> int | None:
    try:
        return date(y, m, d).weekday()
    except ValueError:
        return None
