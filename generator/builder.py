"""The five stages as named calls: ingest, extract, aggregate+render, publish."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.check import check_content
from generator.errors import GeneratorError, raise_all
from generator.facts.extract import extract_documents
from generator.facts.jsonfile import dumps_facts
from generator.ingest.reader import load_corpus


@dataclass(frozen=True)
class Paths:
    """Where a build reads and writes; every path may be overridden from the command line."""

    content: Path = Path("content")
    site: Path = Path("site")
    templates: Path = Path("templates")
    config: Path = Path("mkdocs.yml")
    generated: Path = Path("generated")
    cache: Path | None = Path(".cache/extract.sqlite")

    @property
    def sources(self) -> Path:
        """The folder of articles inside content/."""
        return self.content / "sources"

    def guarded(self) -> list[tuple[str, Path, bool]]:
        """Folders a build must never publish into, nor into a folder holding one: (label, path, and
        whether a site inside it is refused too). See generator/site_guard.py."""
        folders = [("project", self.config.parent, False), ("content", self.content, True),
                   ("templates", self.templates, True), ("generated", self.generated, True)]
        if self.cache is not None:
            folders.append(("cache", self.cache.parent, False))
        return folders


@dataclass
class BuildResult:
    """What a build produced."""

    facts: dict[str, Any]
    pages: int = 0
    warnings: list[str] = field(default_factory=list)


def _warn(collected: list[str]) -> Any:
    def warn(message: str) -> None:
        collected.append(message)
        print(f"warning: {message}", file=sys.stderr)
    return warn


def extract_corpus(corpus: Path, content: Path, *, strict: bool = False, n_process: int = 1,
                   warnings: list[str] | None = None,
                   cache: Path | None = None) -> tuple[dict[str, Any], dict[str, str]]:
    """Ingest and extract a folder of articles; return the facts data and the source texts by id."""
    from generator.nlp.countries import known_names

    if not content.is_dir():
        raise GeneratorError("content folder not found", content,
                             hint="run from the project root or pass --content DIR")
    collected = warnings if warnings is not None else []
    docs = load_corpus(corpus, known_names=known_names(content), strict=strict, warn=_warn(collected))
    if not docs:
        skipped = sum(1 for w in collected if ": skipped: " in w)
        hint = "add .txt, .md or .html files"
        if skipped:
            hint = f"all {skipped} files were skipped, see the warnings"
        raise GeneratorError("no articles found", corpus, hint=hint)
    data = extract_documents(docs, content, n_process=n_process, cache_path=cache)
    return data, {d.id: d.source_text for d in docs}


def write_facts(data: dict[str, Any], out: Path) -> None:
    """Write facts.json atomically: into a new temporary file beside `out`, then renamed over it. Any
    failure is a one-line GeneratorError and leaves no temporary file behind."""
    import contextlib
    import os
    import secrets

    from generator.pages.escape import printable

    out = Path(out)
    if out.is_dir():
        raise GeneratorError("cannot write facts: Is a directory", out, hint="pass a file path with -o")
    payload = printable(dumps_facts(data)).encode("utf-8")
    tmp: Path | None = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{out.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, out)
        tmp = None
    except OSError as exc:
        hint = "pass a " + ("file" if isinstance(exc, IsADirectoryError) else "writable") + " path with -o"
        raise GeneratorError(f"cannot write facts: {exc.strerror or exc}", out, hint=hint) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)


def generate(paths: Paths, *, strict: bool = False, n_process: int = 1) -> BuildResult:
    """Check content and templates (all problems at once), then ingest, extract, aggregate and render
    Markdown into paths.generated (no MkDocs)."""
    from generator.nlp.lexicon import load_sectors
    from generator.render.renderer import render_site

    raise_all(check_content(paths.content, paths.templates))
    result = BuildResult(facts={})
    result.facts, sources = extract_corpus(paths.sources, paths.content, strict=strict,
                                           n_process=n_process, warnings=result.warnings,
                                           cache=paths.cache)
    sectors = {k: {"label": v.label, "description": v.description}
               for k, v in load_sectors(paths.content / "sectors.yaml").items()}
    written = render_site(result.facts, sources, sectors, paths.templates, paths.generated)
    result.pages = sum(1 for p in written if p.suffix == ".md")
    return result


def build(paths: Paths = Paths(), *, strict: bool = False, n_process: int = 1) -> BuildResult:
    """The whole build: generate the Markdown, then publish it with MkDocs into paths.site.

    paths.site is checked before anything is read or written (a refused build writes nothing), and the
    site's lock is held for the whole build, so a second build into the same site is refused."""
    from generator.publish.guard import check_site, site_lock
    from generator.publish.site import publish

    check_site(paths.site, paths.guarded())
    with site_lock(paths.site):
        result = generate(paths, strict=strict, n_process=n_process)
        publish(paths.generated, paths.site, paths.config)
    return result
