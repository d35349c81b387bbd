"""The patterns of temporal expressions: month and weekday names, the regex table and cheap gates."""

from __future__ import annotations

import re
from functools import lru_cache

from generator.content.vocabulary import MONTH_NUMBERS, MONTHS
from generator.nlp.textscan import WordFinder, at_word_start, has_ascii_digit, with_opening_class

_MONTHS = MONTHS
_MONTH_NUM = MONTH_NUMBERS
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_STEP = {"this": 0, "last": -1, "next": 1, "following": 1, "after": 1, "later": 1, "previous": -1,
         "preceding": -1, "prior": -1, "before": -1, "earlier": -1, "yesterday": -1, "tomorrow": 1}

_FULL = "|".join(m.capitalize() for m in _MONTHS)
MONTH_NAME = rf"(?:{_FULL}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"  # a month's name or abbreviation
_MON = rf"(?P<mon>{MONTH_NAME}\b\.?)"
_Y = r"(?P<y>1[89]\d\d|20\d\d|2100)\b"
# a photo caption ends with the day it was taken ("…, in Preah Vihear province, 16 Jul 2008"): text, not a
# heading (generator.nlp.pipeline for facts, generator.nlp.actor_patterns for names)
CAPTION_END = re.compile(rf",\s+(?:on\s+)?(?:{MONTH_NAME}\.?\s+\d{{1,2}},?|\d{{1,2}}\s+{MONTH_NAME}\.?)"
                         rf"\s+\d{{4}}$")
_D = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:(?:\s*[-–]\s*|\s+to\s+)[0-3]?\d(?:st|nd|rd|th)?)?"  # "8-9", "8 to 9"
_REL = r"(?P<rel>,?\s+(?:of\s+)?(?P<rq>this|last|next)\s+year)?"
_WD = "|".join(w.capitalize() for w in _WEEKDAYS)
_COUNT = (r"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
          r"|thirty|forty|fifty|sixty|seventy|a\s+few|few|several|a\s+couple\s+of")
_HEDGE = r"(?:(?:more\s+than|nearly|almost|over|about|some)\s+)?"  # "more than 30 years"
_QUANTITY_WORDS = (r"per\s*cent|percent|million|billion|trillion|thousand|people|persons|troops|soldiers|"
                   r"tons?|tonnes|km|kilomet(?:er|re)s|miles|met(?:er|re)s|[mgk]w|units|hours|hrs|gmt|utc|"
                   r"dollars|euros?|yuan|rupees|yen|barrels|vehicles|jobs|workers|students|feet")

# Explicit kinds come first: a longer written date must win over its pieces (overlaps are dropped).
_PLAIN_RX = {
    "iso": re.compile(r"(?<![\d-])(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d-])"),
    "num": re.compile(r"(?<![\d.:/-])(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})(?![\d:])"),
    "dmy": re.compile(rf"(?<![\w.,\-–]){_D}(?:\s+of)?\s+{_MON},?\s+{_Y}"),
    "mdy": re.compile(rf"\b{_MON}\s+{_D},?\s+{_Y}"),
    "my": re.compile(rf"\b{_MON},?\s+(?:of\s+)?{_Y}"),
    # "the first six months of 2024", "the second half of 2019", "the first quarter of 2023": their start
    "part": re.compile(rf"(?i:\bthe\s+(?P<part>first|second|third|fourth|last|final)\s+"
                       rf"(?:(?P<pn>\w+)\s+months|half|quarter)\s+of\s+){_Y}"),
    # "the summer of 2019": a season of a written year
    "season": re.compile(rf"(?i:\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+of\s+){_Y}"),
    "fuzzy": re.compile(rf"\b(?P<w>[A-Za-z]{{3,11}})\.?\s+{_Y}"),
    "decade": re.compile(r"\b(?P<y>1[89]\d0|20\d0)'?s\b"),
    "range": re.compile(r"(?<![\d.,$€£/-])\b(?P<y>1[89]\d\d|20\d\d)\s*[-–—/]\s*(?P<y2>\d{4}|\d{2})\b"
                        r"(?![-–/.]?\d)"),
    "year": re.compile(r"\b(?P<y>1[89]\d\d|20\d\d|2100)\b"),
    "md": re.compile(rf"\b{_MON}\s+{_D}\b(?![.,:]?\d|\s*%){_REL}"),
    "dm": re.compile(rf"(?<![\w.,\-–]){_D}(?:\s+of)?\s+{_MON}{_REL}"),
    "mon": re.compile(r"\b(?P<pre>(?i:in|since|until|till|by|from|during|through|throughout|before|after"
                      r"|early|late|mid|end of|beginning of|start of|and|or|to|between|last|this|next"
                      r"|as))[\s-]+"
                      rf"(?:(?i:early|late|mid)[\s-]+)?(?P<mon>{_FULL})\b{_REL}"),
    # "More than 30 years have passed since …", "it has been ten years since", "goes back almost 50 years",
    # "a 60-year-old feud": how long ago something began
    "elapsed": re.compile(rf"(?i:\b{_HEDGE}(?P<n>{_COUNT})\s+(?P<u>day|week|month|year|decade)s?\s+"
                          rf"(?:have|has|had)\s+(?:passed|elapsed|gone\s+by)\s+since\b"
                          rf"|\bit\s+(?:has|had)\s+been\s+{_HEDGE}(?P<n2>{_COUNT})\s+(?P<u2>day|week|month|year"
                          rf"|decade)s?\s+since\b"
                          rf"|\b(?:goes|go|going|went|dates?|dating)\s+back\s+{_HEDGE}(?P<n3>{_COUNT})\s+"
                          rf"(?P<u3>year|decade|centur(?:y|ie))s?\b"
                          rf"|\b(?P<n4>\d{{1,3}}|{_COUNT})[\s-](?P<u4>year|decade)s?[\s-]old\s+(?:[\w-]+\s+)?"
                          rf"(?:feud|dispute|conflict|rivalry|war|alliance|relationship|ties|treaty|partnership"
                          rf"|standoff|ban|embargo|insurgency|occupation|quarrel|friendship)\b)"),
    "offset": re.compile(r"(?i:\bthe\s+(?P<dir>next|following|previous|preceding|prior)\s+"
                         r"(?P<u>day|month|year)|\bthe\s+day\s+(?P<dir2>before|after)"
                         r"|\ba\s+(?P<u3>day|month|year)\s+(?P<dir3>later|earlier|before|after))\b"),
    # "earlier that day", "the same year", "the summer of that year" (the season's first month)
    "same": re.compile(r"(?i:\b(?:(?P<side>earlier|later|late|early)\s+)?"
                       r"(?:(?:in\s+)?the\s+(?P<season>spring|summer|autumn|fall|winter)\s+of\s+)?"
                       r"(?:that|the\s+same|that\s+same)\s+"
                       r"(?P<u>day|week|month|year)\b(?!\s+(?:of|before|after|when)\b))"),
    # "January's decision"; a month as the subject of "mark", "see", "bring" ("July marks the anniversary")
    "mposs": re.compile(rf"\b(?P<mon>{_FULL})(?:['’]s\b|(?=\s+(?:will\s+)?(?:marks?|marked|saw|sees?|brings?"
                        r"|brought)\b))"),
    "eve": re.compile(r"\b(?i:on\s+the\s+eve\s+of)\b"),
    # "have since reopened", "subsequently developed": from the last date told on
    "then": re.compile(r"\b[Ss]ince\s+then\b|\b(?:has|have|had)\s+since\b"
                       r"|\b(?:[Ss]ubsequently|[Tt]hereafter)\b"),
    "span": re.compile(r"(?i:\b(?:(?P<more>more\s+than|over)\s+)?"
                       r"(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                       r"|a\s+few|several|a\s+couple\s+of|\d{1,2})\s+(?P<u>day|week|month|year|decade)s?\s+"
                       r"(?P<dir>later|after|earlier|before|ago)\b)"),
    # "over the past two years", "in the last few months", "the past decade": a span reaching the present
    # "in the past two years", "the last few months", "in recent weeks" (recent years: a trend, not a time)
    "past": re.compile(rf"(?i:\b(?:(?:in|over|during|for|within|throughout)\s+the\s+(?:past|last)\s+"
                       rf"(?:(?P<n>{_COUNT})\s+)?|the\s+(?:past|last)\s+(?P<n2>{_COUNT})\s+"
                       rf"|(?:in|over|during|throughout)\s+(?P<n3>recent)\s+(?=(?:day|week|month)s\b))"
                       rf"(?P<u>day|week|month|year|decade)s?\b"
                       rf"(?!\s+(?:of|before|after)\b)(?(n3)|(?!\s+when\b)))"),  # "in recent months when"
    # "the first visit in 42 years", "has doubled in ten years", "have run high for more than a year"
    "within": re.compile(rf"(?i:\b(?P<p>in|for)\s+(?:(?:more\s+than|nearly|almost|over|about|some|roughly"
                         rf"|around|close\s+to)\s+)?(?P<n>{_COUNT})\s+(?P<u>day|week|month|year|decade)s?\b"
                         rf"(?!\s+(?:from|old|of|ago|later|earlier|before|after|now)\b))"),
    # "the 85th anniversary of the victory", "the 25th year of independence", "celebrate 60 years of
    # independence", "builds upon over 30 years of relations": when it began
    "anniv": re.compile(r"(?i:\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+(?:anniversary|year)\s+of\b|\b(?:celebrat\w*"
                        r"|mark\w*|commemorat\w*|ending|ended|end|ends|after|following|upon)\s+(?:(?:more\s+than|nearly|almost"
                        r"|over|some)\s+)?(?P<n2>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                        r"|fifteen|twenty|thirty|forty|fifty|sixty|seventy)\s+(?P<u>year|decade)s\s+of\b)"),
    # "in the afternoon" (of the day last named), "this morning" (of the text's day); a clock time, "at 08:30
    # hours", "at 1:25 p.m.", "At 09:30" (of the day last named: a programme's or a readout's day)
    "daypart": re.compile(r"(?i:\b(?P<own>this|yesterday|tomorrow)\s+(?:morning|afternoon|evening)\b"
                          r"|\b(?:(?:in|during|on|later\s+in)\s+the|(?:later\s+)?that)\s+(?:morning|afternoon"
                          r"|evening)\b"
                          r"|(?P<clock>\b(?:at|from|until|till|around|about)\s+(?:(?:about|around|approximately)\s+)?"
                          r"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?![:\d])(?:\s*(?:hours|hrs|a\.m\.|p\.m\.|am|pm)(?!\w))?"
                          r"|(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w))))"),
    # "during Ramadan", "the holy month of Ramadan", "on Eid al-Adha": days of the Hijri calendar
    "hijri": re.compile(r"\b(?P<hol>Ramadan|Ramazan|Ramadhan|Muharram"
                        r"|Eid\s+(?:al|ul|el)[- ](?:Fitr|Adha))\b"),
    # "since the late 19th century": the year the part of the century opens (early 1800, mid 1840, late 1870)
    "century": re.compile(r"(?i:\b(?:(?P<part>early|mid|late)[\s-]+)?(?P<c>1[0-9]|2[01])(?:st|nd|rd|th)"
                          r"[\s-]+century\b)"),
    # "by the end of the year", "at the end of this month": the last month (or the month) of the text's time;
    # "at the start of this year": its first month
    "yearend": re.compile(r"(?i:\bthe\s+(?P<edge>end|start|beginning)\s+of\s+(?P<q>the|this|next|last)\s+"
                          r"(?P<u>year|month)\b)"),
    # "before Christmas", "on New Year's Eve": feasts of a fixed Gregorian day
    "feast": re.compile(r"\b(?P<hol>Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]?s\s+(?:Day|Eve))\b"),
    "seasonrel": re.compile(r"(?i:\b(?P<q>this|last|next|past)\s+"
                            r"(?P<season>spring|summer|autumn|fall|winter)\b)"),
    # "a March referendum", "the June summit": a month naming an occasion
    "mocc": re.compile(rf"\b(?i:a|an|the|this|last|next)\s+(?P<mon>{_FULL})\s+(?=(?:[\w-]+\s+)?(?i:referendum"
                       rf"|elections?|vote|summit|meeting|talks|visit|deadline|ceasefire|agreement|deal|conference"
                       rf"|session|attack|offensive|trip|poll)\b)"),
    # "last year", "this month", "this memorable year" (one describing word between, not a count)
    "rely": re.compile(r"(?<![Tt]he )\b(?P<q>[Ll]ast|[Tt]his|[Nn]ext)\s+"
                       r"(?:(?!(?:few|two|three|four|five|six|seven|eight|nine|ten|several|couple|past)\b)"
                       r"[a-z]{4,}\s+)?(?P<u>year|month|week)\b"),
    # "in the year ahead", "over the coming months", "in the next few weeks", "over the next 10 years": from
    # the text's own year, month or week on
    "ahead": re.compile(r"\b[Tt]he\s+(?:(?P<u>year|month|week)s?\s+ahead"
                        r"|coming\s+(?P<u2>year|month|week)s?"
                        r"|next\s+(?:few|several|couple\s+of|\d{1,3}|two|three|four|five|six|seven|eight|nine|ten"
                        r"|twelve|fifteen|twenty|thirty|fifty)\s+(?P<u3>day|week|month|year|decade)s)\b"),
    "weekday": re.compile(r"\b(?:(?P<q>(?i:last|next|this|on|earlier|later|late|early|since|by|until|from))"
                          rf"\s+)?(?P<wd>{_WD})\b(?!,?\s+(?:\d|{_FULL}))"),
    # "recently", "her recent visit" (the month of the text); "recent figures" (its year)
    # "will shortly begin", "will soon visit": the month of the text too (not "as soon as", "soon after X")
    "recent": re.compile(r"\b(?P<own>[Rr]ecently"
                         r"|[Rr]ecent\s+(?=(?:visit|trip|tour|talks|meeting|summit)s?\b)"
                         r"|(?<![Aa]s\s)(?:[Ss]oon|[Ss]hortly)\b(?!\s+(?:after|before|afterwards|thereafter|as)\b))"
                         r"|\b[Rr]ecent\s+(?:figures|data|statistics|surveys?|polls?|estimates)\b"),
    "deictic": re.compile(r"\b(?P<w>[Nn]ow|[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|[Cc]urrently)\b"),
}
# Each searched with a lookahead for the characters its matches open with (the same matches, found faster)
_RX = {kind: with_opening_class(rx) for kind, rx in _PLAIN_RX.items()}
_EXPLICIT = ("iso", "num", "dmy", "mdy", "my", "part", "season", "fuzzy", "decade", "range", "year")
_HINT = re.compile(r"\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|year|month|recent|now"
                   r"|tomorrow)")
_YEAR_BAD_BEFORE = re.compile(
    r"(?:[\d$€£¥#.,:/]|\b(?:no|nos|number|resolution|law|decree|ordinance|flight|route|article|section|pages?|room|model|code|type"
    r"|class|version|vol|chapter|rule|line|bus|highway|item|paragraph|art|usd|eur|gbp|inr|rs|cny|rmb|some"
    r"|about|nearly|almost|over|approximately|roughly)\.?\s+)$", re.I)
# "Resolution 2699 (2023)", "Law 90 (2024)": the year of an identifier
_ID_YEAR_BEFORE = re.compile(r"\b(?:resolution|law|decree|directive|regulation|act|convention)\s+"
                             r"(?:no\.?\s*)?[\w/.-]*\d[\w/.-]*\s*\($", re.I)
_YEAR_TIME_BEFORE = re.compile(r"\b(?:in|since|until|till|by|during|from|before|after|of|early|late|mid)\s+$",
                               re.I)
# A date after "since" opens a span reaching the present: it is not a narrative point to anchor on.
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$", re.I)
_YEAR_BAD_AFTER = re.compile(rf"^(?:[.,:/]\d|\d|\s*%|\s*(?:{_QUANTITY_WORDS})\b)", re.I)
_YEAR_HYPHEN_OK = re.compile(r"(?:\b[A-Z][A-Z0-9]+|\b(?i:mid|pre|post|early|late|end|fiscal|fy|circa))-$")
_PAST = re.compile(r"\b(?:was|were|had|did|said|told|met|held|took|made|[a-z]\w{2,}[^e\W]ed)\b")
_FUTURE = re.compile(r"\b(?:will|shall|would|going to|upcoming|scheduled|expected|due to|plans? to|set to)\b"
                     r"|'ll\b")
# a scheduled present right before a weekday: "The minister departs on Monday", "leaves Tuesday"
_SCHEDULED_BEFORE = re.compile(r"\b(?:departs|leaves|arrives|travels|flies|returns|heads|begins|starts|opens"
                               r"|resumes|visits|hosts)\s+(?:(?:for|to)\s+[A-Z][\w-]*\s+)?(?:on\s+)?$")
_NOW_BAD_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|by|until|till|from|right|just|even|for|as"
                             r"|than|up|and|or)\s+$", re.I)
_FINITE_AFTER = re.compile(r"^\s+(?!(?:its|was|this|his|yes|less|unless|across|plus)\b)"
                           r"(?:has|have|[a-z]+(?<!ss)(?<!us)(?<!is)s|[a-z]{2,}ed)\b")
# a dateline without a date before a sentence's first word ("Buenos Aires, Argentina - Today", "WASHINGTON —")
_PLACE_LEAD = re.compile(r"\s*[A-Z][\w'’.]*(?:[ /-][A-Z][\w'’.]*){0,3}"
                         r"(?:,\s+[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){0,2})?(?:\s*\([^)]{1,40}\))?\s+[-–—]+\s*")
# "Today, the ministry imposed…", "Today's decision…", "Today marks…": the day of the text itself
_TODAY_LEAD_AFTER = re.compile(r"^(?:\s*,|['’]s\s+[a-z]|\s+[a-z]+(?:ed|s)\b"
                               r"|\s+(?:the\s+)?(?:[\w'’.-]+\s+){1,3}?(?:[a-z]{2,}ed|met|held|signed|took|made|began"
                               r"|sent|gave|said|told)\b)")
# conjunctions that may open a sentence before its "Today" ("And today the two presidents decided")
_LEAD_CONJUNCTION = re.compile(r"\s*(?:And|But|So|Yet)\s+")
# "Ethiopia and Eritrea today officially opened…": before a past-tense verb, after its subject
_TODAY_VERB_AFTER = re.compile(r"^\s+(?:[a-z]+ly\s+)?(?:[a-z]{2,}ed|met|held|signed|took|made|began|sent|gave"
                               r"|said|told|announced)\b")
# "… are taking reciprocal action today, revoking…": a clause's last word after a progressive, perfect or past
# verb; "the challenges of today." has none
_TODAY_END_AFTER = re.compile(r"^\s*(?:[,.;:—–]|$)")
# "… met with the minister today in Washington", "… signed today at the palace": a place or an occasion after
_TODAY_PLACE_AFTER = re.compile(r"^\s+(?:in|on|at|during|on\s+the\s+margins\s+of)\s")
_ACTION_BEFORE = re.compile(r"\b(?:is|are|am|has|have|had|was|were)\s+(?:\w+\s+)?[a-z]{2,}(?:ing|ed)\b"
                            r"|\b(?:announced|signed|met|held|took|made|imposed|launched|agreed)\b")
_PAST_NEAR = re.compile(r"(?:\b(?:said|told|met|held|took|made|signed|announced|[a-z]{2,}ed)\s+$"
                        r"|^\s+(?:said|told|met|held|took|made|[a-z]{2,}ed)\b)")
# A day and month that name an event or a body, not a time: "the September 11 attacks", "the 9/11 attacks",
# "the May 4th Movement", "the March 1 Commission".
_NAMED_AFTER = re.compile(r"^(?:th|st|nd|rd)?\s+(?:terror(?:ist)?\s+)?(?:attacks?|bombings?|movement|uprising"
                          r"|revolution|incident|massacre|commission|accords?|group|coalition|alliance"
                          r"|generation)\b", re.I)
_WEEKDAY_NAMES = frozenset("black good super ash bloody cyber holy easter palm maundy blue shrove".split())
_FUZZY_STOP = frozenset("augusta augustus marches marched marcher".split())
_NAME_BEFORE = re.compile(r"\b(?!(?:On|In|By|Since|Until|From|Before|After|Early|Late|Mid|Last|Next|This|The"
                          r"|Of)\b)[A-Z][a-z]+\s+$")


# every pattern of the "digit" kinds holds a four-digit year: sentences with only short numbers skip them
_DIGIT = re.compile(r"\d{4}")
_UNIT_STEMS = ("day", "week", "month", "year", "decade", "centur")  # a unit opens a word with one
_MONTH_HINT = re.compile(rf"\b{MONTH_NAME}\b")
_WEEKDAY_HINT = re.compile(rf"\b(?:{_WD})\b")
_UNIT_HINT = re.compile(rf"\b(?:{'|'.join(_UNIT_STEMS)})")
# Which kinds can match at all, from cheap tests: most sentences need few of the 21 patterns.
_NEEDS = {
    "iso": "digit", "num": "digit", "dmy": "digit", "mdy": "digit", "my": "digit", "fuzzy": "digit",
    "part": "digit", "season": "digit", "anniv": "anniv", "seasonrel": "season", "daypart": "daypart",
    "hijri": "hijri", "feast": "feast", "century": "century", "yearend": "yearend",
    "decade": "digit", "range": "digit", "year": "digit", "md": "month", "dm": "month", "mon": "month",
    "offset": "unit", "same": "unit", "eve": "eve", "then": "then", "span": "unit", "rely": "unit",
    "ahead": "unit", "mposs": "month", "past": "unit", "within": "unit", "elapsed": "unit", "mocc": "month",
    "weekday": "weekday", "recent": "recent", "deictic": "deictic",
}


# Words without one of which a pattern cannot match (lower-cased substrings of the sentence): a second gate,
# so a pattern runs only when it could match (a pattern not run finds nothing it would have found).
_DIGITS = tuple("0123456789")
_GATES = {
    "elapsed": ("passed", "elapsed", "gone", "been", "back", "old"),
    "offset": ("next", "following", "previous", "preceding", "prior", "before", "after", "later", "earlier"),
    "span": ("later", "after", "earlier", "before", "ago"),
    "past": ("past", "last", "recent"),
    "rely": ("last", "this", "next"),
    "ahead": ("ahead", "coming", "next"),
    "same": ("that", "same"),
    "part": ("half", "quarter", "months"),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "decade": ("0s", "0's"),
    "range": ("-", "–", "—", "/"),
    "mposs": ("'s", "’s", "mark", "saw", "see", "bring", "brought"),
    "mocc": ("referendum", "election", "vote", "summit", "meeting", "talks", "visit", "deadline", "ceasefire",
             "agreement", "deal", "conference", "session", "attack", "offensive", "trip", "poll"),
    "md": _DIGITS, "dm": _DIGITS,
}
# Kinds that need a second flag besides their _NEEDS one: a written date with a month name holds a month name.
_ALSO_NEEDS = {"dmy": "month", "mdy": "month", "my": "month"}


@lru_cache(maxsize=1024)
def _kinds(flags: frozenset[str]) -> tuple[str, ...]:
    return tuple(kind for kind in _RX if _NEEDS[kind] in flags
                 and (kind not in _GATES or f"gate:{kind}" in flags)
                 and _ALSO_NEEDS.get(kind, _NEEDS[kind]) in flags)


# Cheap tests for the kinds whose patterns need a word of their own: substrings of the lower-cased sentence
# (str's "in" is far faster than a regex alternation), confirmed by a pattern where one is needed.
_WORD_HINTS = (
    ("eve", (" eve ",)),
    ("anniv", ("anniversar", " year of", " years of", " decades of")),
    ("season", ("spring", "summer", "autumn", "fall", "winter")),
    ("daypart", ("morning", "afternoon", "evening", "a.m.", "p.m.", " am", " pm",
                 *(f"{d}{m}" for d in "0123456789" for m in ("am", "pm", ":")))),  # "at 9 am", "9am", "09:30"
    ("hijri", ("ramadan", "ramazan", "ramadhan", "muharram", "eid ")),
    ("then", ("since", "subsequently", "thereafter")),
    ("recent", ("recent", "soon", "shortly")),
    ("deictic", ("now", "today", "tonight", "yesterday", "tomorrow", "currently")),
    ("feast", ("christmas", "new year")),
    ("century", ("century",)),
    ("yearend", ("end of", "start of", "beginning of")),
)
# (word, flag) for every hint word and gate word: one loop of substring tests
_HINT_WORDS = tuple(sorted({(w, kind) for kind, words in _WORD_HINTS for w in words}
                           | {(w, f"gate:{kind}") for kind, words in _GATES.items() for w in words}))
_DIGIT_ASCII = re.compile(r"[0-9][0-9][0-9][0-9]")  # as _DIGIT on ASCII text, and faster
# The hint patterns without their leading "\b": a pattern that opens with a literal alternation is searched
# several times faster; the word boundary before a match is checked by at_word_start (textscan).
_MONTH_WORDS = re.compile(_MONTH_HINT.pattern.removeprefix(r"\b"))
_WEEKDAY_WORDS = re.compile(_WEEKDAY_HINT.pattern.removeprefix(r"\b"))


def _word_found(words: re.Pattern[str], text: str) -> bool:
    """Whether `words` matches `text` at the start of a word (as the same pattern opening with \\b)."""
    m = words.search(text)
    while m is not None:
        if at_word_start(text, m.start()):
            return True
        m = words.search(text, m.start() + 1)
    return False


# _HINT_WORDS grouped by word, each with all its flags; the ten digits (gates of "md" and "dm") are one test
_DIGIT_FLAGS = frozenset(flag for word, flag in _HINT_WORDS if word.isdigit())
_HINT_GROUPS = tuple((word, frozenset(flag for w, flag in _HINT_WORDS if w == word))
                     for word in dict.fromkeys(w for w, _ in _HINT_WORDS if not w.isdigit()))


# The three letters every month name and abbreviation of MONTH_NAME opens with, lower-cased: a sentence
# without any of them names no month (the month pattern is not searched).
_MONTH_OPENINGS = tuple(dict.fromkeys(name[:3].lower()
                                      for name in MONTH_NAME.strip("(?:)").replace("?", "").split("|")))


def _hint_automaton() -> WordFinder:
    """One Aho-Corasick automaton of the hint words (each with its flags), of the unit stems and of the
    month openings: a single pass over a lower-cased sentence finds every one it holds, overlapping ones
    too, as `word in sentence` for each word would (117 substring tests: a quarter of the date resolver's
    time). Each value: (flags, is a unit stem, is a month opening)."""
    entries: dict[str, tuple[frozenset[str], bool, bool]] = {w: (f, False, False) for w, f in _HINT_GROUPS}
    for stem in _UNIT_STEMS:
        flags, _, month = entries.get(stem, (frozenset(), False, False))
        entries[stem] = (flags, True, month)
    for opening in _MONTH_OPENINGS:
        flags, unit, _ = entries.get(opening, (frozenset(), False, False))
        entries[opening] = (flags, unit, True)
    return WordFinder(entries.items())


_HINTS = _hint_automaton()


def _hint_scan(low: str) -> tuple[set[str], bool, bool]:
    """One pass of the hint automaton over a lower-cased sentence: the flags of its hint words, whether a
    unit stem opens one of its words (as _UNIT_HINT finds: "two days", not "Monday" or "today"), and
    whether it holds a month's opening letters (else _MONTH_HINT cannot match the sentence)."""
    flags: set[str] = set()
    unit = month = False
    values = _HINTS.values
    for k, start, _end in _HINTS.find(low):
        word_flags, is_unit, is_month = values[k]
        flags |= word_flags
        if is_unit and not unit:
            unit = at_word_start(low, start)
        month = month or is_month
    return flags, unit, month


def _kinds_for(sentence: str) -> tuple[str, ...]:
    """The pattern kinds worth running on a sentence, in priority order."""
    low = sentence.lower()
    flags, unit, month = _hint_scan(low)
    ascii_digit = has_ascii_digit(sentence)  # lower-casing makes no digit
    if ascii_digit:
        flags |= _DIGIT_FLAGS
    if unit:
        flags.add("unit")
    text_ascii = sentence.isascii()  # then its only digits are 0-9: four in a row need one
    if (ascii_digit or not text_ascii) and (_DIGIT_ASCII if text_ascii else _DIGIT).search(sentence):
        flags.add("digit")
    if month and _word_found(_MONTH_WORDS, sentence):
        flags.add("month")
    if "day" in sentence and _word_found(_WEEKDAY_WORDS, sentence):
        flags.add("weekday")
    return _kinds(frozenset(flags))
