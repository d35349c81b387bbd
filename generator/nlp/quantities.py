"""Find money amounts, percentages, counts and size ranks in one sentence: the figures a fact cites."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from generator.nlp.numbers import (
    MONTHS,
    ORDINAL_WORD,
    ORDINALS,
    SCALE_WORD,
    SCALES,
    TENS,
    TIME_NOUNS,
    UNITS,
    WORD_NUMBER,
    WORD_RE,
    currency_after,
    currency_before,
    find_halves,
    ordinal_value,
    parse_amount,
    plural_after,
    tidy,
    words_after,
)

__all__ = ["Quantity", "find_quantities", "parse_amount"]


@dataclass(frozen=True)
class Quantity:
    """One figure found in a sentence; `start`/`end` index into that sentence."""

    value: float | int
    unit: str
    text: str
    start: int
    end: int
    noun: str | None = None
    value_max: float | int | None = None


@dataclass
class _Fig:
    """A number as read, with whatever scale, sign and unit are written around it."""

    start: int
    end: int
    amount: Decimal
    kind: str
    scale: int = 1
    letter_scale: bool = False
    sign: int = 1
    currency: str | None = None
    percent: bool = False

    @property
    def unit(self) -> str | None:
        return self.currency or ("percent" if self.percent else None)

    def value(self, scale: int | None = None) -> float | int:
        return tidy(self.amount * (scale or self.scale) * self.sign)


@dataclass
class _State:
    last_money: tuple[str, int] | None = None
    rank_seen: bool = False
    found: list[Quantity] = field(default_factory=list)


_NUM = r"\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TOKEN_RE = re.compile(
    rf"(?P<ord>\b\d+(?:st|nd|rd|th)\b|\b(?i:{ORDINAL_WORD})\b)|(?P<num>{_NUM})"
    rf"|(?P<word>\b(?i:an?\s+(?:{SCALE_WORD})|{WORD_NUMBER})\b)"
)
_SCALE_RE = re.compile(
    rf"[\s-]*(?i:({SCALE_WORD})s?)\b|\s?(?i:(bn|mn|mln|bln|tn))\b|(?i:([mkb]))\b"
)
_PERCENT_RE = re.compile(r"\s?%|\s*(?i:per\s?cent|pct|percentage\s+points?)\b")
_LINK_RE = re.compile(r"\s*(?P<dash>[-–—])\s*(?=\S)|\s+(?P<word>and|to)\s+")
_BETWEEN_RE = re.compile(r"(?i:\bbetween)\s+$")
_COMPARE_RE = re.compile(
    r"(?i:\b(?:(?:figure|total|amount|sum|value|it|that|this)\s+(?:was|were|is|had\s+been|stood\s+at)"
    r"|compared\s+(?:with|to)|up\s+from|down\s+from|against|versus|vs\.?)\s+"
    r"(?:(?:approximately|about|around|roughly|some|nearly|almost|just|only|over|under|an\s+estimated"
    r"|more\s+than|less\s+than)\s+)*)$"
)
_REF_RE = re.compile(
    r"(?i:\b(?:pages?|pp?|sections?|art|articles?|chapters?|paragraphs?|para|clauses?|nos?|number"
    r"|resolutions?|law|decree|items?|figure|fig|table|vol|volume|annex|appendix|flight|room|phase"
    r"|level|session|edition|route|line|model|version|type|class|grade))\.?\s*$"
)
_SUPERLATIVE_RE = re.compile(
    r"[\s-]+(?i:(?:most|least)\s+[a-z]+|largest|biggest|greatest|highest|lowest|leading|richest"
    r"|wealthiest|poorest|strongest|weakest|smallest|fastest|busiest|heaviest|longest|oldest|youngest"
    r"|deadliest|costliest|closest|best|worst|ranked)\b"
)
_RANKED_RE = re.compile(r"(?i:\brank(?:s|ed|ing)?\s+(?:as\s+|at\s+)?(?:the\s+)?(?:world'?s\s+)?)$")
_RANK_NO_RE = re.compile(r"(?i:\brank(?:s|ed|ing)?\s+(?:as\s+|at\s+)?(?:the\s+)?(?:No\.?|number|#)\s*)$")
_COORD_RE = re.compile(r"(?:\band|\bor|,)\s+(?:the\s+|its\s+)?$")
_PREVWORD_RE = re.compile(r"([^\s\"“”(]+)[\s\"“”(]+$")

_STRONG_RE = re.compile(r"[-–]strong\b")
_LOOKBACK = 60


_WORD_RE = re.compile(r"[a-z]+")
_DIGIT_RE = re.compile(r"\d")
_NUMBER_WORDS = frozenset(TENS) | frozenset(UNITS) | frozenset(ORDINALS) | frozenset(SCALE_WORD.split("|"))


def _may_hold_figures(sentence: str) -> bool:
    """Cheap test before the patterns: a digit, or a spelled number, ordinal or scale word."""
    if _DIGIT_RE.search(sentence):
        return True
    return not _NUMBER_WORDS.isdisjoint(_WORD_RE.findall(sentence.lower()))


def find_quantities(sentence: str) -> list[Quantity]:
    """Return the money, percent, count and rank figures of `sentence`, in order, non-overlapping."""
    if not _may_hold_figures(sentence):
        return find_halves_only(sentence)
    state = _State()
    pos = 0
    for m in _TOKEN_RE.finditer(sentence):
        if m.start() < pos:
            continue
        q = _ordinal(sentence, m, state) if m.group("ord") else _cardinal(sentence, m, state)
        if q is not None:
            state.found.append(q)
            pos = q.end
    if "alf" in sentence:
        state.found.extend(Quantity(v, "percent", sentence[s:e], s, e) for s, e, v in find_halves(sentence))
    state.found.sort(key=lambda q: (q.start, -q.end))
    result: list[Quantity] = []
    for q in state.found:
        if not result or q.start >= result[-1].end:
            result.append(q)
    return result


def find_halves_only(sentence: str) -> list[Quantity]:
    """The "half" figures of a sentence with no other number."""
    if "alf" not in sentence:
        return []
    return [Quantity(v, "percent", sentence[s:e], s, e) for s, e, v in find_halves(sentence)]


def _read(sentence: str, m: re.Match[str], joined: bool = False) -> _Fig | None:
    """Read the number at `m` with its scale, sign and currency/percent; None if it is no figure."""
    start, end = m.span()
    amount = parse_amount(m.group())
    digits = m.group("num") is not None
    if amount is None or end - start > 18 or (digits and not joined and _left_blocked(sentence, start)):
        return None
    fig = _Fig(start, end, Decimal(str(amount)), "num" if digits else "word")
    for _ in range(3):  # "two hundred thousand" chains scales; bound it
        s = _SCALE_RE.match(sentence, fig.end)
        if s is None or not (s.group(1) or s.group(2) or digits):
            break
        fig.scale *= SCALES[(s.group(1) or s.group(2) or s.group(3)).lower()]
        fig.letter_scale = fig.letter_scale or bool(s.group(3))
        fig.end = s.end()
    if digits and fig.scale == 1 and _right_blocked(sentence, fig.end):
        return None
    sign = sentence[start - 1 : start] if not joined else ""
    if sign and sign in "-−+" and not sentence[start - 2 : start - 1].isalnum():
        fig.start, fig.sign = start - 1, (1 if sign == "+" else -1)
    if (p := _PERCENT_RE.match(sentence, fig.end)) is not None:
        fig.percent, fig.end = True, p.end()
        return fig
    if (pre := currency_before(sentence, fig.start)) is not None:
        fig.currency, fig.start = pre
    elif (suf := currency_after(sentence, fig.end, fig.scale >= 1000)) is not None:
        fig.currency, fig.end = suf
    return fig


def _left_blocked(sentence: str, start: int) -> bool:
    """Digits glued to a word or to another number ("G7", "COVID-19", "19:04", "90/2024")."""
    if not start:
        return False
    prev = sentence[start - 1]
    if prev.isalnum() or prev == "_":
        return True
    return prev in "-–/.:" and start > 1 and sentence[start - 2].isalnum()


def _right_blocked(sentence: str, end: int) -> bool:
    nxt = sentence[end : end + 2]
    return bool(nxt) and (nxt[0].isalpha() or (nxt[0] in ":/." and nxt[1:].isdigit()))


def _cardinal(sentence: str, m: re.Match[str], state: _State) -> Quantity | None:
    fig = _read(sentence, m)
    if fig is None:
        return None
    joined = _joined(sentence, fig, state)
    if joined is not None:
        return joined
    if fig.currency:
        state.last_money = (fig.currency, fig.scale)
        return _make(sentence, fig, fig.currency)
    if fig.percent:
        return _make(sentence, fig, "percent")
    return _bare(sentence, fig, state)


def _make(sentence: str, fig: _Fig, unit: str, noun: str | None = None) -> Quantity:
    return Quantity(fig.value(), unit, sentence[fig.start : fig.end], fig.start, fig.end, noun)


def _joined(sentence: str, fig: _Fig, state: _State) -> Quantity | None:
    """'20-30%' and 'between 10 and 15 percent' are ranges; '10 to 15 percent' lends its unit."""
    link = _LINK_RE.match(sentence, fig.end)
    nxt_m = _TOKEN_RE.match(sentence, link.end()) if link else None
    if link is None or nxt_m is None or nxt_m.group("ord"):
        return None
    nxt = _read(sentence, nxt_m, joined=True)
    is_range = bool(link.group("dash")) or bool(
        link.group("word") == "and" and _BETWEEN_RE.search(sentence, max(0, fig.start - 12), fig.start)
    )
    if nxt is None or (fig.unit and (not is_range or nxt.unit not in (fig.unit, None))):
        return None
    # "$10-15 billion": the unit is written on the first number, the scale on the second
    if nxt.unit is None and not (is_range and fig.unit and fig.scale == 1 and nxt.scale > 1):
        return None
    unit = nxt.unit or fig.unit or ""
    if unit != "percent":
        state.last_money = (unit, nxt.scale)
    scale = fig.scale if fig.scale > 1 else nxt.scale
    if not is_range:
        return Quantity(fig.value(scale), unit, sentence[fig.start : fig.end], fig.start, fig.end)
    end = nxt.end
    return Quantity(fig.value(scale), unit, sentence[fig.start : end], fig.start, end, value_max=nxt.value())


def _bare(sentence: str, fig: _Fig, state: _State) -> Quantity | None:
    """A number without a written unit: inherited money, a rank, a count, or nothing."""
    if fig.letter_scale or (fig.kind == "num" and sentence[fig.end : fig.end + 1] in ("-", "–")):
        return _strong(sentence, fig)
    if fig.kind == "num" and fig.scale == 1 and (_is_year(sentence, fig) or _is_day(sentence, fig)):
        return None
    noun = plural_after(sentence, fig.end)
    window = max(0, fig.start - _LOOKBACK)
    if state.last_money and noun is None:
        currency, scale = state.last_money
        if fig.scale >= 10**6:
            return _make(sentence, fig, currency)
        if fig.scale == 1 and _COMPARE_RE.search(sentence, window, fig.start):
            return Quantity(fig.value(scale), currency, sentence[fig.start : fig.end], fig.start, fig.end)
    if _RANK_NO_RE.search(sentence, window, fig.start):
        state.rank_seen = True
        return _make(sentence, fig, "rank", noun=_phrase_after(sentence, fig.end))
    if noun is None or noun.lower() in TIME_NOUNS or fig.amount < 1 or not _countable(sentence, fig):
        return None
    return _make(sentence, fig, "count", noun=noun)


def _strong(sentence: str, fig: _Fig) -> Quantity | None:
    """'1500-strong army' is a count; other hyphen compounds ('75-minute', '5-Star') are not."""
    m = _STRONG_RE.match(sentence, fig.end) if not fig.letter_scale else None
    if m is None:
        return None
    words = words_after(sentence, m.end())
    return Quantity(fig.value(), "count", sentence[fig.start : m.end()], fig.start, m.end(),
                    noun=words[-1] if words else None)


def _is_year(sentence: str, fig: _Fig) -> bool:
    text = sentence[fig.start : fig.end]
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100


def _is_day(sentence: str, fig: _Fig) -> bool:
    """Day numbers of dates: 'March 23', 'on 18 May', '10 July 2019'."""
    if fig.amount > 31 or fig.amount != fig.amount.to_integral_value():
        return False
    prev = _PREVWORD_RE.search(sentence, max(0, fig.start - 12), fig.start)
    nxt = WORD_RE.match(sentence, fig.end)
    return any(w and w[0].isupper() and w.lower().rstrip(".") in MONTHS
               for w in (prev.group(1) if prev else "", nxt.group(1) if nxt else ""))


def _countable(sentence: str, fig: _Fig) -> bool:
    """Reject 'one', anaphoric 'the two', 'Five Stars' and model numbers like 'Boeing 737 jets'."""
    if fig.kind == "word" and fig.amount == 1:
        return False
    if fig.kind == "word" and sentence[fig.start].isupper():
        return not sentence[: fig.start].strip(" \"“‘'(")
    prev = _PREVWORD_RE.search(sentence, max(0, fig.start - 30), fig.start)
    if prev is None:
        return True
    word = prev.group(1)
    if word.lower() == "the" and fig.amount == 2:
        return False
    if fig.kind == "num" and _REF_RE.search(sentence, max(0, fig.start - 15), fig.start):
        return False
    inside = bool(sentence[: prev.start()].strip(" \"“‘'("))
    return not (fig.kind == "num" and inside and word[0].isupper() and word.isalpha())


def _phrase_after(sentence: str, pos: int) -> str | None:
    words = words_after(sentence, pos, limit=3)
    return " ".join(words) if words else None


def _ordinal(sentence: str, m: re.Match[str], state: _State) -> Quantity | None:
    """An ordinal is a rank before a superlative, after 'ranked', or coordinated with a rank."""
    start, end = m.span()
    value = ordinal_value(m.group())
    if value is None or (start and (sentence[start - 1].isalnum() or sentence[start - 1] in "-/")):
        return None
    sup = _SUPERLATIVE_RE.match(sentence, end)
    if sup is not None:
        end = sup.end()
    else:
        window = max(0, start - _LOOKBACK)
        ranked = _RANKED_RE.search(sentence, window, start)
        if not ranked and not (state.rank_seen and _COORD_RE.search(sentence, window, start)):
            return None
    state.rank_seen = True
    return Quantity(value, "rank", sentence[start:end], start, end, noun=_phrase_after(sentence, end))
