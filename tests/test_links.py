"""briefs' own link check (generator/publish/links.py): every internal link and #anchor of the generated
Markdown resolves, for every engine, before the site is swapped in."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.builder import Paths, generate
from generator.errors import GeneratorError
from generator.publish.links import check_links
from generator.publish.site import publish
from tests.test_errors import make_project


def write(folder: Path, relative: str, text: str) -> None:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A small generated tree: a brief linking to a source's sentences, both link forms."""
    folder = tmp_path / "generated"
    write(folder, "index.md", "# Home\n\n[Brief](briefs/cn-it/index.md)\n"
                              "<a href=\"sources/doc-a/#s-2\">s</a>\n"
                              "[Data](data/facts.json)\n[Web](https://example.org/x#y)\n")
    write(folder, "data/facts.json", "{}\n")
    write(folder, "briefs/cn-it/index.md",
          "# Italy and China\n\n## Trade { #sector-trade }\n\n## Key points\n\n"
          "[source](../../sources/doc-a/index.md#s-1) and [up](#sector-trade) and [kp](#key-points)\n"
          "<!-- briefs:raw -->\n<li><a href=\"../../sources/doc-a/#s-2\">s</a></li>\n<!-- /briefs:raw -->\n")
    write(folder, "sources/doc-a/index.md",
          "# Doc A\n\n<!-- briefs:raw -->\n<p><span id=\"s-1\">One.</span> <span id=\"s-2\">Two.</span></p>\n"
          "<!-- /briefs:raw -->\n[back](../../briefs/cn-it/#sector-trade)\n")
    return folder


def test_valid_links_pass(docs: Path) -> None:
    assert check_links(docs) == 8


def test_every_broken_link_is_reported_with_file_and_line(docs: Path) -> None:
    page = docs / "briefs" / "cn-it" / "index.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + "[gone](../../sources/doc-x/index.md#s-1)\n"
                    + "<a href=\"../../sources/doc-a/#s-9\">nine</a>\n"
                    + "[anchor](#no-such-heading)\n", encoding="utf-8")
    with pytest.raises(GeneratorError) as caught:
        check_links(docs, Path("generated"))
    assert str(caught.value).splitlines() == [
        "generated/briefs/cn-it/index.md:11: broken link to sources/doc-x/index.md#s-1 "
        "(no generated page or file there)",
        "generated/briefs/cn-it/index.md:12: broken link to sources/doc-a/#s-9 (no anchor #s-9 on that page)",
        "generated/briefs/cn-it/index.md:13: broken link to briefs/cn-it/#no-such-heading "
        "(no anchor #no-such-heading on that page)",
    ]


def test_links_inside_code_and_to_other_hosts_are_not_checked(docs: Path) -> None:
    write(docs, "notes/index.md", "# Notes\n\n```\n[x](missing/index.md)\n```\n"
                                  "[mail](mailto:a@b.c) [abs](/elsewhere/) [web](http://x.org/#s-1)\n")
    assert check_links(docs) == 8


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_broken_link_in_a_generated_page_keeps_the_previous_site(tmp_path: Path, engine: str) -> None:
    if engine == "zensical":
        pytest.importorskip("zensical", reason="pip install '.[zensical]' (make test installs it)")
    project = make_project(tmp_path / "project")
    paths = Paths(content=project / "content", templates=project / "templates", site=project / "site",
                  config=project / "mkdocs.yml", generated=project / "generated", cache=None)
    generate(paths)
    publish(paths.generated, paths.site, paths.config, engine=engine)
    before = {p: p.read_bytes() for p in paths.site.rglob("*") if p.is_file()}
    brief = next(paths.generated.glob("sources/*/index.md"))
    lines = brief.read_text(encoding="utf-8").splitlines()
    lines.append("[broken](../../sources/no-such-doc/index.md#s-9)")
    brief.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GeneratorError) as caught:
        publish(paths.generated, paths.site, paths.config, engine=engine)
    relative = brief.relative_to(paths.generated).as_posix()
    ours = (f"{paths.generated / relative}:{len(lines)}: broken link to "
            "sources/no-such-doc/index.md#s-9 (no generated page or file there)")
    if engine == "mkdocs":  # MkDocs' strict validation runs first and fails with its own message
        assert str(caught.value).startswith(f"{paths.config}: MkDocs build failed: "), str(caught.value)
        with pytest.raises(GeneratorError, match="broken link") as checked:
            check_links(paths.generated)
        assert str(checked.value) == ours
    else:
        assert str(caught.value) == ours
    assert {p: p.read_bytes() for p in paths.site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in paths.site.parent.iterdir() if p.name.startswith(".site")) == []
