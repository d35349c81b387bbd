"""Prototype of an incremental publish (MkDocs dirty build over a hard-linked copy of the last site).

Usage: .venv/bin/python benchmarks/dirty_publish.py WORKDIR/N [--no-full] (a workspace that
benchmarks/build.py built; --no-full skips timing the full publish first)

Measures, on a built workspace: a full publish, then a dirty publish after one article changed.
It is a measurement aid for the proposal to generator/publish.py, not part of the generator.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stages import ROOT, Workspace  # noqa: E402

REWRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json")


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def _dest(relative: Path) -> Path:
    """Where MkDocs (use_directory_urls) writes the output of a docs_dir file."""
    if relative.suffix != ".md":
        return relative
    if relative.stem in ("index", "README"):
        return relative.with_name("index.html")
    return relative.with_suffix("") / "index.html"


def prepare_staging(docs_dir: Path, site_dir: Path, staging: Path) -> int:
    """Hard-link the last site into staging, then unlink every file that will be rewritten
    (so the live site's inodes are never written to) and the outputs of deleted pages."""
    shutil.copytree(site_dir, staging, copy_function=os.link, dirs_exist_ok=True)
    wanted, stale = set(), 0
    for src in docs_dir.rglob("*"):
        if src.is_file():
            dest = staging / _dest(src.relative_to(docs_dir))
            wanted.add(dest)
            if dest.exists() and dest.stat().st_mtime < src.stat().st_mtime:
                dest.unlink()
                stale += 1
    for page in staging.rglob("index.html"):
        rel = page.parent.relative_to(staging)
        sources = [docs_dir / rel / "index.md"] + ([docs_dir / rel.with_suffix(".md")] if rel.parts else [])
        generated = rel.parts[:1] not in (("assets",), ("search",), ("pagefind",))
        if generated and not any(map(Path.exists, sources)):
            page.unlink()
    for name in REWRITTEN:
        (staging / name).unlink(missing_ok=True)
    shutil.rmtree(staging / "pagefind", ignore_errors=True)
    return stale


def dirty_build(docs_dir: Path, staging: Path, config_file: Path) -> None:
    """MkDocs in dirty mode: only pages whose Markdown is newer than their HTML are read and built."""
    from mkdocs import config as mkdocs_config
    from mkdocs.commands import build as mkdocs_build

    from generator.publish import _choose_search, index_site

    logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())
    cfg = mkdocs_config.load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(staging),
                                    strict=True)
    _choose_search(cfg, docs_dir, config_file)
    mkdocs_build.build(cfg, dirty=True)
    index_site(staging)


def main() -> None:
    """Time a full publish and a dirty publish after one article changed, on a built workspace."""
    from stages import extract, ingest, render, run_stage

    from generator.publish import publish

    ws = Workspace(Path(sys.argv[1]))
    config = ROOT / "mkdocs.yml"
    t0 = time.perf_counter()
    if "--no-full" not in sys.argv:
        publish(ws.generated, ws.site, config)
    full = time.perf_counter() - t0
    path = sorted((ws.content / "sources").glob("*.txt"))[1]
    path.write_text(path.read_text(encoding="utf-8") + "\nItaly and Spain met in Rome on May 2, 2022.\n",
                    encoding="utf-8")
    for stage in (ingest, extract, render):
        run_stage(stage, ws)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=ws.dir))
    t0 = time.perf_counter()
    stale = prepare_staging(ws.generated, ws.site, staging)
    t1 = time.perf_counter()
    dirty_build(ws.generated.resolve(), staging, config)
    t2 = time.perf_counter()
    old = ws.dir / ".site-old"
    ws.site.rename(old)
    staging.rename(ws.site)
    shutil.rmtree(old)
    t3 = time.perf_counter()
    pages = sum(1 for _ in ws.generated.rglob("*.md"))
    print(f"{pages} pages: full publish {full:.1f} s; dirty publish {t3 - t0:.1f} s "
          f"(hard-link copy + unlink {t1 - t0:.1f} s, MkDocs dirty + Pagefind {t2 - t1:.1f} s, "
          f"swap {t3 - t2:.1f} s); {stale} outputs rebuilt")


if __name__ == "__main__":
    main()
