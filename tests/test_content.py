"""generator.content: the curated YAML is parsed once per build into typed records with file and line."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from generator.content import Content, load_content, yamlfile
from generator.content.actors import ActorConfig, ActorEntry
from generator.content.countries import CountryNames
from generator.content.sectors import Sector
from generator.content.stance import StanceLexicon
from generator.errors import GeneratorError

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
FILES = ["actors.yaml", "countries.yaml", "sectors.yaml", "stance.yaml", "events.yaml"]


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts every YAML parse and every text read of a curated file, by file name."""
    counted: Counter[str] = Counter()
    parse, read_text = yamlfile._load, Path.read_text

    def counting_parse(text: str, loader_class: type, path: Path) -> Any:
        counted[f"parse {path.name}"] += 1
        return parse(text, loader_class, path)

    def counting_read(self: Path, *args: Any, **kwargs: Any) -> str:
        if self.suffix == ".yaml" and self.parent.name == "content":
            counted[f"read {self.name}"] += 1
        return read_text(self, *args, **kwargs)

    monkeypatch.setattr(yamlfile, "_load", counting_parse)
    monkeypatch.setattr(Path, "read_text", counting_read)
    return counted


def once_each() -> Counter[str]:
    return Counter({f"{what} {name}": 1 for name in FILES for what in ("parse", "read")})


def test_load_content_reads_each_file_once(parses: Counter[str]) -> None:
    content = load_content(CONTENT)
    assert isinstance(content, Content)
    assert parses == once_each()


def test_a_build_reads_each_file_once(parses: Counter[str], tmp_path: Path) -> None:
    from generator.builder import Paths, generate

    project = tmp_path / "project"
    shutil.copytree(CONTENT, project / "content", ignore=shutil.ignore_patterns("sources"))
    shutil.copytree(CONTENT / "sources", project / "content" / "sources")
    paths = Paths(content=project / "content", templates=ROOT / "templates", site=tmp_path / "site",
                  config=ROOT / "mkdocs.yml", cache=None)
    generate(paths)
    assert parses == once_each()


def test_briefs_extract_reads_each_file_once(parses: Counter[str]) -> None:
    from generator.builder import extract_corpus

    extract_corpus(CONTENT / "sources", CONTENT)
    assert parses == once_each()


def line_of(path: Path, text: str) -> int:
    """1-based line of the first line of path that starts with text (after indentation)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.strip().startswith(text))


def test_records_are_typed_and_carry_file_and_line() -> None:
    content = load_content(CONTENT)
    assert content.path == CONTENT
    assert isinstance(content.actors, ActorConfig) and content.actors.path == CONTENT / "actors.yaml"
    entry = content.actors.actors[0]
    assert isinstance(entry, ActorEntry) and entry.path == CONTENT / "actors.yaml"
    assert entry.line == line_of(CONTENT / "actors.yaml", f"- {{id: {entry.id},")
    sector = content.sectors["trade"]
    assert isinstance(sector, Sector) and sector.path == CONTENT / "sectors.yaml"
    assert sector.line == line_of(CONTENT / "sectors.yaml", "trade:")
    assert isinstance(content.stance, StanceLexicon) and content.stance.path == CONTENT / "stance.yaml"
    assert isinstance(content.countries, CountryNames)
    assert content.countries.path == CONTENT / "countries.yaml"
    assert content.countries.lines is not None
    assert content.countries.lines["IT"] == line_of(CONTENT / "countries.yaml", "IT:")
    assert content.countries.kinds["names"]["Italy"] == "IT"
    assert {"Italy", "Rome", "Matteo Salvini", "Lega"} <= content.known_names()
    assert content.sector_table()["trade"] == {"label": sector.label, "description": sector.description}


def test_every_problem_of_every_file_is_raised_together(tmp_path: Path) -> None:
    for name in FILES:
        shutil.copy(CONTENT / name, tmp_path)
    for name, old, new in [("actors.yaml", "type: person", "type: persn"),
                           ("sectors.yaml", "trade:", "trades:"),
                           ("stance.yaml", "window: 3", "window: true")]:
        text = (tmp_path / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(GeneratorError) as caught:
        load_content(tmp_path)
    files = [line.split(":")[0].rsplit("/", 1)[-1] for line in str(caught.value).splitlines()]
    assert files == ["actors.yaml", "sectors.yaml", "stance.yaml"]


def test_a_missing_folder_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError) as caught:
        load_content(tmp_path / "nowhere")
    assert str(caught.value) == (f"{tmp_path}/nowhere: content folder not found "
                                 "(run from the project root or pass --content DIR)")


def test_a_sectors_event_types_are_checked(tmp_path: Path) -> None:
    """sectors.yaml may give a sector the PLOVER types whose facts belong to it; an unknown or repeated
    type is an error at its line."""
    for name in FILES:
        shutil.copy(CONTENT / name, tmp_path)
    path = tmp_path / "sectors.yaml"
    text = path.read_text(encoding="utf-8")
    assert "event_types: [AGREE, CONSULT" in text
    path.write_text(text.replace("event_types: [AGREE, CONSULT", "event_types: [AGREED, CONSULT, CONSULT"),
                    encoding="utf-8")
    with pytest.raises(GeneratorError) as caught:
        load_content(tmp_path)
    lines = str(caught.value).splitlines()
    line = line_of(path, "event_types:")
    assert any(f"sectors.yaml:{line}: sector 'diplomacy': unknown event type 'AGREED'" in x for x in lines)
    assert any("'CONSULT' is listed twice" in x for x in lines)
    assert load_content(CONTENT).sectors["diplomacy"].event_types[:2] == ("AGREE", "CONSULT")
