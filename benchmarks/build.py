"""Build benchmark: per-stage wall time and peak memory, extraction speed and site size for N articles.

Usage: .venv/bin/python benchmarks/build.py [--sizes 10,100,1000] [--jobs 2] [--incremental 1000]

For each N, benchmarks/make_corpus.py writes N articles into WORKDIR/N, then the four stages run one
after another, each in a freshly forked process (benchmarks/stages.py), from a cold extraction cache.
Writes a Markdown table to stdout and to benchmarks/out/performance.md.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from incremental import incremental_rows  # noqa: E402
from make_corpus import write_corpus  # noqa: E402
from stages import ROOT, StageResult, Workspace, build_all, save_results, tree_bytes  # noqa: E402

MB = 1024 * 1024
NOTE = """\
Each stage runs in its own forked process; *time* is the wall time of the stage call alone (loading
its input from the previous stage's pickle is excluded), *peak* is that process's peak RSS
(`ru_maxrss`, which includes the interpreter, libraries and the stage's input), and for extraction
with `-j 2` the second figure is the peak RSS of the largest worker process (`RUSAGE_CHILDREN`).
Aggregate and render are timed together (`builder.aggregate`, then `builder.render`).
Extraction runs from an empty cache (a cold build). Words are whitespace-separated words of the cleaned
text."""


def measure(n: int, workdir: Path, jobs: int, seed: int) -> tuple[Workspace, dict[str, StageResult]]:
    """Write the corpus of n articles and build it cold; return the workspace and the stage results."""
    ws = Workspace(workdir / str(n), jobs=jobs)
    if ws.dir.exists():
        shutil.rmtree(ws.dir)
    ws.prepare()
    write_corpus(n, ws.content / "sources", seed=seed)
    results = build_all(ws)
    save_results(ws, results)
    for name, r in results.items():
        print(f"  N={n} {name}: {r.seconds:.1f} s, {r.peak_mb:.0f} MB ({r.workers_peak_mb:.0f} MB workers)"
              f" {r.info}", file=sys.stderr, flush=True)
    return ws, results


def _cell(r: StageResult) -> str:
    peak = f"{r.peak_mb:,.0f}" + (f" / {r.workers_peak_mb:,.0f}" if r.workers_peak_mb > 1 else "")
    return f"{r.seconds:,.1f} s · {peak} MB"


def table_row(n: int, ws: Workspace, results: dict[str, StageResult]) -> str:
    """One Markdown table row for a measured corpus."""
    words = results["ingest"].info["words"]
    total = sum(r.seconds for r in results.values())
    search = tree_bytes(ws.site / "search" / "search_index.json")
    pagefind = tree_bytes(ws.site / "pagefind")
    cells = [f"{n:,}", f"{words:,}", f"{words / results['extract'].seconds:,.0f}",
             *(_cell(r) for r in results.values()), f"{total:,.1f} s", f"{total / n * 1000:,.0f} ms",
             f"{results['aggregate+render'].info['pages']:,}", f"{tree_bytes(ws.site) / MB:,.1f} MB",
             " + ".join([f"search_index.json {search / MB:,.1f} MB"] * bool(search)
                        + [f"pagefind/ {pagefind / MB:,.1f} MB"] * bool(pagefind)) or "none"]
    return "| " + " | ".join(cells) + " |"


HEADER = ("| articles | words | extraction words/s | ingest | extract | aggregate+render | publish "
          "| total | per article | pages | site | search index |\n"
          "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


def main() -> None:
    """Measure every requested size, optionally the incremental rebuilds, and write the report."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000", help="comma-separated article counts")
    parser.add_argument("--jobs", type=int, default=2, help="extraction processes")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--incremental", type=int, default=0, metavar="N",
                        help="also time rebuilds of N articles after one article / one template changes")
    parser.add_argument("--workdir", type=Path, default=None, help="kept after the run when given")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "performance.md")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="briefs-bench-"))
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    command = f".venv/bin/python benchmarks/build.py --sizes {args.sizes} --jobs {args.jobs}" + (
        f" --incremental {args.incremental}" if args.incremental else "")
    lines = [HEADER]
    try:
        for n in sizes:
            ws, results = measure(n, workdir, args.jobs, args.seed)
            lines.append(table_row(n, ws, results))
            if args.workdir is None and n != args.incremental:
                shutil.rmtree(ws.dir, ignore_errors=True)
        if args.incremental:
            lines += ["", *incremental_rows(args.incremental, workdir, args.jobs, args.seed)]
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    report = "\n".join([f"Measured with `{command}` (seed {args.seed}):", "", *lines, "", NOTE, ""])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
