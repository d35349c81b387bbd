"""Runs one build stage in a forked child and reports its wall time and peak memory.

The stages are generator/builder.py's own stage functions (ingest, extract, render, publish), called on
the paths a `briefs build` of the workspace would use."""

from __future__ import annotations

import json
import multiprocessing
import pickle
import resource
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import builder  # noqa: E402
from generator.builder import Paths  # noqa: E402


@dataclass
class Workspace:
    """One benchmark corpus and everything a build of it reads and writes (paths: as `briefs build
    --content DIR/content --templates DIR/templates --site DIR/site` has them)."""

    dir: Path
    jobs: int = 2

    paths: Paths = field(init=False)

    def __post_init__(self) -> None:
        self.paths = Paths(content=self.dir / "content", templates=self.dir / "templates",
                           site=self.dir / "site", config=ROOT / "mkdocs.yml")

    @property
    def content(self) -> Path:
        return self.paths.content

    @property
    def templates(self) -> Path:
        return self.paths.templates

    @property
    def generated(self) -> Path:
        return self.paths.generated

    @property
    def site(self) -> Path:
        return self.paths.site

    def prepare(self) -> None:
        """Copy the curated YAML and templates beside the corpus (so a benchmark may edit them)."""
        self.content.mkdir(parents=True, exist_ok=True)
        for path in (ROOT / "content").glob("*.y*ml"):
            shutil.copy2(path, self.content / path.name)
        if not self.templates.exists():
            shutil.copytree(ROOT / "templates", self.templates)

    def state(self, name: str) -> Path:
        """Where a stage leaves its output for the next one."""
        return self.dir / f".{name}.pickle"


@dataclass
class StageResult:
    """Wall time of the stage call alone; peak RSS of its process and of any worker it waited for."""

    seconds: float
    peak_mb: float
    workers_peak_mb: float
    info: dict[str, Any]


def _child(fn: Callable[[Workspace], dict[str, Any]], ws: Workspace, conn: Any) -> None:
    try:
        result: Any = fn(ws)
    except BaseException as error:  # noqa: BLE001 -- the parent re-raises it with the stage name
        result = error
    mb = 1024.0  # ru_maxrss is in KiB on Linux
    conn.send((result, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / mb,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / mb))
    conn.close()


def run_stage(fn: Callable[[Workspace], dict[str, Any]], ws: Workspace) -> StageResult:
    """Fork a fresh process for fn(ws), which returns {"seconds": ..., ...}; gather its figures."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(fn, ws, child))
    proc.start()
    child.close()
    info, peak, workers = parent.recv()
    proc.join()
    if isinstance(info, BaseException):
        raise RuntimeError(f"stage {fn.__name__} failed: {info!r}") from info
    return StageResult(info.pop("seconds"), peak, workers, info)


def _save(ws: Workspace, name: str, value: Any) -> None:
    with ws.state(name).open("wb") as f:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)


def _load(ws: Workspace, name: str) -> Any:
    with ws.state(name).open("rb") as f:
        return pickle.load(f)  # noqa: S301 -- our own file, written by the previous stage


def _claimed(ws: Workspace) -> Any:
    """The work folder prepared and locked, as a build has it (the site lock is publish's own)."""
    return builder.claimed(ws.paths, site=False)


def ingest(ws: Workspace) -> dict[str, Any]:
    """Stage ingest: read and clean the articles (the curated content is loaded first, untimed)."""
    content = builder.checked_content(ws.paths)
    t0 = time.perf_counter()
    docs = builder.ingest(ws.paths.sources, content, warn=lambda m: None)
    seconds = time.perf_counter() - t0
    _save(ws, "docs", docs)
    return {"seconds": seconds, "documents": len(docs), "words": sum(len(d.text.split()) for d in docs)}


def extract(ws: Workspace) -> dict[str, Any]:
    """Stage extract: the NLP pipeline, through the per-document cache."""
    content, docs = builder.checked_content(ws.paths), _load(ws, "docs")
    with _claimed(ws):
        t0 = time.perf_counter()
        facts = builder.extract(docs, content, n_process=ws.jobs, cache=ws.paths.cache)
        seconds = time.perf_counter() - t0
    _save(ws, "facts", facts)
    return {"seconds": seconds, "facts": len(facts.facts), "actors": len(facts.actors)}


def render(ws: Workspace) -> dict[str, Any]:
    """Stages aggregate and render: the view models and the Markdown pages."""
    content, docs, facts = builder.checked_content(ws.paths), _load(ws, "docs"), _load(ws, "facts")
    with _claimed(ws):
        t0 = time.perf_counter()
        corpus = builder.aggregate(facts, docs, content)
        pages = builder.render(corpus, ws.paths.templates, ws.paths.generated)
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "pages": pages}


def publish(ws: Workspace) -> dict[str, Any]:
    """Stage publish: the engine (strict) into a staging folder, Pagefind, then the swap."""
    import logging

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    t0 = time.perf_counter()
    builder.publish(ws.paths.generated, ws.paths.site, ws.paths.config)
    return {"seconds": time.perf_counter() - t0}


STAGES: dict[str, Callable[[Workspace], dict[str, Any]]] = {
    "ingest": ingest, "extract": extract, "aggregate+render": render, "publish": publish,
}


def build_all(ws: Workspace) -> dict[str, StageResult]:
    """Every stage in order, each in its own forked process."""
    return {name: run_stage(fn, ws) for name, fn in STAGES.items()}


def save_results(ws: Workspace, results: dict[str, StageResult]) -> None:
    """Keep a cold build's figures beside it (benchmarks/incremental.py compares rebuilds to them)."""
    figures = {k: asdict(v) for k, v in results.items()}
    (ws.dir / "cold.json").write_text(json.dumps(figures), encoding="utf-8")


def load_results(ws: Workspace) -> dict[str, StageResult] | None:
    """The figures save_results kept, or None."""
    path = ws.dir / "cold.json"
    if not path.is_file():
        return None
    return {k: StageResult(**v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}


def tree_bytes(path: Path) -> int:
    """Total size of the files below path (0 when it does not exist)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0
