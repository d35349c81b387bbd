"""Ingest: reads corpus files into Documents (metadata, cleaned text, offset map, boilerplate)."""

from __future__ import annotations

import bisect
import errno
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import TUNING
from generator.errors import GeneratorError
from generator.ingest import boilerplate as bp
from generator.ingest import metadata as meta
from generator.ingest.decode import decode_bytes

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
# The most decoded characters of one document that are read (about 250 printed pages). Beyond it the
# build time and the size of the document's source page grow without bound, so the rest is dropped at
# a paragraph boundary with a warning naming the file.
MAX_DOCUMENT_CHARS = TUNING.max_document_chars
# The longest document id: pages are written as sources/<id>/index.md, and a file system refuses a
# name of more than 255 bytes. A longer slug is cut and ends in "-" + 8 hex digits of a hash of the
# whole relative path, so two long names that share their first 71 characters still differ.
MAX_ID_CHARS = TUNING.max_id_chars


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
    path: str  # relative to the corpus folder, with forward slashes; printable (see printable_name)
    title: str | None
    author: str | None
    published: str | None  # ISO date YYYY, YYYY-MM or YYYY-MM-DD
    reference_date: str | None
    url: str | None
    source_text: str  # the decoded original file; for HTML, the extracted text (what facts quote)
    text: str  # cleaned text: kept paragraphs joined by "\n\n", dropped apostrophes repaired
    offsets: OffsetMap
    boilerplate_removed: list[str]
    sha256: str  # of the source bytes
    outlet: str | None = None  # the publication: front matter, header lines, a masthead line, HTML site name


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


def _doc_id(rel: str) -> str:
    """The id of the file at relative path `rel`: its slug; with a hash suffix if the name is not valid
    UTF-8 (it holds surrogate escapes) or the slug is longer than MAX_ID_CHARS."""
    base = rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel
    slug = slugify(base)
    if len(slug) <= MAX_ID_CHARS and not _SURROGATE.search(rel):
        return slug
    digest = hashlib.sha1(rel.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()
    return f"{slug[: MAX_ID_CHARS - 9].rstrip('-._')}-{digest[:8]}"


_SURROGATE = re.compile("[\ud800-\udfff]")


def printable_name(name: str) -> str:
    """A file name as it can be shown and stored as UTF-8 text: bytes that are not UTF-8 (surrogate
    escapes) become \\xNN, and control, format (bidi, zero-width) and separator characters become
    \\xNN or \\uNNNN escapes. Any other name is returned unchanged."""
    out = []
    for char in name:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000
                       else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)


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
    outlet: str | None = None
    reference: str | None = None
    source: str | None = None  # the text offsets point into, when it is not the decoded file


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
    published = info.get("published") or token_date or _found_date(strings, kinds, text)
    return _Result(
        text, builder.offsets, dropped,
        title=info.get("title") or _title(text),
        author=info.get("author") or _found_author(strings, kinds),
        published=published, url=info.get("url"), outlet=info.get("outlet") or meta.masthead(raw[skip:])
        or meta.credited_outlet(dropped),
        reference=meta.reference_date(published, info.get("url"), text, dropped),
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
    return meta.text_title(text)


def _found_date(strings: list[str], kinds: list[str], text: str) -> str | None:
    """The date of the page's first date line (else of its "Updated" line), unless it is the site's clock:
    a line more than a year after every year the text itself writes is when the page was stored, not
    written ("Sunday, September 8, 2024" above a report of August 2020)."""
    dated = [meta.date_line(s) for s, k in zip(strings, kinds, strict=True) if k == bp.DATE]
    modified = [
        meta.date_line(s)
        for s, k in zip(strings, kinds, strict=True)
        if k == bp.CHROME and meta.is_modified_line(s)
    ]
    found = next((d for d in dated + modified if d), None)
    if found is None:
        return None
    # the first year of the text that is no more than a year before the line's keeps it (most texts write
    # their own year early, so the scan stops there); a text that writes no year keeps it too
    least, written = int(found[:4]) - 1, False
    for m in _YEAR.finditer(text):
        if m.start() and text[m.start() - 1].isdecimal():
            continue
        if int(m.group()) >= least:
            return found
        written = True
    return None if written else found


# a year from 1800 to 2099 not inside a longer number (the digit before it is checked on the match: a
# pattern that opens with a literal lets the regex engine skip ahead)
_YEAR = re.compile(r"(?:1[89]|20)\d\d(?!\d)")


def _found_author(strings: list[str], kinds: list[str]) -> str | None:
    for line, kind in zip(strings, kinds, strict=True):
        if kind == bp.BYLINE:
            return meta.byline_name(line) or line
    return None


def _clean_html(source: str, known: Collection[str]) -> _Result:
    """The article text trafilatura extracts from a page. The extracted text (entities decoded, tags
    gone) also becomes the document's source text, with an identity offset map: facts and the source
    page quote what the page shows, never its markup."""
    import trafilatura  # heavy import, only for HTML corpora

    try:
        doc = trafilatura.bare_extraction(
            source, include_comments=False, favor_precision=True, with_metadata=True
        )
    except Exception:  # noqa: BLE001 - a page trafilatura cannot parse yields no text, not a crash
        doc = None
    extracted = getattr(doc, "text", None) or ""
    paragraphs = [p.strip() for p in extracted.split("\n") if p.strip()]
    text = "\n\n".join(_repaired(p, known) for p in paragraphs)
    date = getattr(doc, "date", None)
    published = meta.parse_date(date[:10]) if isinstance(date, str) else None
    return _Result(
        text, OffsetMap(), [],
        title=getattr(doc, "title", None) or _title(text), author=getattr(doc, "author", None),
        published=published, url=getattr(doc, "url", None), outlet=getattr(doc, "sitename", None),
        reference=meta.reference_date(published, getattr(doc, "url", None), text, []),
        source=text,
    )


def _repaired(text: str, known: Collection[str]) -> str:
    """text with its dropped apostrophes put back ("Italys" -> "Italy's")."""
    points = bp.repair_points(text, known)
    return "'".join(text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True))


# --- reading files ------------------------------------------------------------------------------

_NOT_REGULAR = "only regular files are read"


def _kind_problem(mode: int) -> str | None:
    """Why a file of this type (st_mode) is not read as an article; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a file (the articles inside it are read; rename it to end this warning)"
    if stat.S_ISFIFO(mode):
        return f"a named pipe (FIFO), not a regular file ({_NOT_REGULAR})"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return f"a device, not a regular file ({_NOT_REGULAR})"
    if stat.S_ISSOCK(mode):
        return f"a socket, not a regular file ({_NOT_REGULAR})"
    return f"not a regular file ({_NOT_REGULAR})"


def _read_regular(path: str | Path, where: str, *, follow: bool = True) -> bytes:
    """The bytes of a regular file. Opened without blocking (a FIFO cannot hang the build), without
    becoming a controlling terminal, and, unless `follow`, refusing a symbolic link; what was opened is
    checked with fstat before a byte is read."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        reason = "a symbolic link appeared in its place" if exc.errno == errno.ELOOP and not follow else None
        raise GeneratorError(f"cannot read file: {reason or exc.strerror or exc}", where) from exc
    with open(fd, "rb", closefd=True) as handle:
        problem = _kind_problem(os.fstat(fd).st_mode)
        if problem is not None:
            raise GeneratorError(problem, where)
        try:
            return handle.read()
        except OSError as exc:
            raise GeneratorError(f"cannot read file: {exc.strerror or exc}", where) from exc


def load_document(
    path: Path, root: Path, *, known_names: Iterable[str] = (), max_chars: int | None = None,
    warn: Callable[[str], None] | None = None,
) -> Document:
    """Read one article file into a Document; raise GeneratorError if it is not a regular file, empty,
    binary or undecodable, or if its front matter is refused.

    A text longer than `max_chars` (read_documents passes MAX_DOCUMENT_CHARS) is cut at a paragraph
    boundary, and `warn` is told so, as it is of a file name that is not printable UTF-8 and of metadata
    that was cut."""
    path, root = Path(path), Path(root)
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = path.name
    data = _read_regular(path, printable_name(str(path)))
    return _document(data, path.suffix, rel, printable_name(str(path)), known_names, max_chars, warn)


def _document(
    data: bytes, suffix: str, rel: str, where: str, known_names: Iterable[str], max_chars: int | None,
    warn: Callable[[str], None] | None,
) -> Document:
    """A Document of the bytes of the file at relative path `rel`; `where` names it in errors."""
    shown = printable_name(rel)
    if not data.strip():
        raise GeneratorError("empty file", where, hint="remove it or add the article text")
    source = decode_bytes(data, where)
    if not source.strip():
        raise GeneratorError("empty file", where, hint="remove it or add the article text")
    if max_chars is not None and len(source) > max_chars:
        source = truncate_text(source, max_chars)
        if warn is not None:
            warn(f"{shown}: truncated to its first {len(source):,} characters: documents are read up to "
                 f"{max_chars:,} characters (split the file to keep the rest)")
    known = known_names if isinstance(known_names, (set, frozenset)) else frozenset(known_names)
    try:
        if SUFFIXES.get(suffix.lower()) == "html":
            result = _clean_html(source, known)
        else:
            result = _clean_text(source, SUFFIXES.get(suffix.lower(), "text"), known)
    except GeneratorError as exc:  # refused front matter: the metadata module knows the line, not the file
        if exc.path is not None:
            raise
        raise GeneratorError(exc.message, where, line=exc.line, hint=exc.hint) from exc
    if not result.text.strip():
        raise GeneratorError("no article text left after removing boilerplate", where)
    if warn is not None and shown != rel:
        problem = "is not valid UTF-8" if _SURROGATE.search(rel) else "holds control or invisible characters"
        warn(f"{shown}: file name {problem} (it is shown with \\x escapes; rename the file)")
    fields = {}
    for name, value in (("title", result.title), ("author", result.author), ("outlet", result.outlet),
                        ("url", result.url)):
        fields[name], cut = meta.bounded(name, meta.clean_field(value))
        if cut and warn is not None:
            limit = meta.LIMITS[name]
            warn(f"{shown}: {name} " + (f"dropped: it is longer than {limit:,} characters" if name == "url"
                                       else f"cut to {limit:,} characters"))
    return Document(
        id=_doc_id(rel), path=shown,
        title=fields["title"], author=fields["author"], published=meta.clean_field(result.published),
        reference_date=meta.clean_field(result.reference), url=fields["url"],
        source_text=source if result.source is None else result.source, text=result.text,
        offsets=result.offsets, boilerplate_removed=result.boilerplate,
        sha256=hashlib.sha256(data).hexdigest(), outlet=fields["outlet"],
    )


# --- walking the corpus -------------------------------------------------------------------------


@dataclass
class _Entry:
    rel: str  # relative to the corpus folder, with forward slashes (surrogate escapes kept)
    path: Path  # what to open: the file itself, or the real path a symbolic link leads to
    problem: str | None = None  # why it is skipped


def default_root(folder: Path) -> Path:
    """The folder symbolic links in a corpus may lead into: content/ for the usual content/sources,
    else the corpus folder itself."""
    return folder.parent if folder.name == "sources" else folder


def _inside(real: str, allowed: Iterable[str]) -> bool:
    return any(os.path.commonpath([real, top]) == top for top in allowed)


def _link(path: Path, is_article: bool, allowed: list[str], label: str) -> tuple[Path | None, str | None]:
    """(real path to read, problem) of a symbolic link; (None, None) for a link that is not an article."""
    try:
        target = os.stat(path)
    except OSError as exc:
        if not is_article:
            return None, None
        if exc.errno == errno.ELOOP:
            return None, "symbolic link loops (remove it or point it at a file)"
        return None, "symbolic link leads nowhere (remove it or point it at a file)"
    real = os.path.realpath(path)
    outside = not _inside(real, allowed)
    if stat.S_ISDIR(target.st_mode):
        if outside:
            return None, f"symbolic link leads outside {label} (remove it or copy the folder in)"
        return None, "symbolic link to a folder, which is not followed (link or copy the files instead)"
    if not is_article:
        return None, None
    if outside:
        return None, f"symbolic link leads outside {label} (remove it or copy the file in)"
    return Path(real), _kind_problem(target.st_mode)


def _corpus_entries(folder: Path, root: Path) -> list[_Entry]:
    """Every article file below folder, and every entry skipped with a reason, sorted by relative path.

    Only regular files are read, and symbolic links only when they lead to a regular file inside root
    (or the corpus folder). Links to folders are never followed; hidden files and folders are ignored."""
    allowed = [os.path.realpath(root), os.path.realpath(folder)]
    root_name = Path(allowed[0]).name
    label = f"{root_name}/" if root_name else allowed[0]
    entries: list[_Entry] = []

    def unreadable(exc: OSError) -> None:
        try:
            rel = Path(exc.filename).relative_to(folder).as_posix()
        except (TypeError, ValueError):
            rel = "."
        problem = f"cannot read folder: {exc.strerror}"
        entries.append(_Entry(rel, Path(exc.filename or folder), problem=problem))

    for top, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in sorted([*dirs, *files]):
            if name.startswith("."):
                continue
            path = Path(top, name)
            is_article = Path(name).suffix.lower() in SUFFIXES
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                continue  # gone since the folder was listed
            entry = _Entry(path.relative_to(folder).as_posix(), path)
            if stat.S_ISLNK(mode):
                real, entry.problem = _link(path, is_article, allowed, label)
                if real is None and entry.problem is None:
                    continue
                entry.path = real or path
            elif not is_article:
                continue
            else:
                entry.problem = _kind_problem(mode)
            entries.append(entry)
    return sorted(entries, key=lambda e: e.rel)


def read_documents(
    folder: Path,
    *,
    known_names: Iterable[str] = (),
    strict: bool = False,
    warn: Callable[[str], None] = print,
    root: Path | None = None,
) -> list[Document]:
    """Read every .txt/.md/.html article below folder into Documents, sorted by path, with unique ids.

    Bad files are skipped with a warning (or raise GeneratorError when strict): files that are not
    regular files (folders, FIFOs, devices, sockets), symbolic links that lead nowhere, loop, or lead
    outside `root` (default: default_root(folder)), and files that cannot be read. A text seen before
    is skipped with a warning naming both files. Any other exception while reading one document (a bug)
    skips that document the same way, naming the file and the exception, and the others go on.
    """
    folder = Path(folder)
    if not folder.is_dir():
        hint = "create it and put .txt, .md or .html articles in it"
        raise GeneratorError("corpus folder not found", folder, hint=hint)
    known = frozenset(known_names)
    docs: list[Document] = []
    ids: set[str] = set()
    seen: dict[str, str] = {}
    for entry in _corpus_entries(folder, default_root(folder) if root is None else Path(root)):
        shown = printable_name(entry.rel)
        where = printable_name(str(folder / entry.rel))
        try:
            doc = _entry_document(entry, where, known, warn)
        except GeneratorError as exc:
            if strict:
                raise
            warn(f"{shown}{f':{exc.line}' if exc.line else ''}: skipped: {exc.message}")
            continue
        key = hashlib.sha256(" ".join(doc.text.split()).encode("utf-8", "surrogatepass")).hexdigest()
        if key in seen:
            warn(f"{shown}: skipped: same text as {seen[key]}")
            continue
        seen[key] = shown
        doc.id = _unique(doc.id, ids)
        docs.append(doc)
    return docs


def _entry_document(entry: _Entry, where: str, known: frozenset[str],
                    warn: Callable[[str], None]) -> Document:
    """The Document of one corpus entry. A file that cannot be read raises GeneratorError; so does any
    unexpected exception (Pelican's policy: one document that breaks ingest is reported and skipped)."""
    try:
        if entry.problem is not None:
            raise GeneratorError(entry.problem, where)
        data = _read_regular(entry.path, where, follow=False)
        return _document(data, Path(entry.rel).suffix, entry.rel, where, known, MAX_DOCUMENT_CHARS, warn)
    except GeneratorError:
        raise
    except Exception as exc:  # noqa: BLE001 -- a bug in briefs: name the file, keep the other documents
        said = " ".join(str(exc).split())
        raise GeneratorError(f"could not be read: {type(exc).__name__}: {said} (please report this)",
                             where) from exc


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate, n = base[: MAX_ID_CHARS - len(suffix)].rstrip("-._") + suffix, n + 1
    taken.add(candidate)
    return candidate
