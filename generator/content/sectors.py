"""content/sectors.yaml: the sector lexicons (id, label, description, terms), and the term-list checks
shared with content/stance.yaml."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content.terms import phrase_key
from generator.content.vocabulary import EVENT_TYPES, SECTOR_IDS
from generator.content.yamlfile import Field, LineDict, LineList, check_record, load_yaml
from generator.errors import GeneratorError, raise_all

SECTOR_FIELDS = {
    "label": Field((str,), required=True),
    "description": Field((str,), required=True),
    "terms": Field((list,), required=True),
    "event_types": Field((list,)),
}


@dataclass(frozen=True)
class Sector:
    """One sector lexicon from content/sectors.yaml, with the file and line it is declared on."""

    id: str
    label: str
    description: str
    terms: tuple[str, ...]
    line: int
    path: Path | None = None
    event_types: tuple[str, ...] = ()  # PLOVER types whose facts between two states belong here too


def check_terms(
    terms: list[Any], section: str, what: str, seen: dict[str, tuple[str, str]],
    key_line: int, path: Path, errors: list[GeneratorError],
) -> tuple[str, ...]:
    """Validate one term list; `seen` maps normalised phrases to (section, term) already listed."""

    def at(index: int) -> int:
        if isinstance(terms, LineList) and 0 <= index < len(terms.item_lines):
            return terms.item_lines[index]
        return key_line

    if not terms:
        errors.append(GeneratorError(f"{what} has no terms", path, at(-1), "list at least one phrase"))
    kept: list[str] = []
    for i, term in enumerate(terms):
        if not isinstance(term, str) or not term.strip():
            errors.append(GeneratorError(f"term {i + 1} of {what} must be text", path, at(i), "quote it"))
            continue
        key = phrase_key(term)
        if key in seen:
            prev_section, prev = seen[key]
            same = f"'{prev}'" if prev == term else f"'{prev}' (same word once inflection is ignored)"
            where = "" if prev_section == section else f" in '{prev_section}'"
            message = f"term '{term}' of {what} repeats {same}{where}"
            errors.append(GeneratorError(message, path, at(i), "keep one of them"))
            continue
        seen[key] = (section, term)
        kept.append(term.strip().lower())
    return tuple(kept)


def load_mapping(path: Path) -> LineDict:
    """Parse a YAML file whose top level must be a mapping."""
    data = load_yaml(path)
    if not isinstance(data, LineDict):
        raise GeneratorError("expected a mapping at the top of the file", path, getattr(data, "line", 1))
    return data


def _event_types(types: list[Any], what: str, line: int, path: Path, errors: list[GeneratorError],
                 ) -> tuple[str, ...]:
    """Validate a sector's event_types: PLOVER type names, each once."""
    kept: list[str] = []
    for t in types:
        if t not in EVENT_TYPES:
            errors.append(GeneratorError(f"{what}: unknown event type {t!r}", path, line,
                                         f"event types: {', '.join(EVENT_TYPES)}"))
        elif t in kept:
            errors.append(GeneratorError(f"{what}: event type {t!r} is listed twice", path, line,
                                         "keep one of them"))
        else:
            kept.append(t)
    return tuple(kept)


def load_sectors(path: Path) -> dict[str, Sector]:
    """Read content/sectors.yaml into Sector records; raise every problem at once."""
    data, errors = load_mapping(path), list[GeneratorError]()
    sectors: dict[str, Sector] = {}
    for sid, record in data.items():
        if sid not in SECTOR_IDS:
            close = difflib.get_close_matches(str(sid), SECTOR_IDS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"sector ids: {', '.join(SECTOR_IDS)}"
            errors.append(GeneratorError(f"unknown sector id '{sid}'", path, data.line_of(sid), hint))
            continue
        what = f"sector '{sid}'"
        if not check_record(record, SECTOR_FIELDS, path, what, errors, data.line_of(sid)):
            continue
        terms = check_terms(record["terms"], sid, what, {}, record.line_of("terms"), path, errors)
        types = _event_types(record.get("event_types") or [], what, record.line_of("event_types"), path,
                             errors)
        sectors[sid] = Sector(sid, record["label"], record["description"], terms, data.line_of(sid), path,
                              types)
    raise_all(errors)
    return sectors
