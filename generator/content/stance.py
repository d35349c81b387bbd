"""content/stance.yaml: cooperation and tension cues, the negators that cancel them, and their window."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.content.sectors import check_terms, load_mapping
from generator.content.vocabulary import CUE_STANCES
from generator.content.yamlfile import Field, check_record
from generator.errors import GeneratorError, raise_all

STANCE_FIELDS = {
    "cooperation": Field((list,), required=True),
    "tension": Field((list,), required=True),
    "negators": Field((list,), required=True),
    "window": Field((int,)),
}


@dataclass(frozen=True)
class StanceLexicon:
    """Cooperation and tension cues, and the negators that cancel them, from content/stance.yaml."""

    cooperation: tuple[str, ...]
    tension: tuple[str, ...]
    negators: tuple[str, ...]
    window: int = 3
    path: Path | None = None
    line: int = 1


def load_stance(path: Path) -> StanceLexicon:
    """Read content/stance.yaml into a StanceLexicon; raise every problem at once."""
    data, errors = load_mapping(path), list[GeneratorError]()
    if not check_record(data, STANCE_FIELDS, path, "stance lexicon", errors):
        raise_all(errors)
    window = 3 if data.get("window") is None else data["window"]
    if window < 0:
        errors.append(GeneratorError("'window' must be 0 or more", path, data.line_of("window")))
    seen: dict[str, tuple[str, str]] = {}
    found: dict[str, tuple[str, ...]] = {}
    for section in (*CUE_STANCES, "negators"):
        found[section] = check_terms(
            data[section], section, f"'{section}'", seen, data.line_of(section), path, errors
        )
    raise_all(errors)
    return StanceLexicon(found["cooperation"], found["tension"], found["negators"], window, path, data.line)
