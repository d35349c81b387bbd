"""Tests of a document's own date: URL paths, datelines, copyright lines and inference from the text."""

from __future__ import annotations

import pytest

from generator.ingest import metadata as meta
from generator.nlp.dates import infer_document_date


@pytest.mark.parametrize(("url", "expected"), [
    ("https://news.example.org/2022/08/03/minister-visits-lima/", "2022-08-03"),
    ("https://example.com/world/2021/11/a-long-slug", "2021-11"),
    ("https://www.example.jp/en/news/20220914_07/", "2022-09-14"),
    ("https://example.tv/05-Feb-2021/ministers-meet-in-oslo", "2021-02-05"),
    ("https://stories.example.com/stories/201907150830.html", "2019-07-15"),
    ("https://example.net/20210630-talks-collapse-says-chile/", "2021-06-30"),
    ("https://example.com/la-fg-wn-lima-talks-collapse-20150311-story.html", "2015-03-11"),  # inside a slug
    ("https://www.example.com/2006/0227/p06s01-woam.html", "2006-02-27"),  # year, then month and day
    ("https://example.org/story/4781234-ministers-meet", None),  # an article id, not a date
    ("https://example.org/news/20211341-slug", None),  # not a real date
    ("https://example.org/2019/04/01/a?date=2020/01/01", "2019-04-01"),  # the query is not the path
    ("https://example.org/a/a-13-2016-06-19-news35/322829.html", "2016-06-19"),  # a date inside a slug
    ("https://example.org/article/talks-resume-in-oslo-1621334192-118326", "2021-05-18"),  # Unix seconds
    ("https://example.org/article/1621334192", None),  # ten digits alone may be an id
    ("https://example.net/articles/ministers+meet+in+oslo+31122019235959?open", "2019-12-31"),  # day first
    ("https://example.org/a/12345678901234", None),  # fourteen digits that hold no time of day
    ("https://www.example.gov/news/pm-meets-president-29-august-2018", "2018-08-29"),  # ends a slug
    ("https://example.org/a/talks-august-29-2018.html", "2018-08-29"),
    ("https://example.org/news/covid-19-march-2020-lockdown", None),  # inside a slug: no day
    (None, None),
])
def test_url_date(url: str | None, expected: str | None) -> None:
    assert meta.url_date(url) == expected


@pytest.mark.parametrize(("text", "year", "expected"), [
    ("LIMA, 3 June (Reuters) – Peru and Chile agreed on Monday...", 2022, "2022-06-03"),
    ("Oslo, 14 February 2021 (NTB): Norway and Sweden signed...", None, "2021-02-14"),
    ("Vilnius/Riga, 2 March 2020 (BNS) - The two ministers met...", None, "2020-03-02"),
    ("CANBERRA, Oct. 5 (AAP) — Australia said...", 2019, "2019-10-05"),
    ("LIMA, 3 June (Reuters) – Peru and Chile agreed...", None, None),  # no year anywhere
    ("The ministers met, 3 June was a Monday.", 2022, None),  # not a dateline
])
def test_dateline(text: str, year: int | None, expected: str | None) -> None:
    assert meta.dateline_date(text, year) == expected


def test_copyright_year() -> None:
    assert meta.copyright_year(["Menu", "© 2017-2021 Example Media Ltd. All rights reserved."]) == "2021"
    assert meta.copyright_year(["Copyright 2019 Agency"]) == "2019"
    assert meta.copyright_year(["About us"]) is None


@pytest.mark.parametrize(("text", "expected"), [
    # deadlines and forecasts are not the document's year; the latest past-tense report is
    ("Chile signed the accord in March 2019. Investments are due by 2030. Output will double in 2027.",
     "2019"),
    ("Peru said trade fell in 2021. The plan runs until 2035.", "2021"),
    # a weekday written with day and month picks the year they agree in, near the text's years
    ("The talks began in 2016. Ministers met on Tuesday, March 7, to sign the protocol.", "2017-03-07"),
    # a weekday written with a full date keeps the day
    ("Officials confirmed on Friday, June 4, 2021, that talks had resumed in 2020.", "2021-06-04"),
    # a full date keeps its day only when a weekday of the text agrees with it
    ("The ban was announced on August 3, 2022, and Oslo reacted.", "2022"),  # a lower bound only
        ("The ban was announced on August 3, 2022, and Oslo reacted this week.", "2022-08"),  # near it
        ("Talks held on May 9, 2019 were followed by a visit days later.", "2019"),
        ("Talks held on May 9, 2019 ended. Oslo replied yesterday.", "2019-05"),
    ("The ban was announced on August 3, 2022, and on Wednesday Oslo reacted.", "2022-08-03"),
    # a caption in the present tense still dates the page
    ("Norway's king attends a summit in Bergen, Norway October 12, 2022. Leaders met on Wednesday.",
     "2022-10-12"),
    # "the Nth anniversary of ... in YEAR"
    ("The visit marks the 25th anniversary of a commission established in 1997.", "2022"),
    ("No dates here at all.", None),
])
def test_infer_document_date(text: str, expected: str | None) -> None:
    assert infer_document_date(text) == expected


def test_reference_date_prefers_written_evidence() -> None:
    text = "Chile and Peru signed a pact on May 17, 2024, officials said on Friday."
    assert meta.reference_date("2024-05-20", None, text, []) == "2024-05-20"
    assert meta.reference_date(None, "https://x.org/2024/05/19/slug", text, []) == "2024-05-19"
    # a URL of month precision is refined by a day inferred inside it
    assert meta.reference_date(None, "https://x.org/2024/05/slug/", text, []) == "2024-05-17"
    assert meta.url_date("https://x.org/2024/slug/") is None  # a year alone may be a section or an id
    assert meta.reference_date(None, None, text, []) == "2024-05-17"
    assert meta.reference_date(None, None, "LIMA, 3 June (Reuters) – Peru met Chile in 2021.", []) \
        == "2021-06-03"
    assert meta.reference_date(None, None, "Nothing dated.", ["© 2018 Example"]) == "2018"


def test_archive_captions_and_since_years_are_lower_bounds_not_the_document_date() -> None:
    """A FILE photo's caption dates the photo; "since 2013" says the text is later than 2013, not when."""
    assert infer_document_date("FILE - Trucks wait at the crossing, Sept. 2, 2021.\n\nThe border closed on "
                               "Monday, officials said.") is None
    assert infer_document_date("The two states have talked since 2013. Officials met on Wednesday.") is None
    assert infer_document_date("FILE - A rally, Jan. 2, 2018.\n\nThe talks were held on March 3, 2019, "
                               "this week.") == "2019-03"


def test_a_weekday_with_its_date_in_brackets_and_a_financial_year() -> None:
    """"on Thursday (19 June)" gives a year in which 19 June is a Thursday, the one nearest the latest year
    the text reports ("the 2025/26 financial year"), not a year used in a name decades before."""
    from generator.nlp.dates import infer_document_date

    text = ("The 2001 Joint Declaration signed between the two nations requires them to consult.\n\n"
            "It only became public on Thursday (19 June) after media reports.\n\n"
            "The amount on pause is $18.2m in development assistance for the 2025/26 financial year.")
    assert infer_document_date(text) == "2025-06-19"


def test_a_caption_day_and_a_weekday_after_it() -> None:
    """A photo is taken before the story is told: a caption dated Sunday 19 April 2015 and "arrived
    Monday" place the text on Monday 20 April; without a weekday after it, the caption gives its year."""
    from generator.nlp.dates import infer_document_date

    caption = "A billboard shows the two leaders in Islamabad, Pakistan, April 19, 2015.\n\n"
    assert infer_document_date(caption + "The president arrived Monday for talks.") == "2015-04-20"
    assert infer_document_date(caption + "The president arrived for talks.") == "2015"


def test_a_transcripts_date_line_with_its_venue() -> None:
    assert meta.date_line("April 3, 2019, The Kremlin, Moscow") == "2019-04-03"
    assert meta.date_line("April 3, 2019, Novo-Ogaryovo, Moscow Region") == "2019-04-03"
    assert meta.date_line("Kenya and Ethiopia, 2019") is None


def test_a_day_and_the_weekdays_of_the_week_after_it() -> None:
    """A text that places itself near its events ("next week") names the days of its week by weekday: after
    "On August 4, 2020" (a Tuesday), "declared Thursday" and "said Friday" put the text on Friday 7 August;
    without such words only the month is kept, and without weekdays after it, too."""
    text = ("On August 4, 2020, the troops withdrew, the spokesman declared Thursday. The minister said "
            "Friday he would travel to Kinshasa next week.")
    assert infer_document_date(text) == "2020-08-07"
    plain = "On August 4, 2020, the troops withdrew. The minister will travel next week."
    assert infer_document_date(plain) == "2020-08"
