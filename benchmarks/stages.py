"""Runs one build stage in a forked child and reports its wall time and peak memory."""

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


@dataclass
class Workspace:
    """One benchmark corpus and everything a build of it reads and writes."""

    dir: Path
    jobs: int = 2

    content: Path = field(init=False)
    templates: Path = field(init=False)
    generated: Path = field(init=False)
    site: Path = field(init=False)
    cache: Path = field(init=False)

    def __post_init__(self) -> None:
        self.content = self.dir / "content"
        self.templates = self.dir / "templates"
        self.generated = self.dir / "generated"
        self.site = self.dir / "site"
        self.cache = self.dir / ".cache" / "extract.sqlite"

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


def ingest(ws: Workspace) -> dict[str, Any]:
    """Stage 1: read and clean the articles."""
    from generator.ingest.reader import load_corpus
    from generator.nlp.countries import known_names

    t0 = time.perf_counter()
    docs = load_corpus(ws.content / "sources", known_names=known_names(ws.content), warn=lambda m: None)
    seconds = time.perf_counter() - t0
    _save(ws, "docs", docs)
    return {"seconds": seconds, "documents": len(docs), "words": sum(len(d.text.split()) for d in docs)}


def extract(ws: Workspace) -> dict[str, Any]:
    """Stage 2: the NLP pipeline, through the per-document cache."""
    from generator.facts.extract import extract_documents

    docs = _load(ws, "docs")
    t0 = time.perf_counter()
    facts = extract_documents(docs, ws.content, n_process=ws.jobs, cache_path=ws.cache)
    seconds = time.perf_counter() - t0
    _save(ws, "facts", facts)
    return {"seconds": seconds, "facts": len(facts["facts"]), "actors": len(facts["actors"])}


def render(ws: Workspace) -> dict[str, Any]:
    """Stage 3: aggregate the facts into view models and render the Markdown pages."""
    from generator.nlp.lexicon import load_sectors
    from generator.render.renderer import render_site

    docs, facts = _load(ws, "docs"), _load(ws, "facts")
    sources = {d.id: d.source_text for d in docs}
    del docs
    t0 = time.perf_counter()
    sectors = {k: {"label": v.label, "description": v.description}
               for k, v in load_sectors(ws.content / "sectors.yaml").items()}
    written = render_site(facts, sources, sectors, ws.templates, ws.generated)
    return {"seconds": time.perf_counter() - t0, "pages": sum(1 for p in written if p.suffix == ".md")}


def publish(ws: Workspace) -> dict[str, Any]:
    """Stage 4: MkDocs (strict) into a staging folder, then the swap."""
    import logging

    from generator.publish.site import publish as mkdocs_publish

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    t0 = time.perf_counter()
    mkdocs_publish(ws.generated, ws.site, ROOT / "mkdocs.yml")
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
