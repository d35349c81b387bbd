"""The text of facts.json: deterministic, diffable, and written by the json module's C encoder.

One of the two places where facts are JSON (the other is the extraction cache, facts/cache.py)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from generator.facts.model import FactsData

# The C encoder runs only without `indent`; items of the top-level lists go one per line instead.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def dumps_facts(data: FactsData | Mapping[str, Any]) -> str:
    """Serialise facts data (typed, or already in its JSON form): keys sorted at every level, each
    document, actor and fact on a line of its own, a trailing newline. Equal data gives identical text."""
    if isinstance(data, FactsData):
        data = data.to_json()
    parts = []
    for key in sorted(data):
        value = data[key]
        if isinstance(value, list) and value:
            body = ",\n".join(_ENCODER.encode(item) for item in value)
            parts.append(f"{json.dumps(key)}: [\n{body}\n]")
        else:
            parts.append(f"{json.dumps(key)}: {_ENCODER.encode(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
