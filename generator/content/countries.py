"""content/countries.yaml: the names, demonyms, capitals, seats and prefixes of countries, on top of
pycountry's names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry

from generator.content.vocabulary import COUNTRY_TABLE_CODES, is_country_code
from generator.content.yamlfile import LineDict, LineList, load_yaml
from generator.errors import GeneratorError, raise_all

KINDS = ("names", "demonyms", "capitals", "seats", "prefixes")


@dataclass(frozen=True)
class CountryNames:
    """kind -> {name: code} (pycountry's names first), read from the file `path`; `lines` gives the line
    of each code's entry in it."""

    kinds: dict[str, dict[str, str]]
    path: Path | None = None
    lines: dict[str, int] | None = None

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


def load_countries(path: Path) -> CountryNames:
    """Read content/countries.yaml: kind -> {name: code}; pycountry names come first."""
    data = load_yaml(path) or {}
    table = data.get("countries") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise GeneratorError("expected a top-level 'countries:' mapping", path, getattr(data, "line", 1) or 1)
    errors: list[GeneratorError] = []
    for key in data:
        if key != "countries":
            line = data.line_of(key) if isinstance(data, LineDict) else None
            errors.append(GeneratorError(f"unknown key '{key}'", path, line, "allowed keys: countries"))
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
    return CountryNames(kinds, path, {str(code): line for code, line in lines.items()})
