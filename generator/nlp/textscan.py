"""Scans of a text for words that give what a regex opening (and closing) with "\\b" gives, faster.

A pattern that opens with a literal or a character class lets the regex engine skip ahead to candidates,
which "\\b" at its head prevents; an Aho-Corasick automaton (pyahocorasick) finds many words in one pass.
The word boundary is then checked on each match, as the re module reads it: a word character is
alphanumeric or "_" (\\w).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ahocorasick


def at_word_start(text: str, at: int) -> bool:
    """Whether "\\b" holds before a word character at `at`: no word character stands before it."""
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")


def at_word_end(text: str, end: int) -> bool:
    """Whether "\\b" holds after a word character ending at `end` (exclusive): no word character follows."""
    return end == len(text) or not (text[end].isalnum() or text[end] == "_")


def automaton(entries: Iterable[tuple[str, Any]]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton of (word, value) entries: `.iter(text)` yields (end index, value) for every
    occurrence of every word, overlapping ones too."""
    found = ahocorasick.Automaton()
    for word, value in entries:
        found.add_word(word, value)
    found.make_automaton()
    return found
