"""Tests of the briefs_countries component, country_name and Content.known_names."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import generator.nlp.components  # noqa: F401 - registers briefs_paragraphs
import generator.nlp.countries  # noqa: F401 - registers briefs_countries
from generator.content import load_content
from generator.content.countries import load_countries
from generator.content.vocabulary import country_name
from generator.errors import GeneratorError
from generator.nlp.pipeline import initialize_pipes

CONTENT = Path(__file__).resolve().parents[1] / "content"


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("briefs_paragraphs")
    pipeline.add_pipe("briefs_countries")
    return initialize_pipes(pipeline, load_content(CONTENT))


def codes(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_) for s in doc.spans["countries"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia and the Russian Federation", ["RU", "RU"]),
        ("the United States, the US, the U.S., USA and America", ["US"] * 5),
        ("Britain and the UK", ["GB", "GB"]),
        ("the Soviet Union and the USSR", ["RU", "RU"]),
        ("Taiwan and South Korea", ["TW", "KR"]),
        ("Italian, Chinese, Taiwanese, British and American firms", ["IT", "CN", "TW", "GB", "US"]),
        (
            "Rome, Beijing, the Kremlin, the White House, Downing Street and the Élysée",
            ["IT", "CN", "RU", "US", "GB", "FR"],
        ),
        ("Brussels, Kyiv, Kiev, Taipei and Tokyo", ["EU", "UA", "UA", "TW", "JP"]),
        (
            "the EU, the European Union, the European Commission, NATO and Nato",
            ["EU", "EU", "EU", "NATO", "NATO"],
        ),
        ("Papua New Guinea", ["PG"]),
        ("Italy's and Italy’s", ["IT", "IT"]),
    ],
)
def test_names(nlp: Language, text: str, expected: list[str]) -> None:
    assert [code for _, code in codes(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US-China", ["US", "CN"]),
        ("U.S.-China ties", ["US", "CN"]),
        ("Italy-China", ["IT", "CN"]),
        ("Italy–China", ["IT", "CN"]),
        ("Sino-Italian", ["CN", "IT"]),
        ("Sino-Indian", ["CN", "IN"]),
        ("Rome-Beijing", ["IT", "CN"]),
        ("Italo-Russian", ["IT", "RU"]),
    ],
)
def test_compounds(nlp: Language, text: str, expected: list[str]) -> None:
    assert [code for _, code in codes(nlp, text)] == expected


def test_offsets_are_exact(nlp: Language) -> None:
    doc = nlp("Ties: U.S.-China talks.")
    assert [(s.start_char, s.end_char) for s in doc.spans["countries"]] == [(6, 10), (11, 16)]


@pytest.mark.parametrize(
    "text",
    ["tell us about china", "IT IN TO", "Sino is a word", "jordan and georgia", "the Americas"],
)
def test_not_countries(nlp: Language, text: str) -> None:
    assert codes(nlp, text) == []


def test_country_name() -> None:
    names = [country_name(c) for c in ("IT", "EU", "TW", "RU", "US", "NATO")]
    assert names == ["Italy", "European Union", "Taiwan", "Russia", "United States", "NATO"]


def test_known_names() -> None:
    """The names whose dropped apostrophe is repaired: not the demonyms ("Italians" is a plural)."""
    names = load_content(CONTENT).known_names()
    assert {"Italy", "Rome", "Kremlin", "Matteo Salvini", "Salvini", "Lega"} <= names
    assert "Italian" not in names


def test_bad_code_is_reported_with_line(tmp_path: Path) -> None:
    (tmp_path / "countries.yaml").write_text(
        "countries:\n  IT: {demonyms: [Italian]}\n  QQ: {demonyms: [Q]}\n"
    )
    with pytest.raises(GeneratorError) as err:
        load_countries(tmp_path / "countries.yaml")
    assert (
        str(err.value) == f"{tmp_path}/countries.yaml:3: unknown country code 'QQ' (use ISO 3166-1 alpha-2)"
    )


def places(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_) for s in doc.spans["places"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ministers met for talks in Mombasa on Friday.", [("Mombasa", "KE")]),
        ("The convoy left Aleppo at dawn.", [("Aleppo", "SY")]),
        ("The ceasefire held in Odesa and Kharkiv.", [("Odesa", "UA"), ("Kharkiv", "UA")]),
        ("Delegates gathered in Medellín, then in Medellin again.", [("Medellín", "CO"), ("Medellin", "CO")]),
        # a small city counts when its state is named in the text, wherever it stands
        ("Shelling hit Pokrovsk overnight.", []),
        ("Ukraine said shelling hit Pokrovsk overnight.", [("Pokrovsk", "UA")]),
        # a name shared by cities of several states of similar size, with none of them named
        ("Clashes broke out in Valencia.", []),
    ],
)
def test_cities_map_to_their_state(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert places(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Victoria Nuland met the delegation.",  # a given name before a surname
        "Mr Jackson said the talks were over.",  # a title before a surname
        "Split decisions and Nice words filled the day.",  # common words
        "Leaders of the Central and Eastern Europe met.",  # a city's name, no preposition
        "They toured the Berlin Wall memorial.",  # curated capitals: not a place here, see test below
    ],
)
def test_ambiguous_names_are_not_places(nlp: Language, text: str) -> None:
    assert places(nlp, text) == []


def test_a_city_shared_by_states_takes_the_state_named_in_the_text(nlp: Language) -> None:
    assert places(nlp, "Venezuela protested after clashes in Valencia.") == [("Valencia", "VE")]
    assert places(nlp, "Spain protested after clashes in Valencia.") == [("Valencia", "ES")]


def test_a_place_qualified_by_a_state_is_in_that_state(nlp: Language) -> None:
    assert codes(nlp, "He grew up in Paris, Texas.") == [("Paris", "US"), ("Texas", "US")]
    expected = [("Tokyo", "JP"), ("Seoul", "KR"), ("Beijing", "CN")]
    assert codes(nlp, "Talks in Tokyo, Seoul and Beijing.") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling continued across Donbas.", ["UA"]),
        ("Troops withdrew from South Ossetia and Abkhazia.", ["GE", "GE"]),
        ("Flooding hit Sindh.", ["PK"]),
    ],
)
def test_regions(nlp: Language, text: str, expected: list[str]) -> None:
    assert [code for _, code in codes(nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "the People's Republic of China",
        "the People’s Republic of China",
        "PEOPLE’S REPUBLIC OF CHINA",
    ],
)
def test_the_peoples_republic_is_china_in_every_spelling(nlp: Language, text: str) -> None:
    assert [code for _, code in codes(nlp, text)] == ["CN"]


def test_the_republic_of_china_alone_is_taiwan(nlp: Language) -> None:
    text = "the Republic of China and the Democratic People’s Republic of Korea"
    assert [code for _, code in codes(nlp, text)] == ["TW", "KP"]


def test_not_places_must_be_a_list(tmp_path: Path) -> None:
    (tmp_path / "countries.yaml").write_text("countries:\n  IT: {demonyms: [Italian]}\nnot_places: Nice\n")
    with pytest.raises(GeneratorError) as err:
        load_countries(tmp_path / "countries.yaml")
    assert "'not_places' must be a list of words" in str(err.value)


def test_context_actor_types_must_be_actor_types(tmp_path: Path) -> None:
    text = "countries:\n  IT: {demonyms: [Italian]}\ncontext_actor_types: [press]\n"
    (tmp_path / "countries.yaml").write_text(text)
    with pytest.raises(GeneratorError) as err:
        load_countries(tmp_path / "countries.yaml")
    assert "unknown actor type 'press' in 'context_actor_types'" in str(err.value)


def test_briefs_english_computes_the_lexeme_attributes_the_pipeline_reads() -> None:
    """BriefsEnglish's vocabulary computes lower case, norm, punctuation and whitespace as spaCy's blank
    English does (the matchers and the paragraph component read them), and no other lexeme attribute."""
    import spacy

    from generator.nlp.countries import BriefsEnglish

    text = "Hello, World!  The U.S. said 10 Ministers’ ‘talks’ (in Kyiv) cost $5bn.\n\nNext: été"
    ours, blank = BriefsEnglish()(text), spacy.blank("en")(text)
    assert [t.text for t in ours] != [] and len(ours) >= len(blank) - 1
    reads = [(t.text, t.lower_, t.norm_, t.is_punct, t.is_space) for t in ours if t.text in blank.text]
    theirs = {t.text: (t.text, t.lower_, t.norm_, t.is_punct, t.is_space) for t in blank}
    assert all(theirs.get(r[0], r) == r for r in reads)
    new = BriefsEnglish()("Zorblax 98765 whereupon")  # words new to the vocabulary: nothing reads the rest
    assert [(t.shape_, t.like_num, t.is_stop) for t in new] == [("", False, False)] * 3
    assert [t.shape_ for t in spacy.blank("en")("Zorblax 98765")] == ["Xxxxx", "dddd"]
