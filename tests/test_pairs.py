"""Which states a fact is about: its parties and pairs (generator/nlp/countries.py `sentence_countries`,
generator/facts/extract.py `_with_context`). Made-up articles of the general classes: a nationality in
passing, metonyms, venues, actors' countries, "the two countries", "the country", "ties"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = {
    "passing": "A British company will build the new port for Ghana's government, officials said.",
    "wall": "Kenya's president laid a wreath at the Berlin Wall memorial on 3 May 2024.",
    "footnote": "Exports from Chile to Peru rose 8 percent in 2023 (data: Netherlands statistics office).",
    "metonym": "Ankara hopes Athens will accept the offer before the summit on 4 June 2024.",
    "officials": "Greek officials met Turkish diplomats on 4 June 2024 to discuss maritime borders.",
    "goods": "Ecuadorian exports to Colombia grew by 12 percent in 2023.",
    "venue": "Ukrainian and American officials held talks in Jeddah on 11 March 2025.",
    "host": "Kenyan President William Ruto held talks in Addis Ababa on 11 March 2025.",
    "victim": "A drone attack on Kharkiv on 11 March 2025 killed four people, Ukrainian officials said.",
    "actors": ("Chilean President Gabriel Boric spoke with Argentine President Javier Milei on 2 May.\n\n"
               "Boric met Argentina's foreign minister on 3 May 2024.\n\n"
               "The two leaders will meet again in March."),
    "two": ("Norway and Denmark signed a defence pact on 2 May 2024.\n\n"
            "Fishing quotas were set for the season.\n\n"
            "The two NATO members will hold joint drills in June."),
    "country": ("Vietnam signed a rice deal with Laos on 2 May 2024. "
                "The country also agreed a port deal with Cambodia on 6 May 2024."),
    "ties": ("Peru and Bolivia signed a border treaty in 2019. Trade between Peru and Bolivia grew.\n\n"
             "Ties soured in 2021 when Lima recalled its ambassador."),
    "prc": "The People’s Republic of China and Brazil signed a soybean deal on 2 May 2024.",
    "region": "Russian forces shelled towns across Donbas on 2 May 2024.",
    "seat": ("Chile filed a claim against Bolivia at the International Court of Justice in The Hague on "
             "2 May 2024."),
    "modal": "Peru and Chile will name ambassadors before 2 May 2024.",
    "story": ("Peru and Chile signed a fisheries deal on 2 May 2024.\n\n"
              "Chilean fishermen protested in Arica on 5 May 2024."),
    "dominican": "Dominican soldiers and Haitian police faced off at the border on 2 May 2024.",
    "bullet": "Mongolia is a partner. -Mongolia pledged on 2 May 2024 to send engineers to Afghanistan.",
    # issue 12: stance per pair, passives, "both sides", dated paragraphs and visits naming one state
    "split": ("Chile signed a fisheries deal with Peru on 3 May 2024, while Bolivia accused Argentina of "
              "dumping."),
    "oppose": "Chile condemned the attack on Bolivia by Peru on 3 May 2024.",
    "restrict": "Denmark and Norway agreed on 3 May 2024 to ban Chinese vendors from their networks.",
    "passive": "Sanctions were imposed on Belarus by Lithuania on 3 May 2024.",
    "both": ("Ghana and Togo held talks in Lomé on 2 May 2024.\n\n"
             "Both sides agreed on 4 May 2024 to reopen the border."),
    "later": ("Kenya and Ethiopia signed a border deal on 2 May 2024.\n\n"
              "The new customs post was completed in 2018 at a cost of $8 million."),
    "figure": ("Ghana and Togo signed a trade accord on 2 May 2024.\n\n"
               "The programme has trained 72 traders, of whom 59 completed the course."),
    "opening": ("Envoy Ana Ruiz met officials in Nairobi on 2 May 2024.\n\n"
                "Kenya and Spain signed a port deal on 3 May 2024. Spain and Kenya plan more talks."),
    "visit": ("Norway and Iceland signed a fisheries accord on 2 May 2024.\n\n"
              "The foreign minister travelled to Iceland on 6 May 2024 to meet fishing groups."),
    "border": ("Chad and Sudan traded accusations on 2 May 2024.\n\n"
               "By Tuesday, 4,000 refugees had crossed the border into the Chadian town of Adré."),
    "passing_pair": ("President of Latvia Edgars Rinkevics met President of Georgia Salome Zourabichvili on "
                     "2 May 2024.\n\nThis year we mark the victory over Soviet troops in Latvia in 1920.\n\n"
                     "Relations between our countries rest on a firm foundation, and trade grew in 2023."),
}


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    from generator.builder import extract_corpus

    corpus = tmp_path_factory.mktemp("pairs")
    for name, text in ARTICLES.items():
        header = f"Title: {name}\nPublished: 2025-03-12\n\n"
        (corpus / f"{name}.txt").write_text(f"{header}{text}\n", encoding="utf-8")
    data, _ = extract_corpus(corpus, ROOT / "content")
    paths = {d["id"]: Path(d["path"]).stem for d in data["documents"]}
    out: dict[str, list[dict[str, Any]]] = {}
    for fact in data["facts"]:
        out.setdefault(paths[fact["document"]], []).append(fact)
    return out


def fact_with(facts: dict[str, list[dict[str, Any]]], name: str, words: str) -> dict[str, Any]:
    return next(f for f in facts[name] if words in f["text"])


@pytest.mark.parametrize(
    ("name", "words", "named", "pairs"),
    [
        # a nationality in passing names the state but makes no pair
        ("passing", "British company", {"GB", "GH"}, []),
        ("wall", "Berlin Wall", {"KE", "DE"}, []),
        ("footnote", "Exports from Chile", {"CL", "PE", "NL"}, ["CL-PE"]),
        # capitals for their governments, demonyms before government nouns and trade flows take part
        ("metonym", "Ankara hopes", {"TR", "GR"}, ["GR-TR"]),
        ("officials", "Greek officials", {"GR", "TR"}, ["GR-TR"]),
        ("goods", "Ecuadorian exports", {"EC", "CO"}, ["CO-EC"]),
        # a venue is a party only when fewer than two other states take part
        ("venue", "talks in Jeddah", {"UA", "US", "SA"}, ["UA-US"]),
        ("host", "Addis Ababa", {"KE", "ET"}, ["ET-KE"]),
        ("victim", "drone attack", {"UA"}, []),
        ("prc", "soybean deal", {"CN", "BR"}, ["BR-CN"]),
        ("region", "Donbas", {"RU", "UA"}, ["RU-UA"]),
        # the seat of an international body is no party; a list item's glued hyphen hides no state
        ("seat", "filed a claim", {"CL", "BO"}, ["BO-CL"]),
        ("bullet", "Mongolia pledged", {"MN", "AF"}, ["AF-MN"]),
        # a verb after the state ends the phrase: "name" here is no noun of nationality
        ("modal", "name ambassadors", {"PE", "CL"}, ["CL-PE"]),
        # a dated sentence naming one state of the story's pair goes on with that story
        ("story", "fishermen protested", {"CL", "PE"}, ["CL-PE"]),
        # "Dominican" means the Dominican Republic (Dominica shares the demonym)
        ("dominican", "faced off", {"DO", "HT"}, ["DO-HT"]),
    ],
)
def test_parties_of_a_sentence(facts: dict[str, list[dict[str, Any]]], name: str, words: str,
                               named: set[str], pairs: list[str]) -> None:
    fact = fact_with(facts, name, words)
    assert named <= set(fact["countries"])
    assert fact["pairs"] == pairs


def test_a_state_known_through_an_actor_makes_a_pair(facts: dict[str, list[dict[str, Any]]]) -> None:
    assert fact_with(facts, "actors", "Boric met")["pairs"] == ["AR-CL"]


def test_the_two_leaders_are_the_pair_named_through_actors(facts: dict[str, list[dict[str, Any]]]) -> None:
    assert fact_with(facts, "actors", "The two leaders")["pairs"] == ["AR-CL"]


def test_the_two_members_are_the_last_pair(facts: dict[str, list[dict[str, Any]]]) -> None:
    assert fact_with(facts, "two", "The two NATO members")["pairs"] == ["DK-NO"]


def test_the_country_is_the_last_state_named(facts: dict[str, list[dict[str, Any]]]) -> None:
    assert "KH-VN" in fact_with(facts, "country", "The country also")["pairs"]


def test_ties_naming_one_state_are_those_of_the_pair(facts: dict[str, list[dict[str, Any]]]) -> None:
    assert fact_with(facts, "ties", "Ties soured")["pairs"] == ["BO-PE"]


def test_each_pair_gets_the_stance_of_its_own_clause(facts: dict[str, list[dict[str, Any]]]) -> None:
    fact = fact_with(facts, "split", "fisheries deal")
    assert (fact["stance"], fact["event_type"]) == ("cooperation", "AGREE")  # the main pair: Chile-Peru
    assert fact["pair_stances"]["CL-PE"] == "cooperation" and fact["pair_stances"]["AR-BO"] == "tension"


def test_opposing_an_attack_sides_with_its_victim_only(facts: dict[str, list[dict[str, Any]]]) -> None:
    fact = fact_with(facts, "oppose", "condemned")
    assert (fact["stance"], fact["event_type"]) == ("cooperation", "SUPPORT")
    assert fact["pair_stances"] == {"BO-CL": "cooperation", "BO-PE": "tension", "CL-PE": "tension"}


def test_a_restriction_agreed_together(facts: dict[str, list[dict[str, Any]]]) -> None:
    fact = fact_with(facts, "restrict", "ban Chinese vendors")
    assert fact["pair_stances"] == {"CN-DK": "tension", "CN-NO": "tension", "DK-NO": "cooperation"}


def test_a_passive_sanction_is_between_its_two_states(facts: dict[str, list[dict[str, Any]]]) -> None:
    fact = fact_with(facts, "passive", "Sanctions were imposed")
    assert (fact["pairs"], fact["stance"], fact["event_type"]) == (["BY-LT"], "tension", "SANCTION")


def test_both_sides_are_the_pair_of_the_story(facts: dict[str, list[dict[str, Any]]]) -> None:
    fact = fact_with(facts, "both", "Both sides agreed")
    assert (fact["pairs"], fact["stance"], fact["event_type"]) == (["GH-TG"], "cooperation", "AGREE")


def test_a_dated_paragraph_naming_no_state_goes_on_with_the_story(
        facts: dict[str, list[dict[str, Any]]]) -> None:
    fact = fact_with(facts, "later", "customs post")
    assert fact["pairs"] == ["ET-KE"] and fact["date"]["value"] == "2018"


def test_a_paragraph_with_a_figure_naming_no_state_goes_on_with_the_story(
        facts: dict[str, list[dict[str, Any]]]) -> None:
    fact = fact_with(facts, "figure", "has trained 72 traders")
    assert fact["pairs"] == ["GH-TG"] and [q["value"] for q in fact["quantities"]][:1] == [72]


def test_a_visit_naming_one_state_has_the_other_side_of_the_story(
        facts: dict[str, list[dict[str, Any]]]) -> None:
    fact = fact_with(facts, "visit", "travelled to Iceland")
    assert (fact["pairs"], fact["event_type"]) == (["IS-NO"], "CONSULT")


def test_an_opening_meeting_has_the_pair_of_the_story(facts: dict[str, list[dict[str, Any]]]) -> None:
    assert fact_with(facts, "opening", "Envoy Ana Ruiz")["pairs"] == ["ES-KE"]


def test_crossing_the_border_of_one_state_has_the_other_side_of_the_story(
        facts: dict[str, list[dict[str, Any]]]) -> None:
    assert fact_with(facts, "border", "crossed the border")["pairs"] == ["SD-TD"]


def test_a_pair_named_in_passing_does_not_take_our_countries(facts: dict[str, list[dict[str, Any]]]) -> None:
    assert fact_with(facts, "passing_pair", "Relations between our countries")["pairs"] == ["GE-LV"]


def test_context_patterns_searched_only_with_their_cues_find_what_the_patterns_find() -> None:
    """_with_context searches "the two countries", "ties" and "the country" only in sentences holding one of
    their cue words (CuedPattern); that finds what the patterns find, on the demo and dev lines and on
    random text with the characters re.I folds into letters (ſ, K, İ, ı)."""
    import random

    from generator.facts import extract

    paths = [p for d in ("content/sources", "tests/devset/articles") for p in sorted((ROOT / d).glob("*.t*"))]
    lines = [line for p in paths for line in p.read_text(encoding="utf-8").splitlines()]
    rnd = random.Random(5)
    pieces = ["the", " two", " ", "TWO", "both", "Bilateral", "between", " them", "each", " other", "one",
              " another", "ties", "relations", "rapprochement", "cross-border", "the border", " Frontier",
              "country", "nation", "He", "She", "this", "that", "ſ", "\u212a", "\u0130", "ı", "é", "-", "s"]
    lines += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8))) for _ in range(20000)]
    cued = (extract._BILATERAL_CUES, extract._RELATIONS_CUES, extract._CARRY_CUES)
    found = 0
    for line in lines:
        for gated in cued:
            expected = gated.pattern.search(line) is not None
            assert gated.search(line) == expected, (gated.pattern.pattern[:30], line)
            found += expected
    assert found > 2000
