"""Briefs an analyst can act on (issue 13): asserted on the demo site as built, and on the rules that
choose key figures and milestones."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.facts.model import Fact, FactDate, FactsData, Quantity
from generator.pages.brief import measured
from generator.pages.charts import sparkline
from generator.pages.corpus import aggregate

EXPECTED = {"cn-it", "it-ru", "it-us", "it-tw"}
PHANTOMS = {"gb-it", "de-it", "de-ru", "it-nl", "nl-ru"}
NUMBER_WORDS = re.compile(
    r"^(?:a |an )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|half|third|"
    r"quarter|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"several|many|millions|thousands|hundreds)(?: \w+)?$", re.IGNORECASE)  # a number word, bare


class Section(HTMLParser):
    """The text, links and list items of one page, cut into its h2 sections (by heading id)."""

    def __init__(self) -> None:
        super().__init__()
        self.order: list[str] = []
        self.html: dict[str, list[str]] = {}
        self.current = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "h2" and values.get("id"):
            self.current = str(values["id"])
            self.order.append(self.current)
        self.html.setdefault(self.current, []).append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        self.html.setdefault(self.current, []).append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.html.setdefault(self.current, []).append(data)

    def section(self, ident: str) -> str:
        return "".join(self.html.get(ident, []))


def sections(path: Path) -> Section:
    page = Section()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def site(demo_build) -> Path:
    return demo_build("mkdocs").site


@pytest.fixture(scope="module")
def briefs(site) -> dict[str, Section]:
    return {p.name: sections(p / "index.html") for p in sorted((site / "briefs").iterdir()) if p.is_dir()}


def rows(table_html: str) -> list[list[str]]:
    """The cells (inner HTML) of each body row of the first table in `table_html`."""
    body = table_html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [re.findall(r"<td>(.*?)</td>", row, re.S) for row in body.split("<tr>")[1:]]


def test_briefs_only_for_pairs_the_corpus_discusses(briefs):
    assert EXPECTED <= set(briefs), sorted(briefs)
    assert not PHANTOMS & set(briefs), sorted(briefs)


def test_no_link_to_a_brief_that_does_not_exist(site, briefs):
    link = re.compile(r'href="([^"#]*briefs/([a-z0-9-]+)/?)(?:#[^"]*)?"')
    broken = set()
    for page in sorted(site.rglob("*.html")):
        for m in link.finditer(page.read_text(encoding="utf-8")):
            if m.group(2) not in briefs:
                broken.add((page.relative_to(site).as_posix(), m.group(1)))
    assert not broken, sorted(broken)[:10]


def test_every_brief_opens_with_a_bottom_line_linked_to_its_facts(briefs):
    for name, page in briefs.items():
        assert page.order[:2] == ["bottom-line", "milestones"], (name, page.order)
        text = page.section("bottom-line")
        assert "facts from" in text and re.search(r'href="\.\./\.\./sources/[^"]+#s-\d+"', text), name
        assert 'href="../../how-to-read/">How to read a brief</a>' in "".join(page.html[""]), name


def test_italy_china_bottom_line_names_period_course_sectors_milestone_and_figure(briefs):
    text = re.sub(r"<[^>]+>", "", briefs["cn-it"].section("bottom-line"))
    assert re.search(r"dated 20\d\d–20\d\d", text), text
    assert re.search(r"(dominated|outweighed|balanced)", text), text
    assert "Most facts concern" in text and "Latest milestone:" in text, text
    assert "Headline figure: €49.8 billion" in text, text


def test_italy_china_milestones_include_the_memorandum_and_the_withdrawal(briefs):
    milestones = rows(briefs["cn-it"].section("milestones"))
    assert 0 < len(milestones) <= 12
    dates = [re.sub(r"<[^>]+>", "", r[0]) for r in milestones]
    assert dates == sorted(dates)
    memorandum = [r for r in milestones if r[0] == "2019-03-23"]
    assert memorandum and "Belt and Road" in memorandum[0][2], milestones
    withdrawal = [r for r in milestones if r[0].startswith("2023-12")]
    assert withdrawal and "withdrawal" in withdrawal[0][2], milestones
    # One entry per event: no two milestones rest on the same sentence as their first source.
    firsts = [re.search(r'href="([^"]+)"', r[3]).group(1) for r in milestones]  # type: ignore[union-attr]
    assert len(firsts) == len(set(firsts)), firsts


def test_key_points_show_date_and_event_type(briefs):
    points = briefs["cn-it"].section("key-points")
    items = points.split("<li>")[1:]
    assert items and any("<strong>20" in i for i in items)
    assert any('class="briefs-event"' in i for i in items)


def test_no_sentence_twice_in_a_timeline(briefs):
    for name, page in briefs.items():
        timeline = page.section("timeline")
        links = re.findall(r'<li>.*?href="([^"]+#s-\d+)"', timeline)
        assert links and len(links) == len(set(links)), (name, sorted(h for h in links if links.count(h) > 1))


def test_key_figures_are_measured_with_the_trade_figure(briefs):
    for name, page in briefs.items():
        table = page.section("key-figures")
        if "<tbody>" not in table:
            continue
        assert table.split("<th>", 1)[1].startswith("Figure"), name
        for cells in rows(table):
            figure = re.sub(r"<[^>]+>", "", cells[0]).strip()
            assert re.search(r"\d", figure) or re.search(r"billion|million|euro|dollar", figure, re.I), \
                (name, figure)
            assert not NUMBER_WORDS.match(figure), (name, figure)
            assert not re.fullmatch(r"\d+(st|nd|rd|th)", figure), (name, figure)
            assert not re.search(r"\d-(strong|minute|hour)\b", figure), (name, figure)
    figures = [re.sub(r"<[^>]+>", "", r[0]) for r in rows(briefs["cn-it"].section("key-figures"))]
    assert "€49.8 billion" in figures, figures


def test_sectors_link_into_the_timeline_instead_of_repeating_facts(briefs):
    page = briefs["cn-it"]
    sectors = page.section("sectors")
    assert "<li>" not in sectors
    assert re.search(r'href="#y-\d{4}"', sectors)
    timeline = page.section("timeline")
    for year in re.findall(r'href="#y-(\d{4})"', sectors):
        assert f'id="y-{year}"' in timeline, year


def test_every_and_more_links_to_the_rest(site, briefs):
    for name in briefs:
        html = (site / "briefs" / name / "index.html").read_text(encoding="utf-8")
        for em in re.findall(r"<em>(.*?)</em>", html, re.S):
            if re.search(r"\d+ more", em):
                assert "<a " in em, (name, em)


def test_copasir_exclusion_is_not_cooperation(briefs, site):
    timeline = briefs["cn-it"].section("timeline")
    items = [i for i in timeline.split("<li>") if "Copasir" in i]
    assert items
    assert all("briefs-cooperation" not in i for i in items), items
    telecom = (site / "sectors" / "telecom_5g" / "index.html").read_text(encoding="utf-8")
    assert all("briefs-cooperation" not in i for i in telecom.split("<li>") if "Copasir" in i)


def test_series_sparkline_is_escaped_and_deterministic():
    points = [("2010", 22.0), ("2011", 27.0)]
    chart = sparkline(points, 'Trade <script>"x"</script>')
    assert chart == sparkline(points, 'Trade <script>"x"</script>')
    assert "<script>" not in chart and "&lt;script&gt;" in chart and "<polyline" in chart
    assert sparkline(points[:1], "one point") == ""


@pytest.mark.parametrize(("quantity", "kept"), [
    (Quantity(49.8e9, "EUR", "€49.8 billion"), True),
    (Quantity(22e9, "EUR", "22"), True),
    (Quantity(16, "percent", "16 percent", kind="change"), True),
    (Quantity(50, "percent", "half"), False),
    (Quantity(3, "count", "three", noun="operators"), False),
    (Quantity(1500, "count", "1500-strong", noun="army"), False),
    (Quantity(120000, "count", "120,000", noun="Jeeps"), True),
    (Quantity(40, "count", "40"), False),
    (Quantity(2, "rank", "second biggest", noun="exporter"), False),
    (Quantity(8, "rank", "8th"), False),
    (Quantity(12, "count", "a dozen", noun="countries"), False),
    (Quantity(75, "minute", "75-minute", noun="meeting", kind="duration"), False),
    (Quantity(8, "month", "eight months", kind="duration"), False),
    (Quantity(20, "year", "20-year", noun="lease", kind="duration"), True),
    (Quantity(0.66, "ratio", "two-thirds", kind="fraction"), False),
    (Quantity(20, "year", "20th", noun="anniversary", kind="duration"), False),
    (Quantity(502, "km", "502-kilometre", noun="road", kind="measure"), True),
])
def test_only_measured_quantities_are_key_figures(quantity, kept):
    assert measured(quantity) is kept


def _fact(ident: str, sentence: int, countries: tuple[str, ...], actors: tuple[str, ...] = (),
          event: str | None = None, pairs: tuple[str, ...] = ()) -> Fact:
    from generator.facts.model import Pair
    return Fact(ident, "doc", sentence, 0, 1, "text", FactDate("2020", "year", False), countries,
                tuple(Pair.from_json(p) for p in pairs), actors, (), "neutral", (), event_type=event)


def test_salience_a_company_is_a_mention_unless_a_policy_targets_it():
    from generator.facts.model import Actor, DocumentRecord
    actors = (Actor("vodafone", "Vodafone", "company", "GB"), Actor("huawei", "Huawei", "company", "CN"))
    facts = (
        # three sentences where a British company is merely present: no GB-IT brief
        *(_fact(f"doc-s{i}", i, ("IT", "GB"), ("vodafone",), "COOPERATE", ("GB-IT",)) for i in range(3)),
        # three policy sentences naming Italy and a Chinese company: CN-IT, added by the aggregate step
        *(_fact(f"doc-s{i}", i, ("IT", "CN"), ("huawei",), "SANCTION") for i in range(3, 6)),
    )
    corpus = aggregate(FactsData((DocumentRecord("doc", "doc.txt"),), actors, facts), {}, {})
    assert [p.slug for p in corpus.brief_pairs] == ["cn-it"]
    assert len(corpus.by_pair[next(iter(corpus.brief_pairs))]) == 3


# --- the same rules on briefs built from the unseen development set --------------------------------

@pytest.fixture(scope="module")
def dev_briefs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Section]:
    """The briefs of a site built from the development set's articles (tests/devset/) with the demo's
    curated content."""
    import shutil

    from generator.builder import Paths, build

    root = Path(__file__).resolve().parent.parent
    tmp = tmp_path_factory.mktemp("devsite")
    content = tmp / "content"
    shutil.copytree(root / "content", content, ignore=shutil.ignore_patterns("sources"))
    shutil.copytree(root / "tests" / "devset" / "articles", content / "sources")
    paths = Paths(content=content, templates=root / "templates", site=tmp / "site",
                  config=root / "mkdocs.yml", work=tmp / "work")
    build(paths)
    folders = sorted((paths.site / "briefs").iterdir())
    return {p.name: sections(p / "index.html") for p in folders if p.is_dir()}


def test_dev_set_briefs_follow_the_same_rules(dev_briefs):
    assert len(dev_briefs) >= 10
    for name, page in dev_briefs.items():
        assert page.order[0] == "bottom-line", (name, page.order[:3])
        assert "#s-" in page.section("bottom-line"), name
        timeline = page.section("timeline")
        links = re.findall(r'<li>.*?href="([^"]+#s-\d+)"', timeline)
        assert len(links) == len(set(links)), name
        table = page.section("key-figures")
        for cells in rows(table) if "<tbody>" in table else []:
            figure = re.sub(r"<[^>]+>", "", cells[0]).strip()
            duration = re.search(r"year|decade|month|week|centur", figure)  # "two decades" is measured
            assert duration or not NUMBER_WORDS.match(figure), (name, figure)
            assert re.search(r"\d|billion|million|percent", figure) or duration, (name, figure)
    # the pairs the set is about have briefs with dated milestones (Japan-China, Turkey-Greece)
    for pair in ("cn-jp", "gr-tr"):
        assert "<tbody>" in dev_briefs[pair].section("milestones"), pair


def test_salvini_statements_are_his_own(site):
    page = sections(site / "actors" / "matteo-salvini" / "index.html")
    statements = re.findall(r"<li>(.*?)</li>", page.section("statements"), re.S)
    texts = [re.sub(r"<[^>]+>", "", s) for s in statements]
    assert texts and all("Salvini" in t or t.lstrip("0123456789- ").startswith(("He ", "he ")) for t in texts)
    assert not any("Di Maio, who" in t or "Putin" in t.split("said")[0] for t in texts), texts
