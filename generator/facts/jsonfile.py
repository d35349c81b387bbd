"""The text of facts.json: deterministic, diffable, and written by the json module's C encoder."""

from __future__ import annotations

import json
from typing import Any

# The C encoder runs only without `indent`; items of the top-level lists go one per line instead.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def dumps_facts(data: dict[str, Any]) -> str:
    """Serialise facts data: keys sorted at every level, each document, actor and fact on a line of its
    own, a trailing newline. Equal data gives identical text."""
    parts = []
    for key in sorted(data):
        value = data[key]
        if isinstance(value, list) and value:
            body = ",\n".join(_ENCODER.encode(item) for item in value)
            parts.append(f"{json.dumps(key)}: [\n{body}\n]")
        else:
            parts.append(f"{json.dumps(key)}: {_ENCODER.encode(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
