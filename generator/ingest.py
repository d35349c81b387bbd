"""Ingest: reads corpus files into Documents (metadata, cleaned text, offset map, boilerplate)."""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import boilerplate as bp
from . import metadata as meta
from .decode import decode_bytes
from .errors import GeneratorError

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
# The most decoded characters of one document that are read (about 250 printed pages). Beyond it the
# build time and the size of the document's source page grow without bound, so the rest is dropped at
# a paragraph boundary with a warning naming the file.
MAX_DOCUMENT_CHARS = 500_000


@dataclass
class OffsetMap:
    """Maps character offsets in a Document's cleaned text back to the original source text.

    Anchors are (clean_offset, source_offset) pairs, sorted by clean offset; between two anchors
    the mapping is linear (same length), so one anchor per kept line plus one per repair is enough.
    """

    clean: list[int] = field(default_factory=list)
    source: list[int] = field(default_factory=list)
    inserted: list[int] = field(default_factory=list)  # clean offsets of characters absent from the source

    def add(self, clean_offset: int, source_offset: int) -> None:
        """Record that clean_offset corresponds to source_offset (call in increasing clean order)."""
        self.clean.append(clean_offset)
        self.source.append(source_offset)

    def to_source(self, clean_offset: int) -> int:
        """Return the source offset of a cleaned-text offset."""
        if not self.clean:
            return clean_offset
        i = max(bisect.bisect_right(self.clean, clean_offset) - 1, 0)
        return self.source[i] + (clean_offset - self.clean[i])


@dataclass
class Document:
    """One source article after ingest. `text` is what the NLP pipeline reads."""

    id: str  # unique slug, matches ^[A-Za-z0-9._-]+$
    path: str  # relative to the corpus folder, with forward slashes
    title: str | None
    author: str | None
    published: str | None  # ISO date YYYY, YYYY-MM or YYYY-MM-DD
    reference_date: str | None
    url: str | None
    source_text: str  # the decoded original file
    text: str  # cleaned text: kept paragraphs joined by "\n\n", dropped apostrophes repaired
    offsets: OffsetMap
    boilerplate_removed: list[str]
    sha256: str  # of the source bytes


def slugify(name: str) -> str:
    """A safe, lower-case ASCII id for a name: only [a-z0-9._-], never empty, never holding ".."."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9._-]+", "-", ascii_name)
    # No ".." anywhere: page addresses refuse it (pages/escape.slug), so "a..b.txt" must not crash a build.
    slug = re.sub(r"-{2,}", "-", re.sub(r"\.{2,}", ".", slug)).strip("-._")
    if not slug:
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()
        slug = f"doc-{digest[:8]}"
    return slug


def truncate_text(text: str, limit: int) -> str:
    """Return `text` cut to at most `limit` characters, at the last paragraph (else line, else word)
    boundary in the second half of the limit; unchanged if it is short enough."""
    if len(text) <= limit:
        return text
    for boundary in ("\n\n", "\n", " "):
        cut = text.rfind(boundary, limit // 2, limit)
        if cut > 0:
            return text[:cut]
    return text[:limit]


class _Builder:
    """Accumulates cleaned text while recording where each piece came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.offsets = OffsetMap()

    def copy(self, text: str, source_offset: int) -> None:
        if not text:
            return
        if not self.offsets.clean or self.offsets.to_source(self.size) != source_offset:
            self.offsets.add(self.size, source_offset)
        self.parts.append(text)
        self.size += len(text)

    def insert(self, text: str) -> None:
        self.offsets.inserted.extend(range(self.size, self.size + len(text)))
        self.parts.append(text)
        self.size += len(text)

    def copy_repaired(self, text: str, source_offset: int, known: Collection[str]) -> None:
        prev = 0
        for point in bp.repair_points(text, known):
            self.copy(text[prev:point], source_offset + prev)
            self.insert("'")
            prev = point
        self.copy(text[prev:], source_offset + prev)

    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class _Result:
    text: str
    offsets: OffsetMap
    boilerplate: list[str]
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    reference: str | None = None


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\r\n|\r|\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _clean_text(source: str, kind: str, known: Collection[str]) -> _Result:
    spans = _line_spans(source)
    raw = [source[s:e] for s, e in spans]
    info: dict[str, str | None] = {}
    found = meta.front_matter(raw) or meta.header_lines(raw)
    skip = found[0] if found else 0
    if found:
        info = meta.explicit_metadata(found[1])
    lines = [bp.segments(source, s, e, kind) for s, e in spans[skip:]]
    token_date = _strip_date_token(lines)
    strings = ["".join(t for t, _ in segs).strip() for segs in lines]
    kinds = bp.classify(strings)
    dropped = [s for s, k in zip(strings, kinds, strict=True) if k not in (bp.KEEP, bp.BLANK)]
    builder = _Builder()
    paragraphs = _paragraphs(lines, strings, kinds)
    for n, para in enumerate(paragraphs):
        if n:
            builder.insert("\n\n")
        for text, offset in para:
            builder.insert(text) if offset is None else builder.copy_repaired(text, offset, known)
    text = builder.text()
    published = info.get("published") or token_date or _found_date(strings, kinds)
    return _Result(
        text, builder.offsets, dropped,
        title=info.get("title") or _title(text),
        author=info.get("author") or _found_author(strings, kinds),
        published=published, url=info.get("url"),
        reference=published or meta.latest_year(text),
    )


def _strip_date_token(lines: list[list[bp.Segment]]) -> str | None:
    first = next((segs for segs in lines if segs), None)
    if not first or first[0][1] is None:
        return None
    text, offset = first[0]
    token = meta.leading_date_token(text)
    if token is None:
        return None
    first[0] = (text[token[0]:], offset + token[0])  # type: ignore[operator]
    return token[1]


def _paragraphs(
    lines: list[list[bp.Segment]], strings: list[str], kinds: list[str]
) -> list[list[bp.Segment]]:
    paragraphs: list[list[bp.Segment]] = []
    current: list[bp.Segment] | None = None
    prev = ""
    for segs, line, kind in zip(lines, strings, kinds, strict=True):
        if kind != bp.KEEP:
            current = None
            continue
        heading = len(prev.split()) <= 8 and prev[-1:] not in (",", ";") and not line[:1].islower()
        if current is None or bp.is_bullet(line) or heading or prev[-1:] in ".!?:;\"”’)]":
            current = []
            paragraphs.append(current)
        else:
            current.append((" ", None))
        current.extend(segs)
        prev = line
    return paragraphs


def _title(text: str) -> str | None:
    first = text.split("\n\n", 1)[0].strip()
    return first if first and meta.is_heading(first) else None


def _found_date(strings: list[str], kinds: list[str]) -> str | None:
    dated = [meta.date_line(s) for s, k in zip(strings, kinds, strict=True) if k == bp.DATE]
    modified = [
        meta.date_line(s)
        for s, k in zip(strings, kinds, strict=True)
        if k == bp.CHROME and meta.is_modified_line(s)
    ]
    return next((d for d in dated + modified if d), None)


def _found_author(strings: list[str], kinds: list[str]) -> str | None:
    for line, kind in zip(strings, kinds, strict=True):
        if kind == bp.BYLINE:
            return meta.byline_name(line) or line
    return None


def _clean_html(source: str, known: Collection[str]) -> _Result:
    import trafilatura  # heavy import, only for HTML corpora

    try:
        doc = trafilatura.bare_extraction(
            source, include_comments=False, favor_precision=True, with_metadata=True
        )
    except Exception:  # noqa: BLE001 - a page trafilatura cannot parse yields no text, not a crash
        doc = None
    extracted = getattr(doc, "text", None) or ""
    view, view_at, source_at = bp.html_view(source)
    builder, cursor = _Builder(), 0
    for n, para in enumerate(p.strip() for p in extracted.split("\n") if p.strip()):
        key = " ".join(para.split())[:40]
        found = view.find(key, cursor)
        found = view.find(key) if found < 0 else found
        offset = 0
        if found >= 0:
            cursor = found + len(key)
            i = bisect.bisect_right(view_at, found) - 1
            offset = min(source_at[i] + found - view_at[i], len(source) - 1)
        if n:
            builder.insert("\n\n")
        builder.copy_repaired(para, offset, known)
    text = builder.text()
    date = getattr(doc, "date", None)
    published = meta.parse_date(date[:10]) if isinstance(date, str) else None
    return _Result(
        text, builder.offsets, [],
        title=getattr(doc, "title", None) or _title(text), author=getattr(doc, "author", None),
        published=published, url=getattr(doc, "url", None), reference=published or meta.latest_year(text),
    )


def load_document(
    path: Path, root: Path, *, known_names: Iterable[str] = (), max_chars: int | None = None,
    warn: Callable[[str], None] | None = None,
) -> Document:
    """Read one article file into a Document; raise GeneratorError if it is empty, binary or undecodable.

    A text longer than `max_chars` (load_corpus passes MAX_DOCUMENT_CHARS) is cut at a paragraph
    boundary, and `warn` is told so."""
    path, root = Path(path), Path(root)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GeneratorError(f"cannot read file: {exc.strerror or exc}", path) from exc
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = path.name
    if not data.strip():
        raise GeneratorError("empty file", path, hint="remove it or add the article text")
    source = decode_bytes(data, path)
    if not source.strip():
        raise GeneratorError("empty file", path, hint="remove it or add the article text")
    if max_chars is not None and len(source) > max_chars:
        source = truncate_text(source, max_chars)
        if warn is not None:
            warn(f"{rel}: truncated to its first {len(source):,} characters: documents are read up to "
                 f"{max_chars:,} characters (split the file to keep the rest)")
    known = known_names if isinstance(known_names, (set, frozenset)) else frozenset(known_names)
    if SUFFIXES.get(path.suffix.lower()) == "html":
        result = _clean_html(source, known)
    else:
        result = _clean_text(source, SUFFIXES.get(path.suffix.lower(), "text"), known)
    if not result.text.strip():
        raise GeneratorError("no article text left after removing boilerplate", path)
    return Document(
        id=slugify(rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel), path=rel,
        title=result.title, author=result.author, published=result.published, reference_date=result.reference,
        url=result.url, source_text=source, text=result.text, offsets=result.offsets,
        boilerplate_removed=result.boilerplate, sha256=hashlib.sha256(data).hexdigest(),
    )


def _corpus_files(folder: Path) -> list[Path]:
    files = [
        p for p in folder.rglob("*")
        if p.suffix.lower() in SUFFIXES and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def load_corpus(
    folder: Path,
    *,
    known_names: Iterable[str] = (),
    strict: bool = False,
    warn: Callable[[str], None] = print,
) -> list[Document]:
    """Load every .txt/.md/.html article below folder, sorted by path, with unique ids.

    Bad files are skipped with a warning (or raise GeneratorError when strict); a text seen before is
    skipped with a warning naming both files.
    """
    folder = Path(folder)
    if not folder.is_dir():
        hint = "create it and put .txt, .md or .html articles in it"
        raise GeneratorError("corpus folder not found", folder, hint=hint)
    known = frozenset(known_names)
    docs: list[Document] = []
    ids: set[str] = set()
    seen: dict[str, str] = {}
    for path in _corpus_files(folder):
        rel = path.relative_to(folder).as_posix()
        try:
            doc = load_document(path, folder, known_names=known, max_chars=MAX_DOCUMENT_CHARS, warn=warn)
        except GeneratorError as exc:
            if strict:
                raise
            warn(f"{rel}: skipped: {exc.message}")
            continue
        key = hashlib.sha256(" ".join(doc.text.split()).encode("utf-8", "surrogatepass")).hexdigest()
        if key in seen:
            warn(f"{rel}: skipped: same text as {seen[key]}")
            continue
        seen[key] = rel
        doc.id = _unique(doc.id, ids)
        docs.append(doc)
    return docs


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate
