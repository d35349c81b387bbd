"""content/actors.yaml: the curated actors and the lexicon that steers actor discovery."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.vocabulary import ACTOR_COUNTRIES, ACTOR_TYPES, is_country_code
from generator.content.yamlfile import Field, LineDict, LineList, check_record, load_yaml
from generator.errors import GeneratorError, raise_all

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ACTOR_FIELDS = {
    "id": Field((str,), required=True),
    "name": Field((str,), required=True),
    "aliases": Field((list,)),
    "type": Field((str,), required=True),
    "country": Field((str,)),
}
LIST_KEYS = ("titles", "role_words", "particles", "not_actors")
MAP_KEYS = ("org_suffixes", "org_prefixes", "org_heads", "institutions")
TOP_KEYS = ("actors", *LIST_KEYS, *MAP_KEYS)


@dataclass(frozen=True)
class ActorEntry:
    """One curated actor, with the file and line it was declared on."""

    id: str
    name: str
    aliases: tuple[str, ...]
    type: str
    country: str | None
    line: int = 0
    path: Path | None = None


@dataclass(frozen=True)
class ActorConfig:
    """Curated actors plus the word lists used to discover the others."""

    actors: tuple[ActorEntry, ...]
    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    maps: dict[str, dict[str, str]] = field(default_factory=dict)
    path: Path | None = None


def _check_values(rec: LineDict, path: Path, errors: list[GeneratorError]) -> bool:
    ok = True
    if not ID_RE.match(rec["id"]):
        errors.append(
            GeneratorError(
                f"id '{rec['id']}' is not kebab-case", path, rec.line_of("id"), "use a-z, 0-9 and -"
            )
        )
        ok = False
    if rec["type"] not in ACTOR_TYPES:
        close = difflib.get_close_matches(rec["type"], ACTOR_TYPES, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"use one of {', '.join(ACTOR_TYPES)}"
        errors.append(GeneratorError(f"unknown type '{rec['type']}'", path, rec.line_of("type"), hint))
        ok = False
    country = rec.get("country")
    if (
        country is not None
        and country not in ACTOR_COUNTRIES
        and not is_country_code(country)
    ):
        errors.append(
            GeneratorError(
                f"unknown country '{country}'",
                path,
                rec.line_of("country"),
                "use an ISO 3166-1 alpha-2 code, EU, INT or null",
            )
        )
        ok = False
    if not all(isinstance(a, str) for a in rec.get("aliases") or []):
        errors.append(GeneratorError("'aliases' must be a list of strings", path, rec.line_of("aliases")))
        ok = False
    elif not rec["name"].strip() or not all(a.strip() for a in rec.get("aliases") or []):
        key = "name" if not rec["name"].strip() else "aliases"
        errors.append(GeneratorError(f"empty {'name' if key == 'name' else 'alias'}", path, rec.line_of(key),
                                     "write the name or remove it"))
        ok = False
    return ok


def _entries(records: list[Any], path: Path, errors: list[GeneratorError]) -> list[ActorEntry]:
    entries: list[ActorEntry] = []
    ids: dict[str, int] = {}
    names: dict[str, int] = {}
    for index, rec in enumerate(records):
        at = records.line_of(index) if isinstance(records, LineList) else None
        if not check_record(rec, ACTOR_FIELDS, path, "actor", errors, at) \
                or not _check_values(rec, path, errors):
            continue
        line = rec.line
        if rec["id"] in ids:
            errors.append(
                GeneratorError(f"duplicate id '{rec['id']}' (also on line {ids[rec['id']]})", path, line)
            )
            continue
        ids[rec["id"]] = line
        aliases = tuple(rec.get("aliases") or [])
        for alias in (rec["name"], *aliases):
            if alias in names and names[alias] != line:
                errors.append(
                    GeneratorError(f"duplicate alias '{alias}' (also on line {names[alias]})", path, line)
                )
            names.setdefault(alias, line)
        entries.append(ActorEntry(rec["id"], rec["name"], aliases, rec["type"], rec.get("country"), line,
                                  path))
    return entries


def _lexicon(data: dict[str, Any], path: Path, errors: list[GeneratorError]) -> tuple[dict, dict]:
    line_of = data.line_of if isinstance(data, LineDict) else (lambda _k: None)
    lists: dict[str, frozenset[str]] = {}
    maps: dict[str, dict[str, str]] = {}
    for key in LIST_KEYS:
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            errors.append(GeneratorError(f"'{key}' must be a list of words", path, line_of(key)))
            value = []
        lists[key] = frozenset(v.lower() for v in value)
    for key in MAP_KEYS:
        value = data.get(key) or {}
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                  for k, v in value.items()):
            errors.append(GeneratorError(f"'{key}' must map words to names", path, line_of(key)))
            value = {}
        if key != "institutions" and any(v not in ACTOR_TYPES for v in value.values()):
            errors.append(GeneratorError(f"'{key}' values must be actor types", path, line_of(key)))
        maps[key] = {str(k).lower(): v for k, v in value.items()}
    return lists, maps


def load_actors(path: Path) -> ActorConfig:
    """Read and validate content/actors.yaml; every problem is reported as file:line."""
    data = load_yaml(path) or {}
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise GeneratorError("expected a top-level 'actors:' list", path, 1)
    errors: list[GeneratorError] = []
    for key in data:
        if key not in TOP_KEYS:
            close = difflib.get_close_matches(str(key), TOP_KEYS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(TOP_KEYS)}"
            line = data.line_of(key) if isinstance(data, LineDict) else None
            errors.append(GeneratorError(f"unknown key '{key}'", path, line, hint))
    entries = _entries(data["actors"], path, errors)
    lists, maps = _lexicon(data, path, errors)
    raise_all(errors)
    return ActorConfig(tuple(entries), lists, maps, path)
