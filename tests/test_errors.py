"""Clear errors: every broken input is one `file:line: what (what to do)` line, all reported in one run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.check import check_content
from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "broken"
SEED = ROOT / "content" / "sources" / "004_f92a20b8281f9d8c.txt"


def make_project(tmp: Path, *overlays: str, sources: list[Path] | None = None) -> Path:
    """A project in tmp: the live content/*.yaml, templates/ and mkdocs.yml, then each broken overlay."""
    (tmp / "content" / "sources").mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "content").glob("*.yaml"):
        shutil.copy(path, tmp / "content")
    shutil.copytree(ROOT / "templates", tmp / "templates", dirs_exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    if not (tmp / "overrides").exists():
        (tmp / "overrides").symlink_to(ROOT / "overrides", target_is_directory=True)
    for name in overlays:
        shutil.copytree(BROKEN / name, tmp, dirs_exist_ok=True)
    if not any((tmp / "content" / "sources").iterdir()):
        for source in sources if sources is not None else [SEED]:
            shutil.copy(source, tmp / "content" / "sources")
    return tmp


def run(project: Path, *args: str) -> tuple[int, str]:
    """Run the CLI in `project` (so paths print relative); return exit code and stderr."""
    cwd = Path.cwd()
    os.chdir(project)
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        os.chdir(cwd)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result
    return result.exit_code, result.stderr


CHECK_CASES = {
    "malformed_yaml":
        "content/sectors.yaml:6: invalid YAML: expected ',' or ']', but got ':' (fix the syntax)",
    "unknown_key": "content/actors.yaml:6: unknown key 'alias' in actor (did you mean 'aliases'?)",
    "wrong_type": "content/stance.yaml:5: 'window' must be int",
    "unknown_sector": "content/sectors.yaml:2: unknown sector id 'trades' (did you mean 'trade'?)",
    "duplicate_alias": "content/actors.yaml:14: duplicate alias 'Lega' (also on line 9)",
    "template_syntax":
        "templates/timeline.md.j2:6: template syntax error: unexpected '}' (fix the template tag)",
}


@pytest.mark.parametrize("case", sorted(CHECK_CASES))
def test_check_reports_exact_line(tmp_path: Path, case: str) -> None:
    code, err = run(make_project(tmp_path, case), "check")
    assert (code, err) == (1, CHECK_CASES[case] + "\n")


def test_check_of_good_content_passes_and_writes_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    code, err = run(project, "check")
    assert (code, err) == (0, "")
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_missing_content_folder(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    expected = "nowhere: content folder not found (run from the project root or pass --content DIR)\n"
    assert run(project, "check", "--content", "nowhere") == (1, expected)
    assert run(project, "build", "--content", "nowhere", "-j", "1") == (1, expected)
    assert not (project / "site").exists()


def test_empty_corpus(tmp_path: Path) -> None:
    code, err = run(make_project(tmp_path, "empty_corpus"), "build", "-j", "1")
    assert code == 1
    assert err.splitlines() == [
        "warning: blank.md: skipped: empty file",
        "warning: empty.txt: skipped: empty file",
        "content/sources: no articles found (all 2 files were skipped, see the warnings)",
    ]


def test_no_article_files_at_all(tmp_path: Path) -> None:
    project = make_project(tmp_path, sources=[])
    expected = "content/sources: no articles found (add .txt, .md or .html files)\n"
    assert run(project, "check") == (1, expected)


def test_undefined_template_variable_names_file_and_line(tmp_path: Path) -> None:
    code, err = run(make_project(tmp_path, "template_undefined"), "build", "-j", "1")
    expected = "templates/data.md.j2:8: template error: UndefinedError: 'facts_count' is undefined\n"
    assert (code, err) == (1, expected)
    assert not (tmp_path / "site").exists()


COMBINED = [CHECK_CASES["duplicate_alias"], CHECK_CASES["unknown_sector"], CHECK_CASES["template_syntax"]]


def test_build_reports_every_problem_at_once(tmp_path: Path) -> None:
    project = make_project(tmp_path, "duplicate_alias", "unknown_sector", "template_syntax")
    code, err = run(project, "build", "-j", "1")
    assert code == 1 and err.splitlines() == COMBINED
    assert not (project / ".site.work" / "generated").exists() and not (project / "site").exists()
    assert [str(e) for e in check_content(project / "content", project / "templates")] == [
        line.replace("content/", f"{project}/content/").replace("templates/", f"{project}/templates/")
        for line in COMBINED
    ]


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    code, err = run(make_project(tmp_path, "duplicate_alias"), "--debug", "check")
    assert code == 1 and "Traceback" in err and err.endswith(CHECK_CASES["duplicate_alias"] + "\n")


def test_python_m_generator_exits_1_without_traceback(tmp_path: Path) -> None:
    project = make_project(tmp_path, "duplicate_alias", "unknown_sector", "template_syntax")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", "content", "--site", "site", "-j", "1"],
        cwd=project, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == COMBINED
