"""Every closed vocabulary of briefs, defined once: actor types, stances, date precisions, sector ids,
non-state codes, months and the display names of countries. The facts schema's enums
(generator/facts/facts.schema.json) must equal these (tests/test_vocabulary.py checks it)."""

from __future__ import annotations

from functools import lru_cache

import pycountry

# --- actors -----------------------------------------------------------------------------------

ACTOR_TYPE_LABELS = {
    "person": "People",
    "party": "Parties",
    "company": "Companies",
    "government_body": "Government bodies",
    "international_org": "International organisations",
    "media": "Media",
    "think_tank": "Think tanks",
    "other": "Other",
}  # type -> the plural heading pages print
ACTOR_TYPES = tuple(ACTOR_TYPE_LABELS)
INTERNATIONAL_ORG = ACTOR_TYPES[list(ACTOR_TYPE_LABELS).index("international_org")]
PRESS_TYPES = frozenset(ACTOR_TYPES[5:7])  # media and think tanks: who reports or comments, not a party

# --- stance -----------------------------------------------------------------------------------

CUE_STANCES = ("cooperation", "tension")  # the cue lists of content/stance.yaml
STANCES = (*CUE_STANCES, "neutral")  # a fact's stance; "neutral" when no cue is found

# --- event types (PLOVER, the ontology of POLECAT) and their quad classes ------------------------

QUAD_CLASSES = {
    "verbal cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}  # PLOVER's quad classes, in the order of its codebook
EVENT_TYPES = tuple(t for types in QUAD_CLASSES.values() for t in types)  # a fact's optional event_type
# The kinds a figure may carry besides its unit (facts.schema.json: quantities[].kind).
QUANTITY_KINDS = ("duration", "measure", "fraction", "split", "change", "approximate")
EVENT_QUAD = {t: quad for quad, types in QUAD_CLASSES.items() for t in types}
EVENT_STANCE = {t: CUE_STANCES[0] if quad.endswith("cooperation") else CUE_STANCES[1]
                for t, quad in EVENT_QUAD.items()}  # cooperation quads -> cooperation, conflict -> tension

# --- dates ------------------------------------------------------------------------------------

DATE_PRECISIONS = ("year", "month", "day")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MONTH_FORMS = (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
                ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
                ("october", "oct"), ("november", "nov"), ("december", "dec"))
MONTH_NUMBERS = {form: i + 1 for i, forms in enumerate(_MONTH_FORMS) for form in forms}
"""Lower-case month names and abbreviations ("sept" too) -> 1..12."""

# --- sectors ----------------------------------------------------------------------------------

SECTOR_IDS = (
    "trade", "investment", "telecom_5g", "energy", "technology_research", "cybersecurity", "defense",
    "finance_banking", "automotive_manufacturing", "infrastructure_logistics",
    "culture_tourism_education", "health", "diplomacy", "sanctions", "media_information",
    "domestic_politics",
)  # fmt: skip
# Sectors that name what a figure measures better than the others, in order of preference (key figures)
MEASURE_SECTORS = ("trade", "investment", "finance_banking", "energy", "sanctions",
                   "automotive_manufacturing", "infrastructure_logistics", "telecom_5g",
                   "technology_research", "defense")

# --- countries --------------------------------------------------------------------------------

ORGANISATIONS = ("EU", "NATO")  # recognised in text like countries (content/countries.yaml may list them)
NON_STATES = (*ORGANISATIONS, "INT")  # codes that are not states: never part of a country pair
EXTRA_COUNTRIES = ("XK",)  # states pycountry does not list (Kosovo)
ACTOR_COUNTRIES = frozenset((*NON_STATES, *EXTRA_COUNTRIES))  # allowed besides ISO codes in actors.yaml
COUNTRY_TABLE_CODES = frozenset((*ORGANISATIONS, *EXTRA_COUNTRIES))  # allowed besides ISO in countries.yaml

# pycountry's official names are long ("Russian Federation"); analysts use the short ones.
COUNTRY_NAMES = {
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
    "US": "United States",
    "GB": "United Kingdom",
}


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """The short English name of an ISO alpha-2 code (or EU/NATO/INT); "—" for none, the code if unknown."""
    if not code:
        return "—"
    if code.upper() in COUNTRY_NAMES:
        return COUNTRY_NAMES[code.upper()]
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


_PLURAL_NAMES = ("Islands", "States", "Emirates", "Netherlands", "Philippines", "Bahamas", "Maldives",
                 "Comoros", "Seychelles")
_ARTICLE_WORDS = frozenset({"Republic", "Kingdom", "Federation", "Union", "United", "Gambia"})


def country_name_after_of(code: str | None) -> str:
    """A state's name as it stands after "of": with its article where English gives it one ("Government of
    the United States", "of the Philippines", "of the Cook Islands"), else as country_name."""
    name = country_name(code)
    if name.endswith(_PLURAL_NAMES) or _ARTICLE_WORDS.intersection(name.split()):
        return f"the {name}"
    return name


def is_country_code(code: object) -> bool:
    """True for an ISO 3166-1 alpha-2 code pycountry knows."""
    return isinstance(code, str) and pycountry.countries.get(alpha_2=code) is not None
