"""Issue 10, render side: front matter, sandboxed templates, curated YAML, CSV cells, facts output and
path lengths each hold against the attack that broke them."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from dataclasses import fields
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.check import check_content, check_yaml
from generator.content.yamlfile import _FastLineLoader, _LineLoader, _load
from generator.errors import GeneratorError, GeneratorErrors
from generator.facts.model import FactsData
from generator.pages import PAGE_KINDS, Corpus, aggregate
from generator.pages.escape import csv_cell, html_text, one_line
from generator.pages.views import front_matter
from generator.render.fixture import fixture_corpus
from generator.render.renderer import _join, make_environment, render_page, render_pages, render_site
from generator.render.writer import MAX_NAME_BYTES, write_site
from tests.test_errors import BROKEN, ROOT, SEED, make_project, run

# One code point of each class YAML cannot print or reads as a line break.
UNPRINTABLE = "\x01\x1b\x7f\x80\x85\x9b\u2028\u2029\ufeff"
EVIL_TITLE = "Read the report [here](javascript:alert(document.domain))"
SANDBOX = "(templates may only use the page's variables and Jinja's filters)"


def _fixture() -> Corpus:
    facts, sources, sectors = fixture_corpus()
    return aggregate(FactsData.from_json(facts), sources, sectors)


def live_script_hrefs(html: str) -> list[str]:
    return re.findall(r"""(?:href|src)\s*=\s*["']?\s*javascript:[^"'>]*""", html, re.I)


# --- 1. front matter --------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(st.text(st.characters(blacklist_categories=())), st.lists(st.from_regex(r"[a-z0-9][a-z0-9_-]{0,8}",
                                                                                fullmatch=True), max_size=3))
def test_front_matter_always_reads_back(title: str, tags: list[str]) -> None:
    """Any title (control characters, surrogates, line breaks, YAML syntax) gives front matter that
    MkDocs parses back to the cleaned, HTML-escaped title: it is never rendered as Markdown."""
    meta = str(front_matter(title, tags))
    assert yaml.load(meta, Loader=yaml.CSafeLoader)["title"] == str(html_text(one_line(title)))
    body, data = get_data(f"---\n{meta}\n---\n\n# Body\n")
    assert body == "# Body\n"
    assert data["title"] == str(html_text(one_line(title)))
    assert data.get("tags", []) == tags


def test_front_matter_drops_what_yaml_cannot_print() -> None:
    meta = str(front_matter(f"{EVIL_TITLE}{UNPRINTABLE}\ud800 end", ["cn-it", "not a slug"]))
    assert meta == f"title: {EVIL_TITLE} end\ntags:\n- cn-it"


HEADER_ARTICLE = (f"Title: {EVIL_TITLE}{UNPRINTABLE}\nAuthor: Mallory{UNPRINTABLE}\n"
                  f"Source: https://example.com/a{UNPRINTABLE}\n\n")
ESCAPES = "\\x01\\x1b\\x7f\\x80\\x85\\x9b\\u2028\\u2029\\ufeff\\ud800"  # YAML escapes, lone surrogate too
FRONT_ARTICLE = (f'---\ntitle: "Read the front matter [here](javascript:alert(1)){ESCAPES}"\n'
                 f'author: "Eve{ESCAPES}"\nurl: "https://example.com/b{ESCAPES}"\n---\n\n')


@pytest.mark.slow
def test_unprintable_metadata_builds_a_safe_source_page(tmp_path: Path) -> None:
    from generator.builder import Paths, build

    project = make_project(tmp_path, sources=[])
    body = SEED.read_text(encoding="utf-8")
    (project / "content" / "sources" / "header.txt").write_text(HEADER_ARTICLE + body, encoding="utf-8")
    (project / "content" / "sources" / "front.md").write_text(
        FRONT_ARTICLE + body.replace("Meloni", "Draghi"), encoding="utf-8")
    build(Paths(content=project / "content", templates=project / "templates", site=project / "site",
                config=project / "mkdocs.yml", generated=project / "generated", cache=None))
    titles = {"header": EVIL_TITLE, "front": "Read the front matter [here](javascript:alert(1))"}
    for name, title in titles.items():
        page = (project / "site" / "sources" / name / "index.html").read_text(encoding="utf-8")
        assert live_script_hrefs(page) == [], name
        assert re.search(r"<title>" + re.escape(title), page), name
        assert re.search(r"<h1[^>]*>" + re.escape(title), page), name
        markdown = (project / "generated" / "sources" / name / "index.md").read_text(encoding="utf-8")
        _, meta = get_data(markdown)
        assert meta["title"] == title, name
    for page in (project / "site").rglob("*.html"):
        assert live_script_hrefs(page.read_text(encoding="utf-8")) == [], page


def test_render_stage_alone_writes_valid_front_matter(tmp_path: Path) -> None:
    """Defence in depth: titles that reach the render stage uncleaned (ingest strips them too) still
    give front matter MkDocs parses, and every file is valid UTF-8."""
    facts, sources, sectors = fixture_corpus()
    facts["documents"][0]["title"] = f"{EVIL_TITLE}{UNPRINTABLE}\ud800"
    facts["documents"][0]["author"] = f"Mallory{UNPRINTABLE}\ud800"
    facts["actors"][0]["name"] = f"Giorgia{UNPRINTABLE}\ud800 Meloni"
    render_site(facts, sources, sectors, ROOT / "templates", tmp_path)
    for path in tmp_path.rglob("*.md"):
        text = path.read_bytes().decode("utf-8")  # strict: no lone surrogate was written
        body, meta = get_data(text)
        assert meta.get("title"), path
        assert not body.startswith("title:"), path
    _, meta = get_data((tmp_path / "sources" / "fixture-article" / "index.md").read_text(encoding="utf-8"))
    assert meta["title"] == EVIL_TITLE
    _, meta = get_data((tmp_path / "actors" / "giorgia-meloni" / "index.md").read_text(encoding="utf-8"))
    assert meta["title"] == "Giorgia Meloni"
    json.loads((tmp_path / "data" / "facts.json").read_bytes().decode("utf-8"))


# --- 2. sandboxed templates -------------------------------------------------------------------


def test_unsafe_template_fails_check_and_build_without_running(tmp_path: Path) -> None:
    project = make_project(tmp_path, "template_unsafe")
    expected = ("templates/data.md.j2:8: unsafe template operation: access to attribute '__init__' of "
                f"'type' object is unsafe {SANDBOX}\n")
    assert run(project, "check") == (1, expected)
    assert run(project, "build", "-j", "1") == (1, expected)
    assert not (project / "pwned").exists()
    assert not (project / ".site.work" / "generated").exists() and not (project / "site").exists()


UNSAFE = {
    "{{ ''.__class__.__mro__ }}": "access to attribute '__class__' of 'str' object is unsafe",
    "{{ '{0.__class__}'.format(1) }}": "access to attribute '__class__' of 'int' object is unsafe",
    "{{ files.append(1) }}": "access to attribute 'append' of 'list' object is unsafe",
    "{{ files|attr('__class__') }}": "access to attribute '__class__' of 'list' object is unsafe",
    "{{ self._TemplateReference__context }}":
        "access to attribute '_TemplateReference__context' of 'TemplateReference' object is unsafe",
    "{{ 'x' * 10000000 }}": "'*' would build more than 1000000 items",
    "{{ 10 ** 1000 }}": "'**' result is too large",
}


@pytest.mark.parametrize("expression", sorted(UNSAFE))
def test_sandbox_refuses_with_file_and_line(tmp_path: Path, expression: str) -> None:
    (tmp_path / "data.md.j2").write_text(f"# Data\n\n{expression}\n", encoding="utf-8")
    context = PAGE_KINDS["data"].pages(_fixture())[0][1]
    with pytest.raises(GeneratorError) as caught:
        render_page(make_environment(tmp_path), "data.md.j2", context, tmp_path)
    expected = f"{tmp_path}/data.md.j2:3: unsafe template operation: {UNSAFE[expression]} {SANDBOX}"
    assert str(caught.value) == expected


def test_symlink_leading_outside_templates_is_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path, "template_symlink")
    (project / "templates" / "x.j2").symlink_to("/etc/passwd")
    expected = ("templates/x.j2: template is a symbolic link leading outside templates/ "
                "(replace it with a regular file inside templates/)\n")
    assert run(project, "check") == (1, expected)
    assert run(project, "build", "-j", "1") == (1, expected)
    assert not (project / ".site.work" / "generated").exists()


def test_include_cannot_reach_a_file_outside_even_past_check(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.md.j2").write_text('{% include "x.j2" %}', encoding="utf-8")
    (tmp_path / "templates" / "x.j2").symlink_to("/etc/passwd")
    env = make_environment(tmp_path / "templates")
    context = PAGE_KINDS["data"].pages(_fixture())[0][1]
    with pytest.raises(GeneratorError) as caught:
        render_page(env, "page.md.j2", context, tmp_path / "templates")
    assert str(caught.value) == (f"{tmp_path}/templates/x.j2: template is a symbolic link leading outside "
                                 f"{tmp_path}/templates/ (replace it with a regular file inside "
                                 f"{tmp_path}/templates/)")


def test_links_inside_templates_and_fifos(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "templates" / "alias.j2").symlink_to("_macros.md.j2")  # stays inside: allowed
    assert run(project, "check") == (0, "")
    os.mkfifo(project / "templates" / "pipe.j2")
    expected = ("templates/pipe.j2: template is not a regular file "
                "(replace it with a regular file inside templates/)\n")
    assert run(project, "check") == (1, expected)


def test_check_renders_every_page_kind(tmp_path: Path) -> None:
    """`briefs check` now finds what only rendering shows (it said "no problems found" before)."""
    code, err = run(make_project(tmp_path, "template_undefined"), "check")
    expected = "templates/data.md.j2:8: template error: UndefinedError: 'facts_count' is undefined\n"
    assert (code, err) == (1, expected)


def test_fixture_corpus_renders_every_page_kind_and_validates() -> None:
    import jsonschema

    facts, sources, sectors = fixture_corpus()
    jsonschema.validate(facts, json.loads((ROOT / "generator" / "facts" / "facts.schema.json").read_text()))
    pages = render_pages(aggregate(FactsData.from_json(facts), sources, sectors), ROOT / "templates")
    kinds = {relative.split("/")[0] if "/" in relative else "home" for relative in pages}
    assert {"home", "briefs", "actors", "sectors", "sources", "timeline", "data", "search"} <= kinds
    assert "briefs/cn-it/index.md" in pages and "sources/fixture-article/index.md" in pages


def test_sandbox_renders_exactly_what_jinja_rendered() -> None:
    """The sandbox changes nothing for the shipped templates: the same pages as an unsandboxed
    environment with the same settings."""
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "templates")),
                               undefined=jinja2.StrictUndefined, keep_trailing_newline=True, trim_blocks=True,
                               lstrip_blocks=True, autoescape=True, finalize=make_environment(ROOT).finalize)
    plain.filters["join"] = _join
    plain.filters["h"] = html_text
    sandboxed = make_environment(ROOT / "templates")
    corpus = _fixture()
    for kind in PAGE_KINDS.values():
        for _relative, context in kind.pages(corpus):
            values = {f.name: getattr(context, f.name) for f in fields(context)}
            expected = plain.get_template(kind.template).render(**values)
            assert render_page(sandboxed, kind.template, context, ROOT / "templates") == expected


# --- 3. curated YAML --------------------------------------------------------------------------

YAML_CASES = {
    "countries_null_name": "content/countries.yaml:4: 'AQ.capitals' must be a list of names: item 2 is null "
                           "(write the name as text or remove it)",
    "duplicate_key": "content/sectors.yaml:5: duplicate key 'label' (also on line 3)",
}


@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_curated_yaml_reports_exact_line(tmp_path: Path, case: str) -> None:
    assert run(make_project(tmp_path, case), "check") == (1, YAML_CASES[case] + "\n")


def test_a_broken_file_never_hides_the_others(tmp_path: Path) -> None:
    project = make_project(tmp_path, "countries_null_name", "duplicate_alias", "unknown_sector", "wrong_type")
    code, err = run(project, "check")
    assert code == 1 and err.splitlines() == [
        "content/actors.yaml:14: duplicate alias 'Lega' (also on line 9)",
        YAML_CASES["countries_null_name"],
        "content/sectors.yaml:2: unknown sector id 'trades' (did you mean 'trade'?)",
        "content/stance.yaml:5: 'window' must be int",
    ]


def test_an_internal_error_in_one_loader_is_reported_against_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.content import countries

    def broken(_path: Path) -> Any:
        raise AttributeError("'NoneType' object has no attribute 'removeprefix'")

    monkeypatch.setattr(countries, "load_countries", broken)
    project = make_project(tmp_path, "duplicate_alias", "unknown_sector")
    assert [str(e).replace(f"{project}/", "") for e in check_yaml(project / "content")] == [
        "content/actors.yaml:14: duplicate alias 'Lega' (also on line 9)",
        "content/countries.yaml: internal error while reading it: AttributeError: 'NoneType' object has no "
        "attribute 'removeprefix' (please report this; run with --debug for a traceback)",
        "content/sectors.yaml:2: unknown sector id 'trades' (did you mean 'trade'?)",
    ]


@pytest.mark.parametrize("loader", [_FastLineLoader, _LineLoader], ids=["libyaml", "python"])
def test_duplicate_keys_in_both_loaders(loader: type) -> None:
    text = "a: 1\nb:\n  c: 2\n  c: 3\na: 4\nbase: &base {x: 1}\nmerged:\n  <<: *base\n  x: 2\n"
    with pytest.raises(GeneratorErrors) as caught:
        _load(text, loader, Path("x.yaml"))
    assert str(caught.value).splitlines() == [
        "x.yaml:4: duplicate key 'c' (also on line 3)",
        "x.yaml:5: duplicate key 'a' (also on line 1)",
    ]  # a merge key overridden by an explicit one is not a duplicate


@pytest.mark.parametrize("text", ["a: " + "[" * 100_000 + "]" * 100_000, "- " * 100_000 + "x"],
                         ids=["flow", "block"])
def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path, text: str) -> None:
    """libyaml's composer crashes the interpreter (SIGSEGV) at this depth; the depth is checked first."""
    from generator.content.yamlfile import load_yaml

    (tmp_path / "stance.yaml").write_text(text + "\n", encoding="utf-8")
    with pytest.raises(GeneratorError) as caught:
        load_yaml(tmp_path / "stance.yaml")
    assert str(caught.value) == f"{tmp_path}/stance.yaml:1: invalid YAML: nested more than 50 levels deep " \
                                "(flatten it)"


ACTOR = "- {id: matteo-salvini, name: Matteo Salvini, aliases: [Salvini], type: person, country: IT}"
def _line_of(name: str, text: str) -> int:
    """The line of the live content file `name` that starts with `text` (the files grow)."""
    lines = (ROOT / "content" / name).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(text))


WRONG_TYPES = [
    ("countries.yaml", "countries:\n", "countries:\n  AQ: {names: [3]}\n",
     "countries.yaml:10: 'AQ.names' must be a list of names: item 1 is int 3 (write the name as text or "
     "remove it)"),
    ("countries.yaml", "countries:\n", "countries:\n  AQ: {demonyms: ['']}\n",
     "countries.yaml:10: 'AQ.demonyms' must be a list of names: item 1 is empty (write the name as text or "
     "remove it)"),
    ("countries.yaml", "countries:\n", "countries:\n  12: {names: [X]}\n",
     "countries.yaml:10: unknown country code '12' (use ISO 3166-1 alpha-2)"),
    ("countries.yaml", "countries:\n", "other: 1\ncountries:\n",
     "countries.yaml:9: unknown key 'other' (allowed keys: countries, not_places, context_nouns, "
     "context_actor_types)"),
    ("actors.yaml", ACTOR, "- ~", "actors.yaml:8: each actor must be a mapping"),
    ("actors.yaml", ACTOR, "- {id: matteo-salvini, name: ' ', type: person}",
     "actors.yaml:8: empty name (write the name or remove it)"),
    ("actors.yaml", ACTOR, "- {id: matteo-salvini, name: Matteo Salvini, aliases: [''], type: person}",
     "actors.yaml:8: empty alias (write the name or remove it)"),
    ("actors.yaml", "org_suffixes: {party: party,", "org_suffixes: {1: party, party: party,",
     f"actors.yaml:{_line_of('actors.yaml', 'org_suffixes:')}: 'org_suffixes' must map words to names"),
    ("sectors.yaml", "trade:\n  label: Trade\n", "trade: ~\nxx:\n  label: Trade\n",
     f"sectors.yaml:{_line_of('sectors.yaml', 'trade:')}: each sector 'trade' must be a mapping"),
    ("stance.yaml", "window: 3", "window: true",
     f"stance.yaml:{_line_of('stance.yaml', 'window: 3')}: 'window' must be int"),
    ("stance.yaml", "window: 3", "window: 2024-13-45",
     "stance.yaml: invalid YAML: ValueError: month must be in 1..12 (fix the value)"),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), WRONG_TYPES,
                         ids=[c[2][:30] for c in WRONG_TYPES])
def test_wrong_types_are_reported_with_their_line(tmp_path: Path, name: str, old: str, new: str,
                                                  expected: str) -> None:
    for path in (ROOT / "content").glob("*.yaml"):
        shutil.copy(path, tmp_path)
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert old in text
    (tmp_path / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    assert expected in [str(e).replace(f"{tmp_path}/", "") for e in check_yaml(tmp_path)]


def test_the_live_content_still_passes() -> None:
    assert check_content(ROOT / "content", ROOT / "templates") == []


# --- 4. CSV cells -----------------------------------------------------------------------------

CSV_CASES = {
    "=SUM(A1)": "'=SUM(A1)",
    "＝HYPERLINK(\"http://x\")": "'＝HYPERLINK(\"http://x\")",  # full-width = (NFKC)
    "＋1": "'＋1", "－1": "'－1", "＠cmd": "'＠cmd",
    "\u200b=1+1": "'\u200b=1+1",  # zero-width space in front
    "\ufeff@SUM(A1)": "'\ufeff@SUM(A1)",  # BOM in front
    "\u3000\u2060-1": "'\u3000\u2060-1",  # ideographic space, word joiner
    " +1": "' +1",
    "\t=1": "' =1",  # tab becomes a space, the trigger is still seen
    "\r\n@x": "'  @x",
    "\x1b=1": "'=1",  # an escape character is dropped
    "a\x00b\x7fc\x80d\x85e\x9bf": "abcdef",  # C0, DEL, C1 dropped
    "line\nbreak\ttab\rreturn": "line break tab return",
    "lone \ud800 surrogate": "lone \ufffd surrogate",
    "Italy's 5% growth": "Italy's 5% growth",
    "": "",
}


@pytest.mark.parametrize("raw", sorted(CSV_CASES), ids=ascii)
def test_csv_cell(raw: str) -> None:
    assert csv_cell(raw) == CSV_CASES[raw]


def test_csv_file_holds_no_control_character_or_formula(tmp_path: Path) -> None:
    from generator.pages.data import facts_csv

    facts, sources, sectors = fixture_corpus()
    facts["facts"][0]["text"] = "\u200b=HYPERLINK(\"http://evil\")\x1b\r\nnext"
    facts["facts"][1]["text"] = "＠SUM(A1)\x85"
    text = facts_csv(aggregate(FactsData.from_json(facts), sources, sectors))
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    cells = {row[0]: row[-1] for row in csv.reader(io.StringIO(text))}
    assert cells["fixture-article-s1"] == "'\u200b=HYPERLINK(\"http://evil\") next"
    assert cells["fixture-article-s2"] == "'＠SUM(A1)"


# --- 5. briefs extract -o ---------------------------------------------------------------------


def _extract(tmp_path: Path, output: str) -> tuple[int, str]:
    """Run `briefs extract content/sources -o OUTPUT` in a project; at most one line on stderr, no
    traceback, no temporary file left anywhere."""
    project = make_project(tmp_path)
    code, err = run(project, "extract", "content/sources", "-o", output)
    assert "Traceback" not in err and len(err.splitlines()) == (1 if code else 0)
    assert not list(project.rglob("*.tmp"))
    return code, err


def test_extract_to_a_directory(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    expected = "out: cannot write facts: Is a directory (pass a file path with -o)\n"
    assert _extract(tmp_path, "out") == (1, expected)


def test_extract_to_an_unwritable_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: Any, dst: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)  # as root, chmod 0o555 would not stop the write
    assert _extract(tmp_path, "facts.json") == (
        1, "facts.json: cannot write facts: Permission denied (pass a writable path with -o)\n")
    assert not (tmp_path / "facts.json").exists()


def test_extract_below_a_file(tmp_path: Path) -> None:
    code, err = _extract(tmp_path, "mkdocs.yml/facts.json")
    assert code == 1 and err.startswith("mkdocs.yml/facts.json: cannot write facts: ")


def test_extract_still_writes(tmp_path: Path) -> None:
    code, _ = _extract(tmp_path, "out/facts.json")
    assert code == 0 and json.loads((tmp_path / "out" / "facts.json").read_text(encoding="utf-8"))["facts"]
    assert oct((tmp_path / "out" / "facts.json").stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- 6. path lengths --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a" * (MAX_NAME_BYTES + 1), "é" * (MAX_NAME_BYTES // 2 + 1), "x" * 300])
def test_overlong_names_are_refused_before_writing(tmp_path: Path, name: str) -> None:
    relative = f"sources/{name}/index.md"
    with pytest.raises(GeneratorError) as caught:
        write_site(tmp_path / "out", {"index.md": "home", relative: "page"})
    size = len(name.encode("utf-8"))
    shown = relative if len(relative) <= 120 else relative[:100] + "…"
    assert str(caught.value) == (
        f"{tmp_path}/out: refusing to write {shown}: a file or folder name is {size} bytes long (at most "
        f"{MAX_NAME_BYTES}) (shorten the article's file name or the names of its folders)")
    assert not (tmp_path / "out").exists()


def test_names_up_to_the_limit_are_written(tmp_path: Path) -> None:
    relative = f"sources/{'a' * MAX_NAME_BYTES}/index.md"
    assert write_site(tmp_path, {relative: "page"}) == [tmp_path / relative]


def test_long_document_id_is_a_generator_error_not_an_os_error(tmp_path: Path) -> None:
    facts, sources, sectors = fixture_corpus()
    long_id = "d" * 300
    facts["documents"][0]["id"] = long_id
    for fact in facts["facts"]:
        fact["document"] = long_id
    with pytest.raises(GeneratorError, match="a file or folder name is 300 bytes long"):
        render_site(facts, {long_id: sources.popitem()[1]}, sectors, ROOT / "templates", tmp_path / "g")


def test_fixture_overlay_exists() -> None:
    for case in ("countries_null_name", "duplicate_key", "template_unsafe", "template_symlink"):
        assert (BROKEN / case).is_dir()
