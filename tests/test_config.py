"""Every tuning constant is declared once, in generator/config.py, with its help text."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError, fields
from pathlib import Path

import pytest

from generator.config import TUNING, Tuning, documented

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
# A module-level constant bound to a literal number is a tuning constant outside the config module.
LITERAL = re.compile(r"^(?:MAX|MIN)_[A-Z_]+\s*(?::[^=]+)?=\s*[\d_.]+\s*(?:#.*)?$", re.M)


def test_every_field_has_help() -> None:
    helps = documented()
    assert set(helps) == {f.name for f in fields(Tuning)}
    assert all(len(text) > 10 for text in helps.values()), [k for k, v in helps.items() if len(v) <= 10]


def test_tuning_is_frozen() -> None:
    with pytest.raises(FrozenInstanceError):
        TUNING.max_listed = 1  # type: ignore[misc]


def test_no_limit_is_defined_outside_the_config_module() -> None:
    found = [f"{path.relative_to(PACKAGE)}: {m.group(0)}"
             for path in sorted(PACKAGE.rglob("*.py")) if path.name != "config.py"
             for m in LITERAL.finditer(path.read_text(encoding="utf-8"))]
    assert found == []
