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
