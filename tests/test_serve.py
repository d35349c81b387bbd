"""make serve's regeneration: edits show up, mistakes are reported and keep the last good pages."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

from generator.builder import Paths
from generator.serve import Regenerator

ROOT = Path(__file__).resolve().parent.parent


def test_template_edit_regenerates_and_a_broken_one_keeps_the_last_pages(tmp_path: Path, capsys) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    paths = Paths(content=ROOT / "content", templates=templates, generated=tmp_path / "gen",
                  site=tmp_path / "site", config=ROOT / "mkdocs.yml", cache=tmp_path / "cache.sqlite")
    regen = Regenerator(paths)
    assert regen.run()
    brief = paths.generated / "briefs" / "cn-it" / "index.md"
    assert "## Key points" in brief.read_text(encoding="utf-8")

    template = templates / "brief.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace("## Key points", "## Main points"))
    assert regen.run()
    assert "## Main points" in brief.read_text(encoding="utf-8")

    good = brief.read_text(encoding="utf-8")
    broken = template.read_text(encoding="utf-8").replace("{% for s in sectors %}", "{% for s in")
    template.write_text(broken)
    assert not regen.run()
    assert brief.read_text(encoding="utf-8") == good
    err = capsys.readouterr().err
    assert f"{template}:" in err and "template syntax error" in err


def test_only_real_changes_trigger_a_rebuild(tmp_path: Path) -> None:
    regen = Regenerator(Paths(), pause=60)
    regen.changed(SimpleNamespace(is_directory=False, event_type="opened"))
    assert regen.timer is None
    regen.changed(SimpleNamespace(is_directory=False, event_type="modified"))
    assert regen.timer is not None
    regen.timer.cancel()
