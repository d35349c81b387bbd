"""Every closed vocabulary is defined once, in generator/content/vocabulary.py: the facts schema's enums,
the curated sector ids and the tables pages print agree with it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pycountry

from generator.content import load_content
from generator.content.vocabulary import (
    ACTOR_COUNTRIES,
    ACTOR_TYPE_LABELS,
    ACTOR_TYPES,
    COUNTRY_NAMES,
    CUE_STANCES,
    DATE_PRECISIONS,
    EVENT_STANCE,
    EVENT_TYPES,
    MONTH_NUMBERS,
    MONTHS,
    NON_STATES,
    QUAD_CLASSES,
    QUANTITY_KINDS,
    SECTOR_IDS,
    STANCES,
    country_name,
)

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "generator" / "facts" / "facts.schema.json").read_text(encoding="utf-8"))


def enums(node: Any, where: str = "") -> dict[str, list[Any]]:
    """Every enum of the schema, by its JSON path."""
    found: dict[str, list[Any]] = {}
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "enum":
                found[where] = value
            else:
                found |= enums(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found |= enums(value, f"{where}/{i}")
    return found


def test_the_schema_enums_are_the_vocabularies() -> None:
    assert enums(SCHEMA) == {
        "/properties/actors/items/properties/type": list(ACTOR_TYPES),
        "/properties/facts/items/properties/date/oneOf/1/properties/precision": list(DATE_PRECISIONS),
        "/properties/facts/items/properties/stance": list(STANCES),
        "/properties/facts/items/properties/event_type": list(EVENT_TYPES),
        "/properties/facts/items/properties/quantities/items/properties/kind": list(QUANTITY_KINDS),
    }


def test_the_curated_sectors_are_the_sector_ids() -> None:
    assert list(load_content(ROOT / "content").sectors) == list(SECTOR_IDS)


def test_stances_and_actor_types() -> None:
    assert STANCES[: len(CUE_STANCES)] == CUE_STANCES and STANCES[-1] == "neutral"
    assert tuple(ACTOR_TYPE_LABELS) == ACTOR_TYPES


def test_months() -> None:
    assert len(MONTHS) == 12 and all(MONTH_NUMBERS[m] == i + 1 for i, m in enumerate(MONTHS))
    assert {MONTH_NUMBERS[m[:3]] for m in MONTHS} == set(range(1, 13)) and MONTH_NUMBERS["sept"] == 9


def test_one_country_table() -> None:
    assert [country_name(c) for c in ("IT", "TR", "CZ", "EU", "INT", "XK", None)] == [
        "Italy", "Türkiye", "Czechia", "European Union", "International", "Kosovo", "—"]
    assert all(country_name(code) == COUNTRY_NAMES[code] for code in ACTOR_COUNTRIES)
    assert all(pycountry.countries.get(alpha_2=code) is None for code in NON_STATES)


def test_no_copies_of_the_tables_elsewhere() -> None:
    """A literal that only a vocabulary table holds appears in no other module of the generator."""
    literals = ['"think_tank"', '"international_org"', '"september"', '"cooperation", "tension"',
                '"trade", "investment"', '"European Union"']
    holders = {
        literal: sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "generator").rglob("*.py")
                        if re.search(re.escape(literal), p.read_text(encoding="utf-8")))
        for literal in literals
    }
    assert holders == {literal: ["generator/content/vocabulary.py"] for literal in literals}


def test_event_types_are_plovers_sixteen_in_four_quad_classes() -> None:
    assert len(EVENT_TYPES) == len(set(EVENT_TYPES)) == 16 and len(QUAD_CLASSES) == 4
    for quad, types in QUAD_CLASSES.items():
        expected = "cooperation" if quad.endswith("cooperation") else "tension"
        assert {EVENT_STANCE[t] for t in types} == {expected}
