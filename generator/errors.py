"""Exception types of briefs: every user-facing failure is a GeneratorError."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class GeneratorError(Exception):
    """One problem with the input, printed as ``path:line: message (hint)``."""

    message: str
    path: str | Path | None = None
    line: int | None = None
    hint: str | None = None

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        tail = f" ({self.hint})" if self.hint else ""
        return re.sub(r"\s*[\r\n]+\s*", " ", f"{where}{self.message}{tail}")  # always one line


@dataclass
class GeneratorErrors(GeneratorError):
    """Several problems collected in one run; printed one per line."""

    errors: list[GeneratorError] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def raise_all(errors: list[GeneratorError]) -> None:
    """Raise the collected errors together, if there are any."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise GeneratorErrors(message=f"{len(errors)} problems", errors=errors)
