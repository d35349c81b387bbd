"""Tests for money, percent, count and rank extraction (generator.nlp.quantities)."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.nlp.numbers import local_dollar
from generator.nlp.quantities import Quantity, find_quantities, parse_amount
from tests.scoring import unit_matches

ROOT = Path(__file__).resolve().parent.parent
GOLD = yaml.safe_load((ROOT / "tests" / "seeds_dev.yaml").read_text(encoding="utf-8"))
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])|\n+")


def _pairs(sentence: str) -> list[tuple[float | int, str]]:
    return [(q.value, q.unit) for q in find_quantities(sentence)]


def _one(sentence: str) -> Quantity:
    found = find_quantities(sentence)
    assert len(found) == 1, found
    return found[0]


# --- parse_amount ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("49.8 billion", 49_800_000_000), ("1,500", 1500), ("six", 6), ("a dozen", 12), ("half", 0.5),
    ("twenty-five", 25), ("ninety nine", 99), ("two hundred", 200), ("three thousand", 3000),
    ("2.7 billion", 2_700_000_000), ("9.5 Billion", 9_500_000_000), ("200m", 200_000_000),
    ("3 bn", 3_000_000_000), ("-11.1", -11.1), ("two dozen", 24), ("a hundred", 100), ("8th", 8),
    ("120,000", 120000), ("0.5", 0.5), ("1.5 million", 1_500_000), ("2.5 lakh crore", 2_500_000_000_000),
    ("two hundred thousand", 200_000), ("third", 3),
])
def test_parse_amount(text: str, value: float | int) -> None:
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["", "abc", "m", "1 2", "€5", "seven up", "nan", "inf", "."])
def test_parse_amount_rejects(text: str) -> None:
    assert parse_amount(text) is None


def test_parse_amount_gives_ints_when_integral() -> None:
    assert isinstance(parse_amount("49.8 billion"), int)
    assert isinstance(parse_amount("1.0"), int)


# --- money ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "value", "unit", "text"), [
    ("Trade reached €49.8 billion last year.", 49_800_000_000, "EUR", "€49.8 billion"),
    ("Oil worth some $1.5 billion was sold.", 1_500_000_000, "USD", "$1.5 billion"),
    ("Trade exceeded 27 billion euro in 2011.", 27_000_000_000, "EUR", "27 billion euro"),
    ("Italy had lost over six billion euro as a result.", 6_000_000_000, "EUR", "six billion euro"),
    ("The deal is worth US$3 bn in total.", 3_000_000_000, "USD", "US$3 bn"),
    ("The club paid £200m for him.", 200_000_000, "GBP", "£200m"),
    ("The bank pledged ¥5 trillion of bonds.", 5_000_000_000_000, "JPY", "¥5 trillion"),
    ("Beijing offered RMB 10 billion in loans.", 10_000_000_000, "CNY", "RMB 10 billion"),
    ("Beijing offered 10 billion yuan in loans.", 10_000_000_000, "CNY", "10 billion yuan"),
    ("The grant totals USD 4.2 million.", 4_200_000, "USD", "USD 4.2 million"),
    ("The fine was 3 million Swiss francs.", 3_000_000, "CHF", "3 million Swiss francs"),
    ("Sales reached 40 billion roubles.", 40_000_000_000, "RUB", "40 billion roubles"),
    ("Delhi spent Rs 2.5 lakh crore on oil.", 2_500_000_000_000, "INR", "Rs 2.5 lakh crore"),
    ("Canada spent 2 billion Canadian dollars.", 2_000_000_000, "CAD", "2 billion Canadian dollars"),
    ("Ankara borrowed 7 million TRY.", 7_000_000, "TRY", "7 million TRY"),
])
def test_money(sentence: str, value: int, unit: str, text: str) -> None:
    q = _one(sentence)
    assert (q.value, q.unit, q.text) == (value, unit, text)
    assert sentence[q.start : q.end] == text


def test_money_with_converted_amount_gives_two() -> None:
    sentence = "a possible oil deal to covertly divert 58 million euros ($65 million) to the League."
    assert _pairs(sentence) == [(58_000_000, "EUR"), (65_000_000, "USD")]
    assert [q.text for q in find_quantities(sentence)] == ["58 million euros", "$65 million"]


def test_second_amount_inherits_currency() -> None:
    sentence = "From 1998 to 2007 exports grew by 230 percent, from 2.7 billion Euros to 9.5 Billion."
    assert _pairs(sentence) == [(230, "percent"), (2_700_000_000, "EUR"), (9_500_000_000, "EUR")]


def test_compared_figure_inherits_currency_and_scale() -> None:
    sentence = "Trade exceeded 27 billion euro in 2011 (that figure was approximately 22 in 2010)."
    assert _pairs(sentence) == [(27_000_000_000, "EUR"), (22_000_000_000, "EUR")]
    expected = [(5_000_000, "USD"), (4_000_000, "USD")]
    assert _pairs("Sales hit $5 million, up from 4 a year earlier.") == expected


def test_bare_number_without_comparison_is_not_money() -> None:
    assert _pairs("Exports were $5 billion and 22 in all.") == [(5_000_000_000, "USD")]
    assert _pairs("Exports were $5 billion in 2011, up from 2010.") == [(5_000_000_000, "USD")]


def test_scaled_number_without_money_context_is_not_money() -> None:
    assert _pairs("It was 9.5 billion.") == []
    assert _pairs("It has 200m of track.") == []


def test_money_range() -> None:
    q = _one("The plan costs $10-15 billion.")
    assert (q.value, q.value_max, q.unit) == (10_000_000_000, 15_000_000_000, "USD")


def test_pounds_of_weight_are_not_money() -> None:
    assert all(unit != "GBP" for _, unit in _pairs("Police found 500 pounds of explosives."))
    assert _pairs("He paid 5 million pounds.") == [(5_000_000, "GBP")]


# --- percentages ----------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "value", "text"), [
    ("Trade was up 16 percent year-on-year.", 16, "16 percent"),
    ("A poll showed that 52% of Italians agreed.", 52, "52%"),
    ("Exports stood at a low level (-11.1 percent) this year.", -11.1, "-11.1 percent"),
    ("Imports climbed (+24.5 percent) this year.", 24.5, "+24.5 percent"),
    ("Support fell 12 per cent this year.", -12, "12 per cent"),
    ("That was a drop of 12% from last year.", -12, "12%"),
    ("Exports grew by 230 percent over the decade.", 230, "230 percent"),
    ("Rates rose five percentage points.", 5, "five percentage points"),
])
def test_percent(sentence: str, value: float, text: str) -> None:
    q = _one(sentence)
    assert (q.value, q.unit, q.text) == (value, "percent", text)


@pytest.mark.parametrize(("sentence", "low", "high"), [
    ("Huawei gear is used across 20-30% of their networks.", 20, 30),
    ("Growth will be between 10 and 15 percent next year.", 10, 15),
])
def test_percent_range(sentence: str, low: int, high: int) -> None:
    q = _one(sentence)
    assert (q.value, q.value_max, q.unit) == (low, high, "percent")


def test_first_of_two_percentages_lends_unit() -> None:
    assert _pairs("The rate went from 10 to 15 percent.") == [(10, "percent"), (15, "percent")]


@pytest.mark.parametrize(("sentence", "value"), [
    ("Italy has seen its exports fall by nearly half.", -50),
    ("Output was cut by half after the war.", -50),
    ("Italy supplied half of all the industrial equipment the Soviet Union imported.", 50),
    ("Sales grew by half in a year.", 50),
])
def test_half(sentence: str, value: int) -> None:
    assert _pairs(sentence) == [(value, "percent")]


@pytest.mark.parametrize("sentence", [
    "In the first half of 2019 the talks stalled.",
    "The meeting lasted half an hour.",
    "The second half of the year was calmer.",
])
def test_half_that_is_no_share(sentence: str) -> None:
    assert find_quantities(sentence) == []


# --- counts ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "value", "noun"), [
    ("Crosetto announced a 1500-strong “cyber army” to protect networks.", 1500, "army"),
    ("There are nearly 500 Italian firms operating in Russia.", 500, "firms"),
    ("The plant assembles 120,000 Jeeps annually.", 120000, "Jeeps"),
    ("The army will add over 40 intercontinental nuclear missiles on the border.", 40, "missiles"),
    ("Talks were held among three Italians including an aide.", 3, "Italians"),
    ("He met three unidentified Russian men in Moscow.", 3, "men"),
    ("During the meeting, the six men discussed a deal.", 6, "men"),
    ("Rome decided to kick out two Russian diplomats.", 2, "diplomats"),
    ("The Senate rejected two similar resolutions proposed by the opposition.", 2, "resolutions"),
    ("Italy and over a dozen other European countries joined in.", 12, "countries"),
    ("Some twenty-five people were arrested.", 25, "people"),
    ("Huawei is a partner of three mobile operators in Italy.", 3, "operators"),
    ("The company employs 120\u00a0000 people.", 120000, "people"),
])
def test_count(sentence: str, value: int, noun: str) -> None:
    q = _one(sentence)
    assert (q.value, q.unit, q.noun) == (value, "count", noun)
    assert sentence[q.start : q.end] == q.text


def test_count_at_sentence_start() -> None:
    q = _one("Three Italians attended.")
    assert (q.value, q.unit, q.noun) == (3, "count", "Italians")


@pytest.mark.parametrize("sentence", [
    "The two countries are close.",
    "She is one of the leaders.",
    "The Movement of Five Stars voted against it.",
    "The 5-Star Movement voted against it.",
    "The Boeing 737 jets were grounded.",
    "See page 12 items below.",
])
def test_not_counts(sentence: str) -> None:
    assert find_quantities(sentence) == []


# --- ranks ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "value", "text"), [
    ("Italy is Russia's third largest trade partner.", 3, "third largest"),
    ("Unicredit Banca is ranked 8th in Russia in terms of assets.", 8, "8th"),
    ("Generali holds stock in Russia's second largest bank, VTB.", 2, "second largest"),
    ("Italy is the second biggest exporter to Russia in the EU.", 2, "second biggest"),
    ("It is the world's fifth-largest economy.", 5, "fifth-largest"),
    ("Brazil is the third most populous country in the Americas.", 3, "third most populous"),
    ("The firm ranks No. 4 in Europe.", 4, "4"),
])
def test_rank(sentence: str, value: int, text: str) -> None:
    q = _one(sentence)
    assert (q.value, q.unit, q.text) == (value, "rank", text)


def test_rank_noun_and_coordinated_rank() -> None:
    sentence = ("Italy is the Russian Federation's third largest trade partner (excluding the "
                "Netherlands, via the port of Rotterdam), and seventh supplier.")
    found = find_quantities(sentence)
    expected = [(3, "rank", "trade partner"), (7, "rank", "supplier")]
    assert [(q.value, q.unit, q.noun) for q in found] == expected


@pytest.mark.parametrize("sentence", [
    "Italy became the first G7 nation to sign.",
    "Wang Yi co-chaired the 12th session of the committee.",
    "Taiwan plans to open a second representative office in Milan.",
    "He said it should never have been signed in the first place.",
    "and seventh supplier without any rank before it.",
])
def test_sequence_ordinals_are_not_ranks(sentence: str) -> None:
    assert find_quantities(sentence) == []


# --- things that are not quantities ---------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "On March 23, 2019, Italy signed the memorandum.",
    "The outbreak began in 2011 and grew.",
    "The 2024–2027 Action Plan was signed.",
    "Talks took place on 18 May in Brussels.",
    "The summit on June 28-29 will decide.",
    "Salvini on 10 July 2019 denied the report.",
    "It was the first outbreak of COVID-19 outside of China.",
    "The G7 and the G20 met, as did the G8.",
    "Italy will not use Chinese 5G or 4G gear.",
    "It trains pilots to fly the Mig-29, the Su-27 and the F-16.",
    "He spoke during SPIEF-2016 in the city.",
    "They worked on the Super Jet 100, and other planes.",
    "Page last modified: 10-08-2019 19:04:49 ZULU",
    "date 2023-04-20 Sources familiar with the matter said so.",
    "It implements Law 90/2024 on security.",
    "In the 1960s Fiat built a plant.",
    "Italy's March 4 election changed things.",
])
def test_not_quantities(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_order_and_offsets() -> None:
    sentence = ("Exports stood at €9.1 billion (-11.1 percent), while imports climbed to "
                "€40.7 billion (+24.5 percent).")
    found = find_quantities(sentence)
    expected = [(9_100_000_000, "EUR"), (-11.1, "percent"), (40_700_000_000, "EUR"), (24.5, "percent")]
    assert _pairs(sentence) == expected
    assert all(sentence[q.start : q.end] == q.text for q in found)
    assert [q.start for q in found] == sorted(q.start for q in found)


# --- gold recall ----------------------------------------------------------------------------

def _sentence_with(file: str, quote: str) -> str | None:
    text = (ROOT / "content" / "sources" / file).read_text(encoding="utf-8")
    for sentence in _SENTENCE_SPLIT.split(text):
        if quote in sentence:
            return sentence
    return next((p for p in text.split("\n") if quote in p), None)


def _hit(q: Quantity, item: dict[str, object]) -> bool:
    return math.isclose(q.value, float(str(item["value"]))) and unit_matches(str(item["unit"]), q.unit)


def test_gold_recall() -> None:
    gold = GOLD["quantities"]
    misses = []
    for item in gold:
        sentence = _sentence_with(item["file"], item["quote"])
        found = find_quantities(sentence) if sentence else []
        if not any(_hit(q, item) for q in found):
            got = [(q.value, q.unit) for q in found]
            misses.append(f"{item['value']} {item['unit']} {item['quote']!r} -> {got}")
    recall = 1 - len(misses) / len(gold)
    print(f"\nquantity recall {len(gold) - len(misses)}/{len(gold)} = {recall:.3f}")
    for miss in misses:
        print(f"  missed {miss}")
    assert len(gold) > 10
    assert recall >= 0.9


# --- properties -----------------------------------------------------------------------------

_PIECES = st.sampled_from([
    " ", "$", "€", "£", "US$", "RMB ", "-", "–", "%", " percent", " billion", " million", "m", "bn", ",",
    ".", "(", ")", ":", "/", "half", "a dozen", "third", "largest", "ranked", "8th", "and", "to",
    "between", "fall by", "euros", "Swiss francs", "USD", "men", "firms", "the", "two", "May", "2019",
    "1,500", "49.8", "0", "99999999999999999999", "figure was", "up from", "-strong", "G7", "COVID-19",
])
_TEXT = st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=25).map("".join))


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_find_quantities_never_raises_and_spans_match(sentence: str) -> None:
    found = find_quantities(sentence)
    for q in found:
        assert sentence[q.start : q.end] == q.text
        assert math.isfinite(q.value)
        assert q.value_max is None or math.isfinite(q.value_max)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_parse_amount_never_raises(text: str) -> None:
    value = parse_amount(text)
    assert value is None or math.isfinite(value)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Peru signed a 25-year lease on the port.", [(25, "year", "lease", "duration")]),
    ("The three-day summit in Lima ended.", [(3, "day", "summit", "duration")]),
    ("Relations had been frozen for about a decade.", [(10, "year", None, "duration")]),
    ("From the border post you are in Yerevan in an hour.", [(1, "hour", None, "duration")]),
    ("Talks will resume in a year's time.", []),  # a date to come, no duration
    ("Lima wants to be Asia's number one investor in Peru.", [(1, "rank", "investor", None)]),
    ("This year marks the 100th birthday of the late president.", [(100, "year", "birthday", "duration")]),
    ("The feud lasted over five decades.", [(50, "year", None, "duration")]),
    ("Chile exports 800,000 barrels a day of crude.", [(800000, "bbl/d", "crude", "measure")]),
    ("The dam will produce 2.4 gigawatts.", [(2.4, "GW", None, "measure")]),
    ("A 310-kilometre railway links the two ports.", [(310, "km", "railway", "measure")]),
    ("Nearly two-thirds of the loans were repaid.", [(0.666667, "ratio", None, "fraction")]),
    ("Omani exports fell 9% last year.", [(-9, "percent", "exports", "change")]),
    ("Peru ordered 12 Airbus A320 jets.", [(12, "count", "jets", None)]),
    ("Laos, a country of 7 million, borders China.", [(7000000, "count", "people", None)]),
    ("The 30th anniversary of the accord was marked.", [(30, "year", "anniversary", "duration")]),
    ("This is the 12th year of the blockade.", [(12, "year", "year", "duration")]),
    ("Year-long talks on the border ended.", [(1, "year", None, "duration")]),
    ("The decade-long dispute is over.", [(10, "year", None, "duration")]),
])
def test_durations_measures_fractions_changes(sentence: str, expected: list[tuple]) -> None:
    got = [(q.value, q.unit, q.noun, q.kind) for q in find_quantities(sentence)]
    assert got == expected


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("The bridge cost Ksh900 million.", 900000000, "KES"),
    ("Ghana raised 3 billion cedis.", 3000000000, "GHS"),
    ("Uganda spent 40 billion Ugandan shillings.", 40000000000, "UGX"),
    ("A grant of TSh 2 billion was approved.", 2000000000, "TZS"),
])
def test_cldr_currencies(sentence: str, value: int, unit: str) -> None:
    assert [(q.value, q.unit) for q in find_quantities(sentence)] == [(value, unit)]


@pytest.mark.parametrize("sentence", [
    "The treaty was signed two years ago.", "The P5 met in Geneva.",
    "It passed the 10 million mark.", "She won a third term.",
])
def test_not_measures(sentence: str) -> None:
    assert [q for q in find_quantities(sentence) if q.kind in ("duration", "measure", "fraction")] == []
    assert all(q.unit not in ("BAM", "BWP") for q in find_quantities(sentence))


def test_range_with_currency_on_both_ends() -> None:
    (q,) = find_quantities("Aid of between €2bn and €3bn was pledged.")
    assert (q.value, q.value_max, q.unit) == (2000000000, 3000000000, "EUR")


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.example.com.au/news/trade", "AUD"),
    ("https://news.example.co.nz/a", "NZD"),
    ("https://example.ca/story", "CAD"),
    ("https://www.example.com/2024/05/17/story", None),
    ("https://www.example.co.uk/news", None),  # the pound is not written "$"
    (None, None),
])
def test_a_bare_dollar_is_the_dollar_of_the_documents_country(url: str | None, expected: str | None) -> None:
    assert local_dollar(url) == expected


def test_a_rank_may_name_a_region_before_its_noun() -> None:
    found = find_quantities("As our largest Pacific trading partner, Fiji matters.")
    assert [(q.value, q.unit, q.noun) for q in found] == [(1, "rank", "partner")]


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("The lease will last three-and-a-half years.", 3.5, "year"),
    ("The talks lasted two and a half hours.", 2.5, "hour"),
])
def test_and_a_half(sentence: str, value: float, unit: str) -> None:
    assert [(q.value, q.unit) for q in find_quantities(sentence)] == [(value, unit)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The court ruled by a 9-4 vote against the claim.", [(9, "count"), (4, "count")]),
    ("Including 2,300 thought to be minors, the migrants arrived.", [(2300, "count")]),
    ("Over 410,000 of the province's residents fled.", [(410000, "count")]),
    ("It was a war between Africa's largest economies.", [(1, "rank")]),
    ("The biggest Japanese investment project in the region is a port.", [(1, "rank")]),
])
def test_votes_plain_thousands_and_size_superlatives(sentence: str, expected: list[tuple[int, str]]) -> None:
    assert _pairs(sentence) == expected


def test_area_units_match_however_the_square_is_written() -> None:
    assert unit_matches("km2", "km²")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Tariffs fall on 97,5% of Peruvian goods.", [(97.5, "percent")]),
    ("Trade could grow by 3,2 billion euros a year.", [(3200000000, "EUR")]),
    ("Exports rose 12,25 per cent.", [(12.25, "percent")]),
    ("The fund holds 1,500 euros.", [(1500, "EUR")]),  # three digits after the comma: thousands
    ("Chapters 4,5 and 6 were closed.", []),  # no percent or scale after it: not a decimal comma
])
def test_decimal_comma(sentence: str, expected: list[tuple]) -> None:
    assert [(q.value, q.unit) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The two ministers have met nine times since 2019.", [(9, "count", "times")]),
    ("Envoys spoke 14 times by telephone.", [(14, "count", "times")]),
    ("Its economy is three times larger than Laos's.", [(3, "count", "times")]),  # a multiple
    ("The reserve is five times the size of Wales.", [(5, "count", "times")]),
    ("Its budget is nearly three times that of Nicaragua.", [(3, "count", "times")]),
    ("They met one time only.", []),
    ("Putin and Lukashenko met twice in December.", [(2, "meetings", "meetings")]),
    ("The leaders have met just twice since the split.", [(2, "meetings", "meetings")]),
    ("The envoys met twice as often as before.", []),
    ("Exports grew twice as fast as imports.", []),
])
def test_times_counts_occasions_and_multiples(sentence: str, expected: list[tuple]) -> None:
    assert [(q.value, q.unit, q.noun) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A 40-year-old envoy arrived.", [(40, "year", "40-year-old")]),
    ("The incident revives a 60-year old feud.", [(60, "year", "60-year old")]),
    ("The man, 34 years old, was freed.", [(34, "year", "34 years old")]),
    ("The treaty was signed two years ago.", []),
])
def test_ages_are_spans_of_years_without_a_key_figure(sentence: str, expected: list[tuple]) -> None:
    """An age (of a person, a feud, a treaty) is a span of years, written as "N-year-old"; it names no
    noun, so a brief never makes it a key figure; "N years ago" is a date, not an amount."""
    found = find_quantities(sentence)
    assert [(q.value, q.unit, q.text) for q in found] == expected
    assert all(q.kind == "duration" and q.noun is None for q in found)


def test_symbol_tables_are_what_pint_and_babel_give() -> None:
    """The shipped table of unit symbols is pint's own output for every expression a figure can form, and
    that of currency symbols Babel's (a change to the unit tables or to pint's or Babel's version needs
    `python -m generator.nlp.numbers`); a unit written per a rate reads through it without building pint's
    registry, and a symbol that writes several currencies ("$") maps to none by CLDR alone."""
    from generator.nlp import numbers

    table = numbers._unit_symbols()
    expected = {expr: numbers.pint_format(expr) for expr in numbers.unit_expressions()}
    assert table == expected, "unit_symbols.json is stale: run .venv/bin/python -m generator.nlp.numbers"
    currencies = json.loads(numbers.CURRENCY_SYMBOLS_FILE.read_text("utf-8"))
    assert currencies == numbers.babel_currency_symbols(), \
        "currency_symbols.json is stale: run .venv/bin/python -m generator.nlp.numbers"
    assert currencies["ksh"] == ["KES"] and numbers.cldr_symbols()["ksh"] == "KES"
    assert len(currencies["$"]) > 1
    assert table["barrel/day"] == "bbl/d" and table["kilometer**2"] == "km²"
    assert [(q.value, q.unit) for q in find_quantities("Output rose to 1.2 million barrels a day.")
            if q.kind == "measure"] == [(1200000, "bbl/d")]


def _cue_words_by_splitting(sentence: str) -> frozenset[str]:
    from generator.nlp.quantities import _CUES

    return frozenset(re.findall(r"[a-z]+", sentence.lower())) & _CUES


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aonetwyhirdsxz -é1.")), max_size=40))
def test_cue_words_are_the_cues_among_the_words(text: str) -> None:
    """cue_words (one automaton pass) gives the cue words among the text's [a-z] words, as splitting it
    into words would."""
    from generator.nlp.quantities import cue_words

    assert cue_words(text) == _cue_words_by_splitting(text)


def test_cue_words_of_every_dev_sentence() -> None:
    from generator.nlp.quantities import cue_words

    folder = ROOT / "tests" / "devset" / "articles"
    sentences = [s for p in sorted(folder.glob("*.txt")) for s in _SENTENCE_SPLIT.split(p.read_text("utf-8"))]
    assert len(sentences) > 2000
    assert [cue_words(s) for s in sentences] == [_cue_words_by_splitting(s) for s in sentences]


def test_number_scan_narrowed_to_the_words_written_finds_the_same_tokens() -> None:
    """find_quantities scans a sentence with spelled numbers with a pattern whose leading class holds only
    the first letters of the number words it writes; it finds what the full pattern finds, on the demo and
    dev sentences and on random text with the characters re.I folds into letters (ſ, K, İ, ı)."""
    import random

    from generator.nlp import quantities as q

    paths = [p for d in ("content/sources", "tests/devset/articles") for p in sorted((ROOT / d).glob("*.t*"))]
    sentences = [line for p in paths for line in p.read_text(encoding="utf-8").splitlines()]
    rnd = random.Random(3)
    pieces = ["one", "Twenty", "-", "first", "a", " million", "ſecond", "firſt", "\u212a", "\u0130", "ı",
              "thou", "2", "nd", " ", "a dozen", "é", "_", "hundred", "fifth", "Seventy-two"]
    sentences += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 9))) for _ in range(20000)]
    for s in sentences:
        words = q.cue_words(s)
        if q._NUMBER_WORDS.isdisjoint(words):
            continue
        found = [(m.span(), m.groupdict()) for m in q._token_re(s, words).finditer(s)]
        assert found == [(m.span(), m.groupdict()) for m in q._TOKEN_RE.finditer(s)], s
