"""Number words, scales, currencies, halves and counted nouns: the vocabulary of written figures."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from generator.content.vocabulary import MONTH_NUMBERS

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}
SCALES = {
    "hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "dozen": 12, "lakh": 10**5, "crore": 10**7, "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6,
    "b": 10**9, "bn": 10**9, "bln": 10**9, "tn": 10**12,
}
MONTHS = frozenset(MONTH_NUMBERS)

_TENS_ALT = "|".join(TENS)
_UNITS_ALT = "|".join(sorted(UNITS, key=len, reverse=True))
# Regex alternation matching one spelled cardinal below a hundred ("twenty-five", "seven").
WORD_NUMBER = rf"(?:(?:{_TENS_ALT})(?:[- ](?:{_UNITS_ALT}))?|{_UNITS_ALT})"
ORDINAL_WORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
SCALE_WORD = "hundred|thousand|million|billion|trillion|dozen|lakh|crore"

SYMBOLS = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB",
    "₹": "INR", "₩": "KRW", "₺": "TRY", "₴": "UAH", "₪": "ILS", "a$": "AUD", "au$": "AUD",
    "c$": "CAD", "ca$": "CAD", "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "r$": "BRL",
    "nt$": "TWD", "rs": "INR", "rs.": "INR", "rmb": "CNY", "chf": "CHF",
}
CURRENCY_WORDS = {
    "euro": "EUR", "dollar": "USD", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "sterling": "GBP", "pound": "GBP", "yen": "JPY", "rouble": "RUB", "ruble": "RUB",
    "rupee": "INR", "franc": "CHF", "lira": "TRY", "lire": "TRY", "hryvnia": "UAH",
    "shekel": "ILS", "riyal": "SAR", "dirham": "AED", "rand": "ZAR", "peso": "MXN",
    "zloty": "PLN", "ringgit": "MYR", "rupiah": "IDR", "baht": "THB", "naira": "NGN",
    "forint": "HUF", "won": "KRW", "real": "BRL", "reais": "BRL", "dong": "VND",
}
# Qualified names; "won", "real" and "dong" are too ambiguous to stand alone.
QUALIFIED = {
    "us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
    "hong kong": "HKD", "singapore": "SGD", "new zealand": "NZD", "taiwan": "TWD",
    "taiwanese": "TWD", "swiss": "CHF", "south korean": "KRW", "korean": "KRW",
    "brazilian": "BRL", "vietnamese": "VND", "turkish": "TRY", "mexican": "MXN",
}
NEEDS_QUALIFIER = frozenset({"won", "real", "dong"})  # "reais" is only ever money
# Three-letter codes that are also ordinary capitalised words.
_CODE_WORDS = frozenset({"ALL", "TOP", "CUP", "SOS", "MOP", "BOB", "PEN", "MAD", "GEL", "MVR"})

_QUALIFIER = (
    r"US|U\.S\.|(?i:american|canadian|australian|hong\s+kong|singapore|new\s+zealand|taiwan(?:ese)?"
    r"|swiss|(?:south\s+)?korean|brazilian|vietnamese|turkish|mexican)"
)
_SUFFIX_RE = re.compile(
    rf"\s?(?P<sym>[€£¥₽₹₩₺₴₪])|\s(?P<code>[A-Z]{{3}})\b"
    rf"|\s(?:(?P<qual>{_QUALIFIER})\s+)?(?P<cur>[A-Za-z]+)\b"
)
_PREFIX_RE = re.compile(
    r"(?:(?<![A-Za-z])(?P<sym>(?:US|U\.S\.|AU|A|CA|C|HK|NZ|NT|S|R)?\s?[$€£¥₽₹₩₺₴₪])"
    r"|\b(?P<code>Rs\.?|[A-Z]{3}))\s?$"
)
_HALF_RE = re.compile(r"\b(?i:half)\b")
_HEDGE = r"(?:(?:nearly|almost|about|around|roughly|some|approximately|more\s+than|over|less\s+than)\s+)*"
_FALL_BY_RE = re.compile(
    r"(?i:\b(?:fall\w*|fell|drop\w*|declin\w*|cut\w*|shr[iau]nk\w*|plung\w*|slump\w*|decreas\w*"
    r"|reduc\w*|slash\w*|contract\w*|tumbl\w*|plummet\w*|sank|sink\w*|lost|los[ei]\w*)"
    rf"(?:\s+\w+){{0,2}}?\s+by\s+{_HEDGE}(?:a\s+|one\s+)?)$"
)
_RISE_BY_RE = re.compile(
    r"(?i:\b(?:ris\w*|rose|grow\w*|grew|increas\w*|jump\w*|climb\w*|soar\w*|surg\w*|expand\w*|gain\w*)"
    rf"(?:\s+\w+){{0,2}}?\s+by\s+{_HEDGE}(?:a\s+|one\s+)?)$"
)
_HALF_SHARE_RE = re.compile(r"\s+(?:of|the|all|its|their)\b")
_HALF_PERIOD_RE = re.compile(
    r"\s+of\s+(?:the\s+|this\s+|last\s+|next\s+)?(?:\d{4}|year|decade|century|month|week|day|term|season)"
)
_HALF_NOT_RE = re.compile(r"(?i:\b(?:first|second|latter|former|other|the|a|one|next|last)[\s-]+)$")

WORD_RE = re.compile(r"[\s\"“”‘’']+([A-Za-z][A-Za-z'’-]*)")
_STOP = frozenset(
    "a an the of in on at to for from with by and or but nor as than that which who whom whose "
    "is are was were be been being has have had will would can could may might shall should do "
    "does did not no this these those it its their his her our your my they we he she them per "
    "into onto over under about between among after before during since until via each every "
    "more less most least".split()
)
_IRREGULAR = frozenset("people children police personnel staff troops cattle aircraft data media".split())
TIME_NOUNS = frozenset("seconds minutes hours days weeks months years decades centuries times".split())
_TOKEN_RE = re.compile(r"\d+(?:\.\d+)?|[a-z]+(?:\.[a-z]+\.)?")
_THOUSANDS_RE = re.compile(r"(?<=\d)[,\u00a0\u202f\u2009](?=\d{3}\b)")
_VALID_RE = re.compile(r"[\sa-z0-9.]*")
_ORD_SUFFIX_RE = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies) - _CODE_WORDS


def iso_code(code: str) -> str | None:
    """Return `code` if it is an ISO 4217 currency code written in capitals, else None."""
    return code if len(code) == 3 and code.isupper() and code in _iso_codes() else None


def currency_of_word(word: str, qualifier: str | None = None) -> str | None:
    """Map a currency name ("euros", "Swiss francs") to its ISO code; None if unknown."""
    low = word.lower()
    base = low[:-1] if low.endswith("s") and low[:-1] in CURRENCY_WORDS else low
    if base not in CURRENCY_WORDS:
        return None
    qual = QUALIFIED.get(qualifier.lower()) if qualifier else None
    if base in NEEDS_QUALIFIER and qual is None:
        return None
    if qual and (base in ("dollar", "franc", "won", "real", "reais", "dong", "lira", "peso")):
        return qual
    return CURRENCY_WORDS[base]


def ordinal_value(text: str) -> int | None:
    """Return the value of an ordinal ("third" -> 3, "8th" -> 8), else None."""
    low = text.lower()
    if low in ORDINALS:
        return ORDINALS[low]
    m = _ORD_SUFFIX_RE.match(low)
    return int(m.group(1)) if m else None


def tidy(value: Decimal | float) -> float | int:
    """Return an int when the value is integral, else a float."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return int(value) if float(value).is_integer() else value


def _word_value(tok: str) -> Decimal | None:
    if tok in UNITS:
        return Decimal(UNITS[tok])
    if tok in TENS:
        return Decimal(TENS[tok])
    if tok == "half":
        return Decimal("0.5")
    if tok in ORDINALS:
        return Decimal(ORDINALS[tok])
    if tok[0].isdigit():
        try:
            return Decimal(tok)
        except InvalidOperation:
            return None
    return None


def parse_amount(text: str) -> float | int | None:
    """Parse a written amount ("49.8 billion", "1,500", "six", "a dozen", "half"); None if not one."""
    low = _THOUSANDS_RE.sub("", text.strip().lower())
    sign = -1 if low.startswith(("-", "−", "minus ")) else 1
    low = low.lstrip("+-−").replace("-", " ")
    if not _VALID_RE.fullmatch(low):
        return None
    m = _ORD_SUFFIX_RE.match(low)
    if m:
        return int(m.group(1))
    total, current, seen = Decimal(0), Decimal(0), False
    for tok in _TOKEN_RE.findall(low):
        if tok in ("a", "an", "and", "minus"):
            continue
        scale = SCALES.get(tok) or (SCALES.get(tok[:-1]) if len(tok) > 4 and tok[-1] == "s" else None)
        if scale:
            if not seen and len(tok) < 4:
                return None
            if scale >= 1000 and not current and total:
                total *= scale  # "lakh crore", "thousand million": a scale of a scale
                continue
            current, seen = (current if current else Decimal(1)) * scale, True
            if scale >= 1000:
                total, current = total + current, Decimal(0)
            continue
        val = _word_value(tok)
        if val is None or (tok[0].isdigit() and seen):
            return None
        current, seen = current + val, True
    return tidy(sign * (total + current)) if seen else None


def currency_before(sentence: str, start: int) -> tuple[str, int] | None:
    """ISO code and start of a currency symbol or code written just before `start` ("US$", "RMB ")."""
    pre = _PREFIX_RE.search(sentence, max(0, start - 12), start)
    if pre is None:
        return None
    code = pre.group("code")
    cur = iso_code(code) if code and len(code) == 3 and code != "RMB" else None
    cur = cur or SYMBOLS.get((pre.group("sym") or code or "").replace(" ", "").lower())
    return (cur, pre.start()) if cur else None


def currency_after(sentence: str, end: int, scaled: bool) -> tuple[str, int] | None:
    """ISO code and end of a currency written just after `end` ("euros", "Swiss francs", "USD", "€")."""
    suf = _SUFFIX_RE.match(sentence, end)
    if suf is None:
        return None
    if suf.group("sym"):
        cur = SYMBOLS.get(suf.group("sym"))
    elif suf.group("code"):
        cur = iso_code(suf.group("code")) or SYMBOLS.get(suf.group("code").lower())
    else:
        cur = currency_of_word(suf.group("cur"), suf.group("qual"))
        if cur == "GBP" and not scaled and suf.group("cur").lower().startswith("pound"):
            cur = None  # "500 pounds of explosives" is a weight
    return (cur, suf.end()) if cur else None


def find_halves(sentence: str, lookback: int = 60) -> list[tuple[int, int, int]]:
    """(start, end, percent) of each 'half' that is a share or a change: 'fall by half' is -50."""
    found = []
    for m in _HALF_RE.finditer(sentence):
        start, end = m.span()
        window = max(0, start - lookback)
        if _FALL_BY_RE.search(sentence, window, start):
            value = -50
        elif _RISE_BY_RE.search(sentence, window, start):
            value = 50
        elif (_HALF_SHARE_RE.match(sentence, end) and not _HALF_PERIOD_RE.match(sentence, end)
              and not _HALF_NOT_RE.search(sentence, window, start)):
            value = 50
        else:
            continue
        found.append((start, end, value))
    return found


def words_after(sentence: str, pos: int, limit: int = 4) -> list[str]:
    """Up to `limit` words after `pos`, stopping at punctuation, a function word or a month."""
    words: list[str] = []
    while len(words) < limit and (m := WORD_RE.match(sentence, pos)):
        word = m.group(1)
        if word.lower() in _STOP or (word[0].isupper() and word.lower() in MONTHS):
            break
        words.append(word)
        pos = m.end()
    return words


def _is_plural(word: str) -> bool:
    low = word.lower()
    if low in _IRREGULAR or low.endswith("men"):
        return True
    return len(low) > 2 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))


def plural_after(sentence: str, pos: int) -> str | None:
    """The head noun of a counted phrase: the first plural word among the next four."""
    return next((w for w in words_after(sentence, pos) if _is_plural(w)), None)
