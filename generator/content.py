"""Reads the curated YAML in content/ into plain records that carry their file and line."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import GeneratorError


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the 1-based line of every mapping and of its keys."""


class _FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same with libyaml's parser (several times faster); errors are re-read by _LineLoader,
    whose messages say more ("expected ',' or ']', but got ':'")."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if hasattr(k, "value")}
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_FastLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class LineDict(dict):  # type: ignore[type-arg]
    """A dict that knows the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        """Line of `key`, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


def load_yaml(path: Path) -> Any:
    """Parse a YAML file safely; a syntax error becomes a GeneratorError at its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise GeneratorError("file not found", path, hint="create it or pass --content DIR") from exc
    except UnicodeDecodeError as exc:
        raise GeneratorError("not valid UTF-8", path, hint="save the file as UTF-8") from exc
    try:
        return yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError:
        pass
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise GeneratorError(f"invalid YAML: {exc.problem}", path, line, hint="fix the syntax") from exc
    except yaml.YAMLError as exc:
        raise GeneratorError(f"invalid YAML: {exc}", path) from exc


@dataclass(frozen=True)
class Field:
    """A declared key of a YAML record: its type and whether it is required."""

    types: tuple[type, ...]
    required: bool = False


def check_record(
    record: Any, fields: dict[str, Field], path: Path, what: str, errors: list[GeneratorError]
) -> bool:
    """Check one mapping against declared fields; append every problem to errors."""
    if not isinstance(record, dict):
        line = getattr(record, "line", None)
        errors.append(GeneratorError(f"each {what} must be a mapping", path, line))
        return False
    ok = True
    line_of = record.line_of if isinstance(record, LineDict) else (lambda _k: None)
    for key in record:
        if key not in fields:
            close = difflib.get_close_matches(str(key), list(fields), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(fields)}"
            errors.append(GeneratorError(f"unknown key '{key}' in {what}", path, line_of(key), hint))
            ok = False
    for key, spec in fields.items():
        if key not in record or record[key] is None:
            if spec.required:
                errors.append(GeneratorError(f"{what} lacks '{key}'", path, line_of(key)))
                ok = False
            continue
        if not isinstance(record[key], spec.types):
            names = " or ".join(t.__name__ for t in spec.types)
            errors.append(GeneratorError(f"'{key}' must be {names}", path, line_of(key)))
            ok = False
    return ok
