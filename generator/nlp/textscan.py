"""Scans of a text for words that give what a regex opening (and closing) with "\\b" gives, faster.

A pattern that opens with a literal or a character class lets the regex engine skip ahead to candidates,
which "\\b" at its head prevents; an Aho-Corasick automaton (ahocorasick-rs) finds many words in one pass.
The word boundary is then checked on each match, as the re module reads it: a word character is
alphanumeric or "_" (\\w).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import ahocorasick_rs

# The characters re.I matches with an ASCII letter other than that letter's two cases (İ, ı, ſ and the Kelvin
# sign K); "İ" is also the one whose lower case is longer. A text without them reads the same lower-cased.
CASE_FOLDS = frozenset("\u0130\u0131\u017f\u212a")


def case_folds(text: str) -> bool:
    """Whether text holds one of CASE_FOLDS (then a case-insensitive pattern may match what its lower-cased
    words do not show)."""
    return not text.isascii() and not CASE_FOLDS.isdisjoint(text)


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
        self._automaton = ahocorasick_rs.AhoCorasick([word for word, _ in pairs])

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
