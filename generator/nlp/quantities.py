"""Find money amounts, percentages, counts and size ranks in one sentence: the figures a fact cites."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from generator.nlp.numbers import (
    DURATIONS,
    MONTHS,
    ORDINAL_WORD,
    ORDINALS,
    PHYSICAL,
    PHYSICAL_SYMBOLS,
    RATES,
    SCALE_WORD,
    SCALED_SYMBOLS,
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
    pint_symbol,
    plural_after,
    tidy,
    words_after,
)
from generator.nlp.textscan import WordFinder, case_folds, has_ascii_digit

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
    kind: str | None = None  # "duration", "measure", "fraction", "change" or None


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


_NUM = (r"\d{1,3},\d{1,2}(?=\s?%|\s*(?:per\s?cent|million|billion|trillion|bn|mn)\b)"  # decimal comma
        r"|\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# A leading character class lets the regex engine skip to candidate characters: trying the alternatives
# at every position costs more than the rest of find_quantities
_FIRST_LETTERS = "".join(sorted({w[0] for w in [*ORDINALS, *UNITS, *TENS, "a", "an"]}))
_TOKEN_BODY = (rf"(?:(?P<ord>(?<!\w)\d+(?:st|nd|rd|th)\b|\b(?i:{ORDINAL_WORD})\b)|(?P<num>{_NUM})"
               rf"|(?P<word>\b(?i:an?\s+(?:{SCALE_WORD})|{WORD_NUMBER})\b))")
_TOKEN_RE = re.compile(rf"(?=[0-9{_FIRST_LETTERS}{_FIRST_LETTERS.upper()}]){_TOKEN_BODY}")
# The same without spelled numbers, for the many sentences whose only numbers are digits (years, sums)
_DIGIT_TOKEN_RE = re.compile(
    rf"(?=\d)(?:(?P<ord>(?<!\w)\d+(?:st|nd|rd|th)\b)|(?P<num>{_NUM})|(?P<word>(?!)))"
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

# "the 30th anniversary", "the 100th birthday"; "the 25th year of independence"
_ANNIVERSARY_RE = re.compile(r"\s+(?i:(anniversary|birthday)|years?(?=\s+(?:of|since)\b))")
_STRONG_RE = re.compile(r"[-–](?:strong|member|nation|country|state|party)\b")
_GLUED_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z]{0,2}$")
_GLUED_UNIT_RE = re.compile(r"(?:" + "|".join(sorted(map(re.escape, [*PHYSICAL_SYMBOLS, *SCALED_SYMBOLS]),
                                                          key=len, reverse=True)) + r")\b")
_UNIT_WORDS_RE = re.compile(r"(?P<sep>[-–]|\s?)(?:(?:straight|consecutive|successive|full|more|further"
                            r"|additional|long)\s)?(?P<w1>[A-Za-z][A-Za-z²2]*)(?:[\s-](?P<w2>[A-Za-z]+))?")
_AND_A_HALF_RE = re.compile(r"[\s-]+and[\s-]+a[\s-]+half\b")
_AGE_RE = re.compile(r"[\s-]+(?i:ago|old)\b")
_RATE_RE = re.compile(r"\s*(?:a|an|per|/|each|every)\s*(?i:(day|year|annum|month|hour))\b")
_OF_RE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?")
_HEDGES = (r"(?:(?:approximately|about|around|roughly|some|nearly|almost|just|only|over|under"
           r"|more\s+than|less\s+than|a\s+further|another|an\s+estimated)\s+)*")
_DOWN_BEFORE_RE = re.compile(
    r"(?i:(?:\b(?:fell|fall(?:s|ing|en)?|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)"
    r"|cut(?:s|ting)?|slash(?:es|ed|ing)?|shr[aiu]nk(?:s|ing)?|contract(?:s|ed|ing)|plung(?:e|es|ed|ing)"
    r"|slump(?:s|ed|ing)?|tumbl(?:e|es|ed|ing)|plummet(?:s|ed|ing)?|sank|sink(?:s|ing)?|down|lower"
    r"|reduc(?:e|es|ed|ing|tion))(?:\s+by)?"
    r"|\b(?:drop|fall|decline|decrease|cut|reduction|contraction|slump|plunge|loss)\s+of)\s+"
    + _HEDGES + r")$"
)
_UP_BEFORE_RE = re.compile(
    r"(?i:(?:\b(?:rose|ris(?:e|es|en|ing)|gr[eo]w(?:s|n|ing)?|increas(?:e|es|ed|ing)|jump(?:s|ed|ing)?"
    r"|climb(?:s|ed|ing)?|soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)|gain(?:s|ed|ing)?|expand(?:s|ed|ing)?"
    r"|up|higher)(?:\s+by)?"
    r"|\b(?:rise|increase|jump|growth|gain|surge)\s+of)\s+" + _HEDGES + r")$"
)
_DOWN_AFTER_RE = re.compile(r"[\s-]+(?i:drop|fall|decline|decrease|cut|reduction|contraction|slump|plunge)\b")
_UP_AFTER_RE = re.compile(r"[\s-]+(?i:rise|increase|jump|growth|gain|surge)\b")
_ABOUT_AFTER_RE = re.compile(
    r"\s+(?:in|of|for|worth\s+of)\s+(?:new\s+|annual\s+|bilateral\s+|its\s+|their\s+)?(?=[a-z])"
)
_ABOUT_BEFORE_RE = re.compile(
    r"(?i:\b([a-z]{3,})\s+(?:worth|of|valued\s+at|totall?ing|totall?ed|reached|stood\s+at|amounting\s+to)\s+"
    + _HEDGES + r")$"
)
_NOT_ABOUT = frozenset("it this that which there they he she we cost total sum amount value tune some drop "
                       "fall decline decrease cut reduction contraction slump plunge loss rise increase jump "
                       "growth gain surge".split())
_SUBJECT_RE = re.compile(
    r"(?i:\b([a-z]{3,})\s+(?:(?:have|has|had|were|was)\s+)?(?:fell|rose|grew|dropped|declined|increased|jumped"
    r"|climbed|surged|shrank|slumped|plunged|soared|up|down)\s+(?:by\s+)?" + _HEDGES + r")$"
)
_CUR_SKIP_RE = re.compile(r"(?:[A-Z]{1,3})?[$€£¥₽₹₩₺₴₪₦₱₫₾]\s?")
_A_SPAN_RE = re.compile(
    r"(?i:\b(?:about|around|nearly|almost|over|more\s+than|less\s+than|within|for|after|roughly|some"
    r"|just|under|barely|only|at\s+least|in(?=\s+an?\s+(?:day|hour)\b))\s+)"
    r"(an?\s+(decade|century|year|month|week|fortnight|day|hour))\b(?![\s-]+(?:ago|old)\b|'s|’s)"
)
# "year-long talks", "a decade-long dispute", "a weeklong visit": one unit of time
_LONG_SPAN_RE = re.compile(r"(?i:\b(decade|century|year|month|week|fortnight)-?long)\b")
_VAGUE_RE = re.compile(r"\b(?i:(tens\s+of\s+)?(dozens|hundreds|thousands|millions))\s+of\s+")
_FRACTION_RE = re.compile(
    r"\b(?i:(a|one|two|three|four|five|six|seven|eight|nine)([\s-])(third|quarter|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth)(s?))\b"
)
_DENOMINATORS = {"third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                 "ninth": 9, "tenth": 10}
_SPLIT_RE = re.compile(r"\b(\d{1,2})[-–/:](\d{1,2})\s+(?i:split|division|ratio|share|stake|formula)\b")
_TOP_RANK_RE = re.compile(
    # "largest Pacific trading partner": one capitalised word may qualify the noun
    r"\b(?i:largest|biggest|top|leading|main|principal|number\s+one|no\.\s*1)\s+(?:[A-Z][a-z]+\s+)?"
    r"(?:(?:trade|trading|export|import|investment|energy"
    r"|economic|foreign|single|oil|gas|arms|defence|defense)\s+)?(?i:(partner|market|investor|supplier|buyer"
    r"|creditor|lender|donor|source|destination|customer|importer|exporter|client|producer|consumer"
    r"|contributor|recipient|employer|shareholder|economies|economy|countries|country|project|companies"
    r"|company|port|cities|city))s?\b"
)
# "a 9-4 vote": the votes for and against
_VOTE_RE = re.compile(r"\b(\d{1,3})[-–](\d{1,3})\s+(?i:decision|vote|ruling|verdict|majority)\b")
_COUNT_TOKEN_RE = re.compile(r"\s+([A-Za-z0-9][\w&-]*)")
_COUNT_STOP = frozenset("a an the of in on at to for from with by but as than that which who is are was "
                        "were be been has have had will would this these those it its their his her our per "
                        "into over under about between among after before during since until via each more "
                        "less most percent".split())
# Each pattern of _extras runs only when one of its words is in the sentence (lower-cased word set)
_SPAN_CUES = frozenset(("decade", "century", "year", "month", "week", "fortnight", "day", "hour", "yearlong",
                        "monthlong", "weeklong", "decadelong"))
_VAGUE_CUES = frozenset(("dozens", "hundreds", "thousands", "millions"))
_FRACTION_CUES = frozenset(f"{d}{s}" for d in _DENOMINATORS for s in ("", "s"))
_SPLIT_CUES = frozenset(("split", "division", "ratio", "share", "stake", "formula", "decision", "vote",
                         "ruling", "verdict", "majority"))
_TOP_CUES = frozenset(("largest", "biggest", "top", "leading", "main", "principal", "number", "no"))
_ZERO_CUES = frozenset(("zero",))
# "met twice in December", "have met just twice since the split": a count of meetings written without a
# numeral ("met three times" is read as a count of times by the numeral rules)
_MEETINGS_CUES = frozenset(("twice", "thrice"))
_MEETINGS_RE = re.compile(r"\b(?i:met|meet|meets|meeting)\s+(?:(?:just|only|already|again|at\s+least)\s+)?"
                          r"(?P<n>(?i:twice|thrice))\b(?!\s+as\b)")  # not "met twice as often"
_TIMES = {"twice": 2, "thrice": 3}
_ZERO_RE = re.compile(r"\b(?i:zero)[\s-]+(?i:(tariffs?|dut(?:y|ies)|tax(?:es)?|rates?))\b")
_LOOKBACK = 60


_DIGIT_RE = re.compile(r"\d")
_SCALES = frozenset(SCALE_WORD.split("|"))
_NUMBER_WORDS = frozenset(TENS) | frozenset(UNITS) | frozenset(ORDINALS) | _SCALES


# Every cue word the figure rules test a sentence for, in one Aho-Corasick automaton: its words among them are
# found in one pass (as the set of its [a-z] words would give them, less the words no rule asks about).
_CUES = frozenset(w for w in _NUMBER_WORDS | _SPAN_CUES | _VAGUE_CUES | _FRACTION_CUES | _SPLIT_CUES
                  | _TOP_CUES | _ZERO_CUES | _MEETINGS_CUES if re.fullmatch(r"[a-z]+", w))


_CUE_FINDER = WordFinder((word, word) for word in _CUES)


def cue_words(sentence: str) -> frozenset[str]:
    """The cue words (_CUES) the sentence writes as whole words: a run of the letters a-z of its lower-cased
    text (so "one" is not in "someone", "day" is in "day-long")."""
    low, found = sentence.lower(), set()
    size = len(low)
    words = _CUE_FINDER.values
    for k, start, end in _CUE_FINDER.find(low):
        before = low[start - 1] if start else " "
        after = low[end] if end < size else " "
        if not "a" <= before <= "z" and not "a" <= after <= "z":
            found.add(words[k])
    return frozenset(found)


@lru_cache(maxsize=512)
def _token_re_from(letters: str) -> re.Pattern[str]:
    """_TOKEN_RE with only the digits and `letters` (both cases) in its leading class."""
    return re.compile(rf"(?=[0-9{letters}{letters.upper()}]){_TOKEN_BODY}")


def _token_re(sentence: str, words: frozenset[str]) -> re.Pattern[str]:
    """_TOKEN_RE for a sentence whose cue words are `words`: its leading class holds only the first letters
    of the number words the sentence writes ("a" too with a scale word: "a million"), so the engine skips
    the other letters. A spelled number the pattern matches is one of those words (its lower case, whole),
    unless the sentence holds a character re.I folds into a letter (then the whole class is kept)."""
    if case_folds(sentence):
        return _TOKEN_RE
    found = words & _NUMBER_WORDS
    letters = {w[0] for w in found} | ({"a"} if not _SCALES.isdisjoint(found) else set())
    return _token_re_from("".join(sorted(letters)))


def find_quantities(sentence: str) -> list[Quantity]:
    """Return the money, percent, count and rank figures of `sentence`, in order, non-overlapping."""
    words = cue_words(sentence)
    spelled = not _NUMBER_WORDS.isdisjoint(words)
    if not spelled and not (has_ascii_digit(sentence) if sentence.isascii() else _DIGIT_RE.search(sentence)):
        # no digit, spelled number, ordinal or scale word
        return find_halves_only(sentence, words)
    state = _State()
    pos = 0
    for m in (_token_re(sentence, words) if spelled else _DIGIT_TOKEN_RE).finditer(sentence):
        if m.start() < pos:
            continue
        q = _ordinal(sentence, m, state) if m.group("ord") else _cardinal(sentence, m, state)
        if q is not None:
            state.found.append(q)
            pos = q.end
    if "alf" in sentence:
        state.found.extend(Quantity(v, "percent", sentence[s:e], s, e) for s, e, v in find_halves(sentence))
    state.found.extend(_extras(sentence, words))
    state.found.sort(key=lambda q: (q.start, -q.end))
    result: list[Quantity] = []
    for q in state.found:
        if not result or q.start >= result[-1].end:
            result.append(q)
    return result


def find_halves_only(sentence: str, words: frozenset[str] | None = None) -> list[Quantity]:
    """The "half" figures, spans ("about a decade") and top ranks of a sentence with no other number."""
    found = _extras(sentence, words)
    if "alf" in sentence:
        found.extend(Quantity(v, "percent", sentence[s:e], s, e) for s, e, v in find_halves(sentence))
    return sorted(found, key=lambda q: q.start)


def _extras(sentence: str, words: frozenset[str] | None = None) -> list[Quantity]:
    """Figures written without a numeral: "about a decade", "dozens of firms", "two-thirds", "a 60-40
    split", "its largest trading partner" (rank 1), "zero tariffs" (0 percent). `words`: the sentence's
    cue words (`cue_words`), when the caller has them; each pattern runs only when one of its cues is in."""
    found: list[Quantity] = []
    if words is None:
        words = cue_words(sentence)
    if not _SPAN_CUES.isdisjoint(words):
        found.extend(_spans(sentence))
    if not _VAGUE_CUES.isdisjoint(words):
        found.extend(_vague(sentence))
    if not _FRACTION_CUES.isdisjoint(words):
        found.extend(_fractions(sentence))
    if not _SPLIT_CUES.isdisjoint(words):
        found.extend(_splits(sentence))
    if not _TOP_CUES.isdisjoint(words):
        found.extend(Quantity(1, "rank", m.group(), m.start(), m.end(), m.group(1).lower())
                     for m in _TOP_RANK_RE.finditer(sentence))
    if not _ZERO_CUES.isdisjoint(words):
        found.extend(Quantity(0, "percent", m.group(), m.start(), m.end(), m.group(1).lower())
                     for m in _ZERO_RE.finditer(sentence))
    if not _MEETINGS_CUES.isdisjoint(words):
        found.extend(_meetings(sentence))
    return found


def _meetings(sentence: str) -> list[Quantity]:
    """ "met twice", "have met just twice": how many meetings, counted by a frequency word."""
    return [Quantity(_TIMES[m.group("n").lower()], "meetings", m.group("n"), m.start("n"), m.end("n"),
                     "meetings") for m in _MEETINGS_RE.finditer(sentence)]


def _spans(sentence: str) -> list[Quantity]:
    """ "about a decade", "for a year": a duration written with an article; "year-long", "weeklong"."""
    found = []
    for m in _A_SPAN_RE.finditer(sentence):
        unit, factor = DURATIONS[m.group(2).lower()]
        found.append(Quantity(factor, unit, m.group(1), m.start(1), m.end(1), kind="duration"))
    for m in _LONG_SPAN_RE.finditer(sentence):
        unit, factor = DURATIONS[m.group(1).lower()]
        found.append(Quantity(factor, unit, m.group(), m.start(), m.end(), kind="duration"))
    return found


def _vague(sentence: str) -> list[Quantity]:
    """ "dozens of firms", "tens of thousands of troops": the least the plural can mean."""
    found = []
    for m in _VAGUE_RE.finditer(sentence):
        noun = plural_after(sentence, m.end() - 1)
        if noun:
            base = 12 if m.group(2).lower() == "dozens" else SCALES[m.group(2).lower()[:-1]]
            value = 2 * base * (10 if m.group(1) else 1)  # the least the plural can mean
            text = m.group(2) if not m.group(1) else m.group().split(" of")[0] + " of " + m.group(2)
            end = m.start() + len(text)
            found.append(Quantity(value, "count", text, m.start(), end, noun, kind="approximate"))
    return found


def _fractions(sentence: str) -> list[Quantity]:
    """ "two-thirds", "a third of": shares written as fractions."""
    found = []
    for m in _FRACTION_RE.finditer(sentence):
        num = 1 if m.group(1).lower() in ("a", "one") else UNITS[m.group(1).lower()]
        plural = bool(m.group(4))
        if (num > 1) != plural or (num == 1 and m.group(2) != "-" and not _OF_RE.match(sentence, m.end())):
            continue  # "a third term" is an ordinal; "a third of", "one-third", "two-thirds" are shares
        share = round(num / _DENOMINATORS[m.group(3).lower()], 6)
        found.append(Quantity(share, "ratio", m.group(), m.start(), m.end(), kind="fraction"))
    return found


def _splits(sentence: str) -> list[Quantity]:
    """ "a 60-40 split": two percentages that add up to a hundred."""
    found = []
    for m in _SPLIT_RE.finditer(sentence):
        a, b = int(m.group(1)), int(m.group(2))
        if a + b == 100:
            found.append(Quantity(a, "percent", m.group(1), m.start(1), m.end(1), kind="split"))
            found.append(Quantity(b, "percent", m.group(2), m.start(2), m.end(2), kind="split"))
    for m in _VOTE_RE.finditer(sentence):  # the votes for and against
        for k in (1, 2):
            found.append(Quantity(int(m.group(k)), "count", m.group(k), m.start(k), m.end(k), "votes",
                                  kind="split"))
    return found


def _read(sentence: str, m: re.Match[str], joined: bool = False) -> _Fig | None:
    """Read the number at `m` with its scale, sign and currency/percent; None if it is no figure."""
    start, end = m.span()
    amount = parse_amount(m.group())
    digits = m.group("num") is not None
    blocked = digits and not joined and _left_blocked(sentence, start)
    if amount is None or end - start > 18 or (blocked and not _GLUED_RE.search(sentence, 0, start)):
        return None
    fig = _Fig(start, end, Decimal(str(amount)), "num" if digits else "word")
    for _ in range(3):  # "two hundred thousand" chains scales; bound it
        s = _SCALE_RE.match(sentence, fig.end)
        if s is None or not (s.group(1) or s.group(2) or digits):
            break
        fig.scale *= SCALES[(s.group(1) or s.group(2) or s.group(3)).lower()]
        fig.letter_scale = fig.letter_scale or bool(s.group(3))
        fig.end = s.end()
    if blocked:  # letters glued before the digits must be a currency ("Ksh800", "N500 billion naira")
        scaled = fig.scale >= 10**6
        pre = currency_before(sentence, start, scaled)
        if pre is None and not (scaled and currency_after(sentence, fig.end, True)):
            return None
        fig.currency, fig.start = pre if pre else (None, start - 1)
    glued_unit = _GLUED_UNIT_RE.match(sentence, fig.end)
    if digits and fig.scale == 1 and _right_blocked(sentence, fig.end) and not glued_unit:
        return None
    sign = sentence[start - 1 : start] if not joined else ""
    if sign and sign in "-−+" and not sentence[start - 2 : start - 1].isalnum():
        fig.start, fig.sign = start - 1, (1 if sign == "+" else -1)
    if (p := _PERCENT_RE.match(sentence, fig.end)) is not None:
        fig.percent, fig.end = True, p.end()
        return fig
    if fig.currency:
        return fig
    if (pre := currency_before(sentence, fig.start, fig.scale >= 10**6)) is not None:
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
    if fig.currency or fig.percent:
        unit = fig.currency or "percent"
        if fig.currency:
            state.last_money = (fig.currency, fig.scale)
        change = _change(sentence, fig)
        if change:
            fig.sign *= change
        return _make(sentence, fig, unit, noun=_about(sentence, fig), kind="change" if change else None)
    if fig.kind == "num" and fig.scale == 1 and _is_year(sentence, fig):
        return None
    if (half := _AND_A_HALF_RE.match(sentence, fig.end)) is not None:  # "three-and-a-half years"
        fig.amount, fig.end = fig.amount + Decimal("0.5"), half.end()
    measured = _measure(sentence, fig)
    if measured is not None:
        return measured
    return _bare(sentence, fig, state)


def _make(sentence: str, fig: _Fig, unit: str, noun: str | None = None, kind: str | None = None) -> Quantity:
    return Quantity(fig.value(), unit, sentence[fig.start : fig.end], fig.start, fig.end, noun, kind=kind)


def _change(sentence: str, fig: _Fig) -> int:
    """-1 for a fall ("fell 8%", "a drop of 8%", "down 8 percent", "an 8% cut"), +1 for a rise, else 0."""
    window = max(0, fig.start - _LOOKBACK)
    if _DOWN_BEFORE_RE.search(sentence, window, fig.start) or _DOWN_AFTER_RE.match(sentence, fig.end):
        return -1
    if _UP_BEFORE_RE.search(sentence, window, fig.start) or _UP_AFTER_RE.match(sentence, fig.end):
        return 1
    return 0


def _about(sentence: str, fig: _Fig) -> str | None:
    """What a sum or share measures: "$2bn in investment", "8% of exports", "trade worth $2bn"."""
    m = _ABOUT_AFTER_RE.match(sentence, fig.end)
    if m is not None:
        words = words_after(sentence, m.end() - 1, limit=3)
        if words and not _DIGIT_RE.search(words[0]):
            return " ".join(words)
    window = max(0, fig.start - _LOOKBACK)
    b = (_ABOUT_BEFORE_RE.search(sentence, window, fig.start)
         or _SUBJECT_RE.search(sentence, window, fig.start))
    return b.group(1).lower() if b and b.group(1).lower() not in _NOT_ABOUT else None


def _unit_words(sentence: str, pos: int) -> tuple[str, str | None, int, int, bool] | None:
    """The unit written at `pos` ("-year", " days", " square kilometres", "km"): (unit, pint expression
    or None for a duration, factor, end, hyphenated); None if no known unit follows."""
    m = _UNIT_WORDS_RE.match(sentence, pos)
    if m is None:
        return None
    hy = bool(m.group("sep").strip())
    w1, w2 = m.group("w1"), m.group("w2")
    candidates = [(f"{w1} {w2}", m.end())] if w2 else []
    candidates.append((w1, m.end("w1")))
    for word, end in candidates:
        if word in PHYSICAL_SYMBOLS:
            return PHYSICAL_SYMBOLS[word], PHYSICAL_SYMBOLS[word], 1, end, hy
        if word in SCALED_SYMBOLS:
            factor, expr = SCALED_SYMBOLS[word]
            return expr, expr, factor, end, hy
        low = word.lower()
        for key in (low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low):
            if key in PHYSICAL:
                return PHYSICAL[key], PHYSICAL[key], 1, end, hy
            if key in DURATIONS and " " not in key:
                unit, factor = DURATIONS[key]
                return unit, None, factor, end, hy
    return None


def _measure(sentence: str, fig: _Fig) -> Quantity | None:
    """A duration ("a 20-year lease", "for six decades" -> 60 year) or a physical amount
    ("1.2 million barrels a day" -> 1200000 bbl/d, "3.5 gigawatts" -> 3.5 GW, via pint's symbols)."""
    found = _unit_words(sentence, fig.end)
    if found is None or fig.amount <= 0:
        return None
    unit, expr, factor, end, hyphen = found
    if (age := _AGE_RE.match(sentence, end)) is not None:
        if expr is not None or age.group().lower().endswith("ago") or fig.amount * fig.scale <= 1:
            return None  # "two years ago": a relative date, not an amount
        # "the 34-year-old envoy", "a 60-year old feud": an age, a span of years (no key figure: no noun)
        value = tidy(fig.amount * fig.scale * factor)
        return Quantity(value, unit, sentence[fig.start : age.end()], fig.start, age.end(), kind="duration")
    noun = None
    if expr is None:
        kind = "duration"
        if fig.kind == "word" and fig.amount == 1 and not hyphen:
            return None  # "one day", "one year": too often not a measured span
    else:
        kind = "measure"
        rate = _RATE_RE.match(sentence, end)
        if rate is not None:
            expr, end = f"{expr}/{RATES[rate.group(1).lower()]}", rate.end()
        unit = pint_symbol(expr)
    if hyphen:
        words = words_after(sentence, end, limit=1)
        noun = " ".join(words) if words else None
    elif (of := _OF_RE.match(sentence, end)) is not None:
        words = words_after(sentence, of.end() - 1, limit=2)
        noun = " ".join(words) if words else None
    value = tidy(fig.amount * fig.scale * factor * fig.sign)
    return Quantity(value, unit, sentence[fig.start : end], fig.start, end, noun, kind=kind)


def _joined(sentence: str, fig: _Fig, state: _State) -> Quantity | None:
    """'20-30%' and 'between 10 and 15 percent' are ranges; '10 to 15 percent' lends its unit."""
    if fig.unit is None and fig.scale == 1 and _is_year(sentence, fig):
        return None  # "€21 billion in 2022 and €18 billion": a year lends nothing and borrows nothing
    link = _LINK_RE.match(sentence, fig.end)
    nxt_at = link.end() if link else 0
    if link is not None and (cur := _CUR_SKIP_RE.match(sentence, nxt_at)) is not None:
        nxt_at = cur.end()
    nxt_m = _TOKEN_RE.match(sentence, nxt_at) if link else None
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


# "a country of 22 million", "a population of 1.4 billion": people
_PEOPLE_OF_RE = re.compile(r"(?i:\b(?:country|nation|population|city|island|state|region)\s+of\s+"
                           r"(?:(?:about|around|some|nearly|almost|more\s+than|over|roughly)\s+)?)$")
# "N times": occasions ("spoke 23 times") or a multiple ("three times that of Nicaragua", "five times
# larger"), both figures with the noun "times"
_TIMES_RE = re.compile(r"\s+times\b")


def _bare(sentence: str, fig: _Fig, state: _State) -> Quantity | None:
    """A number without a written unit: inherited money, a rank, a count, or nothing."""
    if fig.letter_scale or (fig.kind == "num" and sentence[fig.end : fig.end + 1] in ("-", "–")):
        return _strong(sentence, fig)
    if fig.kind == "num" and fig.scale == 1 and (_is_year(sentence, fig) or _is_day(sentence, fig)):
        return None
    noun = plural_after(sentence, fig.end) or _counted_noun(sentence, fig.end)
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
    if noun is None and fig.kind == "num" and fig.amount >= 1000 and "," in sentence[fig.start : fig.end] \
            and not _REF_RE.search(sentence, window, fig.start):
        return _make(sentence, fig, "count")  # "including 1,500 thought to be teenagers", "720,000 of them"
    if noun is None and fig.scale >= 10**6 and _PEOPLE_OF_RE.search(sentence, window, fig.start):
        return _make(sentence, fig, "count", noun="people")  # "a country of 22 million"
    if noun == "times" and fig.amount >= 2 and (times := _TIMES_RE.match(sentence, fig.end)) is not None:
        return Quantity(fig.value(), "count", sentence[fig.start : times.end()], fig.start, times.end(),
                        noun="times")  # "spoke 23 times", "three times that of Nicaragua"
    if noun is None or noun.lower() in TIME_NOUNS or fig.amount < 1 or not _countable(sentence, fig):
        return None
    return _make(sentence, fig, "count", noun=noun)


def _counted_noun(sentence: str, pos: int) -> str | None:
    """The plural head after makes, models and coordinated modifiers: "40 Boeing 787 jets",
    "the 12 trade and energy agreements"."""
    for i, m in enumerate(_COUNT_TOKEN_RE.finditer(sentence, pos)):
        word = m.group(1)
        if i >= 5 or m.start() != pos:
            return None
        pos = m.end()
        low = word.lower()
        if low in ("and", "or", "&"):
            continue
        if low in _COUNT_STOP or (word[0].isupper() and low in MONTHS):
            return None
        if word.islower() and word.isalpha() and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word
    return None


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
    anniversary = _ANNIVERSARY_RE.match(sentence, end)
    if anniversary is not None and (anniversary.group(1) or value >= 2):
        end = anniversary.end()
        return Quantity(value, "year", sentence[start:end], start, end,
                        anniversary.group(1).lower() if anniversary.group(1) else "year", kind="duration")
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
