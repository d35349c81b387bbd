"""Incremental publishing: a dirty rebuild equals a full one and never touches the live site."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.builder import Paths, generate
from generator.errors import GeneratorError
from generator.publish import site as publish_module
from generator.publish.incremental import STAMP_NAME
from generator.publish.site import publish

ROOT = Path(__file__).resolve().parent.parent
ADDED = "\nItaly and Spain signed an energy accord in Madrid on 2 May 2022, officials said.\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Paths:
    """A 12-article project, published (Pagefind is its search, as every site's)."""
    root = tmp_path_factory.mktemp("incremental")
    (root / "content").mkdir()
    for path in (ROOT / "content").glob("*.yaml"):
        shutil.copy(path, root / "content")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "12",
                    str(root / "content" / "sources")], check=True, capture_output=True)
    shutil.copytree(ROOT / "templates", root / "templates")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    paths = Paths(content=root / "content", templates=root / "templates", site=root / "site",
                  config=root / "mkdocs.yml", generated=root / "generated", cache=root / "extract.sqlite")
    generate(paths)
    assert publish(paths.generated, paths.site, paths.config) is False  # no stamp yet: full build
    return paths


def snapshot(folder: Path) -> dict[str, tuple[int, int, int, str]]:
    """relative path -> (inode, mtime_ns, size, sha256) of every file below folder."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            info = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[path.relative_to(folder).as_posix()] = (info.st_ino, info.st_mtime_ns, info.st_size, digest)
    return found


def site_files(site: Path) -> dict[str, str]:
    """relative path -> sha256 of the site, without Pagefind's bundle (its file names are not
    deterministic: two runs over one folder differ) and with sitemap lastmod dates blanked."""
    files = {}
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or relative.startswith("pagefind/") or relative.endswith(".gz"):
            continue
        data = path.read_bytes()
        if relative == "sitemap.xml":
            data = re.sub(rb"<lastmod>[^<]*</lastmod>", b"", data)
        files[relative] = hashlib.sha256(data).hexdigest()
    return files


def pagefind_summary(site: Path) -> tuple[int, list[str]]:
    """Pagefind's page count and its fragment files (named by the hash of each page's indexed content)."""
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    [language] = entry["languages"].values()
    return language["page_count"], sorted(p.name for p in (site / "pagefind" / "fragment").iterdir())


def assert_same_as_full_build(paths: Paths) -> None:
    """Publish the same generated folder from scratch and compare it with the incremental site."""
    fresh = paths.site.with_name("fresh-site")
    shutil.rmtree(fresh, ignore_errors=True)
    assert publish(paths.generated, fresh, paths.config, incremental=False) is False
    assert site_files(paths.site) == site_files(fresh)
    count, fragments = pagefind_summary(paths.site)
    assert (count, fragments) == pagefind_summary(fresh)
    bodies = [p for p in paths.site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert count == len(bodies) > 12  # every page marked for indexing (articles, briefs, actors, ...)
    assert (paths.site / "pagefind" / "pagefind-ui.js").is_file()


def change_article(paths: Paths, name: str = "article_00003.txt") -> None:
    article = paths.sources / name
    article.write_text(article.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    generate(paths)


def test_one_changed_article_rebuilds_incrementally(project: Paths) -> None:
    before = snapshot(project.site)
    change_article(project)
    assert publish(project.generated, project.site, project.config) is True
    after = snapshot(project.site)
    pages = [path for path in after if path.endswith(".html")]
    reused = [path for path in pages if before.get(path, (None,))[0] == after[path][0]]
    assert len(reused) > len(pages) // 2  # most pages are the same inodes: not rebuilt
    assert "Madrid" in (project.site / "sources" / "article_00003" / "index.html").read_text(encoding="utf-8")
    assert not (project.site / "tags.json").exists()  # mkdocs.yml: tags export off
    assert_same_as_full_build(project)


def test_failed_incremental_publish_leaves_live_site_untouched(
    project: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(project.site)
    change_article(project, "article_00005.txt")
    seen: list[Path] = []

    def fail_swap(staging: Path, site_dir: Path) -> None:
        seen.append(staging)
        assert any(p.stat().st_nlink > 1 for p in staging.rglob("*.html"))  # built over hard links
        raise GeneratorError("killed before the swap")

    monkeypatch.setattr(publish_module, "_swap", fail_swap)
    with pytest.raises(GeneratorError, match="killed before the swap"):
        publish(project.generated, project.site, project.config)
    assert seen and not seen[0].exists()
    assert snapshot(project.site) == before  # same inode, mtime, size and bytes for every file


def test_template_change_rebuilds_every_page(project: Paths) -> None:
    template = project.templates / "source.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\nRendered by the test template.\n",
                        encoding="utf-8")
    generate(project)
    assert publish(project.generated, project.site, project.config) is True
    page = project.site / "sources" / "article_00001" / "index.html"
    assert "Rendered by the test template." in page.read_text(encoding="utf-8")
    assert_same_as_full_build(project)


def test_deleted_article_pages_disappear(project: Paths) -> None:
    (project.sources / "article_00007.txt").unlink()
    generate(project)
    assert publish(project.generated, project.site, project.config) is True
    assert not (project.site / "sources" / "article_00007").exists()
    assert_same_as_full_build(project)


def test_stamp_change_forces_full_build(project: Paths) -> None:
    other = project.config.with_name("other.yml")
    other.write_text(project.config.read_text(encoding="utf-8").replace(
        "site_name: Foreign-policy briefs", "site_name: Other briefs"), encoding="utf-8")
    assert publish(project.generated, project.site, other) is False
    assert "Other briefs" in (project.site / "index.html").read_text(encoding="utf-8")
    assert publish(project.generated, project.site, project.config) is False  # stamp is other's
    (project.site / STAMP_NAME).unlink()
    assert publish(project.generated, project.site, project.config) is False  # no stamp
    assert publish(project.generated, project.site, project.config) is True
    assert_same_as_full_build(project)


def test_a_listed_material_search_plugin_is_switched_off(project: Paths) -> None:
    """Pagefind is every site's search: even a configuration that lists Material's search plugin writes
    no lunr index (search/search_index.json, downloaded whole by every page), and builds incrementally."""
    listed = project.config.with_name("listed.yml")
    text = project.config.read_text(encoding="utf-8")
    assert "plugins: []" in text
    listed.write_text(text.replace("plugins: []", "plugins:\n  - search"), encoding="utf-8")
    assert publish(project.generated, project.site, listed) is False  # another configuration: full build
    assert publish(project.generated, project.site, listed) is True
    assert not (project.site / "search" / "search_index.json").exists()
    assert not [p for p in project.site.parent.iterdir() if p.name.startswith(".site-")]


def test_write_through_a_hard_link_falls_back_to_full_build(
    project: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If a file MkDocs rewrites were left hard-linked (a missed case), the build notices and redoes all."""
    from generator.publish import incremental as publish_incremental

    change_article(project, "article_00002.txt")
    missed = str(project.generated / "sources" / "article_00002" / "index.md")
    real_stale = publish_incremental._stale
    monkeypatch.setattr(publish_incremental, "_stale",
                        lambda dest, src: src != missed and real_stale(dest, src))
    assert publish(project.generated, project.site, project.config) is False  # redone in full
    assert_same_as_full_build(project)
