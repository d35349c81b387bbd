"""Reads the curated YAML in content/ into plain records that carry their file and line."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.config import TUNING
from generator.errors import GeneratorError, raise_all


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the 1-based line of every mapping, of its keys and of the items of
    every sequence, and collects duplicate keys (PyYAML would silently keep the last value)."""


class _FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same with libyaml's parser (several times faster); errors are re-read by _LineLoader,
    whose messages say more ("expected ',' or ']', but got ':'")."""


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    key_lines: dict[Any, int] = {}
    for key_node, _ in node.value:
        if key_node.tag == _MERGE_TAG:
            continue
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            first = key_lines.get(key)
        except TypeError:  # an unhashable key: construct_mapping reports it with its line
            continue
        if first is None:
            key_lines[key] = line
        else:
            duplicates = loader.__dict__.setdefault("duplicates", [])
            duplicates.append((line, f"duplicate key '{key}' (also on line {first})"))
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = key_lines
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> list[Any]:
    items = LineList(loader.construct_sequence(node, deep=True))
    items.line = node.start_mark.line + 1
    items.item_lines = [item.start_mark.line + 1 for item in node.value]
    return items


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class LineDict(dict):  # type: ignore[type-arg]
    """A dict that knows the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        """Line of `key`, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list):  # type: ignore[type-arg]
    """A list that knows the line it starts on and the line of each item."""

    line: int = 0
    item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        """Line of item `index`, or of the list itself when there is no such item."""
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


def load_yaml(path: Path) -> Any:
    """Parse a YAML file safely; a syntax error becomes a GeneratorError at its line, and every
    duplicate key one GeneratorError at the key's second line (raised together)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise GeneratorError("file not found", path, hint="create it or pass --content DIR") from exc
    except UnicodeDecodeError as exc:
        raise GeneratorError("not valid UTF-8", path, hint="save the file as UTF-8") from exc
    except OSError as exc:
        raise GeneratorError(f"cannot read the file: {exc.strerror or exc}", path) from exc
    try:
        try:
            return _load(text, _FastLineLoader, path)
        except yaml.YAMLError:
            pass
        return _load(text, _LineLoader, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise GeneratorError(f"invalid YAML: {exc.problem}", path, line, hint="fix the syntax") from exc
    except yaml.YAMLError as exc:
        raise GeneratorError(f"invalid YAML: {exc}", path) from exc
    except (ValueError, OverflowError, RecursionError) as exc:  # e.g. a timestamp like 2024-13-45
        message = f"invalid YAML: {type(exc).__name__}: {exc}"
        raise GeneratorError(message, path, hint="fix the value") from exc


# Curated files nest 4 levels deep. libyaml's composer recurses in C and crashes the interpreter
# (segmentation fault) on some 50,000 levels, so depth is measured on its event stream first.
MAX_DEPTH = TUNING.max_yaml_depth


def _check_depth(text: str, loader_class: type, path: Path) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=loader_class):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else None
                raise GeneratorError(f"invalid YAML: nested more than {MAX_DEPTH} levels deep", path, line,
                                     hint="flatten it")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _load(text: str, loader_class: type, path: Path) -> Any:
    _check_depth(text, loader_class, path)
    loader = loader_class(text)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    duplicates = sorted(loader.__dict__.get("duplicates", []))
    raise_all([GeneratorError(message, path, line) for line, message in duplicates])
    return data


@dataclass(frozen=True)
class Field:
    """A declared key of a YAML record: its type and whether it is required."""

    types: tuple[type, ...]
    required: bool = False


def check_record(
    record: Any, fields: dict[str, Field], path: Path, what: str, errors: list[GeneratorError],
    line: int | None = None,
) -> bool:
    """Check one mapping against declared fields; append every problem to errors. `line` is where the
    record stands, for a record that is not a mapping (a scalar does not know its line)."""
    if not isinstance(record, dict):
        errors.append(GeneratorError(f"each {what} must be a mapping", path, getattr(record, "line", line)))
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
        value = record[key]
        if not isinstance(value, spec.types) or (isinstance(value, bool) and bool not in spec.types):
            names = " or ".join(t.__name__ for t in spec.types)
            errors.append(GeneratorError(f"'{key}' must be {names}", path, line_of(key)))
            ok = False
    return ok
