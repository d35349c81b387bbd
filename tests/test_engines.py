"""The publishing engines: the demo published with Zensical has the pages, search index and sentence links
of the MkDocs site; the engine-neutral parts (link check, Pagefind, swap) run for both."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.errors import GeneratorError
from generator.publish.site import check_index, publish
from generator.publish.zensical import zensical_config

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
_SENTENCE_LINK = re.compile(r'href="([^"]*sources/[^"/]+/#s-\d+)"')

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sites(demo_build: Any) -> tuple[Path, Path, Any]:
    """The demo built with Zensical and with MkDocs, once per session (tests/conftest.py): (zensical
    site, mkdocs site, facts)."""
    zensical, mkdocs = demo_build("zensical"), demo_build("mkdocs")
    return zensical.site, mkdocs.site, zensical.result.facts


def sentence_links(page: Path) -> set[str]:
    """The sentence links of a built page, site-relative (`sources/<doc>/#s-N`)."""
    links = set()
    for href in _SENTENCE_LINK.findall(page.read_text(encoding="utf-8")):
        links.add(re.sub(r"^(\.\./)+", "", href))
    return links


def test_zensical_build_has_every_page_and_a_valid_index(sites: tuple[Path, Path, Any]) -> None:
    zensical, _, facts = sites
    check_index(zensical, zensical)  # raises if the bundle is incomplete
    entry = json.loads((zensical / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"], entry
    assert (zensical / "briefs" / "cn-it" / "index.html").is_file()
    documents = facts.documents
    assert documents
    missing = [d.id for d in documents if not (zensical / "sources" / d.id / "index.html").is_file()]
    assert missing == []
    assert (zensical / ".briefs-site").is_file()


def test_zensical_and_mkdocs_pages_carry_the_same_sentence_links(
    sites: tuple[Path, Path, Any]
) -> None:
    zensical, mkdocs, _ = sites
    pages = sorted(p.relative_to(mkdocs) for kind in ("briefs", "sources")
                   for p in (mkdocs / kind).glob("*/index.html"))
    assert len(pages) > 10
    compared = 0
    for page in pages:
        assert (zensical / page).is_file(), page
        assert sentence_links(zensical / page) == sentence_links(mkdocs / page), page
        compared += bool(sentence_links(mkdocs / page))
    assert compared > 10


def test_zensical_site_uses_the_pagefind_header_search(sites: tuple[Path, Path, Any]) -> None:
    zensical, _, _ = sites
    html = (zensical / "briefs" / "cn-it" / "index.html").read_text(encoding="utf-8")
    assert "briefs-header-search" in html and "data-pagefind-body" in html
    assert 'class="md-tabs' in html  # the classic variant shows the section tabs
    search = zensical / "search.json"
    assert not search.exists() or json.loads(search.read_text(encoding="utf-8"))["items"] == []


def test_zensical_configuration_is_derived_not_written_into_the_project(tmp_path: Path) -> None:
    config = zensical_config(CONFIG)
    assert config["validation"] is False
    assert config["theme"]["variant"] == "classic"
    assert Path(config["theme"]["custom_dir"]) == ROOT / "overrides"
    assert {"search": {"enabled": False}} in config["plugins"]
    assert not any(p == "search" for p in config["plugins"])
    assert not list(ROOT.glob("zensical*.yml"))


def test_unknown_engine_is_refused(tmp_path: Path) -> None:
    (tmp_path / "generated").mkdir()
    with pytest.raises(GeneratorError, match="unknown publishing engine 'hugo'"):
        publish(tmp_path / "generated", tmp_path / "site", CONFIG, engine="hugo")
    assert not (tmp_path / "site").exists()
