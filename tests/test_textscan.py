"""generator/nlp/textscan.py: scans that find what a regex finds, faster."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
from pathlib import Path

import generator
from generator.nlp.textscan import with_opening_class

ROOT = Path(__file__).resolve().parent.parent


def _package_patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled str pattern at the top level of a module of the generator package."""
    found: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(generator.__path__, "generator."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault(f"{info.name}.{name}", value)
    return found


def test_opening_class_keeps_the_matches_of_every_pattern_of_the_package() -> None:
    """with_opening_class, given each pattern of the package (plain, or already opened), finds the same
    matches (spans and groups) as the pattern, on demo and dev lines and on random text with the characters
    re.I folds into ASCII letters (İ, ı, ſ, K)."""
    patterns = _package_patterns()
    assert len(patterns) > 200
    paths = [p for d in ("content/sources", "tests/devset/articles")
             for p in sorted((ROOT / d).glob("*.txt"))[:80]]
    lines = [line for p in paths for line in p.read_text(encoding="utf-8").splitlines()]
    rnd = random.Random(13)
    pieces = ["In", " the", " March", " 2019", "-", "12", "%", " per", " cent", " ", "$", "4", ".", ",", "bn",
              "Mr", " Xi", "said", "\u0130", "\u0131", "\u017f", "\u212a", "é", "_", "'s", "\n", "(", ")",
              "down", " by", "rose", "Minister", "Monday", "ago", " years", "half", "two", "-thirds", "A",
              "s", "k"]
    lines += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10))) for _ in range(3000)]
    opened = 0
    for name, plain in patterns.items():
        rx = with_opening_class(plain)
        if rx is plain:
            continue
        opened += 1
        for line in lines:
            assert [(m.span(), m.groups()) for m in rx.finditer(line)] == [
                (m.span(), m.groups()) for m in plain.finditer(line)], (name, line)
    assert opened > 100


def test_opening_class_is_only_given_to_patterns_whose_matches_open_with_a_few_characters() -> None:
    """A pattern that can match the empty string, or open with many characters, is left as it is; a
    case-insensitive one's class holds both cases and the characters re.I folds into ASCII letters."""
    for plain in (r"\b(?:x)?", r"\b[A-Za-z]+\d", r"\w+ing\b", r"(?i:\bk)?"):
        assert with_opening_class(re.compile(plain)).pattern == plain
    rx = with_opening_class(re.compile(r"\b(?i:in|since)\s+\d"))
    assert rx.pattern.startswith("(?=[")
    for text in ("In 2", "\u0130n 2", "\u0131n 2", "\u017fince 2", "SINCE 4", "x in 5", "sin 5", "inn 4"):
        assert [m.span() for m in rx.finditer(text)] == [
            m.span() for m in re.finditer(r"\b(?i:in|since)\s+\d", text)], text


def test_ascii_digit_test_agrees_with_searching_for_0_to_9() -> None:
    """has_ascii_digit (bytes less the ten digits) is a search for [0-9], on text of every script, on
    lone surrogates and on other digits (Arabic-Indic, full-width), which it does not count."""
    from generator.nlp.textscan import has_ascii_digit

    rnd = random.Random(17)
    pieces = ["a", "Z", " ", "7", "0", "9", "é", "\u0663", "\uff17", "\ud800", "\U0001f600", "٩", "中",
              "/", ":"]
    texts = ["", "2024", "no digits here", "\u0663\u0662", "x\ud83dy"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) for _ in range(20000)]
    for text in texts:
        assert has_ascii_digit(text) == (re.search(r"[0-9]", text) is not None), ascii(text)
