"""Scans of a text for words that give what a regex opening (and closing) with "\\b" gives, faster.

A pattern that opens with a literal or a character class lets the regex engine skip ahead to candidates,
which "\\b" at its head prevents; an Aho-Corasick automaton (ahocorasick-rs) finds many words in one pass.
The word boundary is then checked on each match, as the re module reads it: a word character is
alphanumeric or "_" (\\w).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import ahocorasick_rs

# The characters re.I matches with an ASCII letter other than that letter's two cases (İ, ı, ſ and the Kelvin
# sign K); "İ" is also the one whose lower case is longer. A text without them reads the same lower-cased.
CASE_FOLDS = frozenset("\u0130\u0131\u017f\u212a")


def case_folds(text: str) -> bool:
    """Whether text holds one of CASE_FOLDS (then a case-insensitive pattern may match what its lower-cased
    words do not show)."""
    return not text.isascii() and not CASE_FOLDS.isdisjoint(text)


def has_ascii_digit(text: str) -> bool:
    """Whether text holds one of 0-9: its UTF-8 bytes lose some when those ten are deleted (no byte of a
    multi-byte character is an ASCII digit). A C pass over bytes: twice as fast as searching [0-9]."""
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw.translate(None, b"0123456789")) != len(raw)


def at_word_start(text: str, at: int) -> bool:
    """Whether "\\b" holds before a word character at `at`: no word character stands before it."""
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")


def at_word_end(text: str, end: int) -> bool:
    """Whether "\\b" holds after a word character ending at `end` (exclusive): no word character follows."""
    return end == len(text) or not (text[end].isalnum() or text[end] == "_")


class WordFinder:
    """An Aho-Corasick automaton (ahocorasick-rs) of (word, value) entries: `find` gives (k, start, end) of
    each occurrence, `values[k]` the value of its word."""

    __slots__ = ("_automaton", "values")

    def __init__(self, entries: Iterable[tuple[str, Any]]) -> None:
        pairs = list(entries)
        self.values = [value for _, value in pairs]
        # a DFA: more memory than the default NFA (a few hundred short words here), twice as fast a scan
        self._automaton = ahocorasick_rs.AhoCorasick([word for word, _ in pairs],
                                                     implementation=ahocorasick_rs.Implementation.DFA)

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(k, start, end) of every occurrence of every word in text, overlapping ones too (as a `word in
        text` test for each word would find them); offsets are indices of the str, k the word's entry."""
        return self._automaton.find_matches_as_indexes(text, overlapping=True)  # type: ignore[no-any-return]


class CuedPattern:
    """A regex searched only in texts that hold one of its cues: strings that every match of it holds
    (lower-cased when `folded`, as in a case-insensitive pattern), found with `in`, far cheaper than a
    pattern opening with "\\b", which the engine tries at every character. A text with a character re.I
    folds into a letter is always searched."""

    __slots__ = ("pattern", "cues", "folded")

    def __init__(self, pattern: re.Pattern[str], cues: Iterable[str], *, folded: bool) -> None:
        self.pattern, self.cues, self.folded = pattern, tuple(cues), folded

    def search(self, text: str) -> bool:
        """Whether the pattern matches somewhere in text."""
        if self.folded:
            if case_folds(text):
                return self.pattern.search(text) is not None
            shown = text.lower()
        else:
            shown = text
        return any(cue in shown for cue in self.cues) and self.pattern.search(text) is not None


class _NoClass(Exception):
    """A pattern's first character is not confined to a small class (or the parse is not understood)."""


_CLASS_LIMIT = 32  # a wider opening class lets through most of a text and only adds a test
_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s"}


def _chars(code: int, flags: int) -> set[str]:
    """The characters a literal matches: with re.I, an ASCII letter's two cases and CASE_FOLDS."""
    c = chr(code)
    if flags & re.IGNORECASE and c.lower() != c.upper():
        if not c.isascii():
            raise _NoClass
        return {re.escape(c.lower()), re.escape(c.upper()), *CASE_FOLDS}
    return {re.escape(c)}


def _first_of(items: Sequence[tuple[Any, Any]], flags: int) -> tuple[set[str], bool]:
    """(the class items a match of this sequence of parsed items can open with, whether it can be empty)."""
    found: set[str] = set()
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # "\b", lookarounds: they consume nothing
            continue
        if op is sre.LITERAL:
            return found | _chars(av, flags), False
        if op is sre.IN:
            for kind, value in av:
                if kind is sre.LITERAL:
                    found |= _chars(value, flags)
                elif kind is sre.RANGE and value[1] - value[0] < _CLASS_LIMIT:
                    found = found.union(*(_chars(k, flags) for k in range(value[0], value[1] + 1)))
                elif kind is sre.CATEGORY and value in _CATEGORIES:
                    found.add(_CATEGORIES[value])
                else:
                    raise _NoClass
            return found, False
        if op is sre.SUBPATTERN:
            _group, add, remove, sub = av
            chars, empty = _first_of(sub.data, (flags | add) & ~remove)
        elif op is sre.BRANCH:
            chars, empty = set(), False
            for alternative in av[1]:
                more, can = _first_of(alternative.data, flags)
                chars, empty = chars | more, empty or can
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            low, _high, sub = av
            chars, empty = _first_of(sub.data, flags)
            empty = empty or low == 0
        else:
            raise _NoClass
        found |= chars
        if not empty:
            return found, False
    return found, True


def with_opening_class(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern, opened with a lookahead for the class of characters its matches can start with, when
    that class is small: the engine then skips every other character at once, where a pattern opening with
    "\\b" or a case-insensitive alternation is tried in full at every word boundary. The same matches;
    the pattern itself when no small class is found (or the parse is one this does not read)."""
    try:
        items, empty = _first_of(sre_parse.parse(pattern.pattern, pattern.flags).data, pattern.flags)
        if empty or not items or len(items) > _CLASS_LIMIT:
            return pattern
        return re.compile(f"(?=[{''.join(sorted(items))}])(?:{pattern.pattern})", pattern.flags)
    except (_NoClass, re.error, AttributeError, TypeError, ValueError):
        return pattern
