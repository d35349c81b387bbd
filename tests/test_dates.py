"""Tests of generator.nlp.dates: literal sentences, the dev gold annotation, and random-text properties."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.nlp.dates import DateResolver, DateValue, infer_document_date, parse_date_value

ROOT = Path(__file__).resolve().parent.parent
ISO = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def values(reference: str | None, *sentences: str) -> list[tuple[str, bool]]:
    """(value, relative) of the last sentence, after resolving the earlier ones of the same paragraph."""
    resolver = DateResolver(reference)
    found: list[DateValue] = []
    for sentence in sentences:
        found = resolver.resolve(sentence)
    return [(d.value, d.relative) for d in found]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("On March 23, 2019, Italy signed the memorandum.", "2019-03-23"),
    ("The deal was signed on 23 March 2019 in Rome.", "2019-03-23"),
    ("An official told VOA 06 March 2018 on condition of anonymity.", "2018-03-06"),
    ("Salvini on 10 July 2019 denied the report.", "2019-07-10"),
    ("Delhi and Paris met on the 1st of June, 2021.", "2021-06-01"),
    ("In March 2020, the government imposed a lockdown.", "2020-03"),
    ("The report was issued in December 2023.", "2023-12"),
    ("Trade exceeded 27 billion euro in 2011.", "2011"),
    ("Proof was the 2015 announcement that the army would expand.", "2015"),
    ("the 2024–2027 Action Plan", "2024"),
    ("the 2024-2027 Action Plan", "2024"),
    ("the fiscal 2019-20 budget", "2019"),
    ("Brazil imported half of its machinery in the 1960s.", "1960"),
    ("In the first eight months of 2025, trade grew.", "2025-01"),  # an interval: its start
    ("The text is dated 2023-04-20 in the archive.", "2023-04-20"),
    ("Page last modified: 10-08-2019", "2019-08-10"),
    ("By marach 2018, the prospects had changed.", "2018-03"),
    ("Talks resumed in Febuary 2021 in Berlin.", "2021-02"),
    ("despite his statements made during SPIEF-2016", "2016"),
    ("Growth resumed in mid-2021.", "2021"),
    ("The jury praised Marco 2018 winners.", "2018"),  # a name near "March" is not a misspelt month
])
def test_absolute_expressions(sentence: str, expected: str) -> None:
    found = values(None, sentence)
    assert found == [(expected, False)]


def test_absolute_expression_offsets_and_precision() -> None:
    sentence = "Delhi signed on March 23, 2019 and again in May 2020."
    found = DateResolver(None).resolve(sentence)
    assert [(d.value, d.precision, d.text) for d in found] == [
        ("2019-03-23", "day", "March 23, 2019"), ("2020-05", "month", "May 2020")]
    assert all(sentence[d.start:d.end] == d.text for d in found)


def test_year_interval_gives_both_years() -> None:
    assert values(None, "From 1998 to 2007 exports to Russia grew by 230 percent.") == [
        ("1998", False), ("2007", False)]


@pytest.mark.parametrize("sentence", [
    "Exports grew from 2.7 billion Euros to 9.5 Billion.",
    "The first major outbreak of COVID-19 outside of China hit Italy.",
    "Italy was the first G7 nation to adopt 5G rules.",
    "The 12th session of the committee opened.",
    "FIAT assembles 120,000 Jeeps annually.",
    "Prices rose 15% and 30% of gas came from Russia.",
    "Page last modified at 19:04:49 ZULU.",
    "The pilots fly the French Mirage-2000 and the US F-15.",
    "Crosetto announced a 1500-strong cyber army.",
    "Some 2000 troops crossed the border.",
    "The budget reached 2050 million rupees.",
    "The vessel carried 1900 tonnes of grain.",
    "UN Security Council Resolution 1973 authorised the operation.",
    "The decree implements Law 90/2024 on cybersecurity.",
    "Retail sales of 3400 units were recorded.",
    "Theresa May met the French president.",
    "Theresa May 5 times rejected the plan.",
    "The letter to May was leaked.",
    "Italians may soon march to Brussels.",
    "The markets fell on Black Friday.",
    "The relationship is now framed by EU-wide concerns.",
    "This is where Italy and China collaborate today.",
    "A recent EU-level analysis highlights de-risking.",
    "Over recent years relations improved.",
    "The last year of his term was calm.",
    "The COVID-19 March protests were large.",
])
def test_non_dates(sentence: str) -> None:
    assert values("2020-05-29", sentence) == []


@pytest.mark.parametrize(("reference", "sentence", "expected"), [
    ("2020-05-29", "On March 25 this year, the administration released its strategy.", ("2020-03-25", True)),
    ("2020-05-29", "In April of this year, the rule was reformed.", ("2020-04", True)),
    ("2019-08-10", "Talks were held in Moscow last October.", ("2018-10", True)),
    ("2019-08-10", "Trade fell last year.", ("2018", True)),
    ("2019-08-10", "Trade grew this year.", ("2019", True)),
    ("2019-08-10", "Elections are due next year.", ("2020", True)),
    ("2019-08-10", "Exports fell last month.", ("2019-07", True)),
    ("2019-08-10", "Recently, the ministry announced a new office.", ("2019-08", True)),
    ("2023-04-20", "The decision now rests with Prime Minister Meloni.", ("2023-04-20", True)),
    ("2023-04-20", "Germany now plans to buy more gas from Brazil.", ("2023-04-20", True)),
    ("2023-04-20", "The minister said today that talks would resume.", ("2023-04-20", True)),
    ("2023-04-20", "The minister arrived in Delhi yesterday.", ("2023-04-19", True)),
    ("2016-06-20", "The resolution was adopted in May.", ("2016-05", True)),
    ("2016-06-20", "France and India met on 18 May to discuss Rafale jets.", ("2016-05-18", True)),
    ("2016-06-20", "France and India met on May 18 to discuss Rafale jets.", ("2016-05-18", True)),
    ("2016-06-20", "On May 18 France and India discussed Rafale jets.", ("2016-05-18", True)),
    ("2016-06-20", "In May, India ordered Rafale jets.", ("2016-05", True)),
    ("2016-06-20", "Leaders will gather at the summit on June 28-29.", ("2016-06-28", True)),
    ("2016-06-20", "Italys March 4 election changed everything.", ("2016-03-04", True)),
    ("2019-08-10", "Buzzfeed said it had a recording of talks in Moscow in October.", ("2018-10", True)),
    ("2019-11-10", "The talks will resume in March.", ("2020-03", True)),
    ("2025", "Exports rose in October.", ("2025-10", True)),
])
def test_relative_against_reference(reference: str, sentence: str, expected: tuple[str, bool]) -> None:
    assert values(reference, sentence) == [expected]


def test_last_month_name_against_anchor_in_same_sentence() -> None:
    sentence = "L'Espresso reported in February 2019 that Savoini had held talks in Moscow last October."
    assert values("2019-08-10", sentence) == [("2019-02", False), ("2018-10", True)]


def test_anchor_is_previous_dated_sentence_of_paragraph() -> None:
    context = ["The Senate adopted a resolution on 27 June 2016.", "The text was approved by a majority."]
    assert values("2019-08-10", *context, "Earlier Monday, the Senate rejected two resolutions.") == [
        ("2016-06-27", True)]
    assert values("2019-08-10", "Di Maio said 06 June 2018 that Italy would not bow.",
                  "He said on Thursday that his government would be firm.") == [("2018-06-07", True)]
    assert values("2019-08-10", "In January 2017 Gentiloni spoke.", "The summit in May will matter.") == [
        ("2017-05", True)]


def test_since_year_is_not_an_anchor() -> None:
    assert values("2020-05-29", "The US has pressured Italy since 2018.",
                  "On March 25 this year, the US released a strategy.") == [("2020-03-25", True)]


def test_next_day_counts_from_previous_date() -> None:
    sentence = "On October 8, 2024, Wang Yi co-chaired the committee, followed by a meeting the next day."
    assert values(None, sentence) == [("2024-10-08", False), ("2024-10-09", True)]
    context = "On October 8, Wang co-chaired the session."
    assert values("2025-10-20", context, "The following day he met Mattarella.") == [("2025-10-09", True)]
    assert values(None, "The accord was signed on 8 October 2024.", "The day before, talks stalled.") == [
        ("2024-10-07", True)]
    assert values(None, "In 2015, Berlusconi visited Crimea.", "The following year, sanctions stayed.") == [
        ("2016", True)]


def test_weekday_needs_a_day_anchor() -> None:
    assert values("2016-06-29", "Earlier Monday, the Senate discussed the text.") == [("2016-06-27", True)]
    assert values("2016-06-29", "Officials met last Friday.") == [("2016-06-24", True)]
    # a reference date of year precision cannot place a weekday: the event keeps the year
    assert values("2016", "Earlier Monday, the Senate discussed the text.") == [("2016", True)]
    assert values(None, "Earlier Monday, the Senate discussed the text.") == []


def test_new_paragraph_resets_paragraph_anchor() -> None:
    resolver = DateResolver("2019-08-10")
    resolver.resolve("Trade exceeded 27 billion euro in 2011.")
    resolver.resolve("Talks went well.")
    assert [d.value for d in resolver.resolve("In May, ministers met.", new_paragraph=True)] == ["2019-05"]
    resolver.resolve("Trade exceeded 27 billion euro in 2011.")
    # a month in a new paragraph is read against the document date, not the previous sentence's year
    assert [d.value for d in resolver.resolve("In May, ministers met.", new_paragraph=True)] == ["2019-05"]
    resolver = DateResolver(None)
    resolver.resolve("Trade exceeded 27 billion euro in 2011.")
    assert [d.value for d in resolver.resolve("In May, ministers met.", new_paragraph=True)] == ["2011-05"]


def test_relative_without_anchor_is_dropped() -> None:
    assert values(None, "Talks were held last October and again on Thursday, recently.") == []


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("May 29, 2020", "2020-05-29", "day"),
    ("2023-04-20", "2023-04-20", "day"),
    ("10-08-2019", "2019-08-10", "day"),
    ("08-25-2019", "2019-08-25", "day"),
    ("29 June 2016", "2016-06-29", "day"),
    ("2019-03", "2019-03", "month"),
    ("2011-12", "2011-12", "month"),
    ("2025", "2025", "year"),
    ("Thu, 20 Apr 2023 10:15:00 +0000", "2023-04-20", "day"),
    ("20230420", "2023-04-20", "day"),
])
def test_parse_date(text: str, value: str, precision: str) -> None:
    parsed = parse_date_value(text)
    assert parsed is not None
    assert (parsed.value, parsed.precision, parsed.relative) == (value, precision, False)


@pytest.mark.parametrize("text", ["", "hello", "COVID-19", "120,000", "19:04:49", "G7 summit"])
def test_parse_date_rejects(text: str) -> None:
    assert parse_date_value(text) is None


def test_parse_date_impossible_day_keeps_month() -> None:
    parsed = parse_date_value("31 February 2019")
    assert parsed is not None and (parsed.value, parsed.precision) == ("2019-02", "month")


def _gold() -> dict:
    with open(ROOT / "tests" / "seeds_dev.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


def _resolve_document(text: str, reference: str | None) -> list[tuple[str, list[DateValue]]]:
    resolver = DateResolver(reference)
    out = []
    for paragraph in re.split(r"\n\s*\n", text):
        for i, sentence in enumerate(SENTENCE_END.split(paragraph.strip())):
            out.append((sentence, resolver.resolve(sentence, new_paragraph=i == 0)))
    return out


def test_gold_event_dates() -> None:
    gold = _gold()
    hits, misses = 0, []
    for doc in gold["documents"]:
        text = (ROOT / "content" / "sources" / doc["file"]).read_text(encoding="utf-8")
        sentences = _resolve_document(text, doc["reference_date"])
        for event in (e for e in gold["events"] if e["file"] == doc["file"]):
            quote = event["quote"].rstrip(".")
            found = [d for sentence, dates in sentences if quote in sentence for d in dates]
            if any(d.value.startswith(str(event["date"])) for d in found):
                hits += 1
            else:
                misses.append((event["date"], event["quote"], [d.value for d in found]))
    total = hits + len(misses)
    print(f"gold event dates: {hits}/{total} = {hits / total:.1%}")
    for miss in misses:
        print("  miss:", miss)
    assert total > 0 and hits / total >= 0.85


WORDS = st.sampled_from(
    "on in last next this the following day before after May June October Sept. 18 2019 2019-20 "
    "10-08-2019 31 February Monday Thursday Earlier now today yesterday recently rests said will "
    "1960s marach year month , . - – / : $ % 2.7 COVID-19".split())
SENTENCES = st.lists(WORDS, max_size=15).map(" ".join) | st.text(max_size=80)


@settings(max_examples=300, deadline=None)
@given(st.lists(SENTENCES, min_size=1, max_size=4),
       st.sampled_from([None, "2019", "2019-08", "2019-08-10", "1800-01-01", "2100-12-31"]))
def test_resolve_never_raises_and_returns_iso(sentences: list[str], reference: str | None) -> None:
    resolver = DateResolver(reference)
    for i, sentence in enumerate(sentences):
        for d in resolver.resolve(sentence, new_paragraph=i % 2 == 1):
            assert ISO.match(d.value)
            assert d.precision == ("year", "month", "day")[d.value.count("-")]
            if d.inferred:  # carried from an earlier sentence: no span in this one
                assert (d.start, d.end) == (0, 0)
            else:
                assert 0 <= d.start < d.end <= len(sentence) and sentence[d.start:d.end] == d.text


@settings(max_examples=200, deadline=None)
@given(SENTENCES | st.from_regex(r"[0-3]?\d[-/. ][01]?\d[-/. ](19|20)\d\d", fullmatch=True))
def test_parse_date_never_raises(text: str) -> None:
    parsed = parse_date_value(text)
    if parsed is not None:
        assert ISO.match(parsed.value) and not parsed.relative
        assert text[parsed.start:parsed.end] == parsed.text


def test_deictic_units_read_against_the_document_date() -> None:
    # "last year" in a paragraph about 2015 still means the year before the document's
    assert values("2021-11-10", "In 2015, Peru joined the pact.",
                  "It was hoped the port would open last year.") == [("2020", True)]
    assert values("2022-05-18", "Ministers met in Oslo this week.") == [("2022-05-16", True)]  # its Monday
    assert values("2022-05-18", "The envoy visited Lima last week.") == [("2022-05-09", True)]
    assert values("2022-05-18", "Exports fell this month.") == [("2022-05", True)]
    # written on a Sunday, the last day of its week: what is still to come "this week" is in the next one
    assert values("2022-05-22", "Envoys are expected in Kampala this week.") == [("2022-05-23", True)]
    assert values("2022-05-22", "Envoys met in Kampala this week.") == [("2022-05-16", True)]


def test_weekday_is_on_or_before_the_reference_date() -> None:
    assert values("2022-05-18", "The minister said Thursday that talks would go on.") == [
        ("2022-05-12", True)]
    assert values("2022-05-18", "Oslo spoke with Lima by telephone last Wednesday.") == [("2022-05-11", True)]
    assert values("2022-05-18", "Delegates will meet on Friday in Quito.") == [("2022-05-20", True)]


def test_weekday_with_day_and_month_takes_the_year_they_agree_in() -> None:
    # a 2022 article: the historical year of the previous sentence does not anchor "Wednesday, May 11"
    assert values("2022-05-18", "Chile first protested in 2019.", "On Wednesday, May 11, the envoys met.") \
        == [("2022-05-11", True)]


@pytest.mark.parametrize(("before", "sentence", "expected"), [
    ("The accord was signed on 8 October 2024.", "Earlier that day, protesters gathered.", "2024-10-08"),
    ("The accord was signed on 8 October 2024.", "Later that day, Oslo welcomed it.", "2024-10-08"),
    ("Sanctions were imposed in 2020.", "Exports fell that same year.", "2020"),
    ("A joint commission was set up in 1998.", "Since then, dozens of accords have been signed.", "1998"),
    ("The treaty was signed on 8 October 2024.", "One year after the signing, trade doubled.", "2025-10"),
    ("The treaty was signed on 8 October 2024.", "Two weeks later, the ports reopened.", "2024-10-22"),
    ("The treaty was signed on 8 October 2024.", "A few weeks earlier, talks had stalled.", "2024-09"),
    ("Leaders held a summit in Quito on 12 June 2023.", "On the eve of the summit, envoys met.",
     "2023-06-11"),
    ("Chile and Peru held a summit on 12 June 2023.", "A week after the summit, the border reopened.",
     "2023-06-19"),
])
def test_counted_from_the_last_date_or_the_named_occasion(before: str, sentence: str, expected: str) -> None:
    assert values("2025-06-01", before, sentence)[0][0] == expected


def test_counting_from_a_coarser_date_keeps_its_precision() -> None:
    assert values("2019", "A month after the riots, the president visits Lima.") == [("2019", True)]


def test_since_last_month_name() -> None:
    assert values("2022-05-18", "Since taking office last September, she has visited Lima twice.") == [
        ("2021-09", True)]


def test_a_continuing_sentence_inherits_the_date_flagged_inferred() -> None:
    resolver = DateResolver("2023-04-20")
    resolver.resolve("The presidents of Chile and Peru met in Lima on 12 April 2023.")
    found = resolver.resolve("The two leaders also agreed to reopen the border.")
    assert [(d.value, d.inferred) for d in found] == [("2023-04-12", True)]
    found = resolver.resolve("They signed three memoranda on mining.")
    assert [(d.value, d.inferred) for d in found] == [("2023-04-12", True)]
    # another time, the future, another subject or a new paragraph: no inheritance
    assert resolver.resolve("They had previously clashed over fishing rights.") == []
    resolver.resolve("The presidents of Chile and Peru met in Lima on 12 April 2023.")
    assert resolver.resolve("They will meet again in Santiago.") == []
    resolver.resolve("The presidents of Chile and Peru met in Lima on 12 April 2023.")
    assert resolver.resolve("Copper prices rose sharply.") == []
    resolver.resolve("The presidents of Chile and Peru met in Lima on 12 April 2023.")
    assert resolver.resolve("They agreed on fishing quotas.", new_paragraph=True) == []


@pytest.mark.parametrize("sentence", [
    "The September 11 attacks changed the alliance.",
    "Veterans of the May 4th Movement spoke.",
    "Regulation (EU) 2019/452 sets up a screening framework.",
    "Under Law 90/2024, the agency screens investments.",
    "Resolution 2231 endorsed the nuclear deal.",
])
def test_named_dates_and_identifiers_are_not_dates(sentence: str) -> None:
    assert values("2022-05-18", sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Today, the ministry has imposed new curbs on steel imports.", "2024-05-17"),
    ("Today's decision ends the dispute.", "2024-05-17"),
    ("Today marks ten years since the treaty.", "2024-05-17"),
    ("We are expelling two diplomats today, in response to the arrests.", "2024-05-17"),
    ("The challenges the region faces today are many.", None),
    ("Italy today is a divided country.", None),
    ("Lima, Peru - Today, the two foreign ministers launched a dialogue.", "2024-05-17"),  # after a dateline
    ("OSLO — Today, the ministry has imposed new curbs.", "2024-05-17"),
    ("The minister, who said - Today was a turning point.", None),  # a dash inside a sentence is no dateline
])
def test_today_is_the_day_of_the_text_when_it_dates_an_action(sentence: str, expected: str | None) -> None:
    found = DateResolver("2024-05-17").resolve(sentence, new_paragraph=True)
    assert (found[0].value if found else None) == expected


def test_today_before_a_past_tense_verb_and_later_on_the_same_weekday() -> None:
    found = values("2018-09-11", "The two leaders today officially opened the crossing.")
    assert found == [("2018-09-11", True)]
    # 2018-09-11 is a Tuesday: "later Tuesday" in a future clause is that day, "on Tuesday" next week
    assert values("2018-09-11",
                  "They will hold a ceremony later Tuesday at the border.")[0][0] == "2018-09-11"
    assert values("2018-09-11", "They will hold a ceremony on Tuesday at the border.")[0][0] == "2018-09-18"
    # a scheduled present: "departs on Monday" is the coming Monday
    assert values("2022-03-25", "The minister departs on Monday for Suva.")[0][0] == "2022-03-28"
    assert values("2022-03-25", "The minister met the envoy on Monday.")[0][0] == "2022-03-21"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Exports have grown over the past two years.", [("2022", True)]),
    ("Trade has doubled in the past decade.", [("2014", True)]),
    ("The last few months saw a slight decline in tourism.", [("2024-02", True)]),
    ("Fighting in the past two weeks displaced thousands.", [("2024-05-15", True)]),
    ("It is the first visit by a Vietnamese leader in 42 years.", [("1982", True)]),
    ("Relations had soured in recent months over grain.", [("2024-02", True)]),  # a few months
    ("The dialogue builds upon over 30 years of bilateral relations.", [("1994", True)]),
    ("This is the 25th year of the alliance.", [("1999", True)]),
    ("They will meet again in the year ahead.", [("2024", True)]),
    ("Talks will go on over the coming months.", [("2024-05", True)]),
    ("The minister visits Lima for the first time since the December election.", [("2023-12", True)]),
    ("Inflation is at its lowest level in a decade.", [("2014", True)]),
    ("The agency has provided grants worth a billion dollars in 10 years.", [("2014", True)]),
    ("Relations have been tense for more than a year.", [("2023", True)]),
    ("Currently the two states trade through a third country.", [("2024-05-29", True)]),
    ("Recent figures from the statistics office show exports rising.", [("2024", True)]),
    ("The army will shortly begin a drawdown of its forces.", [("2024-05", True)]),  # soon after the text
    ("The ministers are expected to meet soon.", [("2024-05", True)]),
    ("He soon resigned.", []),  # narrative: soon after something else
    ("They want a deal as soon as possible.", []),
    ("He said February's decision to close the border was a mistake.", [("2024-02", True)]),
    ("The ministry hopes to deploy a force as early as July.", [("2024-07", True)]),
    ("Two months after signing the accord, Chile says it will ratify it.", [("2024-03", True)]),
])
def test_spans_reaching_the_present_and_other_deictic_forms(sentence: str,
                                                           expected: list[tuple[str, bool]]) -> None:
    """A span reaching the present opens at the reference date less its length; a gerund after "N after" in a
    present-tense sentence lies that long before the document's date."""
    assert values("2024-05-29", sentence) == expected


@pytest.mark.parametrize("sentence", [
    "He was jailed for two years.",
    "Exports will double in ten years.",
    "The last year of his term was calm.",
    "He said May's government had failed.",
    "The loan runs for 20 years.",
])
def test_durations_and_forecasts_are_not_spans_to_the_present(sentence: str) -> None:
    assert values("2024-05-29", sentence) == []


def test_have_since_counts_from_the_previous_date_and_during_the_stay_inherits() -> None:
    resolver = DateResolver("2024-04-22")
    assert [d.value for d in resolver.resolve("The activists were arrested on Tuesday.")] == ["2024-04-16"]
    assert [d.value for d in resolver.resolve("They have since been released.")] == ["2024-04-16"]
    resolver = DateResolver("2024-04-22")
    resolver.resolve("The president arrived in the capital Monday.")
    resolver.resolve("A statement said the talks would cover trade.")
    during = resolver.resolve("During his three-day stay, the president is scheduled to meet the premier.")
    assert [(d.value, d.inferred) for d in during] == [("2024-04-22", True)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("More than 30 years have passed since the two states fought a war.", [("1994", True)]),
    ("It has been ten years since the last state visit.", [("2014", True)]),
    ("The dispute goes back almost 50 years.", [("1974", True)]),
    ("The clash revives a 60-year-old feud between the neighbours.", [("1964", True)]),
    ("Voters are due to decide in a September referendum.", [("2024-09", True)]),
    ("The government is now seeking a compromise.", [("2024-05-29", True)]),
])
def test_elapsed_time_named_months_and_acts_under_way(sentence: str,
                                                      expected: list[tuple[str, bool]]) -> None:
    assert values("2024-05-29", sentence) == expected


def test_a_span_counted_forward_never_lands_decades_after_the_text() -> None:
    assert values("2012-08-11", "The dispute began 50 years after independence.") == []


@pytest.mark.parametrize(("sentences", "expected"), [
    (["This year we celebrate the 85th anniversary of the victory."], [("2024", True), ("1939", True)]),
    (["On 1 August 2024 we mark the 60th anniversary of the treaty's signing."],
     [("2024-08-01", False), ("1964-08-01", True)]),
    (["They celebrate 60 years of diplomatic relations."], [("1964", True)]),
    (["Trade grew after this summer's floods."], [("2024-06", True)]),
    (["Output rose in the second half of 2019."], [("2019-07", False)]),
    (["Exports fell in the summer of 2019."], [("2019-06", False)]),
    (["Just a month after a coalition was formed in March, the two sides signed a deal."],
     [("2024-04", True), ("2024-03", True)]),
    (["Troops crossed the border on April 7.", "Nobody expects a return to the status quo before April 7."],
     [("2024-04-07", True)]),
    (["Talks have now been downgraded to the expert level."], [("2024-05-29", True)]),
    (["A week after the summit, the envoys met."], []),
])
def test_anniversaries_seasons_parts_and_counted_clauses(sentences: list[str],
                                                         expected: list[tuple[str, bool]]) -> None:
    """An anniversary dates what it marks; a season is its first month; "a month after … in March" counts
    from March; a day and month named again are the same date; a span counted from an undated occasion
    never lands after the text in a past-tense sentence."""
    assert values("2024-05-29", *sentences) == expected


def test_parts_of_the_day_todays_occasions_and_anniversaries_counted_from_a_later_year() -> None:
    resolver = DateResolver("2017-11-27")
    resolver.resolve("The minister arrived in Nairobi on 26 November.")
    assert [d.value for d in resolver.resolve("In the afternoon, he met the president.")] == ["2017-11-26"]
    assert values("2013-10-22", "Speaking after today’s UK-Ghana Trade Dialogue, the minister left.") \
        == [("2013-10-22", True)]
    assert values("2013-10-22", "These are the challenges of today's world.") == []
    assert values("2014-12-15", "Ministers look forward to the 40th anniversary of independence in 2015.") \
        == [("1975", True), ("2015", False)]


def test_identifier_years_and_scheduled_days() -> None:
    """"Resolution 2699 (2023)" names a resolution, not a time; a text whose only date is a day it looks
    forward to ("scheduled for May 9, 2024") was written that year."""
    assert values("2024-05-01", "They acted in line with Resolution 2699 (2023).") == []
    scheduled = "The ministers met on March 14. A dialogue is scheduled for May 9, 2024."
    assert infer_document_date(scheduled) == "2024"
    assert infer_document_date("Investments are due by 2030. The ministers met on Monday.") is None


def test_hijri_months_and_feasts_from_the_umm_al_qura_calendar() -> None:
    """Ramadan 1444 began on 23 March 2023 and Eid al-Fitr fell on 21 April 2023 (Umm al-Qura)."""
    ramadan = "The minister visited Cairo during the holy month of Ramadan."
    assert values("2023-04-06", ramadan) == [("2023-03", True)]
    assert values("2023-04-06", "The ceasefire will begin on Eid al-Fitr.") == [("2023-04-21", True)]
    assert values("1900-04-06", "The envoy arrived during Ramadan.") == []  # outside the calendar's table


def test_todays_action_is_the_day_of_the_text() -> None:
    assert values("2025-09-16", "For more information on today's action, see the Treasury release.") \
        == [("2025-09-16", True)]


def test_a_weekday_after_a_background_year_is_in_the_week_of_the_text() -> None:
    resolver = DateResolver("2021-05-18")  # a Tuesday
    resolver.resolve("Morocco annexed the territory in 1975.")
    found = resolver.resolve("Migrants kept reaching the city on Tuesday, though fewer than the day before.")
    assert [d.value for d in found] == ["2021-05-18", "2021-05-17"]
    # a year of the weekday's own sentence still places it
    assert [d.value for d in DateResolver("2021-05-18").resolve("In 2019, on a Tuesday, they met.")] == \
        ["2019", "2019"]


def test_a_date_line_dates_the_paragraph_it_heads() -> None:
    resolver = DateResolver("2013-04-19")
    assert [d.value for d in resolver.resolve("May 2, 2012, Oslo", new_paragraph=True)] == ["2012-05-02"]
    found = resolver.resolve("The two presidents discussed energy cooperation.", new_paragraph=True)
    assert [(d.value, d.inferred) for d in found] == [("2012-05-02", True)]
    assert resolver.resolve("They also spoke to the press.", new_paragraph=True) == []  # only the first
    resolver = DateResolver("2013-04-19")
    resolver.resolve("The treaty of May 2, 2012 was signed in Oslo.", new_paragraph=True)  # no date line
    assert resolver.resolve("The two presidents discussed energy cooperation.", new_paragraph=True) == []


def test_subsequently_counts_from_the_last_date_told() -> None:
    resolver = DateResolver("2016")
    resolver.resolve("At a meeting on November 13, 2015, the two sides agreed to revive the commission.")
    resolver.resolve("They named three areas:", new_paragraph=True)
    resolver.resolve("- Security", new_paragraph=True)
    found = resolver.resolve("The two sides subsequently developed a detailed agenda.", new_paragraph=True)
    assert [(d.value, d.relative) for d in found] == [("2015-11-13", True)]
    assert values("2016", "The border was closed in May 2014.", "Trade has since recovered.") == \
        [("2014-05", True)]


@pytest.mark.parametrize("text", ["Monday", "today the 5-day talks", "x_day", "Sept. 5", "JanuaryX",
                                  "in Mayotte", "May 5", "weekday", "Decade", "the 1990s", "Ahmed_May",
                                  "٢٠٢٤ and June"])
def test_fast_hints_find_what_their_patterns_find(text: str) -> None:
    from generator.nlp import date_patterns as dp

    assert dp._word_found(dp._MONTH_WORDS, text) == bool(dp._MONTH_HINT.search(text))
    assert dp._word_found(dp._WEEKDAY_WORDS, text) == bool(dp._WEEKDAY_HINT.search(text))
    _flags, unit, month = dp._hint_scan(text.lower())
    assert unit == bool(dp._UNIT_HINT.search(text.lower()))
    assert month or not dp._MONTH_HINT.search(text)  # no month's opening letters: no month


def test_a_sentence_opening_at_a_dated_meeting_takes_its_date() -> None:
    resolver = DateResolver("2019-08-23")
    resolver.resolve("The minister met her Chilean counterpart in Lima on Thursday.", new_paragraph=True)
    resolver.resolve("She said trade would grow.", new_paragraph=True)
    found = resolver.resolve("Ahead of their talks, the minister said she would raise fishing.",
                             new_paragraph=True)
    assert [(d.value, d.inferred) for d in found] == [("2019-08-22", True)]
    assert DateResolver("2019-08-23").resolve("Ahead of their talks, the minister spoke.") == []  # none dated


def test_the_pattern_gates_never_skip_a_pattern_that_matches() -> None:
    """Every pattern that matches a sentence of the demo or dev articles is among the kinds _kinds_for runs
    (the word gates only skip patterns that cannot match)."""
    from generator.nlp import date_patterns as dp

    root = Path(__file__).resolve().parent.parent
    files = [*(root / "content" / "sources").glob("*.txt"),
             *(root / "tests" / "devset" / "articles").glob("*.txt")]
    sentences = [s for f in sorted(files) for s in re.split(r"(?<=[.!?])\s+|\n", f.read_text("utf-8")) if s]
    assert len(sentences) > 1500
    for sentence in sentences:
        run = set(dp._kinds_for(sentence))
        for kind, rx in dp._RX.items():
            if rx.search(sentence):
                assert kind in run, (kind, sentence)


def test_a_readouts_outset_takes_the_date_of_the_meeting_it_reports() -> None:
    resolver = DateResolver("2023-07-13")
    resolver.resolve("On July 13, the Minister held a meeting with his counterpart.", new_paragraph=True)
    found = resolver.resolve("1. At the outset, the Minister congratulated her on the 30th anniversary of "
                             "relations this year.", new_paragraph=True)
    assert [(d.value, d.inferred) for d in found][0] == ("2023-07-13", True)
    assert len(found) > 1  # its own dates stay
    assert DateResolver("2023-07-13").resolve("At the outset, the Minister spoke.") == []  # no meeting told


@pytest.mark.parametrize(("reference", "sentence", "expected"), [
    ("2023-05-15", "Lord Ahmad visited Morocco from 8 to 9 May 2023.", "2023-05-08"),  # a range: its start
    ("2023-05-15", "He will travel on May 8 to 9, 2023.", "2023-05-08"),
    ("2021-01-04", "The borders were sealed more than three years ago.", "2017"),  # half a year further
    ("2021-01-04", "The borders were sealed three years ago.", "2018-01"),
    ("2008-03-14", "And today the two presidents decided to sign the agreement.", "2008-03-14"),
])
def test_day_ranges_hedged_spans_and_an_opening_today(reference: str, sentence: str, expected: str) -> None:
    assert [d.value for d in DateResolver(reference).resolve(sentence, new_paragraph=True)] == [expected]


def test_the_season_of_that_year() -> None:
    resolver = DateResolver("2023-12-07")
    resolver.resolve("Relations soured in 2020 over energy exploration.", new_paragraph=True)
    found = resolver.resolve("The two members came close to conflict in the summer of that year.")
    assert [(d.value, d.precision) for d in found] == [("2020-06", "month")]


@pytest.mark.parametrize(("reference", "sentence", "expected"), [
    ("2015-07-29", "Relations deepened in this memorable year of the 120th anniversary.", "2015"),
    ("2020-08-13", "Delegations would meet in the next few weeks to sign deals.", "2020-08-10"),  # its week
    ("2018-03-09", "Investment will grow over the next 10 years.", "2018"),
    ("2021-07-23", "The Secretary met with the Foreign Minister today on the margins of the dialogue.",
     "2021-07-23"),
    ("2020-08-13", "He said that now that the ice has been broken, others will follow.", "2020-08-13"),
])
def test_describing_words_spans_ahead_and_present_times(reference: str, sentence: str, expected: str) -> None:
    found = DateResolver(reference).resolve(sentence, new_paragraph=True)
    assert expected in [d.value for d in found]


@pytest.mark.parametrize("sentence", [
    "The talks lasted for the last two years.",  # a count, not a describing word: another pattern's job
    "The foreign minister today is a different man.",  # no action before, nothing after
])
def test_no_present_time_without_its_cue(sentence: str) -> None:
    found = DateResolver("2021-07-23").resolve(sentence, new_paragraph=True)
    assert "2021-07-23" not in [d.value for d in found]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("October marks the 40th anniversary of the Helsinki talks.", [("2021-10", True), ("1981-10", True)]),
    ("March saw the largest arrivals on record.", [("2021-03", True)]),
    ("Last month marked the 10th anniversary of the accord.", [("2021-06", True), ("2011-06", True)]),
    ("Theresa May saw the ambassador.", []),  # "May" before a verb is a name, not the month
    ("The march saw clashes with police.", []),
])
def test_a_month_as_subject(sentence: str, expected: list[tuple[str, bool]]) -> None:
    assert values("2021-07-23", sentence) == expected


@pytest.mark.parametrize(("reference", "sentence", "expected"), [
    ("2010-11-27", "Ambassadors will be in place before Christmas.", "2010-12-25"),
    ("2010-11-27", "The envoys met on Christmas Eve.", "2009-12-24"),  # past: the one before the text
    ("2016-06-02", "The ceasefire collapsed on New Year's Day.", "2016-01-01"),
    ("2012-10-03", "She recently returned from Lima.", "2012-10"),  # "recently": the text's month
    ("2012-10-03", "Her recent visit to Lima was a success.", "2012-10"),
    ("2012-10-03", "Recent figures show exports rising.", "2012"),  # figures: only the year
    ("2013-03-22", "Ties soured with the collapse of the bloc more than two decades ago.", "1993"),
    ("2025-02-26", "Thank you for your warm welcome tonight.", "2025-02-26"),
    ("2009-02-22", "The two governments have now set up a joint committee.", "2009-02-22"),
    ("2019-07-31", "The President was pleased to welcome the Prime Minister of Mongolia for a bilateral "
                   "meeting at the White House today.", "2019-07-31"),
])
def test_feasts_recent_decades_tonight_and_perfects(reference: str, sentence: str, expected: str) -> None:
    found = DateResolver(reference).resolve(sentence, new_paragraph=True)
    assert expected in [d.value for d in found]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Taipei will open an office in Vilnius by the end of the year.", [("2021-12", True)]),
    ("The deal must be ratified by the end of next year.", [("2022-12", True)]),
    ("The border has been disputed since the late 19th century.", [("1870", False)]),
    ("A mid-19th-century treaty drew the line.", [("1840", False)]),
])
def test_year_ends_and_centuries(sentence: str, expected: list[tuple[str, bool]]) -> None:
    assert values("2021-08-10", sentence) == expected


def test_a_later_month_takes_the_tense_of_its_own_clause() -> None:
    """"July marks the anniversary, and next January, 70 years since ties were established": July is this
    year's (the past tense belongs to the other clause)."""
    found = values("2019-05-22", "July marks the 25th anniversary of the treaty, and next January, 70 years "
                                 "since diplomatic ties were established.")
    assert ("2019-07", True) in found
    assert values("2019-05-22", "In July the two sides signed the treaty.") == [("2018-07", True)]


def test_recent_months_when_something_happened() -> None:
    assert values("2023-11-09", "Tensions boiled over in recent months when the border was closed.") \
        == [("2023-08", True)]


def test_a_weekday_beside_a_future_date_is_the_texts() -> None:
    """"The vote on April 10, 2019, announced late Monday": the announcement's Monday is the text's, not
    the one before the scheduled vote; "going back two centuries"; "During his stay" is the visit's."""
    assert values("2018-05-02", "The vote on April 10, 2019, announced in a statement late Monday, follows "
                                "another.") == [("2019-04-10", False), ("2018-04-30", True)]
    assert values("2018-05-02", "The dispute has roots going back two centuries.") == [("1818", True)]
    found = values("2024-03-14", "Peters visited India from 10-13 March.", "During his stay, Peters met the "
                                 "Vice President.")
    assert found and found[0][0] == "2024-03-10"


def test_a_clock_time_is_the_day_last_named() -> None:
    """"arrived at 08:30 hours", "At 18:00 hours (23:00 GMT)", "at 9 am": the day of the programme the text
    tells (the day last named, else the text's); a sentence that writes its day keeps only that day; a
    score or a ratio is no time."""
    assert values("2012-02-29", "President Humala arrived in Chiclayo at 08:30 hours (13:30 GMT).") \
        == [("2012-02-29", True)]
    assert values("2012-02-29", "The ministers met on February 27.", "At 18:00 hours the president left.") \
        == [("2012-02-27", True)]
    assert values("2019-07-31", "Talks will start at 9 am in Lima.") == [("2019-07-31", True)]
    found = DateResolver("2023-05-10").resolve("On May 5, commencing at 1:25 p.m., the ministers met.")
    assert [(d.value, d.text) for d in found] == [("2023-05-05", "May 5")]
    assert values("2019-07-31", "Peru beat Chile 2:1 in the final.") == []
    assert values("2019-07-31", "The index rose 3.50 points.") == []


def test_a_bare_weekday_ahead_on_its_own_weekday_is_the_texts_day() -> None:
    """Written on a Wednesday, "the meeting will take place Wednesday" is that day; "will meet on
    Wednesday" and "next Wednesday" are a week on."""
    assert values("2012-02-29", "The cabinet meeting will take place Wednesday in Chiclayo.") \
        == [("2012-02-29", True)]
    assert values("2012-02-29", "The ministers will meet on Wednesday in Lima.") == [("2012-03-07", True)]
    assert values("2012-02-29", "The ministers will meet next Wednesday.") == [("2012-03-07", True)]


def test_the_start_and_end_of_a_year() -> None:
    """"at the start of this year" is its first month, "by the end of the year" its last."""
    assert values("2020-02-07", "Russia cut supplies at the start of this year.") == [("2020-01", True)]
    assert values("2020-02-07", "Talks resume at the beginning of next year.") == [("2021-01", True)]
    assert values("2020-02-07", "Exports will rise by the end of the year.") == [("2020-12", True)]


def test_pattern_gates_are_those_of_plain_substring_tests() -> None:
    """_kinds_for's one-pass automaton gives each sentence of the demo and dev articles the same pattern
    kinds as testing every hint word, unit stem and month name one by one would."""
    from generator.nlp import date_patterns as dp

    units = re.compile(dp._UNIT_HINT.pattern)

    def plain(sentence: str) -> tuple[str, ...]:
        low = sentence.lower()
        flags = set(dp._DIGIT_FLAGS) if re.search(r"[0-9]", low) else set()
        for word, word_flags in dp._HINT_GROUPS:
            if word in low:
                flags |= word_flags
        if units.search(low):
            flags.add("unit")
        if dp._DIGIT.search(sentence):
            flags.add("digit")
        if dp._MONTH_HINT.search(sentence):
            flags.add("month")
        if dp._WEEKDAY_HINT.search(sentence):
            flags.add("weekday")
        return dp._kinds(frozenset(flags))

    root = Path(__file__).resolve().parent.parent
    paths = [*sorted((root / "content" / "sources").glob("*.txt")),
             *sorted((root / "tests" / "devset" / "articles").glob("*.txt"))]
    sentences = [s for p in paths for s in re.split(r"(?<=[.!?])\s+|\n+", p.read_text(encoding="utf-8"))]
    sentences += ["Today, Monday, they met.", "A two-day visit on 9 May", "Mayday", "in 2019s", "_day one"]
    assert len(sentences) > 2000
    assert [dp._kinds_for(s) for s in sentences] == [plain(s) for s in sentences]


def test_occasion_scan_finds_what_the_occasion_pattern_finds() -> None:
    """_occasions (one automaton pass) gives the (start, word) matches of _OCCASION.finditer on the demo and
    dev sentences and on random text, with the characters re.I folds into ASCII letters (İ, ı, ſ, K)."""
    import random

    from generator.nlp import dates

    texts = [line for d in ("content/sources", "tests/devset/articles")
             for p in sorted((ROOT / d).glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
    rnd = random.Random(11)
    pieces = ["met", "Meets", "TALKS", "war", "summits", "call", "_", "1", "-", " ", "é", "x", "s", "\u0130",
              "\u0131", "\u017f", "\u212a", "stay", "vote"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8))) for _ in range(20000)]
    assert {"summit", "summits", "talks", "met", "meets"} <= set(dates._OCCASION_FORMS)
    for text in texts:
        expected = [(m.start(), m.group("w")) for m in dates._OCCASION.finditer(text)]
        assert dates._occasions(text) == expected, text


def test_rough_sentence_breaks_split_as_the_plain_pattern() -> None:
    """The rough sentence split of document-date inference (written to open with whitespace, so the regex
    engine skips ahead) splits as the plain lookbehind pattern does."""
    import random

    from generator.nlp import dates

    plain = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])|\n+")
    texts = [p.read_text(encoding="utf-8") for d in ("content/sources", "tests/devset/articles")
             for p in sorted((ROOT / d).glob("*.txt"))]
    rnd = random.Random(2)
    chars = ". !?”\"A“\n \ta\u00a0\r"
    texts += ["".join(rnd.choice(chars) for _ in range(rnd.randint(0, 30))) for _ in range(20000)]
    for text in texts:
        assert dates._ROUGH_SENTENCE.split(text) == plain.split(text), text


def test_date_patterns_opened_with_their_first_characters_match_as_the_plain_patterns() -> None:
    """Each date pattern is searched with a lookahead for the characters its matches open with
    (textscan.with_opening_class); it finds the matches (spans and groups) of the plain pattern on the demo
    and dev lines and on random text of date words, digits and the characters re.I folds (İ, ı, ſ, K)."""
    import random

    from generator.nlp import date_patterns as dp

    lines = [line for d in ("content/sources", "tests/devset/articles")
             for p in sorted((ROOT / d).glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
    rnd = random.Random(7)
    pieces = ["In", " March", " 2019", "since", " early", "-", "12", "/", "3", " ", "the ", "Same", " year",
              "day", "s", "Ago", " two", " weeks", " later", "at ", "9:30", " a.m.", "on ", "Monday", "last ",
              "'s", "Mid", "\u0130", "\u0131n", "\u017f", "\u212a", "é", "_", "Sept.", " 1st", " of ",
              "Eve", "now"]
    lines += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10))) for _ in range(20000)]
    opened = [kind for kind in dp._RX if dp._RX[kind] is not dp._PLAIN_RX[kind]]
    assert {"mon", "md", "year", "daypart", "weekday", "within"} <= set(opened)
    found = 0
    for kind in dp._RX:
        rx, plain = dp._RX[kind], dp._PLAIN_RX[kind]
        for line in lines:
            expected = [(m.span(), m.groupdict()) for m in plain.finditer(line)]
            assert [(m.span(), m.groupdict()) for m in rx.finditer(line)] == expected, (kind, line)
            found += len(expected)
    assert found > 4000

