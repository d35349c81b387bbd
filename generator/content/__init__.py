"""The curated content: content/*.yaml read once per build into one frozen Content object.

`load_content(content_dir)` parses actors.yaml, countries.yaml, sectors.yaml and stance.yaml once
each into typed records that carry their file and line, and raises every problem of every file
together. Every stage that needs curated data (check, ingest's apostrophe repair, the spaCy
components, the pages) is handed this object; nothing else reads those files. The closed
vocabularies (actor types, stances, sector ids, months, country names) are in content.vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from generator.content import actors, countries, events, sectors, stance
from generator.content.actors import ActorConfig, ActorEntry
from generator.content.countries import CountryNames
from generator.content.events import EventLexicon
from generator.content.sectors import Sector
from generator.content.stance import StanceLexicon
from generator.errors import GeneratorError, GeneratorErrors, raise_all

__all__ = ["ActorConfig", "ActorEntry", "Content", "CountryNames", "EventLexicon", "Sector", "StanceLexicon",
           "load_content"]

CONTENT_HINT = "run from the project root or pass --content DIR"
FILES = ("actors.yaml", "countries.yaml", "sectors.yaml", "stance.yaml", "events.yaml")
T = TypeVar("T")


@dataclass(frozen=True)
class Content:
    """Everything curated in content/, validated: actors, country names, sectors, stance and event cues."""

    path: Path
    actors: ActorConfig
    countries: CountryNames
    sectors: dict[str, Sector]
    stance: StanceLexicon
    events: EventLexicon

    def known_names(self) -> frozenset[str]:
        """Every country name, capital and seat and every curated actor name or alias (for apostrophe
        repair: "Italys" is "Italy's"); not the demonyms, whose "s" makes a plural ("two Tajiks dead",
        "Kenyans")."""
        names = self.countries.names() - set(self.countries.kinds["demonyms"])
        for entry in self.actors.actors:
            names |= {entry.name, *entry.aliases}
        return frozenset(names)

    def sector_table(self) -> dict[str, dict[str, str]]:
        """sector id -> {"label", "description"}, in the order of sectors.yaml (what the pages print)."""
        return {k: {"label": v.label, "description": v.description} for k, v in self.sectors.items()}


def _collect(load: Callable[[Path], T], path: Path, errors: list[GeneratorError]) -> T | None:
    """Run one file's loader; add whatever it raises (one error or several) to errors. An unexpected
    exception is a bug in briefs, not in the file, but is still reported against the file it was reading,
    so it never hides the problems of the other files."""
    try:
        return load(path)
    except GeneratorErrors as many:
        errors.extend(many.errors)
    except GeneratorError as one:
        errors.append(one)
    except Exception as exc:  # noqa: BLE001 -- see the docstring
        errors.append(GeneratorError(f"internal error while reading it: {type(exc).__name__}: {exc}", path,
                                     hint="please report this; run with --debug for a traceback"))
    return None


def load_content(content_dir: Path) -> Content:
    """Read and validate every curated YAML file of content_dir, each once; raise all problems together."""
    root = Path(content_dir)
    if not root.is_dir():
        raise GeneratorError("content folder not found", root, hint=CONTENT_HINT)
    errors: list[GeneratorError] = []
    # Looked up on their modules at call time, so a test can replace one loader.
    loaded: list[Any] = [
        _collect(actors.load_actors, root / "actors.yaml", errors),
        _collect(countries.load_countries, root / "countries.yaml", errors),
        _collect(sectors.load_sectors, root / "sectors.yaml", errors),
        _collect(stance.load_stance, root / "stance.yaml", errors),
        _collect(events.load_events, root / "events.yaml", errors),
    ]
    raise_all(errors)
    return Content(root, *loaded)
