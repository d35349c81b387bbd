"""General rules that discover people and organisations absent from content/actors.yaml."""

from __future__ import annotations

import functools
import importlib.resources
import itertools
from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from generator.content.actors import ActorConfig
from generator.content.vocabulary import MONTH_NUMBERS
from generator.nlp.actor_cues import CueRules
from generator.nlp.actor_orgs import Candidate, DocView, OrgRules
from generator.nlp.components import (
    sentence_starts,
    span_text,
    spans_of,
    text_of,
    token_offsets,
    token_texts,
    word_index,
)
from generator.nlp.date_patterns import CAPTION_END

HYPHENS = {"-", "–"}
LIST_SEPS = {",", "and", "/", "&"}
APPOS_END = {",", ".", ";", ":", "(", ")", "—", "–", "!", "?"}
POSSESSIVE = {"'s", "’s", "'", "’"}
# words before a place someone goes to or stands by ("the final stop was to X", "visited X")
DESTINATION_WORDS = frozenset({"to", "into", "toward", "towards", "visited", "visiting", "visit", "reached",
                               "entered", "near", "outside", "inside"})
CLOSING = {".", "!", "?", '"', "”", ":", ")", "'", "’"}
OPENING = {"(", "[", "“"}
# before a given name, a place follows ("meetings in Siem Reap"); before "X, Minister …", no apposition
_LOCATIVE_BEFORE = frozenset({"in", "at", "near", "outside", "inside", "into", "across"})
_PLACE_PREPOSITIONS = _LOCATIVE_BEFORE | {"from", "to", "of", "on"}
# last words of a portfolio ("… for Foreign and Commonwealth Affairs"), never of a person's name
PORTFOLIOS = frozenset({"affairs", "relations", "cooperation", "development", "defence", "defense",
                        "security", "trade", "commerce", "industry", "finance", "forces", "policy",
                        "services", "integration", "investment", "environment", "energy", "health",
                        "education", "agriculture", "interior", "infrastructure", "tourism", "culture",
                        "communications", "transport", "economy", "labour", "labor", "justice",
                        "immigration", "migration", "home", "business", "technology", "science", "fisheries",
                        "housing", "planning", "information", "sport", "sports", "youth", "welfare", "mining",
                        "petroleum", "works"})
# Words that address or group holders of an office without naming anyone ("His Royal Highness", "Member
# States"): a person's name made of these and of office words alone is no name.
OFFICE_STYLES = frozenset({"his", "her", "royal", "highness", "excellency", "majesty", "states", "nations",
                           "countries", "members", "parties"})
# "the Rt Hon", "the Honorable": styles, not names
_STYLES = frozenset({"hon", "honorable", "honourable", "rt"})
_DATE_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                         "today", "yesterday", "tomorrow", "tonight"})
KIN = frozenset({"wife", "husband", "widow", "daughter", "son", "brother", "sister", "father", "mother"})
# "X, who heads the School of International Affairs": a person by what they lead
LEAD_VERBS = frozenset({"heads", "headed", "leads", "led", "chairs", "chaired", "directs", "directed", "runs",
                        "ran"})
# function words of role_words that cannot open a bare role after a name's comma
BARE_ROLE_STOPS = frozenset({"of", "for", "the", "and", "to", "at", "then", "first", "close", "key", "top",
                             "high", "state", "house", "party", "government"})
BULLETS = frozenset({"•", "·", "‣", "▪", "◦", "●", "-", "–", "*"})


def view_of(doc: Doc, curated: list[tuple[str, str, int, int]]) -> DocView:
    """Collect token features, country and curated spans, sentence ends and heading flags."""
    n = len(doc)
    country: list[str | None] = [None] * n
    kind: list[str | None] = [None] * n
    marked: set[int] = set()  # tokens of seats of government and of curated names (descriptive_bodies)
    for span in spans_of(doc, "countries"):
        seat = span.kb_id_ == "seats"
        for i in range(span.start, span.end):
            country[i], kind[i] = span.label_, span.kb_id_
            if seat:
                marked.add(i)
    cur: list[tuple[str, str, int, int] | None] = [None] * n
    for item in curated:
        for i in range(item[2], item[3]):
            cur[i] = item
            marked.add(i)
    # Token features from the cached token strings and offsets: Token objects are slow to create. Each
    # distinct word is lower-cased once (the Doc's word index is built here, the rules read it).
    text, idx, words, index = text_of(doc), token_offsets(doc), token_texts(doc), word_index(doc)
    lower_of = {w: w.lower() for w in index}
    capital = {w: w[:1].isupper() for w in index}
    view = DocView(doc, list(map(lower_of.__getitem__, words)), list(map(capital.__getitem__, words)),
                   country, cur)
    view.marked = sorted(marked)
    view.sent_end, view.heading, view.kind, view.para = [0] * n, [False] * n, kind, [0] * n
    view.sent_start = [0] * n
    view.text = words
    starts = [0, *(i for i in itertools.compress(range(n), sentence_starts(doc)) if i > 0), n] if n else []
    para = 0
    for s, e in zip(starts, starts[1:], strict=False):
        last = e - 1
        while last >= s and (words[last].isspace() or words[last] in OPENING):
            last -= 1  # "... 2024. (" ends a sentence cut before its "(Reuters)" credit
        own_line = s == 0 or "\n" in text[idx[s - 1] : idx[s]]
        first = next((t for t in range(s, e) if not words[t].isspace()), s)  # spaCy's IS_SPACE
        listed = words[first] in BULLETS  # "• Jean-Yves Le Drian, Minister for …": a list item, not a heading
        is_heading = last >= s and own_line and words[last] not in CLOSING and not listed \
            and not CAPTION_END.search(text, idx[s], idx[last] + len(words[last]))  # a dated photo caption
        para = s if own_line else para
        view.sent_end[s:e] = [e] * (e - s)
        view.sent_start[s:e] = [s] * (e - s)
        view.heading[s:e] = [is_heading] * (e - s)
        view.para[s:e] = [para] * (e - s)
    return view


HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Mme", "Mx", "Lord", "Lady", "Sir", "Dame", "Baroness",
                        "Sheikh", "Shaikh", "Prof", "Hon", "Honorable", "Honourable",  # "the Rt Hon X MP"
                        "Excellency", "Highness", "Majesty"})  # "His Excellency X"
_HONORIFICS_LOWER = frozenset(h.lower() for h in HONORIFICS)
PEERS = frozenset({"Lord", "Lady", "Baroness"})  # "Lord Ahmad of Wimbledon": "of" a place ends the name
# First words of place names and common words that the given-name list also holds ("Hong Kong",
# "San Marino", "Abu Dhabi", "General Motors", "Red Cross"): never a person's given name here.
NOT_GIVEN = frozenset({
    "hong", "abu", "san", "santa", "sao", "são", "sri", "rio", "general", "royal", "red", "justice",
    "liberty", "christian", "will", "hope", "summer", "winter", "spring", "autumn", "grand", "major",
    "independence", "unity", "victory", "freedom", "union", "world", "golden", "star", "sun",
    # Spanish and Portuguese geographic words that open place names ("Isla Calero", "Puerto Cortés")
    "isla", "ilha", "puerto", "porto", "punta", "sierra", "cerro", "lago", "bahia", "bahía", "monte", "cabo",
    "cayo", "villa", "playa", "laguna",
})


@functools.cache
def _name_dictionary() -> tuple[frozenset[str], dict[str, str]]:
    """gender-guesser's first-name dictionary, read once per process: every given name, and the gender of
    those it gives one gender only."""
    names: set[str] = set()
    genders: dict[str, set[str]] = {}
    data = importlib.resources.files("gender_guesser") / "data" / "nam_dict.txt"
    with data.open(encoding="latin-1") as lines:
        for line in lines:
            if line[0] in "#=":
                continue
            name = line[3:29].strip()
            if not name or "<" in name or " " in name:
                continue
            name = name.replace("+", "-")
            names.add(name)
            code = line[:2].strip()[-1:]
            if code in ("M", "F"):
                genders.setdefault(name, set()).add(code)
    single = {name: codes.pop() for name, codes in genders.items() if len(codes) == 1}
    return frozenset(n for n in names if n.lower() not in NOT_GIVEN), single


def given_genders() -> dict[str, str]:
    """Given name -> "M" or "F" for the names gender-guesser's dictionary gives one gender only."""
    return _name_dictionary()[1]


def given_names() -> frozenset[str]:
    """Given names of the first-name dictionary shipped by gender-guesser (about 45,000, many
    countries), read once per process."""
    return _name_dictionary()[0]


class Discoverer(OrgRules, CueRules):
    """Applies the title, apposition, organisation and cue rules to one DocView."""

    def __init__(self, config: ActorConfig) -> None:
        lists, maps = config.lists, config.maps
        self.titles = lists["titles"]
        self.role_words = lists["role_words"] | self.titles
        self.particles = lists["particles"]
        self.blocked = lists["not_actors"] | STOP_WORDS | self.titles | _STYLES
        # classes of no actor ("Hotel", "Plan"), less the calendar's words: "President X Tuesday said"
        self.not_actors = lists["not_actors"] - MONTH_NUMBERS.keys() - _DATE_WORDS
        self.suffixes, self.prefixes = maps["org_suffixes"], maps["org_prefixes"]
        self.heads, self.institutions = maps["org_heads"], maps["institutions"]
        self.given = given_names()
        self.org_words = set(self.suffixes) | set(self.prefixes) | set(self.heads) | {
            w for key in self.institutions for w in key.split()
        }
        self.person_country = {e.id: e.country for e in config.actors if e.type == "person"}
        self.body_words = frozenset(self.role_words | self.org_words)
        self.institution_firsts = frozenset(key.split()[0] for key in self.institutions)
        # the words of titles, portfolios and forms of address, which make up no one's name
        self.office_words = self.role_words | PORTFOLIOS | OFFICE_STYLES | _STYLES | _HONORIFICS_LOWER
        # words at which suffixed_orgs can match: an organisation's end, start or head noun
        self.org_ends = frozenset(self.suffixes.keys() | self.prefixes.keys() | self.heads.keys())

    def namey(self, v: DocView, i: int) -> bool:
        """A capitalised word that can be part of a name (not a country, title or stop word)."""
        return (
            v.cap[i]
            and v.country[i] is None
            and v.lower[i] not in self.blocked
            and not any(c.isdigit() for c in v.lower[i])
            and v.text[i] not in POSSESSIVE
        )

    def grab_name(self, v: DocView, k: int, limit: int = 4) -> int:
        """End of the name starting at token k (particles and inner hyphens allowed), or k."""
        j, end, core, n = k, k, 0, min(len(v.doc), v.sent_end[k])
        while j < n and core < limit and v.curated[j] is None:
            if core >= 2 and v.text[j].isupper() and v.text[j].isalpha() and len(v.text[j]) <= 4:
                break  # a post-nominal ("Maeve Dunne TD", "X MEP", "Y QC")
            if v.cap[j] and v.lower[j] in self.particles and j + 1 < n and self.namey(v, j + 1):
                j += 1  # a capitalised particle inside a name, not a name word: "Mohammed Al Khalifa"
            elif self.namey(v, j):
                core, j, end = core + 1, j + 1, j + 1
            elif v.lower[j] in self.particles and j + 1 < n and (
                    core < limit - 1 or j + 2 < n and v.lower[j + 1] in HYPHENS and self.namey(v, j + 2)):
                j += 1  # "Ahmad Nasser al-Sabah": a particle joined to the last name does not count as a word
            elif (
                v.lower[j] in HYPHENS and j > k and not v.doc[j - 1].whitespace_ and not v.doc[j].whitespace_
            ):
                j += 1
                if j < n and _name_syllable(v.text[j]):
                    j += 1  # "Park Ji-hoon", "Moon Jae-in"
                    end = j
                elif j < n and v.cap[j] and v.lower[j] not in self.blocked and (
                        v.lower[j - 2] in self.particles or end == j - 1 and v.country[j] is None):
                    # "Fathal-Rahman", "al-Sabah" (also where Sabah names a place)
                    core, j, end = core + 1, j + 1, j + 1
            else:
                break
        if end < n and (cur := v.curated[end]) and cur[1] == "person" and cur[0].split("-")[0] == v.lower[k]:
            return k  # "Donald J. Trump": the first words of a curated person's name written in full
        if end < n and v.cap[end] and v.lower[end] in self.not_actors:
            return k  # "Gran Hotel Chiclayo", "the Colombo Plan": the name of a thing that is no actor
        return end

    def run(self, v: DocView) -> list[Candidate]:
        """Every candidate found by the rules, in text order, heading sentences excluded."""
        found: list[Candidate] = []
        for rule in (
            self.titled,
            self.appositions,
            self.listed_orgs,
            self.organizations_of,
            self.institution_bodies,  # before the name rules: "Japanese Foreign Ministry" is Japan's
            self.governments_of,
            self.bare_bodies,
            self.suffixed_orgs,
            self.described_groups,
            self.legal_forms,
            self.councils_of,
            self.members_of,
            self.named_people,
            self.media_cues,
            self.descriptive_bodies,
            self.possessive_people,
        ):
            found += rule(v)
        shared = _shared_arrangements(v, found)
        return [c for c in found if c.curated or not v.heading[c.start] and not _occasion(v, c)
                and (c.type != "other" or span_text(v.doc, c.start, c.end) not in shared and not _venue(v, c))
                and not (c.type == "person" and self._office_words_only(v, c))]

    def _office_words_only(self, v: DocView, c: Candidate) -> bool:
        """A "name" made of title, portfolio and style words only ("Foreign", "His Royal Highness", "Member
        States"): part of a title or a form of address, not a person."""
        words = [w for w in v.lower[c.start:c.end] if w.isalpha()]
        return bool(words) and all(w in self.office_words for w in words)

    def titled(self, v: DocView) -> list[Candidate]:
        """People after a title: "Italian Foreign Minister Luigi Di Maio", "X's spokesman, Y"."""
        titles = self.titles
        return _scan(lambda i: self._titled_at(v, i), v.where(titles))

    def _titled_at(self, v: DocView, i: int) -> Candidate | None:
        j, stop, anchor, last_of = i + 1, min(v.sent_end[i], i + 14), i, None
        while j < stop:
            cur = v.curated[j]
            if cur and cur[1] == "person" and v.lower[j - 1] != "of":
                return self._with_role(v, anchor, cur[2], cur[3], cur[0])
            if cur or v.country[j]:
                j = cur[3] if cur else j + 1
            elif v.lower[j] in self.role_words and not (v.cap[j] and v.lower[j] in self.particles):
                last_of = j if v.lower[j] == "of" else last_of
                # "aide of former Prime Minister X": X's own title starts after "of".
                anchor = last_of + 1 if last_of and v.lower[j] in self.titles else anchor
                j += 1
            elif v.lower[j] == "," and j + 1 < stop and (nxt := v.curated[j + 1]) and nxt[1] == "person":
                return self._with_role(v, anchor, nxt[2], nxt[3], nxt[0])  # "X's minister, <curated>"
            elif v.lower[j] == "," and j + 1 < stop and self.namey(v, j + 1):
                j += 1
                break
            elif v.lower[j] == "in" and j + 1 < stop and v.country[j + 1]:
                j += 1  # "Deputy High Commissioner in Bangladesh, X"
            else:
                break
        if j >= stop or not self.namey(v, j) and v.lower[j] not in self.particles or v.lower[j - 1] == "the":
            return None  # "Minister for the Middle East": a portfolio, not a name
        if v.lower[j - 1] == "for" and self.grab_name(v, j) - j <= 2:
            return None  # "Minister for Europe and Foreign Affairs": the portfolio; a name would follow it
        if v.lower[j - 1] == "of" and v.lower[i] not in KIN and self.grab_name(v, j) - j <= 2:
            return None  # "the rightful owner of Essequibo": what the title governs, not who holds it
        j += 1 if v.text[j].rstrip(".") in HONORIFICS and j + 1 < stop and self.namey(v, j + 1) else 0
        end = self.grab_name(v, j)
        if end == j or end < len(v.doc) and (v.lower[end] in self.heads or v.lower[end] in HYPHENS
                                             or self._title_word(v.lower[end])):
            return None  # "Chief Financial Officer X", "Mr Prime Minister": words of a longer title
        if v.country[j - 1] and (k := next((t for t in range(j - 1, i, -1) if not v.country[t]), i)) \
                and v.lower[k] == "the" and v.lower[k - 1] != "of":
            return None  # "lecturer at the Malawi Polytechnic": a body named after its state (but "President
            # of the Lao People's Democratic Republic X" names X)
        if (v.lower[j - 1] == "," and end < len(v.doc) and v.lower[end] == "and"
                or v.lower[end - 1] in PORTFOLIOS):
            return None  # "Secretary for Foreign, Commonwealth and Development Affairs": a portfolio
        # "Director of the Department of Asian Affairs Liu Jinsong": the name follows the body's last word
        inside = [t + 1 for t in range(j, end - 1) if v.lower[t] in self.body_words and v.lower[t].isalpha()]
        j = max([j, *inside])
        # "Senior Advisor for Africa Massad Boulos": after a preposition, the portfolio may go on up to a
        # given name; right after the title a name may open with a family name ("Premier Nguyen Tan Dung")
        if v.text[j] not in self.given and v.lower[j - 1] in ("for", "of", "on", "to"):
            j = next((t for t in range(j + 1, end - 1) if self.person_starts(v, t)), j)
            j += 1 if v.lower[j - 1] == "for" and end - j > 2 else 0  # the portfolio "for" names
        j += 1 if v.text[j].rstrip(".") in HONORIFICS and j + 1 < end else 0  # "Prof. G.L. Peiris"
        end = max(end, self.grab_name(v, j))  # the whole name once the body's words are left out
        return self._with_role(v, anchor, j, end, None)

    @staticmethod
    def _of_the(v: DocView, i: int) -> bool:
        """"of the" at token i: a person's body follows ("Sinan Ulgen of the Edam institute"), where "X of Y"
        may be one name ("Bank of England")."""
        return v.lower[i] == "of" and i + 1 < len(v.doc) and v.lower[i + 1] == "the"

    def _title_word(self, word: str) -> bool:
        """A title or its plural ("Minister", "Secretaries")."""
        return word in self.titles or word.endswith("s") and (
            word[:-1] in self.titles or word.endswith("ies") and word[:-3] + "y" in self.titles)

    def _with_role(self, v: DocView, i: int, start: int, end: int, cid: str | None) -> Candidate:
        s, stops = i, {"the", "and", "of", "for", "to", "at", "-", ","}
        while (
            s > 0
            and v.sent_end[s - 1] == v.sent_end[i]
            and v.lower[s - 1] not in stops - self._joined(v, s - 1)
        ):
            prev = v.lower[s - 1]
            if s > 1 and prev in POSSESSIVE:
                s -= 1
                while s > 0 and i - s < 8 and self.namey(v, s - 1):
                    s -= 1
            elif prev in self.role_words or v.country[s - 1] or v.curated[s - 1]:
                s -= 1
            else:
                break
        while s < i and (v.lower[s] in stops or v.text[s] in POSSESSIVE):
            s += 1
        e = start
        while e > i + 1 and v.lower[e - 1] in {",", "-"}:
            e -= 1
        left = [v.country[t] for t in range(s, i + 1) if v.country[t]]
        right = [v.country[t] for t in range(i, e) if v.country[t]]
        country = (left or right or [None])[0]
        return Candidate(start, end, "person", (s, e), country, curated=cid)

    @staticmethod
    def _joined(v: DocView, k: int) -> set[str]:
        """{"-"} when token k is a hyphen inside a word ("then-President", "Under-Secretary")."""
        inside = k > 0 and not v.doc[k - 1].whitespace_ and not v.doc[k].whitespace_
        return {"-"} if inside else set()

    def appositions(self, v: DocView) -> list[Candidate]:
        """Appositions: "Savoini, a former journalist," and "X, Italy's main phone operator"."""
        found = []
        for c, word in enumerate(v.lower):
            described = word in ("is", "was") and c + 1 < len(v.doc) and v.lower[c + 1] in ("a", "an")
            if word != "," and not described or c == 0 or not (self.namey(v, c - 1) or v.curated[c - 1]) \
                    or v.lower[c - 1] in PORTFOLIOS:  # "Minister for Foreign Affairs, the Hon X MP"
                continue
            start = self._name_start(v, c)
            if start is None or described and (start != v.sent_start[c] or not self._full_name(v, start, c)):
                continue  # "Jane Roe is a lecturer at …": a whole name opening its sentence
            cand = self._apposition_role(v, start, c)
            if cand:
                found.append(cand)
        return found

    def _name_start(self, v: DocView, c: int) -> int | None:
        if cur := v.curated[c - 1]:
            return cur[2]
        s = c - 1
        while s > 0 and c - s < 5:
            if self.namey(v, s - 1) or v.lower[s - 1] in self.particles and s - 1 > 0:
                s -= 1
            elif s > 1 and v.lower[s - 1] in HYPHENS and not v.doc[s - 2].whitespace_ \
                    and not v.doc[s - 1].whitespace_ and self.namey(v, s - 2):
                s -= 2  # "Jean-Yves Le Drian"
            else:
                break
        while s < c - 1 and v.text[s].rstrip(".") in HONORIFICS:
            s += 1  # "His Excellency Dr. X, President": the name follows the styles
        return s if self.namey(v, s) else None

    def _apposition_role(self, v: DocView, start: int, c: int) -> Candidate | None:
        j, n = c + 1, min(len(v.doc), v.sent_end[c])
        if j + 2 < n and v.lower[j] == "who" and v.lower[j + 1] in LEAD_VERBS \
                and self._full_name(v, start, c) and not v.curated[start] \
                and (v.cap[j + 2] or v.lower[j + 2] in {"the", "a", "an"}):
            r = next((t for t in range(j + 2, min(n, j + 12)) if v.lower[t] in APPOS_END), min(n, j + 12))
            return Candidate(start, c, "person", (j + 1, r), next((x for x in v.country[j:r] if x), None))
        if j + 1 < n and v.lower[j] == "who" and v.lower[j + 1] in {"is", "was"}:
            j += 2
        if j < n and v.lower[j] in {"a", "an", "the"}:
            j += 1
        elif j < n and v.cap[j] and v.lower[j] in self.role_words and self._full_name(v, start, c):
            pass  # "Jean-Yves Le Drian, Minister for Europe and Foreign Affairs of France"
        elif j + 1 < n and not v.cap[j] and v.lower[j].isalpha() and v.lower[j] not in BARE_ROLE_STOPS \
                and (v.lower[j] in self.titles or v.lower[j] in self.role_words) \
                and self._full_name(v, start, c):
            pass  # "Sartaj Aziz, economic adviser to Pakistan’s Prime Minister"
        elif not (j + 1 < n and (v.country[j] or v.curated[j]) and v.text[j + 1] in POSSESSIVE):
            return None
        r = j
        while (
            r < n
            and r - j < 10
            and v.lower[r] not in APPOS_END
            and not (v.lower[r] == "-" and v.doc[r - 1].whitespace_)
        ):
            r += 1
        words = v.lower[j:r]
        cur = v.curated[start]
        for k, word in enumerate(words[:6]):
            if word in self.heads and not v.cap[j + k] and any(v.country[j : j + k]):
                kind = self.heads[word]
                return Candidate(
                    start, c, kind, (j, r), next(x for x in v.country[j:r] if x), curated=cur and cur[0]
                )
            if word in self.titles and v.lower[j + k - 1] not in HYPHENS:
                if cur and cur[1] != "person":
                    return None
                country = next((x for x in v.country[j:r] if x), None)
                return Candidate(start, c, "person", (j, r), country, curated=cur and cur[0])
        return None

    def _full_name(self, v: DocView, start: int, c: int) -> bool:
        """A name of two words or more, or opening with a known given name, not after a preposition ("In
        Osaka, Prime Minister X said" is no apposition)."""
        before = v.lower[start - 1] if start > 0 and v.sent_end[start - 1] == v.sent_end[start] else ""
        return before not in _PLACE_PREPOSITIONS and (c - start >= 2 or v.text[start] in self.given)

    def members_of(self, v: DocView) -> list[Candidate]:
        """Party members: a full name, then "of" and a party ("Roberto Jonghi Lavarini of Forza Italia")."""
        found = []
        for i, word in enumerate(v.lower):
            cur = v.curated[i + 1] if word == "of" and i + 1 < len(v.doc) else None
            if not cur or cur[1] != "party" or i < 2 or not self.namey(v, i - 1):
                continue
            s = self._name_start(v, i)
            if s is not None and i - s >= 2:
                role = f"member of {v.doc[i + 1 : cur[3]].text}"
                found.append(Candidate(s, i, "person", role=(s, cur[3]), role_text=role))
        return found

    def named_people(self, v: DocView) -> list[Candidate]:
        """People with no cue: "Mr X", or "Given Surname" whose first word is a known given name
        ("Tess Novak", "Ji-Woo Park"), not a country, curated actor or organisation ("Victoria Bank"),
        not after an article ("the River Nile") and not inside a longer name."""
        # both cues start with a capital: other tokens are skipped cheaply
        given, n = self.given, len(v.text)
        index = v.index(exact=True)  # each distinct word tested once, inline (no call per word)
        cued = sorted(i for w in [w for w in index if w[:1].isupper()
                                  and (w in given or "-" in w or w.rstrip(".") in HONORIFICS)]
                      for i in index[w])
        before_hyphen = [i - 1 for i in v.where(HYPHENS, exact=True) if i > 0 and v.cap[i - 1]]
        starts = sorted({i for i in [*cued, *before_hyphen] if i < n - 1})
        return _scan(lambda i: self._honorific_at(v, i) or self._given_at(v, i), starts)

    def _honorific_at(self, v: DocView, i: int) -> Candidate | None:
        if v.text[i].rstrip(".") not in HONORIFICS or not self.namey(v, i + 1) \
                or v.text[i + 1].rstrip(".") in HONORIFICS:  # "His Excellency Dr. X": from the last style
            return None
        end = self.grab_name(v, i + 1, limit=3)
        if end == i + 1:
            return None
        peer = v.text[i] in PEERS and end + 1 < v.sent_end[i] and v.lower[end] == "of"
        if peer and self.namey(v, end + 1):
            end += 2
        return Candidate(i, end, "person", name=v.doc[i + 1 : end].text, alias=v.doc[i:end].text)

    def _given_at(self, v: DocView, i: int) -> Candidate | None:
        doc, n = v.doc, len(v.doc)
        if i > 0 and (
            v.lower[i - 1] in {"the", "a", "an", "this", "that"}
            or v.lower[i - 1] in _LOCATIVE_BEFORE  # "meetings in Siem Reap": a place, whatever its first word
            or v.lower[i - 1] in HYPHENS and i > 1 and not doc[i - 2].whitespace_
        ):
            return None
        lead = i - 1 if i > 0 and self.namey(v, i - 1) and v.sent_end[i - 1] == v.sent_end[i] \
            and v.lower[i - 1] not in PORTFOLIOS else None  # "… for Asian Affairs Donald Lu": a title's end
        if lead is not None and not self._family_name_first(v, lead):
            if not doc[lead].is_sent_start:
                return None  # inside a longer name
            lead = None  # a sentence's first word: "Meanwhile Kim Hong …"
        text = doc[i].text
        if i + 2 < n and v.lower[i + 1] in HYPHENS and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
            text = f"{text}-{doc[i + 2].text}"  # "Ji-Young Lee"
        if text not in self.given or text.isupper() or not self.namey(v, i):
            return None
        end = self.grab_name(v, i, limit=3)
        size, last = end - i, doc[end - 1].text
        middle_ok = size == 3 and (doc[i + 1].text in self.given or len(doc[i + 1].text.rstrip(".")) == 1)
        if (
            (size == 2 or "-" in text and size > 2 or middle_ok)
            and last[:1].isupper()
            and not last.isupper()
            and not any(w in self.org_words for w in v.lower[i:end])
            and not (end < n and (v.lower[end] in self.org_words and not self._of_the(v, end) or v.cap[end]
                                  or v.lower[end] in PLACE_HEADS))
        ):
            if lead is not None:
                return Candidate(lead, end, "person") if size == 2 else None  # "Var Kim Hong"
            return Candidate(i, end, "person")
        return None

    def _family_name_first(self, v: DocView, k: int) -> bool:
        """Whether the capitalised word k, just before a given name, opens the name as a family name
        ("Var Kim Hong said", "the committee's head, Var Kim Hong,"): it opens the sentence or follows a
        punctuation mark (not "Minister of State John Kerry", "the Second Thomas Shoal"), is no month, weekday
        or common word, and the text never writes it in lower case."""
        word = v.lower[k]
        return (
            (v.sent_start[k] == k or not v.text[k - 1][:1].isalnum())
            and word not in STOP_WORDS and word not in MONTH_NUMBERS and word not in _DATE_WORDS
            and not v.where([word], exact=True)
        )


# Lowercase words after a hyphen that make a compound, not a name ("Macron-led", "Paris-based").
COMPOUND_TAILS = frozenset({"era", "style", "run", "made", "born", "type", "friendly", "leaning", "wide",
                            "free", "long", "old", "year", "owned", "held", "proof", "like"})


def _name_syllable(word: str) -> bool:
    """A lowercase second half of a hyphenated given name ("Ji-hoon", "Suk-yeol", "Jae-in"): one romanised
    syllable, never a word of a compound ("Muslim-majority", "Paris-based")."""
    return (word.isalpha() and word.islower() and len(word) <= 6 and not word.endswith("ed")
            and word not in COMPOUND_TAILS)


# Lowercase nouns after which a capitalised name is a place ("the wider Asia Pacific region").
PLACE_HEADS = frozenset({"region", "regions", "province", "area", "city", "district", "county", "valley",
                         "basin", "peninsula", "coast", "island", "islands", "sea", "river", "strait"})
# "X held in Rabat", "X was held on 16 February", "X took place": a meeting that bears a body's name
_AUX = frozenset({"was", "were", "is", "are", "will", "be", "been", "being"})
_AFTER_HELD = frozenset({"in", "on", "at", "last", "this", "earlier", "from", "between", "under", "via",
                         "by", "for", "during", "since", "early", "late", "recently", "yesterday", "today",
                         ",", "."})


def _shared_arrangements(v: DocView, found: list[Candidate]) -> set[str]:
    """The names of generic bodies ("... Union", "... Organization") written after "our" somewhere in the
    text: the speakers' own arrangement ("our Falepili Union", "our Customs Union"), not a body that acts."""
    return {span_text(v.doc, c.start, c.end) for c in found
            if c.type == "other" and not c.curated and c.start > 0 and v.lower[c.start - 1] == "our"}


def _venue(v: DocView, c: Candidate) -> bool:
    """Whether an institution that is neither company nor state body (a college, a school, a centre) is
    a place someone goes to ("the visit was to Dublin's Trinity College", "visited the Science Centre"),
    rather than one that acts or that people belong to ("figures from the X Center", "heads a school at the
    X University")."""
    k = c.start
    if k > 0 and v.lower[k - 1] == "the":
        k -= 1
    if k > 1 and v.text[k - 1] in POSSESSIVE and v.cap[k - 2]:
        k -= 2  # "Dublin's"
    return k > 0 and v.lower[k - 1] in DESTINATION_WORDS


def _occasion(v: DocView, c: Candidate) -> bool:
    """Whether an organisation's name here names a meeting: it is held or takes place ("the UK-Morocco
    Association Council held in Rabat on 16 February"), rather than holding something ("the Council held
    talks")."""
    if c.type == "person" or c.end + 1 >= len(v.lower):
        return False
    k = c.end
    while k < len(v.lower) - 1 and v.lower[k] in _AUX:
        k += 1
    if v.lower[k] == "took" and v.lower[k + 1] == "place":
        return True
    return v.lower[k] == "held" and v.lower[k + 1] in _AFTER_HELD  # not "held talks", "held responsible"


def _scan(at: Callable[[int], Candidate | None], starts: list[int]) -> list[Candidate]:
    """The candidates `at` finds from each token of `starts` (ascending: the only tokens where a rule can
    match, picked by a cheap test), resuming after each one found."""
    found: list[Candidate] = []
    end = 0
    for i in starts:
        if i < end:
            continue
        cand = at(i)
        if cand:
            found.append(cand)
            end = cand.end
    return found
