"""Document metadata: front matter, header lines, date lines, bylines, titles, outlets (mastheads),
reference years."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import Any

import yaml

from generator.config import TUNING
from generator.content.vocabulary import MONTH_NUMBERS
from generator.errors import GeneratorError

# Bounds of what an article's metadata may hold. Front matter longer than MAX_FRONT_MATTER_CHARS or
# nested deeper than MAX_FRONT_MATTER_DEPTH is refused (the document is skipped with a warning); a
# longer title or author is cut at a word boundary, a longer URL is dropped (a cut URL leads elsewhere).
MAX_FRONT_MATTER_CHARS = TUNING.max_front_matter_chars
MAX_FRONT_MATTER_DEPTH = TUNING.max_front_matter_depth
MAX_TITLE_CHARS = TUNING.max_title_chars
MAX_AUTHOR_CHARS = TUNING.max_author_chars
MAX_URL_CHARS = TUNING.max_url_chars
# An outlet's name is bounded like an author's.
LIMITS = {"title": MAX_TITLE_CHARS, "author": MAX_AUTHOR_CHARS, "outlet": MAX_AUTHOR_CHARS,
          "url": MAX_URL_CHARS}
# An untitled article is titled by its lead sentence, cut at a word boundary to this length.
MAX_LEAD_TITLE_CHARS = TUNING.max_lead_title_chars
# A masthead is looked for among this many first non-blank lines of a text file.
MASTHEAD_LINES = TUNING.masthead_lines
# Outlets whose name, alone on one of the first lines of a saved page, is its masthead ("Foreign Policy"):
# the boilerplate filter drops such a line as site chrome, and the outlet is kept as metadata. Front matter
# or header lines (outlet:, publisher:, source: with a name) name any other.
KNOWN_OUTLETS = (
    "Agence France-Presse", "Al Jazeera", "ANSA", "Associated Press", "BBC News", "Bloomberg",
    "Deutsche Welle", "Euractiv", "Euronews", "Financial Times", "Foreign Affairs", "Foreign Policy",
    "Formiche", "Global Times", "Il Fatto Quotidiano", "Il Sole 24 Ore", "La Repubblica", "Le Monde",
    "Nikkei Asia", "Politico", "Politico Europe", "Reuters", "South China Morning Post", "The Diplomat",
    "The Economist", "The Guardian", "The New York Times", "The Wall Street Journal", "The Washington Post",
    "Xinhua",
)
_OUTLETS = {name.casefold(): name for name in KNOWN_OUTLETS}

MONTHS = MONTH_NUMBERS
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DATE_FORMS = [
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:T[\d:.]+Z?)?"),
    re.compile(r"(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4})"),
    re.compile(_WEEKDAY + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})", re.I),
    re.compile(_WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+(?P<y>\d{4})", re.I),
    re.compile(_MON + r",?\s+(?P<y>\d{4})", re.I),
]
_DATE_PREFIX = re.compile(
    r"^(?:(?:page\s+)?(?:last\s+)?(?:published|posted|updated|modified|date[d]?|on)\b\s*(?:on\s*)?[:\-–|]?\s*)+",
    re.I,
)
_TIME_SUFFIX = re.compile(
    r"(?:\s*(?:,|at|[-–|@])?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?)$",
    re.I,
)
_DATE_TOKEN = re.compile(
    r"\s*(?:date[d]?|published|posted|updated)\s*:?\s+"
    r"(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\s+",
    re.I,
)
_MODIFIED = re.compile(r"^(?:page\s+)?last\s+(?:modified|updated)\s*:", re.I)
_META_KEY = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
_META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)$")
KNOWN_KEYS = {"title", "author", "authors", "published", "date", "source", "url", "link", "byline", "outlet",
              "publisher", "publication"}
_PARTICLE = r"(?:de|di|da|del|della|van|von|der|den|le|la|du|dos|das|bin|al|el|ibn|y)"
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|" + _PARTICLE + r")"
NAME = r"(?:[A-Z][\w'’.-]*(?:\s+" + _NAME_WORD + r"){0,4})"
_NAMES = NAME + r"(?:\s*(?:,|and|&)\s*" + NAME + r"){0,3}"
_BYLINE = re.compile(
    r"^(?i:by|written\s+by|words\s+by|story\s+by|posted\s+by|author)\s*:?\s+(?P<name>" + _NAMES + r")$"
)
_YEAR_EVIDENCE = re.compile(
    r"\b(?:in|of|since|during|until|by|from|early|late|mid|" + "|".join(MONTHS) + r")\.?,?\s+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?P<y>(?:19|20)\d{2})\b(?![–-]\d)",
    re.I,
)


def iso_date(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """Return an ISO date string of the given precision, or None if it is not a real date."""
    try:
        _dt.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return None
    if not 1800 <= year <= 2200:
        return None
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def _from_match(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    year = int(groups["y"])
    if groups.get("a"):
        day, month = int(groups["a"]), int(groups["b"])
        if 0 in (day, month):  # "04/00/2014": a zero day leaves the month known, not the day
            return iso_date(year, day or month)
        if month > 12 >= day:  # day-first unless that is impossible
            day, month = month, day
        return iso_date(year, month, day)
    month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    return iso_date(year, month, int(groups["d"]) if groups.get("d") else None)


def parse_date(text: str) -> str | None:
    """Parse a string that is wholly a date (e.g. "May 29, 2020", "10-08-2019") into ISO form."""
    text = text.strip().strip(".,")
    if len(text) > 60:
        return None
    for form in _DATE_FORMS:
        m = form.fullmatch(text)
        if m:
            return _from_match(m)
    return _parse_foreign(text)


def _parse_foreign(text: str) -> str | None:
    """Fallback for non-English month names ("29 maggio 2020"), via dateparser."""
    if not re.search(r"\b(?:1[89]|2[01])\d{2}\b", text) or not re.search(r"[^\W\d_]{3,}", text):
        return None
    if len(text.split()) > 5:
        return None
    import dateparser  # slow import, only needed for rare foreign-language dates

    settings: Any = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True}
    try:
        value = dateparser.parse(text, settings=settings)
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
        return None
    return iso_date(value.year, value.month, value.day) if value else None


# the place a transcript's date line names after its date: ", The Kremlin, Moscow", ", Novo-Ogaryovo"
_VENUE_SUFFIX = re.compile(r"(?:,\s+(?:The\s+)?[A-Z][\w'’.-]*(?:[\s-]+[A-Z][\w'’.-]*){0,3}){1,3}$")


def date_line(line: str) -> str | None:
    """If the line is a dateline ("May 29, 2020", "Published: 3 May 2021 10:00 GMT"), return its date."""
    line = line.strip()
    if not line or len(line) > 80 or not re.search(r"\d", line):
        return None
    body = _DATE_PREFIX.sub("", line)
    body = _TIME_SUFFIX.sub("", body).strip(" ,.|-–")
    value = parse_date(body)
    if value is None and (venue := _VENUE_SUFFIX.search(body)) is not None:
        value = parse_date(body[:venue.start()])  # "April 3, 2019, The Kremlin, Moscow": a date and its place
    return value


def is_modified_line(line: str) -> bool:
    """True for a "Page last modified: ..." stamp."""
    return bool(_MODIFIED.match(line.strip()))


def leading_date_token(line: str) -> tuple[int, str] | None:
    """For "date 2023-04-20 Sources said...", return (length of the token incl. spaces, ISO date)."""
    m = _DATE_TOKEN.match(line)
    if not m:
        return None
    value = parse_date(m.group(1))
    return (m.end(), value) if value else None


def byline_name(line: str) -> str | None:
    """Return the author name of a byline such as "by Lorenzo Magliani", else None."""
    line = line.strip()
    if len(line) > 120:
        return None
    m = _BYLINE.match(line)
    return m.group("name").strip() if m else None


def is_name(line: str) -> bool:
    """True for a line that is just a person's name (2-5 capitalised words)."""
    line = line.strip()
    return len(line) <= 60 and bool(re.fullmatch(r"[A-Z][\w'’.-]*(?:\s+" + _NAME_WORD + r"){1,4}", line))


_NOT_ALLOWED = "(anchors, aliases and tags are not allowed in article front matter)"


class _Refused(yaml.YAMLError):
    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message, self.line = message, (mark.line + 1 if mark is not None else 0)


class FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader for untrusted front matter: refuses anchors, aliases (the "billion laughs" bomb) and
    every explicit tag (`!!python/...`, `!!binary`, even `!!str`), and nesting deeper than
    MAX_FRONT_MATTER_DEPTH (the composer recurses once per level)."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(f"front matter uses a YAML alias {_NOT_ALLOWED}", event.start_mark)
        if getattr(event, "anchor", None) is not None:
            raise _Refused(f"front matter uses a YAML anchor {_NOT_ALLOWED}", event.start_mark)
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = str(tag).replace("tag:yaml.org,2002:", "!!")[:60]
            raise _Refused(f"front matter uses the YAML tag {shown} {_NOT_ALLOWED}", event.start_mark)
        if self.depth >= MAX_FRONT_MATTER_DEPTH:
            raise _Refused(f"front matter is nested more than {MAX_FRONT_MATTER_DEPTH} levels deep "
                           "(use plain keys and values)", event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def front_matter(lines: list[str]) -> tuple[int, dict[str, Any]] | None:
    """Parse YAML front matter at the top; return (number of lines used, mapping) or None.

    Raises GeneratorError (with the file line, without a path) for front matter that is too long or
    uses an anchor, alias or tag; YAML that does not parse is not front matter (None)."""
    if not lines or lines[0].strip() != "---":
        return None
    for i in range(1, min(len(lines), 500)):
        if lines[i].strip() in ("---", "..."):
            text = "\n".join(lines[1:i])
            if len(text) > MAX_FRONT_MATTER_CHARS:
                raise GeneratorError(f"front matter is longer than {MAX_FRONT_MATTER_CHARS:,} characters "
                                     "(only title, author, date and url are read: shorten it)", line=1)
            try:
                data = yaml.load(text, Loader=FrontMatterLoader)  # noqa: S506 - a SafeLoader subclass
            except _Refused as exc:
                raise GeneratorError(exc.message, line=exc.line + 1) from exc  # + 1: the "---" line
            except (yaml.YAMLError, ValueError):  # ValueError: an integer of more than 4,300 digits
                return None
            return (i + 1, data) if isinstance(data, dict) else None
    return None


def header_lines(lines: list[str]) -> tuple[int, dict[str, Any]] | None:
    """Parse Python-Markdown meta headers ("Title: ...") at the top; None unless a known key appears."""
    meta: dict[str, Any] = {}
    key = None
    count = 0
    for line in lines[:200]:
        m = _META_KEY.match(line)
        more = _META_MORE.match(line) if key else None
        if m:
            key = m.group("key").lower()
            meta[key] = m.group("value").strip()
        elif more:
            meta[key] = f"{meta[key]} {more.group('value').strip()}".strip()
        else:
            break
        count += 1
    if not meta or not KNOWN_KEYS & set(meta):
        return None
    if count < len(lines) and lines[count].strip():
        return None
    return count, meta


def _clean_value(value: Any) -> str | None:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    return clean_field(str(value)) if value is not None else None


def explicit_metadata(meta: dict[str, Any]) -> dict[str, str | None]:
    """Map front-matter / header keys to title, author, published, url."""
    low = {str(k).lower(): v for k, v in meta.items()}

    def pick(*keys: str) -> str | None:
        return next((_clean_value(low[k]) for k in keys if _clean_value(low.get(k)) is not None), None)

    raw_date = pick("published", "date")
    published = date_line(raw_date) if raw_date else None
    source = pick("source")  # a URL or the outlet's name
    source_is_url = source is not None and _URL_LIKE.match(source) is not None
    return {
        "title": pick("title"),
        "author": pick("author", "authors", "byline"),
        "outlet": pick("outlet", "publisher", "publication") or (None if source_is_url else source),
        "published": published,
        "url": pick("url", "link") or (source if source_is_url else None),
    }


_URL_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.I)


# An aggregator's masthead, the outlet and its city ("The East African (Nairobi)"): site chrome on the line
# before the page's date line or byline (generator.ingest.boilerplate), and the page's outlet
CITY_MASTHEAD = re.compile(r"^(?P<o>(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})"
                           r"\s+\([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\)$")
_CREDITS = (
    re.compile(r"^read the (?:original|full) (?:article|story|report) (?:on|at|in)\s+(?P<o>[^.]{2,80}?)\.?$",
               re.I),
    re.compile(r"^(?:copyright\s*)?(?:©|\(c\))\s*(?:\d{4}\s+)?(?P<o>[^.]{2,80}?)\.\s+all rights reserved",
               re.I),
    CITY_MASTHEAD,
)


def credited_outlet(dropped: list[str]) -> str | None:
    """The outlet a page credits in lines dropped as boilerplate: "Read the original article on X.",
    "Copyright © 2020 X. All rights reserved.", an aggregator's masthead "X (Nairobi)"."""
    for line in dropped:
        for rule in _CREDITS:
            if (m := rule.match(line.strip())) is not None:
                return m.group("o").strip()
    return None


def masthead(lines: list[str]) -> str | None:
    """The outlet named by a masthead: one of the first MASTHEAD_LINES non-blank lines that is wholly the
    name of a KNOWN_OUTLETS outlet ("Foreign Policy", "REUTERS"); its canonical spelling, else None."""
    first = [line.strip(" \t|–—-:") for line in lines if line.strip()][:MASTHEAD_LINES]
    return next((_OUTLETS[line.casefold()] for line in first if line.casefold() in _OUTLETS), None)


def text_title(text: str) -> str | None:
    """The title of an article that names none: its first paragraph if that is a heading, else its lead
    sentence (when it starts like prose: a capital, a digit or a quote), cut at a word boundary to
    MAX_LEAD_TITLE_CHARS (ending in "…"). Never the file name: None when neither is found."""
    first = text.strip().split("\n\n", 1)[0].strip()
    if not first:
        return None
    if is_heading(first):
        return first
    lead = " ".join(_LEAD_SENTENCE.split(first, 1)[0].split()).rstrip(" .")
    start = lead.lstrip("\"“‘(")[:1]
    if not (start.isupper() or start.isdigit()):  # prose starts so; "key: value" or a cut word does not
        return None
    if len(lead) <= MAX_LEAD_TITLE_CHARS:
        return lead
    cut = lead[: MAX_LEAD_TITLE_CHARS - 1]
    space = cut.rfind(" ", MAX_LEAD_TITLE_CHARS // 2)
    return (cut[:space] if space > 0 else cut).rstrip(" ,;:–-") + "…"


# The end of a lead sentence: ".", "!" or "?" (and a closing quote) before a space and a capital letter.
_LEAD_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z])")


_ZERO_WIDTH_JOINERS = "\u200c\u200d"


def _is_visible(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMNS"


def clean_field(value: str | None) -> str | None:
    """A metadata value on one clean line: C0 and C1 controls, DEL, line and paragraph separators become
    spaces; format characters (BOM, zero-width space, bidi controls, soft hyphen; category Cf), lone
    surrogates and noncharacters are removed; runs of whitespace become one space. ZWNJ and ZWJ are kept
    between two visible characters, where they shape a word (Persian, Indic scripts) or an emoji."""
    if value is None:
        return None
    out: list[str] = []
    for i, char in enumerate(value):
        category = unicodedata.category(char)
        if category in ("Cc", "Zl", "Zp"):
            out.append(" ")
        elif category in ("Cf", "Cs") or _is_noncharacter(char):
            joins = char in _ZERO_WIDTH_JOINERS and 0 < i < len(value) - 1
            if joins and out and _is_visible(out[-1]) and _is_visible(value[i + 1]):
                out.append(char)
        else:
            out.append(char)
    text = " ".join("".join(out).split())
    return text or None


def _is_noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def bounded(field: str, value: str | None) -> tuple[str | None, bool]:
    """(value within LIMITS[field], whether it was cut or dropped): a title or author is cut at a word
    boundary and ends in "…"; a URL that is too long is dropped."""
    limit = LIMITS.get(field)
    if value is None or limit is None or len(value) <= limit:
        return value, False
    if field == "url":
        return None, True
    cut = value[: limit - 1]
    space = cut.rfind(" ", limit // 2)
    return (cut[:space] if space > 0 else cut).rstrip() + "…", True


def is_heading(line: str) -> bool:
    """True for a short heading-like line: no final sentence punctuation, not a date."""
    line = line.strip()
    if not line or len(line) > 200 or len(line.split()) > 20:
        return False
    if line[-1] in ".,;:!" or not (line[0].isupper() or line[0].isdigit()):
        return False
    return date_line(line) is None and bool(re.search(r"[^\W\d_]{2,}", line))


def latest_year(text: str) -> str | None:
    """The latest year the text mentions as a date ("in 2025", "July 2024"), not range ends."""
    years = [int(m.group("y")) for m in _YEAR_EVIDENCE.finditer(text)]
    return f"{max(years):04d}" if years else None


# --- document dates: URL paths, datelines, copyright lines and inference from the text -----------

_MON_ABBR = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])(?=/|$|[-_.])"
_SLUG_END = r"(?=/?$|\.[a-z]+$)"  # the end of the path, or of the file name before its extension
_URL_FORMS = [  # (pattern over the URL path, precision); a URL date is evidence, taken as precise as written
    (re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>0?[1-9]|1[0-2])/" + _DAY), "day"),
    (re.compile(r"[/_-](?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-" + _DAY), "day"),  # "a-13-2006-06-19-x/"
    (re.compile(r"/(?P<d>0?[1-9]|[12]\d|3[01])-(?P<mon>" + _MON_ABBR + r")-(?P<y>(?:19|20)\d\d)(?=/|$|[-_.])",
                re.I), "day"),
    (re.compile(r"/(?P<mon>" + _MON_ABBR + r")-(?P<d>0?[1-9]|[12]\d|3[01])-(?P<y>(?:19|20)\d\d)(?=/|$|[-_.])",
                re.I), "day"),
    # a date closing a slug: "…/pm-meets-president-buhari-29-august-2018", "…-august-29-2018.html" (only
    # at the end: "covid-19-march-2020-lockdown" names no day)
    (re.compile(r"-(?P<d>0?[1-9]|[12]\d|3[01])-(?P<mon>" + _MON_ABBR + r")-(?P<y>(?:19|20)\d\d)" + _SLUG_END,
                re.I), "day"),
    (re.compile(r"-(?P<mon>" + _MON_ABBR + r")-(?P<d>0?[1-9]|[12]\d|3[01])-(?P<y>(?:19|20)\d\d)" + _SLUG_END,
                re.I), "day"),
    # compact ids: 20240321_24, 20231220-title, 202012090645.html (YYYYMMDD + hhmm), "…-20140127-story"
    (re.compile(r"[/_-](?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
                r"(?:(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?)?(?=[-_./]|$)"), "day"),
    # a day-first timestamp ending a slug, time included (so it is no other number): "…+ties+16012025141000"
    (re.compile(r"[/+_-](?P<d>0[1-9]|[12]\d|3[01])(?P<m>0[1-9]|1[0-2])(?P<y>(?:19|20)\d\d)"
                r"(?:[01]\d|2[0-3])[0-5]\d[0-5]\d(?=[-_./]|$)"), "day"),
    # "/2006/0227/": the year, then month and day together
    (re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=/)"), "day"),
    (re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>0[1-9]|1[0-2])(?=/)"), "month"),
]


def url_date(url: str | None) -> str | None:
    """The date written in a URL path ("/2024/05/17/", "/20240321_24/", "/21-Apr-2025/",
    "/202012090645.html"), as precise as the URL gives it; None when none or more than one differ."""
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    found: set[str] = set()
    for form, _precision in _URL_FORMS:
        for m in form.finditer(path):
            g = m.groupdict()
            month = MONTHS.get(g["mon"].lower()[:3]) if g.get("mon") else int(g["m"])
            value = iso_date(int(g["y"]), month, int(g["d"]) if g.get("d") else None)
            if value:
                found.add(value)
        if found:
            break
    if not found:
        found = _epoch_dates(path)
    return found.pop() if len(found) == 1 else None


_EPOCH = re.compile(r"(?<=[-_])(?P<s>1[0-9]{9})(?=$|[-_/.])")  # Unix seconds after a slug word
_EPOCH_FIRST, _EPOCH_LAST = 978_307_200, 1_893_456_000  # 2001-01-01 .. 2030-01-01


def _epoch_dates(path: str) -> set[str]:
    """Days of the Unix timestamps in the last segment of a URL path ("…-ceuta-1621334192-118326")."""
    last = "/" + path.rstrip("/").rsplit("/", 1)[-1]
    return {_dt.datetime.fromtimestamp(int(m.group("s")), tz=_dt.UTC).date().isoformat()
            for m in _EPOCH.finditer(last) if _EPOCH_FIRST <= int(m.group("s")) < _EPOCH_LAST}


_DATELINE = re.compile(
    r"^(?:[A-Z][\w'’.-]*(?:[ /-][A-Z][\w'’.-]*){0,3}(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?),\s+"
    r"(?P<date>(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)[a-z]*,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+" + _MON_ABBR + r"\.?|" + _MON_ABBR + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?)"
    r"(?:,?\s+(?:19|20)\d\d)?)\s*(?:\([^)]{1,40}\)\s*)?[-–—:]",
    re.I,
)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?(?P<y>(?:19|20)\d\d)\b", re.I)


def dateline_date(text: str, year: int | None = None) -> str | None:
    """The date of a dateline opening one of the first paragraphs ("ANKARA, 3 June (Reuters) –",
    "Riyadh, 11 March 2023 (TDI):"); a dateline without a year takes `year`, else it is not used."""
    for para in text.split("\n\n")[:4]:
        m = _DATELINE.match(para.strip())
        if not m:
            continue
        raw = re.sub(r"^[A-Za-z]+day,?\s+", "", m.group("date"), flags=re.I)
        value = parse_date(raw)
        if value:
            return value
        if year is not None:
            return parse_date(f"{raw} {year}")
    return None


def copyright_year(lines: list[str]) -> str | None:
    """The year of a copyright line ("© 2023 Agency"), the last one written."""
    years = [m.group("y") for line in lines if len(line) < 200 for m in _COPYRIGHT.finditer(line)]
    return years[-1] if years else None


def infer_date(text: str) -> str | None:
    """The document's date inferred from its text (see generator.nlp.dates.infer_document_date)."""
    from generator.nlp.dates import infer_document_date

    return infer_document_date(text)


def reference_date(published: str | None, url: str | None, text: str, dropped: list[str]) -> str | None:
    """The date relative expressions are read against: the publication date written in the header or
    the text, else a dateline with its year, else the URL's date, else a copyright year, else the date
    inferred from the text. A less precise piece of evidence is refined by a more precise inferred day or
    month that falls inside it ("2024-05" from the URL and "2024-05-17" from the text)."""
    if published and len(published) == 10:
        return published  # a written day: nothing to infer
    from_url = url_date(url)
    line = dateline_date(text)
    if line or (from_url and len(from_url) == 10):
        return line or from_url
    inferred = infer_date(text)
    copy = copyright_year(dropped)
    year = int((published or from_url or inferred or copy or "0")[:4]) or None
    for value in (published, dateline_date(text, year) if year else None, from_url):
        if value:
            refined = inferred and len(inferred) > len(value) and inferred.startswith(value)
            return inferred if refined else value
    if inferred and (copy is None or inferred.startswith(copy)):
        return inferred
    return copy or inferred
