"""General rules that tell site chrome from article text, line by line, plus apostrophe repairs."""

from __future__ import annotations

import re
from collections.abc import Collection

from generator.ingest import metadata as meta
from generator.nlp.textscan import at_word_start

KEEP, BLANK, CHROME, BYLINE, DATE = "keep", "blank", "chrome", "byline", "date"
Segment = tuple[str, "int | None"]  # (text, source offset; None for inserted text)

_I = re.I
_END = r"\s*[:!.»›>|]*$"  # a whole-line match may end in a colon or an arrow
_SHORT_RULES = [  # (max words, pattern) matched against the stripped line
    (6, re.compile(r"^(?:skip (?:to|navigation)\b.*|(?:back to|scroll to|go to) top|top of page"
                   r"|toggle navigation|(?:main |open )?menu|search|close|print|e-?mail|home|next|previous"
                   r"|log ?in|register|create an account|advertisement|sponsored(?: content)?)" + _END, _I)),
    (12, re.compile(r"^languages?\s*[:：]", _I)),
    (20, re.compile(r"^(?:image|photo|picture|illustration|graphic|video|cover|featured image|header image|"
                    r"source|credit)s?\s*(?:source|credits?|courtesy)?\s*[:：|]", _I)),
    (12, re.compile(r"^(?:photos?|images?|pictures?)\s+(?:by|courtesy of|via|credit)\b", _I)),
    (15, re.compile(r"\bCC[ -]?BY\b|\bCC0\b|getty images|shutterstock|wikimedia commons|\bAP photo\b|"
                    r"\bvia reuters\b|\bAFP\b\s*(?:/|via)|all rights reserved", _I)),
    (10, re.compile(r"\b(?:subscribe|sign[ -]?up|newsletter|mailing list)\b", _I)),
    (25, re.compile(r"(?:^|[-–|:]\s*)(?:join now|apply now|buy now|shop now|download now|register now|"
                    r"learn more|click here|read more|continue reading)" + _END, _I)),
    (8, re.compile(r"^(?:share(?: (?:this|on|via)\b.*)?|tweet|follow us\b.*|like us\b.*|comments?|"
                   r"\d+\s+comments?|leave a (?:comment|reply)|post a comment|add a comment|no comments"
                   r"|you (?:may|might) also (?:like|enjoy)"
                   r"|related(?: articles| posts| stories| content| reading)?"
                   r"|read (?:also|more|next)\b.*|more from\b.*|recommended(?: for you| reading)?"
                   r"|most (?:read|popular)|trending(?: now)?|tags?\s*:.*|filed under\b.*"
                   r"|categor(?:y|ies)\s*:.*"
                   r"|posted in\b.*|about the authors?|written by|see also\b.*)" + _END, _I)),
    (12, re.compile(r"^(?:©|\(c\)|copyright\b)", _I)),
    # "Copyright © 2020 The East African. All rights reserved. Distributed by …": a long copyright notice
    (80, re.compile(r"^(?:©|\(c\)|copyright\b).*\ball rights reserved\b", _I)),
    (12, re.compile(r"^read the (?:original|full) (?:article|story|report)\b", _I)),
]
_RULES_BY_LIMIT = sorted(_SHORT_RULES, key=lambda rule: -rule[0])  # most words allowed first (stable)
_CROSS_PROMO_WORDS = 60  # most words of a cross-promotion line
_MOST_WORDS = max(*(limit for limit, _ in _SHORT_RULES), _CROSS_PROMO_WORDS)  # line_rule's largest limit
_CROSS_PROMO = re.compile(
    r"\b(?:read|see|check out|explore|browse)\s+(?:also\s+)?our\s+(?:[\w-]+\s+){0,3}"
    r"(?:explainers?|articles?|coverage|guides?|analys[ie]s|stories|reports?|posts?|series)\b", _I)
_PROMO = re.compile(r"^.{3,200}?\s[-–—|]\s*by\s+" + meta.NAME + r"$")
_HEX = re.compile(r"^[0-9a-fA-F]{2,}(?:[\s_-]+[0-9a-fA-F]{2,})*$")
_STRAY = re.compile(r"^(?:[\W\d_]+|[A-Za-z0-9]*_[A-Za-z0-9_]*|\w)$")
_BIO = re.compile(
    r"^(?!(?:The|This|That|These|Those|It|Its|Our|In|On|At|A|An)\b)[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]*){1,3}"
    r"\s+(?:is|was|has been|serves as)\s+(?:a|an|the|currently)\b"
)
_ROLE = re.compile(r"\b(?:fellow|analyst|journalist|correspondent|editor|professor|researcher|director|"
                   r"author|writer|contributor|student|lecturer|expert|consultant|founder|reporter|scholar|chair|"
                   r"head of|columnist|associate|scientist|economist|candidate)\b", _I)
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣*+-]|\d{1,3}[.)])\s")


def _words(line: str, most: int) -> int:
    """The number of words of a line, counted up to most + 1: enough to compare it with any limit up to
    `most` (splitting a long paragraph whole would cost more than the rules that read the count)."""
    return len(line.split(None, most))


def is_stray(line: str) -> bool:
    """A token that carries no text: hex/uuid fragments, lone numbers or symbols, identifiers."""
    if len(line) > 80:
        return False
    if _HEX.match(line) and sum(c.isdigit() for c in line) and sum(c.isalnum() for c in line) >= 8:
        return True
    return bool(_STRAY.match(line))


def line_rule(line: str) -> bool:
    """True if a stripped line is site chrome wherever it appears."""
    words = _words(line, _MOST_WORDS)
    if is_stray(line) or meta.is_modified_line(line):
        return True
    for limit, rule in _RULES_BY_LIMIT:
        if words > limit:
            break  # the rules after allow fewer words still
        if rule.search(line):
            return True
    if words <= _CROSS_PROMO_WORDS and _CROSS_PROMO.search(line):
        return True
    return len(line) <= 200 and bool(_PROMO.match(line)) and not line.rstrip().endswith(".")


def is_bullet(line: str) -> bool:
    """True for a list item line."""
    return bool(_BULLET.match(line))


def is_body(line: str) -> bool:
    """A line that reads like article prose (long, with sentence punctuation)."""
    return _words(line, 15) >= 15 and bool(re.search(r"[.!?][\"'”’)]?(?:\s|$)", line))


def _breadcrumb(line: str, following: str | None) -> bool:
    if not re.match(r"^home\b", line, _I):
        return False
    if re.search(r"\s[>»›/|]\s", line) or re.match(r"^home\s*[>»›/|]", line, _I):
        return True
    return bool(following) and line != following and line.endswith(following or "")


def classify(lines: list[str]) -> list[str]:
    """Label every line KEEP, BLANK, CHROME, BYLINE or DATE (lines already stripped)."""
    kinds = [BLANK if not s else CHROME if line_rule(s) else KEEP for s in lines]
    bodies = [i for i, s in enumerate(lines) if is_body(s)]
    first = bodies[0] if bodies else len(lines)
    _top(lines, kinds, first)
    _tail(lines, kinds, first)
    return kinds


def _top(lines: list[str], kinds: list[str], first: int) -> None:
    head = [i for i, s in enumerate(lines[:2000]) if s][:40]  # bounded: the top of a page is short
    nonblank = [i for i in head if i < first]
    for i in head[:12]:  # bylines may follow a long standfirst
        if kinds[i] == KEEP and i >= first and meta.byline_name(lines[i]):
            kinds[i] = BYLINE
    for n, i in enumerate(nonblank):
        nxt = lines[nonblank[n + 1]] if n + 1 < len(nonblank) else None
        if kinds[i] != KEEP and kinds[i] != CHROME:
            continue
        if meta.date_line(lines[i]):
            kinds[i] = DATE
        elif meta.byline_name(lines[i]):
            kinds[i] = BYLINE
        elif kinds[i] == KEEP and _breadcrumb(lines[i], nxt):
            kinds[i] = CHROME
        elif kinds[i] == KEEP and nxt is not None and meta.CITY_MASTHEAD.match(lines[i]) \
                and (meta.date_line(nxt) or meta.byline_name(nxt)):
            kinds[i] = CHROME
    headings = [i for i in nonblank if kinds[i] == KEEP and meta.is_heading(lines[i])]
    for n, i in enumerate(headings[:-1]):  # a masthead glued to chrome ("Language : ..." + "Foreign Policy")
        glued = (i > 0 and kinds[i - 1] == CHROME) or (i + 1 < len(kinds) and kinds[i + 1] == CHROME)
        if glued and _words(lines[i], 4) <= 4 and headings[n + 1] > i:
            kinds[i] = CHROME


def _tail(lines: list[str], kinds: list[str], first: int) -> None:
    tail = [i for i in range(len(lines)) if lines[i] and i >= first][-8:]
    after_written_by = False
    for i in tail:
        s = lines[i]
        if kinds[i] == CHROME and re.match(r"^(?:written by|about the authors?)$", s, _I):
            after_written_by = True
        elif kinds[i] == KEEP and meta.byline_name(s):
            kinds[i] = BYLINE
        elif kinds[i] == KEEP and after_written_by and meta.is_name(s):
            kinds[i] = BYLINE
        elif kinds[i] == KEEP and i > 0 and _BIO.match(s) and _ROLE.search(s) and _words(s, 120) <= 120 \
                and not _quoted_elsewhere(s, lines, kinds, i):
            kinds[i] = CHROME


def _quoted_elsewhere(bio: str, lines: list[str], kinds: list[str], at: int) -> bool:
    """Whether the person a bio-like line introduces is named in another line of the body (not a byline): a
    source the article quotes ("X is a lecturer at …" then "X suggests …"), not the author's bio."""
    surname = bio.split(" is ")[0].split(" was ")[0].split()[-1]
    return any(surname in line.split() for k, line in enumerate(lines) if k != at and kinds[k] == KEEP)


# Both patterns start a word, checked on their matches (at_word_start): without "\b" at their head the regex
# engine skips ahead to candidates. A capitalised word ending in "s" (its letters taken at once, never
# given back: the only "s" a word boundary can follow is the last letter).
_GLUED = re.compile(r"[A-Z][^\W\d_]*+(?<=s)\b")
_ELIDED = re.compile(r"[dl](?=[A-Z][a-z]{2,}\b)")


def repair_points(text: str, known: Collection[str]) -> list[int]:
    """Offsets in text where a dropped apostrophe belongs ("Italys" -> "Italy's", "dItalia" -> "d'Italia")."""
    points = [m.end() for m in _ELIDED.finditer(text) if at_word_start(text, m.start())]
    if known:
        for m in _GLUED.finditer(text):
            if not at_word_start(text, m.start()):
                continue
            word = m.group()
            head = word[:-1]
            if word in known or (head not in known and not _multiword(text, m.start(), head, known)):
                continue
            points.append(m.end() - 1)
    return sorted(points)


def _multiword(text: str, start: int, head: str, known: Collection[str]) -> bool:
    before = text[max(0, start - 40):start].split()
    return any(" ".join([*before[-k:], head]) in known for k in (1, 2) if len(before) >= k)


_MD_INLINE = re.compile(
    r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)|\[([^\]\n]{1,500})\]\([^)\n]{0,2000}\)|\*\*|__"
)


def segments(source: str, start: int, end: int, kind: str) -> list[Segment]:
    """The text pieces of one source line (stripped; Markdown markers removed) with their offsets."""
    line = source[start:end]
    start, end = start + len(line) - len(line.lstrip()), start + len(line.rstrip())
    if kind != "markdown" or start == end:
        return [(source[start:end], start)] if end > start else []
    m = re.match(r"(?:#{1,6}|>)[ \t]*", source[start:end])
    start += m.end() if m else 0
    end = start + len(re.sub(r"[ \t]+#+$", "", source[start:end]))
    pieces: list[Segment] = []
    pos = start
    for m in _MD_INLINE.finditer(source, start, end):
        pieces.append((source[pos : m.start()], pos))
        if m.group(1):
            pieces.append((m.group(1), m.start(1)))
        pos = m.end()
    pieces.append((source[pos:end], pos))
    return [s for s in pieces if s[0]]
