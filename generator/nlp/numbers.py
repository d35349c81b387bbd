"""Number words, scales, currencies, halves and counted nouns: the vocabulary of written figures."""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
    "nt$": "TWD", "rs": "INR", "rs.": "INR", "rmb": "CNY", "chf": "CHF", "sr": "SAR",
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
    rf"\s?(?P<sym>[€£¥₽₹₩₺₴₪₦₱₫₾])|\s(?P<code>[A-Z]{{3}})\b"
    rf"|\s(?:(?P<qual>{_QUALIFIER}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+)?(?P<cur>[A-Za-z]+)\b"
)
_SUFFIX_WORD_RE = re.compile(r"\s(?P<cur>[A-Za-z]+)\b")
_PREFIX_RE = re.compile(
    r"(?:(?<![A-Za-z])(?P<sym>(?:U\.S\.|[A-Z][A-Za-z]{0,2})?\s?[$€£¥₽₹₩₺₴₪₦₱₫₾])"
    r"|(?<![A-Za-z])(?P<code>[A-Z][A-Za-z]{0,3}\.?|Rs\.?|rs\.?))\s?$"
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
_IRREGULAR = frozenset("people children police personnel staff troops cattle aircraft data media memoranda "
                       "criteria".split())
TIME_NOUNS = frozenset("seconds minutes hours days weeks months years decades centuries times".split())
_TOKEN_RE = re.compile(r"\d+(?:\.\d+)?|[a-z]+(?:\.[a-z]+\.)?")
_THOUSANDS_RE = re.compile(r"(?<=\d)[,\u00a0\u202f\u2009](?=\d{3}\b)")
# A decimal comma, as written in much of Europe: "4,5 billion", "99,9%" (one or two digits after it; the
# figure pattern admits it only before a percent sign or a scale word, so "1,2" in a list stays two numbers)
_DECIMAL_COMMA_RE = re.compile(r"^(\d+),(\d{1,2})$")
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
    """Map a currency name ("euros", "Swiss francs", "Kenyan shillings", "naira") to its ISO code;
    None if unknown. Hand defaults first ("dollars" is USD), then CLDR's English names."""
    low = word.lower()
    if qualifier:
        named = cldr_names().get(f"{qualifier.lower()} {low}")
        if named:
            return named
    base = low[:-1] if low.endswith("s") and low[:-1] in CURRENCY_WORDS else low
    if base not in CURRENCY_WORDS:
        return cldr_names().get(low) if low not in NEEDS_QUALIFIER else None
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


@lru_cache(maxsize=8192)
def parse_amount(text: str) -> float | int | None:
    """Parse a written amount ("49.8 billion", "1,500", "six", "a dozen", "half"); None if not one.
    Cached: texts write the same few numbers (years, "two", "1,000") again and again."""
    low = _THOUSANDS_RE.sub("", text.strip().lower())
    low = _DECIMAL_COMMA_RE.sub(r"\1.\2", low)
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


def currency_before(sentence: str, start: int, scaled: bool = True) -> tuple[str, int] | None:
    """ISO code and start of a currency symbol or code written just before `start` ("US$", "RMB ",
    "Ksh", "A$"); a one-letter symbol ("R", "P") counts only before a scaled amount ("R5 billion")."""
    pre = _PREFIX_RE.search(sentence, max(0, start - 12), start)
    if pre is None:
        return None
    code = pre.group("code")
    cur = iso_code(code) if code and len(code) == 3 and code != "RMB" else None
    key = (pre.group("sym") or code or "").replace(" ", "").lower()
    if cur is None and (scaled or len(key.rstrip(".")) > 1):
        cur = SYMBOLS.get(key) or cldr_symbols().get(key)  # the hand defaults win; CLDR is loaded when needed
    if cur is None and pre.group("sym"):  # an unknown letter prefix: the symbol alone
        cur = SYMBOLS.get(key[-1]) or cldr_symbols().get(key[-1])
        return (cur, pre.end("sym") - 1) if cur else None
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
        if cur is None and suf.group("qual"):
            suf = _SUFFIX_WORD_RE.match(sentence, end)
            cur = currency_of_word(suf.group("cur")) if suf else None
        if cur == "GBP" and suf and not scaled and suf.group("cur").lower().startswith("pound"):
            cur = None  # "500 pounds of explosives" is a weight
    return (cur, suf.end()) if cur and suf else None


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


# --- Currencies from CLDR (Babel): symbols and names beyond the hand defaults above -------------

# Last words of CLDR names that are ordinary English words or units on their own ("the 10 million mark").
_NOT_ALONE = frozenset({"gold", "mark", "marks", "dram", "drams", "reals", "mvdol", "mvdols"})


# CLDR's currency symbols as Babel gives them (babel_currency_symbols), written by `python -m
# generator.nlp.numbers` and checked against Babel by tests/test_quantities.py: reading every English locale
# costs 0.04 s a process, for a table this small.
CURRENCY_SYMBOLS_FILE = Path(__file__).with_name("currency_symbols.json")


def babel_currency_symbols() -> dict[str, list[str]]:
    """Lower-cased currency symbol -> the ISO codes it writes, from Babel: CLDR's English symbols ("A$",
    "CN¥") and each English-speaking territory's own for its first tender currency ("Ksh", "TSh", "₦")."""
    from babel import Locale
    from babel.localedata import locale_identifiers
    from babel.numbers import get_territory_currencies

    table: dict[str, set[str]] = {}
    for code, sym in Locale("en").currency_symbols.items():
        if sym != code and sym != "¤":
            table.setdefault(sym.lower(), set()).add(code)
    for ident in locale_identifiers():
        if not ident.startswith("en_") or ident.count("_") != 1:
            continue
        loc = Locale.parse(ident)
        for code in get_territory_currencies(loc.territory, tender=True)[:1] if loc.territory else ():
            sym = loc.currency_symbols.get(code, code)
            if sym != code:
                table.setdefault(sym.lower().replace("\u202f", " "), set()).add(code)
    return {sym: sorted(codes) for sym, codes in sorted(table.items())}


@lru_cache(maxsize=1)
def cldr_symbols() -> dict[str, str]:
    """Lower-cased currency symbol -> ISO code: the hand defaults, then CLDR's symbols that write one
    currency only (the table Babel wrote, CURRENCY_SYMBOLS_FILE)."""
    table: dict[str, list[str]] = json.loads(CURRENCY_SYMBOLS_FILE.read_text("utf-8"))
    out = {sym: codes[0] for sym, codes in table.items() if len(codes) == 1}
    out.update(SYMBOLS)
    return out


@lru_cache(maxsize=1)
def cldr_names() -> dict[str, str]:
    """Lower-cased English currency name, singular and plural ("kenyan shillings", "naira") -> ISO code.
    A name's last word alone maps only when one currency has it; the hand defaults decide the rest."""
    from babel.numbers import get_currency_name, list_currencies


    full: dict[str, str] = {}
    heads: dict[str, set[str]] = {}
    for code in sorted(list_currencies()):
        if code.startswith("X") or code not in _iso_codes():  # current ISO 4217 codes only
            continue
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            if "(" in name or not name.replace(" ", "").replace("-", "").isalpha():
                continue
            full.setdefault(name, code)
            heads.setdefault(name.rsplit(" ", 1)[-1], set()).add(code)
    out = {h: next(iter(c)) for h, c in heads.items()
           if len(c) == 1 and h not in NEEDS_QUALIFIER and h not in _NOT_ALONE}
    out.update(full)
    return out


@lru_cache(maxsize=256)
def local_dollar(url: str | None) -> str | None:
    """The currency a bare "$" means in a document from this address: the dollar of the country of its
    country-code domain when CLDR writes that currency "$" there ("https://www.aap.com.au/…" -> "AUD",
    ".co.nz" -> "NZD", ".ca" -> "CAD"); None for generic domains and countries whose "$" is not theirs."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_territory_currencies

    host = (urlsplit(url).hostname or "") if url else ""
    tld = host.rsplit(".", 1)[-1].upper() if "." in host else ""
    if len(tld) != 2 or not tld.isalpha() or tld == "US":
        return None
    territory = "GB" if tld == "UK" else tld
    currencies = get_territory_currencies(territory, tender=True)
    if not currencies or not currencies[0].endswith("D") or currencies[0] == "USD":
        return None
    try:
        symbol = Locale.parse(f"en_{territory}").currency_symbols.get(currencies[0])
    except (UnknownLocaleError, ValueError):
        return None
    return currencies[0] if symbol == "$" else None


# --- Durations and physical units ------------------------------------------------------------------

DURATIONS = {
    "second": ("second", 1), "minute": ("minute", 1), "hour": ("hour", 1), "day": ("day", 1),
    "week": ("week", 1), "fortnight": ("week", 2), "month": ("month", 1), "year": ("year", 1),
    "decade": ("year", 10), "century": ("year", 100), "centurie": ("year", 100),
}
_PREFIXES = {"": "", "kilo": "kilo", "mega": "mega", "giga": "giga", "tera": "tera", "milli": "milli",
             "centi": "centi"}
_BASES = {"metre": "meter", "meter": "meter", "gram": "gram", "gramme": "gram", "watt": "watt",
          "watt-hour": "watt_hour", "watthour": "watt_hour", "litre": "liter", "liter": "liter",
          "joule": "joule"}
# Written unit (lower case, singular) -> pint expression; symbols are matched case-sensitively.
PHYSICAL = {p + b: f"{pp}{e}" for p, pp in _PREFIXES.items() for b, e in _BASES.items()}
PHYSICAL.update({
    "tonne": "metric_ton", "metric ton": "metric_ton", "ton": "metric_ton", "barrel": "barrel",
    "mile": "mile", "nautical mile": "nautical_mile", "foot": "foot", "feet": "foot", "acre": "acre",
    "hectare": "hectare", "square kilometre": "kilometer**2", "square kilometer": "kilometer**2",
    "square mile": "mile**2", "square metre": "meter**2", "square meter": "meter**2",
    "cubic metre": "meter**3", "cubic meter": "meter**3", "cubic foot": "foot**3", "cubic feet": "foot**3",
    "gallon": "gallon", "kilowatt hour": "kilowatt_hour", "megawatt hour": "megawatt_hour",
    "gigawatt hour": "gigawatt_hour", "terawatt hour": "terawatt_hour",
})
PHYSICAL_SYMBOLS = {
    "km": "kilometer", "kg": "kilogram", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt",
    "TW": "terawatt", "kWh": "kilowatt_hour", "MWh": "megawatt_hour", "GWh": "gigawatt_hour",
    "TWh": "terawatt_hour", "bbl": "barrel", "km2": "kilometer**2", "km²": "kilometer**2",
    "sq km": "kilometer**2", "ha": "hectare", "mi": "mile", "tn": "metric_ton",
}
# Units written as an abbreviation of a scaled unit: "50 bcm" of gas is 50 billion cubic metres.
SCALED_SYMBOLS = {"bcm": (10**9, "meter**3"), "tcf": (10**12, "foot**3"), "mbpd": (10**6, "barrel/day"),
                  "bpd": (1, "barrel/day")}
RATES = {"day": "day", "year": "year", "annum": "year", "month": "month", "hour": "hour"}


# pint's symbol for every unit expression _measure can form, written by `python -m generator.nlp.numbers`
# and checked against pint by tests/test_quantities.py: building pint's registry costs 0.2 s a process
# (a sixth of extracting 100,000 words), for a table this small.
UNIT_SYMBOLS_FILE = Path(__file__).with_name("unit_symbols.json")


def unit_expressions() -> list[str]:
    """Every pint expression a figure's unit can be: each unit of PHYSICAL, PHYSICAL_SYMBOLS and
    SCALED_SYMBOLS, alone and per each of RATES ("barrel/day")."""
    units = sorted({*PHYSICAL.values(), *PHYSICAL_SYMBOLS.values(), *(e for _, e in SCALED_SYMBOLS.values())})
    rates = sorted(set(RATES.values()))
    return [*units, *(f"{unit}/{rate}" for unit in units for rate in rates)]


@lru_cache(maxsize=1)
def _unit_symbols() -> dict[str, str]:
    return json.loads(UNIT_SYMBOLS_FILE.read_text("utf-8"))  # type: ignore[no-any-return]


@cache
def pint_symbol(expr: str) -> str:
    """The short symbol pint gives a unit expression ("kilometer**2" -> "km²", "barrel/day" -> "bbl/d"):
    from the table pint wrote (UNIT_SYMBOLS_FILE), else from pint itself."""
    return _unit_symbols().get(expr) or pint_format(expr)


def pint_format(expr: str) -> str:
    """pint's short symbol of a unit expression, from its registry (built once per process)."""
    return f"{_ureg().parse_units(expr):~P}"


def write_tables() -> None:
    """Write UNIT_SYMBOLS_FILE from pint and CURRENCY_SYMBOLS_FILE from Babel (after a change to the unit
    tables or to pint's or Babel's version)."""
    for path, table in ((UNIT_SYMBOLS_FILE, {expr: pint_format(expr) for expr in unit_expressions()}),
                        (CURRENCY_SYMBOLS_FILE, babel_currency_symbols())):
        text = json.dumps(table, indent=1, sort_keys=True, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def _ureg() -> Any:
    import pint

    return pint.UnitRegistry(cache_folder=None)


if __name__ == "__main__":
    write_tables()
