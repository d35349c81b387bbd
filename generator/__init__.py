"""briefs: source-linked foreign-policy briefs. Public API: build(), BuildResult, GeneratorError."""

from __future__ import annotations

from typing import Any

from generator.errors import GeneratorError

__all__ = ["BuildResult", "GeneratorError", "Paths", "build", "extract_corpus", "generate", "work_folder"]


def __getattr__(name: str) -> Any:
    # Lazy, so that importing one stage (e.g. generator.nlp.dates) does not load spaCy and MkDocs.
    if name in __all__:
        from generator import builder as _build

        return getattr(_build, name)
    raise AttributeError(name)
