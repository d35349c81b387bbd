"""Tests of generator.ingest.reader: decoding, metadata, boilerplate removal, offsets and corpus loading."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.config import TUNING
from generator.errors import GeneratorError
from generator.ingest.reader import Document, decode_bytes, load_document, read_documents, slugify

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "content" / "sources"
GOLD = {
    d["file"]: d for d in yaml.safe_load((ROOT / "tests" / "seeds_dev.yaml").read_text("utf-8"))["documents"]
}
NAMES = {"Italy", "Rome", "Moscow", "Russia", "China", "NATO", "Salvini", "Di Maio", "Europe", "Beijing"}
SAFE_ID = re.compile(r"^[A-Za-z0-9._-]+$")


def check_offsets(doc: Document) -> None:
    """Every character of the cleaned text that was not inserted comes from that source position."""
    inserted = set(doc.offsets.inserted)
    for i, char in enumerate(doc.text):
        if i not in inserted:
            assert doc.source_text[doc.offsets.to_source(i)] == char, (doc.path, i, doc.text[i - 20 : i + 20])


def lead_title(text: str) -> str:
    """The expected title of an untitled article: its lead sentence, cut at a word with an ellipsis."""
    lead = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text, maxsplit=1)[0].rstrip(".")
    if len(lead) <= TUNING.max_lead_title_chars:
        return lead
    return lead[: TUNING.max_lead_title_chars - 1].rsplit(" ", 1)[0] + "…"


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    docs = read_documents(SOURCES, known_names=NAMES, warn=pytest.fail)
    return {d.path: d for d in docs}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_gold_metadata_and_boilerplate(seeds: dict[str, Document], name: str) -> None:
    doc, gold = seeds[name], GOLD[name]
    assert doc.boilerplate_removed == gold["boilerplate"]
    # an article that names no title (gold: null) is titled by its lead sentence, never by its file name
    title = gold["title"] or lead_title(doc.text)
    assert (doc.title, doc.author, doc.published) == (title, gold["author"], gold["published"])
    if name.startswith("003"):
        # 003 names no year at all; the gold 2025 comes from outside knowledge, so nothing can be found
        assert doc.reference_date is None
    else:
        assert doc.reference_date == gold["reference_date"]


def test_seed_000_and_001(seeds: dict[str, Document]) -> None:
    d0 = seeds["000_327d2eb0f82c62eb.txt"]
    assert (d0.id, d0.title, d0.published) == (
        "000_327d2eb0f82c62eb",
        "Italy Torn Between the US and China",
        "2020-05-29",
    )
    assert {"Language : English 简体 繁體", "You might also like", "Back to Top"} <= set(
        d0.boilerplate_removed
    )
    assert d0.text.startswith("Italy Torn Between the US and China\n\nSince last year")
    d1 = seeds["001_56e3bbd846e493a1.txt"]
    assert d1.title == "Italy–China Relations: The Diplomacy of Conscious Pragmatism"
    assert (d1.author, d1.published, d1.reference_date) == ("Emanuele Rossi", None, "2025")
    assert "8b140b8e 15e2 4aa0 a71f 5a3086a4aaf3" in d1.boilerplate_removed
    assert "Image Source: Heute.at, CC BY 4.0" in d1.boilerplate_removed
    assert d1.text.rstrip().endswith("(or multipolarism).")


def test_seed_text_shape_and_offsets(seeds: dict[str, Document]) -> None:
    for doc in seeds.values():
        assert "\n\n\n" not in doc.text and doc.text == doc.text.strip()
        for line in doc.boilerplate_removed:
            assert line not in doc.text.split("\n\n")
        check_offsets(doc)
    assert seeds["004_f92a20b8281f9d8c.txt"].text.startswith("Sources familiar")
    assert "Italy's Deputy Prime Minister" in seeds["002_77d380f8b45ae5f2.txt"].text
    assert "NATO's warning" in seeds["002_77d380f8b45ae5f2.txt"].text


def test_front_matter_and_header_lines(tmp_path: Path) -> None:
    front = (
        "---\ntitle: Rome and Paris\nauthor: Ada Rossi\ndate: 2021-03-04\n"
        "url: https://x.org/a\n---\n\nBody text here.\n"
    )
    doc = load_document(write(tmp_path, "a.md", front), tmp_path)
    assert (doc.title, doc.author, doc.published, doc.url) == (
        "Rome and Paris",
        "Ada Rossi",
        "2021-03-04",
        "https://x.org/a",
    )
    assert doc.text == "Body text here." and doc.boilerplate_removed == []
    header = (
        "Title: A Summit\nAuthor: Bo Li\nPublished: May 3, 2022\nSource: https://y.org\n\nThe summit began.\n"
    )
    doc = load_document(write(tmp_path, "b.txt", header), tmp_path)
    assert (doc.title, doc.author, doc.published, doc.reference_date) == (
        "A Summit",
        "Bo Li",
        "2022-05-03",
        "2022-05-03",
    )
    assert (doc.url, doc.text) == ("https://y.org", "The summit began.")
    # a zero day ("DATE=04/00/2014" in broadcast scripts) keeps the month, never an impossible "2014-00-04"
    for written, iso in (("04/00/2014", "2014-04"), ("00/11/2019", "2019-11"), ("00/00/2019", None)):
        text = f"Published: {written}\n\nThe summit began.\n"
        doc = load_document(write(tmp_path, "z.txt", text), tmp_path)
        assert doc.published == iso
    md = "# The Big Title\n\nSee [the report](https://z.org) for **more** detail.\n"
    doc = load_document(write(tmp_path, "c.md", md), tmp_path)
    assert doc.title == "The Big Title" and doc.text == "The Big Title\n\nSee the report for more detail."
    check_offsets(doc)


def test_unseen_chrome_rules(tmp_path: Path) -> None:
    article = (
        "Skip to main content\nHome > World > Europe\n\nGreece and Turkey Resume Talks\n\n"
        "Published: 12 March 2024 09:15 GMT\nBy Maria Papadopoulou and John Smith\n"
        "Photo: Reuters\n\nGreek and Turkish diplomats met in Athens on Tuesday to resume talks that had "
        "stalled for nearly two years, officials said after the meeting.\n\nKey points\n\n"
        "Both sides agreed to meet again in June, according to a joint statement released by both "
        "ministries.\n\n"
        "Sign up for our daily briefing\n\nShare this article\n\n4f9c2a1e-77b0-4c1e-9d2a-0b1c2d3e4f5a\n\n"
        "Related\n\nThe Road Ahead: Diplomacy in the Aegean - by Nikos Kazantzis\n\n"
        "John Smith is a senior fellow at the Institute for Policy Studies and a former diplomat.\n"
    )
    doc = load_document(write(tmp_path, "gr.txt", article), tmp_path)
    assert doc.title == "Greece and Turkey Resume Talks"
    assert (doc.author, doc.published) == ("Maria Papadopoulou and John Smith", "2024-03-12")
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Greece and Turkey Resume Talks" and paragraphs[2] == "Key points"
    assert paragraphs[1].startswith("Greek and Turkish diplomats") and paragraphs[3].startswith("Both sides")
    assert len(paragraphs) == 4
    assert doc.boilerplate_removed == [
        "Skip to main content",
        "Home > World > Europe",
        "Published: 12 March 2024 09:15 GMT",
        "By Maria Papadopoulou and John Smith",
        "Photo: Reuters",
        "Sign up for our daily briefing",
        "Share this article",
        "4f9c2a1e-77b0-4c1e-9d2a-0b1c2d3e4f5a",
        "Related",
        "The Road Ahead: Diplomacy in the Aegean - by Nikos Kazantzis",
        "John Smith is a senior fellow at the Institute for Policy Studies and a former diplomat.",
    ]


def test_aggregator_furniture(tmp_path: Path) -> None:
    article = (
        "Nigeria: Lagos Hosts Trade Forum\n\nDaily Trust (Abuja)\n\n4 May 2021\n\nBy Ade Musa\n\n"
        "Nigerian and Ghanaian ministers met in Lagos on Tuesday to discuss tariffs on cement.\n\n"
        "Read the original article on Daily Trust.\n\n"
        "Copyright © 2021 Daily Trust. All rights reserved. Distributed by AllAfrica Global Media "
        "(allAfrica.com). To contact the copyright holder directly for corrections, click here.\n"
    )
    doc = load_document(write(tmp_path, "ng.txt", article), tmp_path)
    assert doc.text == ("Nigeria: Lagos Hosts Trade Forum\n\nNigerian and Ghanaian ministers met in Lagos on "
                        "Tuesday to discuss tariffs on cement.")
    assert "Daily Trust (Abuja)" in doc.boilerplate_removed
    assert doc.outlet == "Daily Trust"  # the credits name the outlet: page metadata, not article text
    # a heading with a parenthesis that no date line or byline follows is kept
    doc = load_document(write(tmp_path, "h.txt", "Talks Resume (Again)\n\nThe talks resumed on Monday.\n"),
                        tmp_path)
    assert doc.text.startswith("Talks Resume (Again)")


def test_html_document(tmp_path: Path) -> None:
    body = " ".join(["Italy and Japan signed a defence agreement in Tokyo on Monday, officials said."] * 3)
    page = (
        "<html><head><title>Italy and Japan | Site</title><meta name='author' content='Aiko Tanaka'>"
        "<meta property='article:published_time' content='2023-05-06'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> Subscribe now</nav>"
        f"<article><h1>Italy and Japan sign pact</h1><p>{body}</p><p>Rome &amp; Tokyo will hold joint "
        "exercises next year, the ministry said in a statement issued late on Monday.</p></article>"
        "<footer>Copyright 2023 Example Media. All rights reserved. Back to top</footer></body></html>"
    )
    doc = load_document(write(tmp_path, "p.html", page), tmp_path)
    assert doc.published == "2023-05-06" and doc.author == "Aiko Tanaka"
    assert doc.title and "Italy and Japan" in doc.title
    assert "Rome & Tokyo will hold joint exercises" in doc.text
    assert "Subscribe" not in doc.text and "Copyright" not in doc.text and "World" not in doc.text
    start = doc.text.index("Italy and Japan signed")
    assert doc.source_text[doc.offsets.to_source(start) :].startswith("Italy and Japan signed")


def test_apostrophe_repair_keeps_offsets(tmp_path: Path) -> None:
    text = (
        "Italys premier met Moscows envoy.\r\n\r\n"
        "Salvinis party and Di Maios aides cited dItalia and lEuropa.\r\n"
    )
    doc = load_document(write(tmp_path, "r.txt", text), tmp_path, known_names=NAMES | {"Salvini"})
    assert doc.text == (
        "Italy's premier met Moscow's envoy.\n\n"
        "Salvini's party and Di Maio's aides cited d'Italia and l'Europa."
    )
    check_offsets(doc)
    assert doc.source_text[doc.offsets.to_source(doc.text.index("envoy"))] == "e"
    plain = load_document(write(tmp_path, "s.txt", "Italys role and Parts of Paris.\n"), tmp_path)
    assert plain.text == "Italys role and Parts of Paris."  # no known names: nothing to repair
    paris = load_document(
        write(tmp_path, "t.txt", "Paris and Brussels.\n"), tmp_path, known_names={"Pari", "Paris"}
    )
    assert paris.text == "Paris and Brussels."  # "Paris" is a known name itself, not Pari's


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"Hello\x00world, plain text with a NUL in it", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_bad_files_raise(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(GeneratorError, match=message):
        load_document(write(tmp_path, "bad.txt", data), tmp_path)


def test_encodings() -> None:
    assert decode_bytes("Café à Roma".encode("latin-1"), "x") == "Café à Roma"
    assert decode_bytes(b"\x93Italy\x94 said \x96 hello", "x") == "“Italy” said – hello"
    assert decode_bytes("\ufeffCiao Roma".encode(), "x") == "Ciao Roma"
    assert decode_bytes(b"\xef\xbb\xbfCiao", "x") == "Ciao"
    assert decode_bytes("Zürich – Genève".encode("utf-16"), "x") == "Zürich – Genève"
    assert decode_bytes("Zürich".encode("utf-16-be").join([b"\xfe\xff", b""]), "x") == "Zürich"
    truncated = "Roma è bella".encode()[:-1] + "è".encode()[:1]
    assert decode_bytes(truncated, "x") == "Roma è bell\ufffd"
    cyrillic = "Москва и Рим подписали соглашение о сотрудничестве в области культуры.".encode("cp1251")
    assert "Москва" in decode_bytes(cyrillic, "x")


def test_corpus_skips_bad_files_and_duplicates(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Rome hosted the talks on Monday.\n")
    write(tmp_path, "b/c.md", "Rome hosted   the talks on Monday.\n")
    write(tmp_path, "d.txt", "")
    write(tmp_path, "e.html", "\x00\x01\x02")
    write(tmp_path, "f.pdf", "%PDF-1.4")
    write(tmp_path, ".hidden/g.txt", "Hidden text stays out.\n")
    warnings: list[str] = []
    docs = read_documents(tmp_path, warn=warnings.append)
    assert [d.path for d in docs] == ["a.txt"]
    assert "b/c.md: skipped: same text as a.txt" in warnings
    assert "d.txt: skipped: empty file" in warnings
    assert any(w.startswith("e.html: skipped: binary") for w in warnings)
    with pytest.raises(GeneratorError, match="empty file"):
        read_documents(tmp_path, strict=True, warn=warnings.append)
    with pytest.raises(GeneratorError, match="not found") as info:
        read_documents(tmp_path / "missing")
    assert info.value.hint


def test_unsafe_names_get_distinct_safe_ids(tmp_path: Path) -> None:
    names = [
        "My File.txt",
        "my-file.txt",
        "my_file.md",
        "Ünïcödé.txt",
        "简体.txt",
        "繁體.txt",
        "?*: .txt",
        "sub/My File.txt",
    ]
    for n, name in enumerate(names):
        write(tmp_path, name, f"Article number {n} about Rome.\n")
    docs = read_documents(tmp_path, warn=pytest.fail)
    ids = [d.id for d in docs]
    assert len(set(ids)) == len(names) and all(SAFE_ID.match(i) and i not in (".", "..") for i in ids)
    assert {"my-file", "my-file-2", "unicode", "sub-my-file"} <= set(ids)


@given(st.text())
def test_slugify_is_always_safe(name: str) -> None:
    slug = slugify(name)
    assert SAFE_ID.match(slug) and slug not in (".", "..") and "/" not in slug and slug == slug.lower()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_raise_only_generator_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    try:
        decode_bytes(data, "r.txt")
    except GeneratorError:
        pass
    folder = tmp_path_factory.mktemp("rand")
    for name in ("r.txt", "r.md", "r.html"):
        try:
            load_document(write(folder, name, data), folder, known_names=NAMES)
        except GeneratorError:
            pass


def test_large_unpunctuated_file_is_fast(tmp_path: Path) -> None:
    line = "word " * 12 + "Italys Rome dItalia " + "x" * 30
    path = write(tmp_path, "big.txt", "\n".join([line] * 50_000))
    start = time.perf_counter()
    doc = load_document(path, tmp_path, known_names=NAMES)
    assert time.perf_counter() - start < 20
    assert doc.text.count("Italy's") == 50_000


def test_headings_that_look_like_chrome_are_kept(tmp_path: Path) -> None:
    headings = [
        "Home Office warns of new threats",
        "Share of Chinese imports rises",
        "Close ties with Moscow",
        "Next steps for Rome",
        "Related parties in the coalition",
        "By Land and by Sea",
    ]
    body = "The minister said the measures were necessary and would be reviewed by parliament next spring."
    sections = "".join(f"{body}\n\n{h}\n\n" for h in headings)
    text = "Skip to content\nItaly and France Clash\n\n" + sections + body
    doc = load_document(write(tmp_path, "h.txt", text), tmp_path)
    assert doc.title == "Italy and France Clash"
    assert doc.boilerplate_removed == ["Skip to content"]
    for heading in headings:
        assert f"\n\n{heading}\n\n" in doc.text


def test_hard_wrapped_paragraphs_are_joined(tmp_path: Path) -> None:
    text = "Rome and Madrid agreed on\na common position on migration,\nofficials said.\nA second sentence.\n"
    doc = load_document(write(tmp_path, "w.txt", text), tmp_path)
    assert doc.text == (
        "Rome and Madrid agreed on a common position on migration, officials said.\n\nA second sentence."
    )
    check_offsets(doc)


def test_untitled_article_is_titled_by_its_lead_sentence_never_its_file_name(
    seeds: dict[str, Document], tmp_path: Path
) -> None:
    untitled = seeds["004_f92a20b8281f9d8c.txt"]
    assert untitled.title == (
        "Sources familiar with the matter have revealed that Italian industry officials hinted at the…")
    assert "004_" not in untitled.title
    short = load_document(write(tmp_path, "x_123.txt", "Italy and Spain met in Madrid on Monday. They agreed "
                                "to talk again.\n\nThe talks went on for hours."), tmp_path)
    assert short.title == "Italy and Spain met in Madrid on Monday"
    heading = load_document(write(tmp_path, "y.txt", "Rome and Madrid Talk\n\nItaly and Spain met."),
                            tmp_path)
    assert heading.title == "Rome and Madrid Talk"
    fragment = load_document(write(tmp_path, "z.txt", "and then the talks resumed in Madrid."), tmp_path)
    assert fragment.title is None  # no capital: a cut sentence, not a title; pages then show the id


@pytest.mark.parametrize(("header", "outlet", "url"), [
    ("---\ntitle: A\noutlet: Foreign Policy\nurl: https://fp.com/a\n---\n\n", "Foreign Policy",
     "https://fp.com/a"),
    ("Title: A\nPublisher: The Diplomat\n\n", "The Diplomat", None),
    ("Title: A\nSource: Reuters\n\n", "Reuters", None),
    ("Title: A\nSource: https://www.reuters.com/a\n\n", None, "https://www.reuters.com/a"),
    ("Language : English\nFOREIGN POLICY\n\nItaly Torn Between the US and China\n\n", "Foreign Policy", None),
    ("", None, None),
])
def test_outlet_from_front_matter_header_lines_or_masthead(
    tmp_path: Path, header: str, outlet: str | None, url: str | None
) -> None:
    text = header + "Italy and Spain met in Madrid on 3 May 2021.\n"
    doc = load_document(write(tmp_path, "a.md", text), tmp_path)
    assert (doc.outlet, doc.url) == (outlet, url)


def test_demo_masthead_is_kept_as_the_outlet(seeds: dict[str, Document]) -> None:
    assert seeds["000_327d2eb0f82c62eb.txt"].outlet == "Foreign Policy"
    assert seeds["003_85df147ca9668b3a.txt"].outlet is None  # no masthead line, no header: not guessed


def test_a_date_line_years_after_the_text_is_the_sites_clock(tmp_path: Path) -> None:
    """A page's date line is its publication date, unless it lies more than a year after every date the text
    gives: then it is the site's clock when the page was stored ("Sunday, September 8, 2024" above a
    report of August 2020), and the text's own date is the reference."""
    body = ("Zambian troops have withdrawn from two villages, the Congolese government announced.\n\n"
            "“On August 4, 2020, our services observed the retreat of the troops,” the spokesman said.\n")
    doc = load_document(write(tmp_path, "a.txt", "Title: Withdrawal\n\nSunday, September 8, 2024\n\n" + body),
                        tmp_path)
    assert doc.published is None and (doc.reference_date or "").startswith("2020")
    doc = load_document(write(tmp_path, "b.txt", "Title: Withdrawal\n\nMonday, August 10, 2020\n\n" + body),
                        tmp_path)
    assert (doc.published, doc.reference_date) == ("2020-08-10", "2020-08-10")


def test_plural_demonyms_keep_their_s() -> None:
    """The names apostrophe repair knows are the curated states, capitals, seats and actors, not the
    demonyms: "two Tajiks dead" and "Kenyans" are plurals, where "Italys role" lost an apostrophe."""
    from generator.content import load_content
    from generator.ingest.boilerplate import repair_points

    known = load_content(ROOT / "content").known_names()
    assert {"Italy", "Rome"} <= known and not {"Tajik", "Kenyan", "Italian"} & known
    assert repair_points("a clash left two Tajiks dead; Kenyans and Italians voted", known) == []
    assert repair_points("Italys role", known) == [5]


def _texts_and_noise() -> list[str]:
    """The demo and dev articles, and random strings of the characters word-boundary rules trip over."""
    import random

    texts = [p.read_text(encoding="utf-8") for d in ("content/sources", "tests/devset/articles")
             for p in sorted((ROOT / d).glob("*.txt"))]
    rnd = random.Random(7)
    alphabet = "dlsSaAbBMJK_1٣½² é É-'’.İıſ\n2019"
    return texts + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 16))) for _ in range(20000)]


def test_word_start_scans_match_their_word_boundary_patterns() -> None:
    """The ingest and date scans whose patterns lost their leading "\\b" (so the regex engine can skip ahead)
    find what the "\\b" patterns find, with the boundary checked on the match."""
    from generator.ingest import boilerplate as bp
    from generator.nlp import dates
    from generator.nlp.date_patterns import _FULL, _WD
    from generator.nlp.textscan import at_word_start

    glued, elided = re.compile(r"\b(?P<head>[A-Z][^\W\d_]*?)s\b"), re.compile(r"\b[dl](?=[A-Z][a-z]{2,}\b)")
    months, weekdays = re.compile(rf"\d|\b(?:{_FULL})\b"), re.compile(rf"\b(?:{_WD})\b")
    known = {"Italy", "China", "Kenya", "United State", "Tajik", "Ital", "Xi", "Abe", "Japan", "Ab", "S"}

    def reference(text: str) -> list[int]:  # repair_points as written with "\b" patterns
        points = [m.end() for m in elided.finditer(text)]
        for m in glued.finditer(text):
            head = m.group("head")
            if head + "s" not in known and (head in known or bp._multiword(text, m.start(), head, known)):
                points.append(m.end("head"))
        return sorted(points)

    for text in _texts_and_noise():
        assert bp.repair_points(text, known) == reference(text), text
        assert bool(dates._ANY_DIGIT.search(text) or dates._month_word(text)) == bool(months.search(text))
        assert [m.group() for m in dates._BARE_WEEKDAY.finditer(text) if at_word_start(text, m.start())] \
            == weekdays.findall(text)


def test_a_date_line_is_the_clock_only_after_every_year_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """_found_date stops at the first year that keeps the date line; it decides as the rule reads: the line is
    the site's clock when it lies more than a year after every year (1800-2099) the text writes."""
    from generator.ingest import boilerplate as bp
    from generator.ingest import reader

    year = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
    for text in _texts_and_noise()[:3000]:
        for line in ("2019-01-02", "2021", "1999-03", "2025-06-30"):
            monkeypatch.setattr(reader.meta, "date_line", lambda _s, line=line: line)
            years = [int(y) for y in year.findall(text)]
            expected = None if years and int(line[:4]) > max(years) + 1 else line
            assert reader._found_date(["x"], [bp.DATE], text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\u00a0\u2009.")), max_size=300), st.integers(0, 130))
def test_capped_word_count_compares_like_the_full_count(line: str, limit: int) -> None:
    """The boilerplate rules count a line's words only up to the largest limit they compare it with."""
    from generator.ingest.boilerplate import _words

    for most in range(limit, limit + 3):
        assert (_words(line, most) <= limit) == (len(line.split()) <= limit)
        assert (_words(line, most) >= limit) == (len(line.split()) >= limit)
