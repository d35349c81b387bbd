"""The build as named stage calls: content → ingest → extract → aggregate → render → publish.

Each stage is a function of this module that `build()`, `briefs serve` and the benchmarks call alike.
Everything a build writes lives in its work folder (generated Markdown, the extraction cache, the render
manifest, the manifest of the facts it published, which the next build's changes page and feeds compare
with) and in its site folder (plus the staging folder and lock beside it); the work folder is tied
to the site (`.<site name>.work/` beside it unless --work says otherwise), so builds of different
corpora into different sites never share a file.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.check import load_and_check
from generator.content import Content, load_content
from generator.errors import GeneratorError, raise_all
from generator.facts.extract import extract_facts
from generator.facts.jsonfile import dumps_facts
from generator.facts.model import FactsData
from generator.ingest.reader import Document, read_documents

if TYPE_CHECKING:
    from generator.pages.changes import History
    from generator.pages.corpus import Corpus

# Default of Paths.cache: the extraction cache inside the work folder (None: no cache).
_IN_WORK = Path("cache", "extract.sqlite")


def work_folder(site: Path) -> Path:
    """The default work folder of a site: `.<site name>.work` beside it (`.site.work` for `site`)."""
    if site.name in ("", ".", ".."):
        site = site.resolve()
    return site.parent / f".{site.name}.work"


@dataclass(frozen=True)
class Paths:
    """Where a build reads and writes; every path may be overridden from the command line.

    `work` defaults to work_folder(site); `generated` to work/generated; `cache` to
    work/cache/extract.sqlite (None: no extraction cache)."""

    content: Path = Path("content")
    site: Path = Path("site")
    templates: Path = Path("templates")
    config: Path = Path("mkdocs.yml")
    work: Path = None  # type: ignore[assignment]  # filled in by __post_init__
    generated: Path = None  # type: ignore[assignment]
    cache: Path | None = _IN_WORK

    def __post_init__(self) -> None:
        work = work_folder(self.site) if self.work is None else self.work
        object.__setattr__(self, "work", work)
        if self.generated is None:
            object.__setattr__(self, "generated", work / "generated")
        if self.cache is _IN_WORK:
            object.__setattr__(self, "cache", work / _IN_WORK)

    @property
    def sources(self) -> Path:
        """The folder of articles inside content/."""
        return self.content / "sources"

    @property
    def uses_work(self) -> bool:
        """True if the generated Markdown or the cache lies inside the work folder."""
        inside = [self.generated, *([self.cache] if self.cache is not None else [])]
        work = self.work.resolve()
        return any(work in path.resolve().parents for path in inside)

    def guarded(self) -> list[tuple[str, Path, bool]]:
        """Folders a build must never publish into, nor into a folder holding one: (label, path, and
        whether a site inside it is refused too). See generator/publish/guard.py."""
        folders = [("project", self.config.parent, False), ("content", self.content, True),
                   ("templates", self.templates, True), ("generated", self.generated, True)]
        if self.cache is not None:
            folders.append(("cache", self.cache.parent, False))
        return folders

    def work_guarded(self) -> list[tuple[str, Path, bool]]:
        """Folders the work folder must never be, nor hold (nor lie inside, but for the project)."""
        return [("project", self.config.parent, False), ("content", self.content, True),
                ("templates", self.templates, True), ("site", self.site, True)]


@dataclass
class BuildResult:
    """What a build produced."""

    facts: FactsData
    pages: int = 0
    warnings: list[str] = field(default_factory=list)


def _warn(collected: list[str]) -> Callable[[str], None]:
    def warn(message: str) -> None:
        collected.append(message)
        print(f"warning: {message}", file=sys.stderr)
    return warn


# --- the stages ---------------------------------------------------------------------------------

def checked_content(paths: Paths) -> Content:
    """Stage content: the curated YAML loaded once into one Content object, after checking it, the sources
    folder and the templates (every problem raised at once)."""
    content, errors = load_and_check(paths.content, paths.templates)
    raise_all(errors)
    assert content is not None  # no problem found means it loaded
    return content


def ingest(sources: Path, content: Content, *, strict: bool = False,
           warn: Callable[[str], None] | None = None) -> list[Document]:
    """Stage ingest: every article below `sources` as a Document. A file that cannot be read is skipped
    with a warning naming it (an error when `strict`); no article left is an error."""
    skipped: list[str] = []
    tell = _warn([]) if warn is None else warn

    def counted(message: str) -> None:
        if ": skipped: " in message:
            skipped.append(message)
        tell(message)

    docs = read_documents(sources, known_names=content.known_names(), strict=strict, warn=counted)
    if not docs:
        hint = f"all {len(skipped)} files were skipped, see the warnings" if skipped else (
            "add .txt, .md or .html files")
        raise GeneratorError("no articles found", sources, hint=hint)
    return docs


def extract(docs: list[Document], content: Content, *, n_process: int = 1, cache: Path | None = None,
            strict: bool = False, warn: Callable[[str], None] | None = None) -> FactsData:
    """Stage extract: the typed facts of the documents (the NLP pipeline, through the per-document cache).
    A document whose extraction raises is skipped with a warning naming it (an error when `strict`)."""
    return extract_facts(docs, content, n_process=n_process, cache_path=cache,
                         warn=_warn([]) if warn is None else warn, strict=strict)


def aggregate(facts: FactsData, docs: list[Document], content: Content) -> Corpus:
    """Stage aggregate: the facts indexed for the pages (each page kind builds its view model from it)."""
    from generator.pages import aggregate as index_facts

    return index_facts(facts, {d.id: d.source_text for d in docs}, content.sector_table())


def render(corpus: Corpus, templates: Path, out: Path, history: History | None = None) -> int:
    """Stage render: every page's Markdown, the data files and the feeds, written into `out` (only what
    changed); return the number of Markdown pages. `history` is the manifest of published facts after this
    build (see `published`; None: a first build, every fact new)."""
    from generator.render.renderer import render_corpus

    return sum(1 for p in render_corpus(corpus, templates, out, history) if p.suffix == ".md")


def published(corpus: Corpus, paths: Paths) -> History:
    """The manifest of published facts after this build: the previous build's, from the work folder,
    advanced by the facts of `corpus` (generator/pages/changes.py). A build whose outputs lie outside its
    work folder keeps none: every fact is new."""
    from generator.pages.changes import advance, read_manifest

    return advance(corpus, read_manifest(paths.work) if paths.uses_work else None)


def keep_published(history: History, paths: Paths) -> None:
    """Write the manifest of published facts into the work folder (once the build has published)."""
    from generator.pages.changes import write_manifest

    if paths.uses_work:
        write_manifest(paths.work, history)


def publish(generated: Path, site: Path, config: Path, engine: str = "mkdocs") -> bool:
    """Stage publish: the engine builds the Markdown into a staging folder that is swapped in as `site`;
    return True if the publish was incremental."""
    from generator.publish.site import publish as publish_site

    return publish_site(generated, site, config, engine=engine)


# --- builds -------------------------------------------------------------------------------------

@contextmanager
def claimed(paths: Paths, *, site: bool = True) -> Iterator[None]:
    """Check the site (with `site`) and the work folder, then hold their locks for the block; a refused
    or concurrent build writes nothing. The work folder is created and stamped once its lock is held
    (its lock is `.briefs-work.lock` inside it: one build or `briefs serve` at a time per work folder)."""
    from generator.publish.guard import check_site, check_work, site_lock, write_work_stamp

    # A work folder given apart from the site is checked first, so its problems are named as its own; the
    # default one beside the site is only wrong when the site is. check_work also refuses a work folder
    # that is, holds or lies inside the site.
    work_first = paths.uses_work and paths.work != work_folder(paths.site)
    if work_first:
        check_work(paths.work, paths.work_guarded())
    if site:
        check_site(paths.site, paths.guarded())
    if paths.uses_work and not work_first:
        check_work(paths.work, paths.work_guarded())
    with contextlib.ExitStack() as held:
        if site:
            held.enter_context(site_lock(paths.site))
        if paths.uses_work:
            held.enter_context(site_lock(paths.work / "briefs-work", paths.work))
            write_work_stamp(paths.work)
        yield


def generate(paths: Paths, *, strict: bool = False, n_process: int = 1) -> BuildResult:
    """Every stage but publish: the Markdown in paths.generated (what `briefs serve` reruns), holding the
    work folder's lock."""
    warnings: list[str] = []
    with claimed(paths, site=False):
        content = checked_content(paths)
        docs = ingest(paths.sources, content, strict=strict, warn=_warn(warnings))
        facts = extract(docs, content, n_process=n_process, cache=paths.cache, strict=strict,
                        warn=_warn(warnings))
        corpus = aggregate(facts, docs, content)
        history = published(corpus, paths)
        pages = render(corpus, paths.templates, paths.generated, history)
        keep_published(history, paths)
    return BuildResult(facts, pages, warnings)


def build(paths: Paths = Paths(), *, strict: bool = False, n_process: int = 1,
          engine: str = "mkdocs") -> BuildResult:
    """The whole build, content → ingest → extract → aggregate → render → publish, into paths.site.

    The site and the work folder are checked before anything is read or written (a refused build writes
    nothing), and their locks are held for the whole build, so a second build into the same site (or
    with the same work folder) is refused at once."""
    warnings: list[str] = []
    with claimed(paths):
        content = checked_content(paths)
        docs = ingest(paths.sources, content, strict=strict, warn=_warn(warnings))
        facts = extract(docs, content, n_process=n_process, cache=paths.cache, strict=strict,
                        warn=_warn(warnings))
        corpus = aggregate(facts, docs, content)
        history = published(corpus, paths)
        pages = render(corpus, paths.templates, paths.generated, history)
        publish(paths.generated, paths.site, paths.config, engine=engine)
        keep_published(history, paths)
    return BuildResult(facts, pages, warnings)


def extract_corpus(corpus: Path, content: Path, *, strict: bool = False, n_process: int = 1,
                   warnings: list[str] | None = None,
                   cache: Path | None = None) -> tuple[dict[str, Any], dict[str, str]]:
    """Ingest and extract a folder of articles (`briefs extract`); return the facts data and the source
    texts by id."""
    curated = load_content(content)
    docs = ingest(corpus, curated, strict=strict, warn=_warn([] if warnings is None else warnings))
    facts = extract(docs, curated, n_process=n_process, cache=cache, strict=strict,
                    warn=_warn([] if warnings is None else warnings))
    return facts.to_json(), {d.id: d.source_text for d in docs}


def write_facts(data: dict[str, Any], out: Path) -> None:
    """Write facts.json atomically: into a new temporary file beside `out`, then renamed over it. Any
    failure is a one-line GeneratorError and leaves no temporary file behind."""
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
