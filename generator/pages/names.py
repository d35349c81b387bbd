"""Display names for pages: countries, pairs, sectors, actor types. The tables themselves are the
closed vocabularies of generator.content.vocabulary; this module formats them."""

from __future__ import annotations

from generator.content.vocabulary import ACTOR_TYPE_LABELS, INTERNATIONAL_ORG, country_name

__all__ = ["actor_type_label", "actor_type_name", "country_name", "event_label", "pair_title", "readable",
           "sector_label"]

# The singular name of each actor type (a search filter value: "Government body"); see ACTOR_TYPE_LABELS
# for the plural headings. Only types whose id made readable would be wrong are listed.
_ACTOR_TYPE_NAMES = {INTERNATIONAL_ORG: "International organisation"}


def event_label(event_type: str | None) -> str:
    """Return a PLOVER event type as pages print it: "SANCTION" -> "Sanction" ("" for no event); the How
    to read page lists the codes with their labels."""
    return event_type.capitalize() if event_type else ""


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
    return ACTOR_TYPE_LABELS.get(kind, readable(kind))


def actor_type_name(kind: str) -> str:
    """Return the singular name of an actor type: "government_body" -> "Government body"."""
    return _ACTOR_TYPE_NAMES.get(kind, readable(kind))
