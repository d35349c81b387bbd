"""Escaping of untrusted text for Markdown, HTML, CSV and file paths: the one place it happens."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from generator.errors import GeneratorError

# Characters Python-Markdown (with the tables extension) un-escapes after a backslash.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#+\-!|.])")
_SPACE = re.compile(r"\s+")
SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_CSV_TRIGGERS = ("=", "+", "-", "@")
# Line breaks and tabs become spaces; every other C0 control, DEL and C1 control is dropped.
_CSV_BREAKS = re.compile("[\t\n\r]")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
# What YAML cannot print or reads as a line break: C0 controls (tab included: it is whitespace here),
# DEL, C1 (U+0085 is a YAML line break), surrogates, U+FEFF, U+2028/2029, and the non-characters
# U+FFFE/U+FFFF. Whitespace among them becomes a space; the rest is dropped.
_YAML_SPACES = re.compile("[\t\n\x0b\x0c\r\x1c-\x1f\x85\u2028\u2029]")
_YAML_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")


def md_text(value: object) -> Markup:
    """Return `value` as inert inline Markdown: one line, Markdown syntax backslashed, HTML-escaped."""
    if isinstance(value, Markup):
        return value
    text = _SPACE.sub(" ", "" if value is None else str(value)).strip()
    text = html.escape(_MD_SPECIAL.sub(r"\\\1", text), quote=True)
    # Braces become entities so that no `{{`/`{%` sequence survives in any output.
    return Markup(text.replace("{", "&#123;").replace("}", "&#125;"))  # noqa: S704 -- escaped above


def html_text(value: object) -> Markup:
    """Return `value` HTML-escaped for use inside a raw HTML block (Markdown is not processed there)."""
    text = html.escape("" if value is None else str(value), quote=True)
    return Markup(text.replace("{", "&#123;").replace("}", "&#125;"))  # noqa: S704 -- escaped above


def printable(text: str) -> str:
    """Return `text` with lone surrogates (which UTF-8 cannot encode) replaced by U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATES.sub("\ufffd", text)
    return text


def one_line(value: object) -> str:
    """Return `value` as one line that any YAML emitter can print: line breaks (U+0085, U+2028 and
    U+2029 included) and tabs become spaces, other control characters, surrogates, U+FEFF and the
    non-characters U+FFFE/U+FFFF are dropped, runs of whitespace become one space."""
    text = "" if value is None else str(value)
    text = _YAML_UNPRINTABLE.sub("", _YAML_SPACES.sub(" ", text))
    return " ".join(text.split())


def _invisible(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in ("Cf", "Zs", "Zl", "Zp", "Cc")


def csv_cell(value: object) -> str:
    """Return a CSV cell that spreadsheets will not evaluate as a formula.

    Tabs and line breaks become spaces, other control characters (C0, DEL, C1) are dropped and lone
    surrogates become U+FFFD. A cell whose first visible character, after NFKC normalisation (full-width
    `＝＋－＠` are `=+-@`), is `=`, `+`, `-` or `@` gets a leading `'`; invisible characters in front
    (spaces, zero-width space, BOM, other format characters) do not hide the trigger."""
    text = "" if value is None else str(value)
    text = _SURROGATES.sub("\ufffd", _CONTROLS.sub("", _CSV_BREAKS.sub(" ", text)))
    return "'" + text if _visible_start(text) in _CSV_TRIGGERS else text


def _visible_start(text: str) -> str:
    """The first visible character of `text` after NFKC normalisation, or ''."""
    for at, char in enumerate(text):
        if not _invisible(char):
            probe = unicodedata.normalize("NFKC", text[at:at + 8])
            return next((c for c in probe if not _invisible(c)), "")
    return ""


@lru_cache(maxsize=65536)
def slug(value: str) -> str:
    """Return `value` lower-cased if it is a safe path segment, else raise GeneratorError."""
    lowered = value.lower()
    if not SLUG.match(lowered) or lowered in {".", ".."} or ".." in lowered:
        raise GeneratorError(f"unsafe id {value!r} cannot be used in a page address")
    return lowered


def is_slug(value: str) -> bool:
    """Return True if `value` (lower-cased) is usable as a path segment."""
    try:
        slug(value)
    except GeneratorError:
        return False
    return True


def inside(root: Path, relative: str) -> Path:
    """Return root/relative, raising GeneratorError if it would resolve outside root."""
    base = root.resolve()
    target = (base / relative).resolve()
    if target != base and base not in target.parents:
        raise GeneratorError(f"refusing to write {relative!r}: it lies outside {root}")
    return target
