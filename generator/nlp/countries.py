"""Recognises countries, their capitals, seats, demonyms and the EU/NATO as `doc.spans["countries"]`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, filter_spans

from generator.content.yamlfile import LineDict, LineList, load_yaml
from generator.errors import GeneratorError, raise_all
from generator.nlp.actor_catalog import load_actors

SPANS_KEY = "countries"
KINDS = ("names", "demonyms", "capitals", "seats", "prefixes")
NON_ISO = {"EU", "NATO", "XK"}
HYPHENS = {"-", "–", "—"}
# pycountry's names are formal ("Russian Federation", "Taiwan, Province of China").
_DISPLAY = {
    "EU": "European Union",
    "NATO": "NATO",
    "XK": "Kosovo",
    "RU": "Russia",
    "US": "United States",
    "GB": "United Kingdom",
    "VA": "Vatican City",
    "PS": "Palestine",
    "BN": "Brunei",
    "TR": "Turkey",
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "FM": "Micronesia",
    "CZ": "Czech Republic",
}
# Splits "U.S.-China", which the default tokenizer keeps whole, so both names match.
_ABBREV_HYPHEN = r"(?<=[A-Z]\.)[-–](?=[A-Z])"


def country_name(code: str) -> str:
    """Common English name of an ISO alpha-2 code, "EU" or "NATO" ("TW" -> "Taiwan")."""
    if code in _DISPLAY:
        return _DISPLAY[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


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
    if code not in NON_ISO and (not isinstance(code, str) or pycountry.countries.get(alpha_2=code) is None):
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


@lru_cache(maxsize=8)
def load_country_names(content_dir: Path) -> dict[str, dict[str, str]]:
    """Read content/countries.yaml: kind -> {name: code}; pycountry names come first."""
    path = content_dir / "countries.yaml"
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
    return kinds


def country_names(content_dir: Path) -> set[str]:
    """Every country name, demonym, capital and seat known to the recogniser."""
    kinds = load_country_names(Path(content_dir))
    return {name for kind in KINDS if kind != "prefixes" for name in kinds[kind]}


def _dropped_apostrophe(name: str, taken: dict[str, str]) -> str | None:
    """'Italys' for 'Italy', as left by feeds that strip apostrophes; never a known name itself."""
    if " " in name or name.endswith("s") or not name[:1].isupper() or name.isupper():
        return None
    variant = name + "s"
    return None if variant in taken or variant == "Americas" else variant


class CountryRecognizer:
    """Marks country mentions; span.label_ is the alpha-2 code, "EU" or "NATO"."""

    def __init__(self, nlp: Language, content_dir: Path) -> None:
        kinds = load_country_names(Path(content_dir))
        self.names = {
            name: code for kind in KINDS if kind != "prefixes" for name, code in kinds[kind].items()
        }
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.prefixes = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_code: dict[str, list[str]] = {}
        for name, code in self.names.items():
            by_code.setdefault(code, []).append(name)
            variant = _dropped_apostrophe(name, self.names)
            if variant:
                by_code[code].append(variant)
        for code, names in sorted(by_code.items()):
            self.exact.add(code, [nlp.make_doc(n) for n in sorted(names)])
            multi = [nlp.make_doc(n) for n in sorted(names) if " " in n]
            if multi:
                self.lower.add(code, multi)
        for name, code in sorted(kinds["prefixes"].items()):
            self.prefixes.add(code, [nlp.make_doc(name)])

    def __call__(self, doc: Doc) -> Doc:
        """Find and store country spans."""
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[Span]:
        """All candidate spans, combining forms only when a hyphen follows ("Sino-")."""
        spans = [Span(doc, s, e, label=m) for m, s, e in self.exact(doc)]
        spans += [Span(doc, s, e, label=m) for m, s, e in self.lower(doc)]
        for m, s, e in self.prefixes(doc):
            if e < len(doc) and doc[e].text in HYPHENS:
                spans.append(Span(doc, s, e, label=m))
        return filter_spans(spans)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> Doc:
        """Store the spans sorted by position."""
        doc.spans[SPANS_KEY] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc


def _split_abbreviation_hyphens(nlp: Language) -> None:
    tokenizer = nlp.tokenizer
    infixes = list(nlp.Defaults.infixes or [])
    if _ABBREV_HYPHEN not in infixes and hasattr(tokenizer, "infix_finditer"):
        tokenizer.infix_finditer = compile_infix_regex([*infixes, _ABBREV_HYPHEN]).finditer


@Language.factory("briefs_countries", assigns=["doc.spans"], default_config={"content_dir": "content"})
def make_countries(nlp: Language, name: str, content_dir: str) -> CountryRecognizer:
    """Build the country recogniser from pycountry and content/countries.yaml."""
    _split_abbreviation_hyphens(nlp)
    return CountryRecognizer(nlp, Path(content_dir))


def known_names(content_dir: Path) -> set[str]:
    """Every country, capital, demonym and curated actor name or alias (for apostrophe repair)."""
    names = country_names(Path(content_dir))
    for entry in load_actors(Path(content_dir) / "actors.yaml"):
        names |= {entry.name, *entry.aliases}
    return names
