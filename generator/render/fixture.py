"""A tiny corpus that `briefs check` renders every page template with, to find runtime template errors
(undefined variables, unsafe operations) without reading the articles: one document, three facts
(a brief needs three), two actors, one country pair, one sector."""

from __future__ import annotations

from typing import Any

from generator.facts.model import SCHEMA_VERSION

DOCUMENT = "fixture-article"
SECTORS = {"trade": {"label": "Trade", "description": "Exports, imports, tariffs and trade agreements."}}
SENTENCES = (
    "Fixture article",
    "Italy and China signed a trade agreement worth €2 billion on 3 May 2019.",
    "Prime Minister Giorgia Meloni said in 2023 that Italy would leave the agreement.",
    "Huawei, the Chinese telecom company, criticised the decision.",
)


def _sentences() -> tuple[str, list[list[int]]]:
    text, offsets = "", []
    for sentence in SENTENCES:
        offsets.append([len(text), len(text) + len(sentence)])
        text += sentence + "\n\n"
    return text, offsets


def _fact(number: int, offsets: list[list[int]], **fields: Any) -> dict[str, Any]:
    start, end = offsets[number]
    return {"id": f"{DOCUMENT}-s{number}", "document": DOCUMENT, "sentence": number, "start": start,
            "end": end, "text": SENTENCES[number], "countries": ["CN", "IT"], "pairs": ["CN-IT"],
            "sectors": ["trade"], "quantities": [], "actors": [], "date": None, "stance": "neutral",
            **fields}


def fixture_corpus() -> tuple[dict[str, Any], dict[str, str], dict[str, dict]]:
    """Return (facts, sources by document id, sectors) in the shapes the render stage reads."""
    text, offsets = _sentences()
    facts = [
        _fact(1, offsets, stance="cooperation",
              date={"value": "2019-05-03", "precision": "day", "relative": False, "text": "3 May 2019"},
              quantities=[{"text": "€2 billion", "value": 2000000000, "unit": "EUR"}]),
        _fact(2, offsets, stance="tension", actors=["giorgia-meloni"],
              date={"value": "2023", "precision": "year", "relative": False, "text": "2023"}),
        _fact(3, offsets, stance="tension", actors=["huawei"], event_type="ACCUSE"),
    ]
    actors = [
        {"id": "giorgia-meloni", "name": "Giorgia Meloni", "type": "person", "country": "IT",
         "aliases": ["Meloni"], "curated": True,
         "roles": [{"role": "Prime Minister", "date": "2023", "fact": f"{DOCUMENT}-s2"}]},
        {"id": "huawei", "name": "Huawei", "type": "company", "country": "CN", "aliases": [],
         "curated": False, "roles": []},
    ]
    document = {"id": DOCUMENT, "path": f"{DOCUMENT}.txt", "title": SENTENCES[0], "author": "A. Writer",
                "published": "2023-05-04", "reference_date": "2023-05-04", "url": "https://example.org/a",
                "sha256": "0" * 64, "sentences": offsets, "boilerplate_removed": ["Share this article"]}
    data = {"schema_version": SCHEMA_VERSION, "documents": [document], "actors": actors, "facts": facts}
    return data, {DOCUMENT: text}, SECTORS
