"""Ingest under attack (issue 10): only regular files inside content/, bounded front matter, clean
metadata, hostile file names, and HTML articles whose facts quote text, not markup."""

from __future__ import annotations

import json
import os
import re
import socket
import stat
import time
import unicodedata
from pathlib import Path

import pytest

from generator.errors import GeneratorError
from generator.ingest import metadata as meta
from generator.ingest import reader as ingest
from generator.ingest.reader import load_document, read_documents
from generator.pages.escape import inside, is_slug
from tests.test_errors import make_project

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Italy and France signed a trade agreement in Rome on 3 May 2021, officials said.\n"
OUTSIDE = "(remove it or copy the file in)"
NOT_REGULAR = "not a regular file (only regular files are read)"


def corpus(tmp_path: Path) -> Path:
    """content/sources with one good article, plus an article outside content/."""
    sources = tmp_path / "content" / "sources"
    sources.mkdir(parents=True)
    (sources / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("The secret plan of Italy and Spain was signed in Madrid.\n")
    return sources


def collect(folder: Path, **kwargs: object) -> tuple[list[str], list[str]]:
    """(paths of the loaded documents, warnings) of read_documents(folder)."""
    warnings: list[str] = []
    docs = read_documents(folder, warn=warnings.append, **kwargs)  # type: ignore[arg-type]
    return [d.path for d in docs], warnings


# --- 1. only regular files inside the content folder ----------------------------------------------

def test_only_regular_files_inside_content_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = corpus(tmp_path)
    (tmp_path / "content" / "archive").mkdir()
    (tmp_path / "content" / "archive" / "kept.txt").write_text("Italy and Malta met in Valletta on 2 May.\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "o.txt").write_text("Italy and Greece met in Athens on 2 May 2021.\n")
    (sources / "passwd.txt").symlink_to("/etc/passwd")
    (sources / "secret.txt").symlink_to(tmp_path / "secret.txt")
    (sources / "relative.txt").symlink_to("../../secret.txt")
    (sources / "archive.txt").symlink_to("../archive/kept.txt")  # inside content/: read
    (sources / "alias.txt").symlink_to("good.txt")  # inside the corpus: read (then a duplicate)
    (sources / "outdir").symlink_to(tmp_path / "outside", target_is_directory=True)
    (sources / "indir").symlink_to(tmp_path / "content" / "archive", target_is_directory=True)
    (sources / "dangling.txt").symlink_to("nowhere.txt")
    (sources / "loop.txt").symlink_to("loop.txt")
    (sources / "x.txt").mkdir()
    (sources / "x.txt" / "in.txt").write_text("Italy and Japan met in Tokyo on 2 May 2021.\n")
    os.mkfifo(sources / "fifo.txt")
    (sources / "fifo-link.md").symlink_to("fifo.txt")
    (sources / "zero.txt").symlink_to("/dev/zero")
    monkeypatch.chdir(sources)  # a socket path must be short
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("sock.html")
        paths, warnings = collect(sources)
    assert paths == ["alias.txt", "archive.txt", "x.txt/in.txt"]
    assert warnings == [
        "dangling.txt: skipped: symbolic link leads nowhere (remove it or point it at a file)",
        f"fifo-link.md: skipped: a named pipe (FIFO), {NOT_REGULAR}",
        f"fifo.txt: skipped: a named pipe (FIFO), {NOT_REGULAR}",
        "good.txt: skipped: same text as alias.txt",
        "indir: skipped: symbolic link to a folder, which is not followed (link or copy the files instead)",
        "loop.txt: skipped: symbolic link loops (remove it or point it at a file)",
        "outdir: skipped: symbolic link leads outside content/ (remove it or copy the folder in)",
        f"passwd.txt: skipped: symbolic link leads outside content/ {OUTSIDE}",
        f"relative.txt: skipped: symbolic link leads outside content/ {OUTSIDE}",
        f"secret.txt: skipped: symbolic link leads outside content/ {OUTSIDE}",
        f"sock.html: skipped: a socket, {NOT_REGULAR}",
        "x.txt: skipped: a folder, not a file "
        "(the articles inside it are read; rename it to end this warning)",
        f"zero.txt: skipped: symbolic link leads outside content/ {OUTSIDE}",
    ]


def test_a_device_file_is_never_opened(tmp_path: Path) -> None:
    sources = corpus(tmp_path)
    try:
        os.mknod(sources / "zero.txt", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot create a device node here: {exc}")
    assert collect(sources) == (["good.txt"], [f"zero.txt: skipped: a device, {NOT_REGULAR}"])
    with pytest.raises(GeneratorError, match="a device, not a regular file"):
        load_document(sources / "zero.txt", sources)


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.symlink_to("/etc/passwd"), f"symbolic link leads outside content/ {OUTSIDE}"),
    (lambda p: os.mkfifo(p), f"a named pipe (FIFO), {NOT_REGULAR}"),
    (lambda p: p.symlink_to("missing.txt"), "symbolic link leads nowhere"),
    (lambda p: p.symlink_to(p.name), "symbolic link loops"),
    (lambda p: p.mkdir(), "a folder, not a file"),
])
def test_strict_mode_refuses_what_is_not_a_regular_file_inside(tmp_path: Path, make, message: str) -> None:
    sources = corpus(tmp_path)
    make(sources / "bad.txt")
    with pytest.raises(GeneratorError) as info:
        read_documents(sources, strict=True, warn=pytest.fail)
    assert str(info.value).startswith(f"{sources / 'bad.txt'}: {message}")


def test_root_decides_where_links_may_lead(tmp_path: Path) -> None:
    sources = corpus(tmp_path)
    (sources / "secret.txt").symlink_to(tmp_path / "secret.txt")
    assert collect(sources, root=tmp_path)[0] == ["good.txt", "secret.txt"]
    paths, warnings = collect(sources, root=sources)  # links may not leave sources/ either
    assert paths == ["good.txt"]
    assert warnings == [f"secret.txt: skipped: symbolic link leads outside sources/ {OUTSIDE}"]
    plain = tmp_path / "articles"  # a corpus folder not named sources: links stay inside it
    plain.mkdir()
    (plain / "a.txt").symlink_to(tmp_path / "secret.txt")
    assert collect(plain)[1] == [f"a.txt: skipped: symbolic link leads outside articles/ {OUTSIDE}"]


def test_load_document_never_blocks_on_a_fifo_and_refuses_a_swapped_link(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "f.txt")
    with pytest.raises(GeneratorError, match=r"a named pipe \(FIFO\), not a regular file"):
        load_document(tmp_path / "f.txt", tmp_path)
    (tmp_path / "l.txt").symlink_to("/etc/passwd")  # a link that appears after the folder was checked
    with pytest.raises(GeneratorError, match="a symbolic link appeared in its place"):
        ingest._read_regular(tmp_path / "l.txt", "l.txt", follow=False)


# --- 2. bounded front matter -------------------------------------------------------------------

def alias_bomb() -> str:
    """424 bytes of YAML that expand to 9**9 strings: "billion laughs"."""
    levels = "abcdefghi"
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]" for p, c in zip(levels, levels[1:], strict=False)
              ]
    return "\n".join(lines) + "\ntitle: *i"


def test_yaml_alias_bomb_is_refused_fast(tmp_path: Path) -> None:
    text = f"---\n{alias_bomb()}\n---\n\n{ARTICLE}"
    assert len(text.encode()) < 520
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    paths, warnings = collect(tmp_path)
    assert time.perf_counter() - started < 5  # generous: before the fix it ran 10 minutes to a MemoryError
    assert paths == []
    assert warnings == ["a.md:2: skipped: front matter uses a YAML anchor "
                        "(anchors, aliases and tags are not allowed in article front matter)"]
    with pytest.raises(GeneratorError) as info:
        read_documents(tmp_path, strict=True)
    assert str(info.value).startswith(f"{tmp_path / 'a.md'}:2: front matter uses a YAML anchor")


NOT_ALLOWED = "(anchors, aliases and tags are not allowed in article front matter)"


@pytest.mark.parametrize(("front", "warning"), [
    ("author: Bo\ntitle: *x", f"a.md:3: skipped: front matter uses a YAML alias {NOT_ALLOWED}"),
    ("title: &x Rome", f"a.md:2: skipped: front matter uses a YAML anchor {NOT_ALLOWED}"),
    ('title: !!python/object/apply:os.system ["echo hi"]',
     f"a.md:2: skipped: front matter uses the YAML tag !!python/object/apply:os.system {NOT_ALLOWED}"),
    ("title: !!python/name:os.system", f"a.md:2: skipped: front matter uses the YAML tag "
                                       f"!!python/name:os.system {NOT_ALLOWED}"),
    ("title: !!binary aGVsbG8=", f"a.md:2: skipped: front matter uses the YAML tag !!binary {NOT_ALLOWED}"),
    ("x: 1\ntitle: !!str Rome", f"a.md:3: skipped: front matter uses the YAML tag !!str {NOT_ALLOWED}"),
    ("title: ! Rome", f"a.md:2: skipped: front matter uses the YAML tag ! {NOT_ALLOWED}"),
    ("title: " + "[" * 3000 + "]" * 3000,
     "a.md:2: skipped: front matter is nested more than 16 levels deep (use plain keys and values)"),
    ("title: Rome\nnotes: " + "x" * 70_000, "a.md:1: skipped: front matter is longer than 65,536 characters "
                                            "(only title, author, date and url are read: shorten it)"),
])
def test_front_matter_refusals_name_file_and_line(tmp_path: Path, front: str, warning: str) -> None:
    (tmp_path / "a.md").write_text(f"---\n{front}\n---\n\n{ARTICLE}", encoding="utf-8")
    assert collect(tmp_path) == ([], [warning])


def test_front_matter_that_is_not_refused_still_works(tmp_path: Path) -> None:
    front = "title: Rome\ntags: [a, {b: c}]\ndate: 2021-05-03"
    (tmp_path / "a.md").write_text(f"---\n{front}\n---\n\n{ARTICLE}")
    (tmp_path / "b.md").write_text(f"---\ntitle: {'1' * 5000}\n---\n\nItaly and Spain met in Madrid.\n")
    docs = {d.path: d for d in read_documents(tmp_path, warn=pytest.fail)}
    assert (docs["a.md"].title, docs["a.md"].published) == ("Rome", "2021-05-03")
    assert docs["b.md"].title is None  # a 5,000-digit integer is not front matter, and no crash


def test_metadata_values_are_bounded(tmp_path: Path) -> None:
    long_title = " ".join(["Rome"] * 400)
    (tmp_path / "a.md").write_text(
        f"---\ntitle: {long_title}\nauthor: {'B' * 500}\nurl: https://x.org/{'u' * 2100}\n---\n\n{ARTICLE}")
    warnings: list[str] = []
    [doc] = read_documents(tmp_path, warn=warnings.append)
    assert doc.title and len(doc.title) <= meta.MAX_TITLE_CHARS and doc.title.endswith("Rome…")
    assert doc.author == "B" * (meta.MAX_AUTHOR_CHARS - 1) + "…"
    assert doc.url is None
    assert warnings == ["a.md: title cut to 300 characters", "a.md: author cut to 300 characters",
                        "a.md: url dropped: it is longer than 2,000 characters"]


# --- 3. control characters in metadata ---------------------------------------------------------

SPACE = ["\x01", "\x07", "\x1b", "\x1f", "\t", "\x7f", "\x80", "\x85", "\x9b", "\x9f", "\u2028", "\u2029"]
GONE = ["\ufeff", "\u200b", "\u200e", "\u202e", "\u2066", "\u00ad", "\U000e0041"]
BAD_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def clean(value: str | None) -> bool:
    return value is not None and value == value.strip() and not any(
        unicodedata.category(c) in BAD_CATEGORIES for c in value)


@pytest.mark.parametrize("char", SPACE + GONE, ids=lambda c: f"U+{ord(c):04X}")
def test_control_characters_leave_header_metadata(tmp_path: Path, char: str) -> None:
    text = (f"Title: Rome{char}Talks\nAuthor: Ada{char}Rossi\nURL: https://x.org/a{char}b\n"
            f"Published: 3 May 2021{char}\n\n{ARTICLE}")
    doc = load_document(ingest_file(tmp_path, "h.txt", text), tmp_path)
    glue = " " if char in SPACE else ""
    assert (doc.title, doc.author, doc.url, doc.published) == (
        f"Rome{glue}Talks", f"Ada{glue}Rossi", f"https://x.org/a{glue}b", "2021-05-03")


@pytest.mark.parametrize("char", [*SPACE, "\n", "\r", "\x00", "\ud800", "\udfff", *GONE],
                         ids=lambda c: f"U+{ord(c):04X}")
def test_control_characters_leave_front_matter_metadata(tmp_path: Path, char: str) -> None:
    escaped = json.dumps(char)[1:-1]  # a YAML double-quoted escape ("\u0007", "\ud800", ...)
    text = (f'---\ntitle: "Rome{escaped}Talks"\nauthor: "Ada{escaped}Rossi"\n'
            f'url: "https://x.org/a{escaped}b"\n---\n\n{ARTICLE}')
    doc = load_document(ingest_file(tmp_path, "f.md", text), tmp_path)
    glue = "" if char in GONE or unicodedata.category(char) == "Cs" else " "
    assert (doc.title, doc.author, doc.url) == (f"Rome{glue}Talks", f"Ada{glue}Rossi", f"https://x.org/a{glue}b")
    assert all(clean(v) for v in (doc.title, doc.author, doc.url))
    json.dumps([doc.title, doc.author, doc.url]).encode("utf-8")  # no lone surrogate is left to encode


def test_title_with_a_javascript_link_stays_plain_clean_text(tmp_path: Path) -> None:
    text = f"Title: Read the report [here](javascript:alert(document.domain))\x7f\n\n{ARTICLE}"
    doc = load_document(ingest_file(tmp_path, "j.txt", text), tmp_path)
    assert doc.title == "Read the report [here](javascript:alert(document.domain))"


def test_html_metadata_is_cleaned_too(tmp_path: Path) -> None:
    for n, char in enumerate(SPACE + GONE):
        page = (f'<html><head><meta property="og:title" content="Rome{char}Talks"><meta name="author" '
                f'content="Ada{char}Rossi"><meta property="og:url" content="https://x.org/a{char}b"></head>'
                f"<body><article><p>{ARTICLE * 3}</p></article></body></html>")
        doc = load_document(ingest_file(tmp_path, f"p{n}.html", page), tmp_path)
        assert doc.title in ("Rome Talks", "RomeTalks"), repr(char)
        assert all(clean(v) for v in (doc.title, doc.author, doc.url) if v is not None), repr(char)


def test_zero_width_joiners_are_kept_only_inside_words() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ inside a word
    assert meta.clean_field(persian) == persian
    assert meta.clean_field("\U0001f469\u200d\U0001f4bb dev") == "\U0001f469\u200d\U0001f4bb dev"
    assert meta.clean_field("\u200dRome \u200c Talks\u200d") == "Rome Talks"
    assert meta.clean_field(" \x00\u2028\ufeff ") is None


def ingest_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


# --- 4. hostile file names ---------------------------------------------------------------------

def write_bytes_name(folder: Path, name: bytes, text: str) -> None:
    fd = os.open(os.path.join(os.fsencode(folder), name), os.O_WRONLY | os.O_CREAT, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(text.encode("utf-8"))


def test_file_name_that_is_not_utf8_gets_a_safe_id_and_printable_path(tmp_path: Path) -> None:
    write_bytes_name(tmp_path, b"bad\xff\xfename.txt", ARTICLE)
    write_bytes_name(tmp_path, b"bad\xfe\xffname.txt", "Italy and Spain met in Madrid on 4 May 2021.\n")
    (tmp_path / "tab\there.txt").write_text("Italy and Chile met in Santiago on 5 May 2021.\n")
    warnings: list[str] = []
    docs = read_documents(tmp_path, warn=warnings.append)
    assert [d.path for d in docs] == ["bad\\xfe\\xffname.txt", "bad\\xff\\xfename.txt", "tab\\x09here.txt"]
    ids = [d.id for d in docs]
    assert all(re.fullmatch(r"badname-[0-9a-f]{8}", i) for i in ids[:2]) and len(set(ids)) == 3
    assert ids[2] == "tab-here"
    assert sorted(warnings) == [
        "bad\\xfe\\xffname.txt: file name is not valid UTF-8 (it is shown with \\x escapes; rename the file)",
        "bad\\xff\\xfename.txt: file name is not valid UTF-8 (it is shown with \\x escapes; rename the file)",
        "tab\\x09here.txt: file name holds control or invisible characters "
        "(it is shown with \\x escapes; rename the file)",
    ]
    for doc in docs:
        json.dumps(doc.__dict__, default=str).encode("utf-8")


def test_long_nested_names_get_bounded_distinct_ids(tmp_path: Path) -> None:
    folder = tmp_path / ("d" * 96)
    folder.mkdir()
    (folder / ("f" * 212 + ".txt")).write_text(ARTICLE)
    (folder / ("f" * 211 + "g.txt")).write_text("Italy and Spain met in Madrid on 4 May 2021.\n")
    docs = read_documents(tmp_path, warn=pytest.fail)
    ids = [d.id for d in docs]
    assert len(set(ids)) == 2
    for doc_id in ids:
        assert len(doc_id) == ingest.MAX_ID_CHARS and re.fullmatch(r"d{71}-[0-9a-f]{8}", doc_id)
        page = inside(tmp_path / "site", f"sources/{doc_id}/index.md")
        page.parent.mkdir(parents=True)
        page.write_text("ok")  # no "File name too long"
    taken = {ids[0]}
    second = ingest._unique(ids[0], taken)
    assert len(second) == ingest.MAX_ID_CHARS and second.endswith("-2") and is_slug(second)


def test_build_with_hostile_names_writes_every_page(tmp_path: Path) -> None:
    from generator.builder import Paths, generate

    project = make_project(tmp_path, sources=[])
    sources = project / "content" / "sources"
    write_bytes_name(sources, b"bad\xff\xfename.txt", ARTICLE)
    (sources / ("d" * 96)).mkdir()
    (sources / ("d" * 96) / ("f" * 212 + ".txt")).write_text("Italy and Spain met in Madrid on 4 May 2021.\n")
    paths = Paths(content=project / "content", templates=project / "templates", site=project / "site",
                  config=project / "mkdocs.yml", generated=project / "generated", cache=project / "c.sqlite")
    result = generate(paths)
    assert result.warnings == [
        "bad\\xff\\xfename.txt: file name is not valid UTF-8 (it is shown with \\x escapes; rename the file)"]
    for doc in result.facts.documents:
        assert (project / "generated" / "sources" / doc.id / "index.md").is_file()


# --- 5. HTML articles: facts quote the text, not the markup -----------------------------------------

def test_html_facts_hold_no_markup_and_unescaped_entities(tmp_path: Path) -> None:
    from generator.content import load_content
    from generator.facts.extract import extract_documents

    page = (
        "<html><head><title>Italy and China</title></head><body><article><h1>Italy and China talk</h1>"
        "<p>Italy and <em>China</em> signed a memorandum in Rome on 23 March 2019, and the "
        '<a href="https://x">foreign ministry</a> said Rome &amp; Beijing would expand trade.</p>'
        "<p>Italy and China also agreed on new port investments in Trieste and Genoa during the same "
        "visit, officials said.</p></article></body></html>"
    )
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    known = load_content(ROOT / "content").known_names()
    docs = read_documents(tmp_path, known_names=known, warn=pytest.fail)
    assert docs[0].source_text == docs[0].text and "<" not in docs[0].source_text
    data = extract_documents(docs, ROOT / "content", cache_path=None)
    texts = [f["text"] for f in data["facts"]]
    assert "Italy and China signed a memorandum in Rome on 23 March 2019, and the foreign ministry said " \
           "Rome & Beijing would expand trade." in texts
    for fact in data["facts"]:
        assert "<" not in fact["text"] and "&amp;" not in fact["text"] and "href" not in fact["text"]
        assert docs[0].source_text[fact["start"]:fact["end"]] == fact["text"]
