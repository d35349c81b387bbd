"""Which rendered pages can be reused: a key per entity page (brief, actor, sector, source) of all it reads.

A page's key hashes
- the page code and the Jinja and MarkupSafe versions (any change re-renders everything);
- its own template and the shared templates (the files no page kind owns: `_macros.md.j2`, ...);
- what every page prints about others: document titles, actor names and types, the title of every
  pair and which pairs have a brief, the sectors with facts and their labels; the build date;
- the page's own facts (each fact's full content) and its own record (the actor with the sentences of
  its roles; the document with a hash of its text).

The manifest `.briefs-render.json` in the generated folder (MkDocs skips dot-files) maps each page to its
key and byte size. A page whose key and size match is not rendered again, so after one article changes
only the pages that list its facts are; home, indexes, timeline, data and search pages always are.
The manifest is removed before the folder is written and written again after, so a build killed in
between re-renders everything rather than trusting a half-written folder.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from generator.facts.model import Fact
from generator.pages.changes import build_date
from generator.pages.corpus import Corpus, Entity
from generator.pages.names import pair_title

MANIFEST = ".briefs-render.json"
PACKAGE_DIR = Path(__file__).resolve().parent.parent
PAGE_CODE = ("render/*.py", "pages/*.py")


def _hash(*parts: Any) -> hashlib.blake2b:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
    return digest


@lru_cache(maxsize=1)
def render_code_version() -> str:
    """Hash of the page and render code and the template engine versions."""
    digest = hashlib.sha256(f"{version('jinja2')} {version('markupsafe')} {version('pyyaml')}".encode())
    for path in sorted({p for pattern in PAGE_CODE for p in PACKAGE_DIR.glob(pattern)}):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def template_version(templates_dir: Path, template: str, owned: set[str]) -> str:
    """Hash of `template` and of every template that no page kind owns (macros, partials)."""
    digest = hashlib.sha256()
    for path in sorted(templates_dir.rglob("*.j2")):
        name = path.relative_to(templates_dir).as_posix()
        if name == template or name not in owned:
            digest.update(name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def corpus_version(corpus: Corpus) -> str:
    """Hash of what entity pages print about other entities (see the module docstring)."""
    titles = {d: doc.title or "" for d, doc in corpus.documents.items()}
    actors = {a: (r.name, r.type) for a, r in corpus.actors.items()}
    pairs = {p.slug: (pair_title(p.json, corpus.country_weight), corpus.has_brief(p)) for p in corpus.by_pair}
    sectors = (sorted(corpus.by_sector), sorted(corpus.sectors.items()))
    return _hash(sorted(titles.items()), sorted(actors.items()), sorted(pairs.items()), sectors).hexdigest()


class RenderKeys:
    """Computes page keys; each fact is hashed once however many pages list it."""

    def __init__(self, corpus: Corpus, templates_dir: Path, owned: set[str]) -> None:
        # the build date is printed on every brief (its Cite block): a new one re-renders the pages
        self.base = f"{render_code_version()} {corpus_version(corpus)} {build_date(corpus)}"
        self.templates_dir, self.owned = templates_dir, owned
        self.facts: dict[int, bytes] = {}

    def _fact(self, fact: Fact) -> bytes:
        found = self.facts.get(id(fact))
        if found is None:
            found = self.facts[id(fact)] = _hash(fact).digest()
        return found

    def of(self, template: str) -> Callable[[Entity], str]:
        """Return the key function of the pages of one template."""
        base = f"{self.base} {template_version(self.templates_dir, template, self.owned)}"

        def key(entity: Entity) -> str:
            digest = _hash(base, entity.path, entity.own)
            for fact in entity.facts:
                digest.update(self._fact(fact))
            return digest.hexdigest()

        return key


def load_manifest(out_dir: Path) -> dict[str, list[Any]]:
    """The previous build's {page: [key, size]}, or {} if there is none or it is unreadable."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def drop_manifest(out_dir: Path) -> None:
    """Remove the manifest (before the folder is rewritten)."""
    (out_dir / MANIFEST).unlink(missing_ok=True)


def save_manifest(out_dir: Path, entries: dict[str, list[Any]]) -> None:
    """Write the manifest atomically."""
    tmp = out_dir / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(entries, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    tmp.replace(out_dir / MANIFEST)


def reusable(out_dir: Path, entry: list[Any] | None, key: str, relative: str) -> bool:
    """True if the page at `relative` was written by a build with the same key and is intact."""
    if not entry or entry[0] != key:
        return False
    try:
        return bool((out_dir / relative).stat().st_size == entry[1])
    except OSError:
        return False
