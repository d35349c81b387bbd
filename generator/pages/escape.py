"""Escaping of untrusted text for Markdown, HTML, CSV and file paths: the one place it happens."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from generator.errors import GeneratorError

# Characters Python-Markdown (with the tables extension) un-escapes after a backslash.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#+\-!|.])")
_SPACE = re.compile(r"\s+")
SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


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


def csv_cell(value: object) -> str:
    """Return a CSV cell that spreadsheets will not evaluate as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_CSV_TRIGGERS) else text


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
