"""Display names: countries (pycountry plus EU/NATO by hand), pairs, sectors, actor types."""

from __future__ import annotations

from functools import lru_cache

import pycountry

# pycountry's official names are long ("Russian Federation"); analysts use the short ones.
_BY_HAND = {
    "EU": "European Union",
    "NATO": "NATO",
    "INT": "International",
    "RU": "Russia",
    "TW": "Taiwan",
    "KR": "South Korea",
    "KP": "North Korea",
    "IR": "Iran",
    "VN": "Vietnam",
    "SY": "Syria",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "TZ": "Tanzania",
    "MD": "Moldova",
    "LA": "Laos",
    "XK": "Kosovo",
}

ACTOR_TYPES = {
    "person": "People",
    "party": "Parties",
    "company": "Companies",
    "government_body": "Government bodies",
    "international_org": "International organisations",
    "media": "Media",
    "think_tank": "Think tanks",
    "other": "Other",
}


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """Return the short English name of an ISO alpha-2 code (or EU/NATO/INT); the code if unknown."""
    if not code:
        return "—"
    if code.upper() in _BY_HAND:
        return _BY_HAND[code.upper()]
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def pair_title(pair: str, weight: dict[str, int]) -> str:
    """Return "Italy – China" for "CN-IT": the country with more facts in the corpus comes first."""
    codes = sorted(pair.upper().split("-"), key=lambda c: (-weight.get(c, 0), c))
    return " – ".join(country_name(c) for c in codes)


def readable(identifier: str) -> str:
    """Return an id made readable: "telecom_5g" -> "Telecom 5g"."""
    return identifier.replace("_", " ").replace("-", " ").strip().capitalize()


def sector_label(sector: str, sectors: dict[str, dict]) -> str:
    """Return the label of a sector from the taxonomy, or its id made readable."""
    entry = sectors.get(sector) or {}
    return str(entry.get("label") or readable(sector))


def actor_type_label(kind: str) -> str:
    """Return the plural heading of an actor type."""
    return ACTOR_TYPES.get(kind, readable(kind))
