"""Incremental rebuilds: time a build after no change, one changed article and one changed template.

Usage: .venv/bin/python benchmarks/incremental.py [N [WORKDIR]] (default 1000, a temporary folder);
also `build.py --incremental N`, which reuses the cold build of N articles it has just measured.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import write_corpus  # noqa: E402
from stages import StageResult, Workspace, build_all, extract, ingest, load_results, run_stage  # noqa: E402

HEADER = ("| rebuild of {n:,} articles | ingest | extract | aggregate+render | publish | total "
          "| share of cold build | target |\n|---|---:|---:|---:|---:|---:|---:|---:|")


def _edit_article(ws: Workspace) -> None:
    path = sorted((ws.content / "sources").glob("*.txt"))[0]
    path.write_text(path.read_text(encoding="utf-8")
                    + "\nOn May 4, 2021, Italy and France signed a new port agreement worth €2 billion.\n",
                    encoding="utf-8")


def _edit_template(ws: Workspace) -> None:
    path = ws.templates / "source.md.j2"
    path.write_text(path.read_text(encoding="utf-8") + "\n<!-- edited by the benchmark -->\n",
                    encoding="utf-8")


def _row(label: str, results: dict[str, StageResult], cold: float, target: str) -> str:
    total = sum(r.seconds for r in results.values())
    cells = [label, *(f"{r.seconds:,.1f} s" for r in results.values()), f"{total:,.1f} s",
             f"{total / cold:.0%}", target]
    return "| " + " | ".join(cells) + " |"


def incremental_rows(n: int, workdir: Path, jobs: int = 2, seed: int = 7) -> list[str]:
    """Build n articles cold (unless built already), then rebuild after each edit; Markdown rows."""
    ws = Workspace(workdir / str(n), jobs=jobs)
    cold_results = load_results(ws) if (ws.site / "index.html").is_file() else None
    if cold_results is None:
        if ws.dir.exists():
            shutil.rmtree(ws.dir)
        ws.prepare()
        write_corpus(n, ws.content / "sources", seed=seed)
        cold_results = build_all(ws)
    else:  # build.py built this corpus cold and kept its figures: make sure the cache is filled
        run_stage(ingest, ws)
        run_stage(extract, ws)
    cold = sum(r.seconds for r in cold_results.values())
    rows = [HEADER.format(n=n), _row("cold build (empty cache)", cold_results, cold, "")]
    steps: list[tuple[str, Callable[[Workspace], None] | None, str]] = [
        ("nothing changed", None, ""),
        ("one article changed", _edit_article, "≤ 20%"),
        ("one template changed", _edit_template, "≤ 50%"),
    ]
    for label, edit, target in steps:
        if edit is not None:
            edit(ws)
        results = build_all(ws)
        rows.append(_row(label, results, cold, target))
        print(rows[-1], file=sys.stderr, flush=True)
    return rows


def main() -> None:
    """Run the incremental measurements in a temporary folder and print the table."""
    import tempfile

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    workdir = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp(prefix="briefs-incr-"))
    try:
        print("\n".join(incremental_rows(n, workdir)))
    finally:
        if len(sys.argv) <= 2:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
