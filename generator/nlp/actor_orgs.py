"""Candidates, the per-token DocView, and the organisation rules of actor discovery."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from generator.config import TUNING
from generator.content.vocabulary import INTERNATIONAL_ORG, country_name, country_name_after_of
from generator.nlp.components import word_index

LIST_SEPS = {",", "and", "/", "&"}
POSSESSIVE = {"'s", "’s", "'", "’"}
# Legal and generic corporate endings: "A and B Group" stays two names, and "Toyota Motor Corporation"
# is a variant of a curated "Toyota".
LEGAL_SUFFIXES = frozenset({
    "corporation", "corp", "corp.", "company", "co", "co.", "inc", "inc.", "ltd", "ltd.", "llc", "plc",
    "spa", "s.p.a.", "ag", "group", "holding", "holdings", "motor", "motors",
})
NO_JOIN = LEGAL_SUFFIXES - {"group"}  # "Trade and Investment Working Group" is one name
# Legal forms written after a comma ("Acme Holdings, Inc.", "Petroleos de Venezuela, S.A.").
COMMA_FORMS = frozenset({"inc.", "inc", "ltd.", "ltd", "llc", "plc", "s.a.", "s.p.a.", "spa", "ag", "gmbh",
                         "n.v.", "b.v.", "co.", "corp.", "s.a.s.", "pjsc", "ojsc", "jsc"})
# Heads that make a name after a bare demonym or country ("American University", "Japan Times"); other
# heads after one need a name word ("Italian Parliament" is a state body, found by institution_bodies).
BARE_HEADS = frozenset({"university", "college", "press", "news", "times", "daily", "journal", "herald",
                        "tribune", "gazette", "telegraph", "broadcasting", "forces", "authority"})
# Words that continue an organisation's name after its head ("Authority on Development").
NAME_LINKS = frozenset({"of", "on", "for"})
MEDIA = "media"
MAX_TAIL = TUNING.max_org_tail_words
MAX_MODIFIERS = TUNING.max_body_modifiers
HYPHEN_JOIN = frozenset({"-", "–"})


@dataclass
class Candidate:
    """A discovered (or curated, when `curated` is set) actor mention with its cue."""

    start: int
    end: int
    type: str
    role: tuple[int, int] | None = None
    country: str | None = None
    name: str | None = None
    alias: str | None = None
    curated: str | None = None
    role_text: str | None = None
    merge: str | None = None  # a curated id this longer name is a variant of ("Toyota Motor Corporation")


# "the Hamas militant group", "the Polisario movement": a describing word between the name and its head
GROUP_HEADS = frozenset({"group", "movement", "militia", "organisation", "organization"})
BARE_GROUP_HEADS = frozenset({"movement", "militia"})  # heads that need no describing word
GROUP_DESCRIPTORS = frozenset({"militant", "rebel", "separatist", "insurgent", "extremist", "terrorist",
                               "jihadist", "islamist", "armed", "guerrilla", "paramilitary", "independence",
                               "liberation", "opposition", "resistance"})
COLLECTIVES = frozenset({"People", "Peoples", "Workers", "Women", "Farmers", "Peasants", "Citizens",
                         "Children"})
COLLECTIVE_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
ORG_OF_HEADS = frozenset({"Organization", "Organisation", "League", "Federation", "Association", "Union",
                          "Community", "Secretariat", "Conference"})
BUILDINGS = frozenset({"Embassy", "Consulate", "High Commission"})  # bodies that are also buildings
LOCATIVES = frozenset({"outside", "near", "inside", "opposite", "behind", "at", "beside"})
PREMISES = frozenset({"staff", "compound", "premises", "building", "grounds", "gates", "gate", "walls"})


@dataclass
class DocView:
    """Per-token facts read once from the Doc, so the rules do only list and set lookups."""

    doc: Doc
    lower: list[str]
    cap: list[bool]
    country: list[str | None]
    curated: list[tuple[str, str, int, int] | None]
    sent_end: list[int] = field(default_factory=list)
    heading: list[bool] = field(default_factory=list)
    kind: list[str | None] = field(default_factory=list)  # kind of country name (names, capitals, seats...)
    text: tuple[str, ...] = ()  # each token's text (generator.nlp.components.token_texts: no Token objects)
    para: list[int] = field(default_factory=list)  # first token of each token's paragraph
    sent_start: list[int] = field(default_factory=list)  # first token of each token's sentence
    marked: list[int] = field(default_factory=list)  # tokens of seats of government and of curated names
    _indexes: dict[bool, dict[str, list[int]]] = field(default_factory=dict)  # False -> the lower-cased index

    def where(self, words: Collection[str], *, exact: bool = False) -> list[int]:
        """The ascending indices of the tokens whose lower-cased text (`exact`: text) is one of `words`: the
        words of the Doc's word index that are in `words` (one set intersection, in C)."""
        index = self._index(exact)
        found = [i for w in index.keys() & words for i in index[w]]
        found.sort()
        return found

    def index(self, *, exact: bool = True) -> dict[str, list[int]]:
        """Each distinct word of the Doc (`exact`: as written, else lower-cased) -> the ascending indices of
        its tokens (shared lists: read them, do not change them)."""
        return self._index(exact)

    def _index(self, exact: bool) -> dict[str, list[int]]:
        """Word -> ascending indices of its tokens (text, or lower-cased text): the Doc's word index
        (generator.nlp.components.word_index), and the lower-cased one built from it once per Doc."""
        if exact:
            return word_index(self.doc)
        index = self._indexes.get(exact)
        if index is None:  # from the distinct words of the text ("The", "the"): fewer than its tokens
            index = {}
            for w, found in word_index(self.doc).items():
                key = w.lower()  # as self.lower holds it
                have = index.get(key)
                index[key] = found if have is None else sorted(have + found)
            self._indexes[exact] = index
        return index


def longest_key(words: Sequence[str], k: int, keys: Collection[str]) -> int:
    """How many words (at most four) the longest of `keys` written at words[k:] has; 0 when none is."""
    return next((size for size in (4, 3, 2, 1)
                 if k + size <= len(words) and " ".join(words[k : k + size]) in keys), 0)


def body_name(body: str, code: str) -> str:
    """The name of a state's body: "Government of Japan"; a ministry as written with its owner,
    "Ministry of Foreign Affairs (Japan)", so "Japan's foreign ministry" and "Japan's Ministry of
    Foreign Affairs" are one actor."""
    if body.startswith("Ministry "):
        return f"{body} ({country_name(code)})"
    return f"{body} of {country_name_after_of(code)}"


class OrgRules:
    """Mixin of Discoverer: the rules that find companies, parties, media and state bodies."""

    suffixes: dict[str, str]
    prefixes: dict[str, str]
    heads: dict[str, str]
    institutions: dict[str, str]
    institution_firsts: frozenset[str]
    particles: frozenset[str]
    given: frozenset[str]
    org_words: set[str]
    org_ends: frozenset[str]
    titles: frozenset[str]
    role_words: frozenset[str]

    def namey(self, v: DocView, i: int) -> bool:
        """Implemented by Discoverer."""
        raise NotImplementedError

    def grab_name(self, v: DocView, k: int, limit: int = 4) -> int:
        """Implemented by Discoverer."""
        raise NotImplementedError

    def person_starts(self, v: DocView, k: int) -> bool:
        """Token k opens a person's name: a known given name followed by a capitalised word that is not
        an organisation word ("... Department of Asian Affairs Liu Jinsong")."""
        return (
            v.text[k] in self.given
            and k + 1 < v.sent_end[k]
            and v.cap[k + 1]
            and v.country[k] is None
            and v.lower[k + 1] not in self.org_words
        )

    def listed_orgs(self, v: DocView) -> list[Candidate]:
        """Names after an organisation noun: "the firms ENI, ENEL and Saipem", "banks such as X"."""
        found = []
        heads = self.heads
        # only tokens that end a curated name or are an organisation noun can start a list
        curated_ends = {item[3] - 1 for item in v.curated if item}
        for i in sorted(curated_ends.union(v.where(heads))):
            word, cur = v.lower[i], v.curated[i]
            if cur and cur[3] == i + 1 and cur[1] in {"company", "media"} and self._list_follows(v, i + 1):
                found += self.org_list(v, i + 2, cur[1])
            if word not in self.heads or v.cap[i] or i + 1 >= len(v.doc):
                continue
            j = i + 1
            if v.lower[j] == "," and any(v.country[max(0, i - 6) : i]):
                j += 1
            elif v.lower[j] in {"such", "like", "including"}:
                j += 2 if v.lower[j] == "such" else 1
            found += self.org_list(v, j, self.heads[word])
        return found

    def org_list(self, v: DocView, j: int, kind: str) -> list[Candidate]:
        """Names joined by commas, "and" or "/" from token j, all of the given type."""
        found, n = [], min(len(v.doc), v.sent_end[j - 1] if j else 0)
        while j < n:
            j += 1 if v.lower[j] == "the" else 0
            if j < n and (cur := v.curated[j]):
                j = cur[3]
            elif j < n and v.lower[j] not in COMMA_FORMS and (
                self.namey(v, j) or v.lower[j] in self.prefixes
            ):
                end = self.grab_name(v, j, limit=5)
                if all(w in self.role_words for w in v.lower[j:end]):
                    break  # "..., Vice-Minister X": a role, not a listed name
                found.append(Candidate(j, end, self.suffixes.get(v.lower[end - 1], kind)))
                j = end
            else:
                break
            if j < n and v.lower[j] in LIST_SEPS:
                j += 1
                j += 1 if j < n and v.lower[j] == "and" else 0
            else:
                break
        return [c for c in found if c.end > c.start]

    def suffixed_orgs(self, v: DocView) -> list[Candidate]:
        """Names by their ends or starts: "Democratic Party", "Aermacchi SpA", "Ministry of Defence"."""
        found = []
        ends = self.org_ends
        for i in v.where(ends):  # the rest can match no rule here
            word, cand = v.lower[i], None
            if v.curated[i] is not None:
                continue
            if v.country[i] is not None:
                continue  # "the Soviet Union" is a state
            if word in self.suffixes and v.cap[i]:
                cand = self._suffix_at(v, i, self.suffixes[word])
            if cand is None and word in self.prefixes and v.cap[i]:
                cand = self._prefix_at(v, i, self.prefixes[word])
            m = i - 1 if i > 1 and v.lower[i - 1] in {"research", "news"} else i
            if word in self.heads and not v.cap[i] and m > 0 and (self.namey(v, m - 1) or v.country[m - 1]):
                kind = MEDIA if m < i and v.lower[m] == "news" else self.heads[word]  # "Interfax news agency"
                # "the Jordan Times newspaper": the name ends with its own media word; the head describes it
                named = kind == MEDIA and v.cap[m - 1] and self.suffixes.get(v.lower[m - 1]) == MEDIA
                cand = None if named else self._suffix_at(v, i, kind)
            if cand:
                found.append(cand)
                found += self.org_list(v, cand.end + 1, cand.type) if self._list_follows(v, cand.end) else []
        return found

    def _list_follows(self, v: DocView, end: int) -> bool:
        return end + 1 < len(v.doc) and v.lower[end] in LIST_SEPS and v.sent_end[end] > end + 1

    def _suffix_at(self, v: DocView, i: int, kind: str) -> Candidate | None:
        s, serial = i, False
        while (
            s > 0
            and v.curated[s - 1] is None
            and not v.doc[s - 1].is_space
            and v.sent_end[s - 1] == v.sent_end[i]
        ):
            prev = v.lower[s - 1]
            if prev == "–" and not v.doc[s - 2].whitespace_ and not v.doc[s - 1].whitespace_:
                prev = "-"  # an en dash inside a compound ("Japan–Korea")
            # "A, B and C Council" is one name; "A, B Council" are two; "A and B Council" is one when A
            # is a lone word ("Asian and Oceanian Affairs Bureau") and the head is not a company ending.
            serial = serial or prev == "and" and s > 3 and v.lower[s - 3] == "," and v.cap[s - 2]
            lone = prev == "and" and s > 1 and self._lone_word(v, s - 2) and v.lower[i] not in NO_JOIN
            joiners = {"of", "for", "-", "&"} | ({"and", ","} if serial else set())
            joiners |= {"and"} if lone else set()
            inner = prev in joiners and s - 1 > 0 and v.cap[s - 2]
            # "Tigray People’s Liberation Front", "Workers' Party": a collective's possessive inside a name
            inner = inner or prev in COLLECTIVE_POSSESSIVE and s > 1 and v.text[s - 2] in COLLECTIVES
            # "Shares of Acme Holdings": a capital at a sentence start is no name word before "of"
            opener = s > 1 and v.doc[s - 2].is_sent_start and v.lower[s - 2] not in self.org_words
            inner = inner and not (prev == "of" and opener)
            if prev in self.titles and v.lower[s] == "of":
                break  # "Head of Public Service": a role, not part of the name
            if (
                (v.cap[s - 1] and prev not in STOP_WORDS)
                or inner
                or (prev in {"research", "news"} and s == i)
            ):
                s -= 1
            else:
                break
        while s < i and (v.lower[s] in {"of", "for", "and", ",", "-", "–", "&"} or not v.cap[s] and s < i):
            s += 1
        cur = v.curated[s - 1] if s > 0 else None
        if cur and cur[1] == INTERNATIONAL_ORG and cur[3] - cur[2] == 1 and s < i and v.cap[s]:
            s -= 1  # "UN Human Rights Council": the body of an organisation, one name
        # "the Japan–Korea Joint Committee", "the Lombardy-Russia association": one body of two places
        dashes = {"-", "–", "—"}
        bilateral = any(
            v.lower[t] in dashes and v.country[t - 1] and v.country[t + 1] for t in range(s + 1, i - 1)
        )
        bare = all(v.country[t] or not v.cap[t] for t in range(s, i))
        if s == i or bare and not bilateral and v.lower[i] not in BARE_HEADS:
            return None
        end = self._name_tail(v, i + 1)
        if kind == "media" and end < len(v.doc) and v.lower[end] in self.titles:
            return None  # "White House Press Secretary": a role
        if end == i + 1 < v.sent_end[i] and self.namey(v, end) and not self.person_starts(v, end):
            return None  # "Armed Forces Day": the name goes on past the head
        cand = Candidate(s, end, kind, country=next((x for x in v.country[s:end] if x), None))
        cand.alias = v.doc[s:end].text if cur and s < cur[3] else None
        return cand

    def _lone_word(self, v: DocView, k: int) -> bool:
        """A capitalised word standing alone before "and" ("Asian" in "the Asian and Oceanian Affairs
        Bureau"): no name, country or capitalised word before it."""
        return (
            v.cap[k]
            and v.curated[k] is None
            and v.country[k] is None
            and v.text[k] not in self.given
            and (k == 0 or not v.cap[k - 1] or v.lower[k - 1] == "the")
        )

    def _name_tail(self, v: DocView, end: int) -> int:
        """End of a name continued after its head by "of", "on" or "for" and capitalised words ("the
        Agricultural Bank of China", "the Intergovernmental Authority on Development"), else `end`."""
        n = v.sent_end[end - 1]
        if not (end + 1 < n and v.lower[end] in NAME_LINKS and v.cap[end + 1]):
            return end
        k = end + 1
        while (
            k < n
            and k - end <= MAX_TAIL
            and v.cap[k]
            and v.curated[k] is None
            and (v.country[k] or self.namey(v, k))
            and not self.person_starts(v, k)
        ):
            k += 1
        return k if k > end + 1 else end

    def _prefix_at(self, v: DocView, i: int, kind: str) -> Candidate | None:
        e, n = i + 1, v.sent_end[i]
        joiners = {"of", "for"} | self.particles
        while (
            e < n
            and (v.cap[e] or v.lower[e] in joiners or v.lower[e] == "the" and v.lower[e - 1] in NAME_LINKS)
            and v.curated[e] is None
            and not (e > i + 1 and (self.person_starts(v, e) or v.lower[e] in self.titles))
            and not (v.lower[e] == "and" and not self._and_inside(v, e))
        ):
            joiners |= {"and"} if v.lower[e] in {"of", "for"} else set()
            e += 1
        while e > i + 1 and not v.cap[e - 1]:
            e -= 1
        if e == i + 1:
            return None
        s = i - 2 if i > 1 and v.text[i - 1] in POSSESSIVE and v.country[i - 2] else i - 1
        owner = v.country[s] if s >= 0 and (s < i - 1 or kind == "government_body") else None
        while owner and s > 0 and v.country[s - 1] == owner:
            s -= 1  # "Kenya Ministry of Foreign Affairs", "South Africa's Ministry of ..."
        body = e
        if not owner and kind == "government_body" and v.country[e - 1]:
            # "Ministry of Foreign Affairs of the Republic of Kenya" is Kenya's, named as its other forms
            body = e - 1
            while body > i and v.country[body - 1] == v.country[e - 1]:
                body -= 1
            body -= 2 if body - 2 > i and v.lower[body - 1] == "the" and v.lower[body - 2] == "of" else 0
            body -= 1 if body - 1 > i and v.lower[body - 1] == "of" else 0
            owner = v.country[e - 1] if body < e - 1 and v.lower[body] == "of" else None
            s = i
        country = owner or next((x for x in v.country[i:e] if x), None)
        cand = Candidate(i, e, kind, country=country)
        if owner:  # a state's body is named with its state; "Spain's Grupo ENCE SA" is named as written
            own = f" ({country_name(owner)})" if kind == "government_body" else ""
            cand.name = f"{v.doc[i:body].text}{own}"
            cand.alias, cand.start = v.doc[s:e].text, s
        return cand

    def _and_inside(self, v: DocView, e: int) -> bool:
        """An "and" inside a body's name ("Ministry of Trade and Industry"), not one that starts another
        name ("... of Turkmenistan and the Foreign Office", "... and the Ministry of ...")."""
        nxt = e + 1 < len(v.doc) and v.cap[e + 1] and v.lower[e + 1] not in self.prefixes
        return bool(nxt) and v.country[e - 1] is None and v.country[e + 1] is None

    def legal_forms(self, v: DocView) -> list[Candidate]:
        """Companies by a legal form after a comma: "Petroleos de Venezuela, S.A.", "Acme Holdings, Inc."
        (the name is the words before the comma, capitalised, with particles and states inside)."""
        found = []
        for i in [i for i in v.where(COMMA_FORMS) if i >= 2]:
            if v.lower[i - 1] != "," or not v.cap[i]:
                continue
            s, c = i - 1, i - 1
            while s > 0 and c - s < MAX_TAIL + 1 and v.curated[s - 1] is None and (
                self.namey(v, s - 1) or v.country[s - 1] and v.cap[s - 1]
                or v.lower[s - 1] in self.particles and s > 1 and v.cap[s - 2]
            ):
                s -= 1
            while s < c and not v.cap[s]:
                s += 1
            if s < c and not all(v.country[t] for t in range(s, c)):
                name, alias = v.doc[s:c].text, v.doc[s : i + 1].text
                found.append(Candidate(s, i + 1, "company", name=name, alias=alias))
        return found

    def institution_bodies(self, v: DocView) -> list[Candidate]:
        """State bodies: "the Italian government", "Italy's foreign ministry", "U.S. security agencies"."""
        found = []
        country = v.country
        # only a token right after a state's name can start its body
        for i in [i for i in range(1, len(country)) if country[i - 1] is not None and country[i] is None]:
            owned = v.text[i] in POSSESSIVE
            j = i + 1 if owned else i
            j = self._body_at(v, j)
            size = self._institution_size(v, j)
            if not size:
                continue
            key = " ".join(v.lower[j : j + size])
            s = i - 1
            while s > 0 and v.country[s - 1] == v.country[i - 1]:
                s -= 1
            if self.institutions[key] in BUILDINGS and (
                    s > 1 and v.lower[s - 1] == "the" and v.lower[s - 2] in LOCATIVES
                    or j + size < len(v.lower) and v.lower[j + size] in PREMISES):
                continue  # "outside the British Embassy", "British Embassy staff": the building
            found.append(
                Candidate(
                    s,
                    j + size,
                    "government_body",
                    country=v.country[i - 1],
                    name=body_name(self.institutions[key], v.country[i - 1] or ""),
                    alias=v.doc[s : j + size].text,
                )
            )
        return found

    def governments_of(self, v: DocView) -> list[Candidate]:
        """"the Governments of the United States and the Republic of Uzbekistan": the government of each
        state the plural names (the first candidate spans "Governments of" and its state, the others their
        state's name)."""
        found = []
        for i in v.where(("governments",)):
            end = v.sent_end[i]
            if i + 1 >= end or v.lower[i + 1] != "of":
                continue
            j, start = i + 2, i
            while j < end:
                j += 1 if v.lower[j] == "the" else 0
                code = v.country[j] if j < end else None
                if code is None or len(code) != 2:
                    break
                k = j
                while k < end and v.country[k] == code:
                    k += 1
                found.append(Candidate(start, k, "government_body", country=code,
                                       name=body_name("Government", code)))
                if k + 1 < end and v.lower[k] in (",", "and"):
                    j, start = k + 1, k + 1
                else:
                    break
        return found

    def _institution_size(self, v: DocView, k: int) -> int:
        """How many words the longest state institution's name at token k has ("foreign ministry": 2); 0."""
        if k >= len(v.lower) or v.lower[k] not in self.institution_firsts:
            return 0
        return longest_key(v.lower, k, self.institutions)

    def _body_at(self, v: DocView, j: int) -> int:
        """Where the institution word starts after a possessive or a demonym, past at most MAX_MODIFIERS
        lowercase modifiers ("Poland's previous government", "the new Israeli coalition government"); j
        otherwise."""
        k, words, n = j, 0, v.sent_end[j - 1]
        while k < n and words <= MAX_MODIFIERS:
            if self._institution_size(v, k):
                return k
            word = v.lower[k]
            if v.cap[k] and v.curated[k] is None and v.country[k] is None and k + 1 < len(v.lower) \
                    and not v.cap[k + 1] and self._institution_size(v, k + 1):
                return k + 1  # one name before it: "Nicaragua's Sandinista government"
            if v.cap[k] or not word.isalpha() or word in STOP_WORDS or word in self.org_words:
                return j
            k += 1
            if k + 1 < n and v.lower[k] in HYPHEN_JOIN and not v.doc[k - 1].whitespace_:
                k += 2  # "right-wing"
            words += 1
        return j

    def described_groups(self, v: DocView) -> list[Candidate]:
        """Armed and political groups named before a describing noun: "the Hamas militant group", "the
        Polisario movement", "the Ansar Allah rebel movement": the name alone, an organisation."""
        found = []
        for i in v.where(GROUP_HEADS):
            k = i - 1
            while k > 0 and i - k <= 2 and v.lower[k] in GROUP_DESCRIPTORS:
                k -= 1
            if k == i - 1 and v.lower[i] not in BARE_GROUP_HEADS:
                continue  # "the Wagner group" is a company's name (the head-noun rule)
            end, s = k + 1, k
            while s > 0 and end - s < 4 and self.namey(v, s) and v.curated[s] is None \
                    and v.country[s] is None:
                s -= 1
            if s == k or v.lower[s] != "the" or v.sent_end[s] != v.sent_end[i] or not v.cap[s + 1]:
                continue
            found.append(Candidate(s + 1, end, "other"))
        return found

    def organizations_of(self, v: DocView) -> list[Candidate]:
        """International bodies named "Organization of …" or "League of …": the head, "of" or "for", and
        capitalised words (with "and", "the", "in", "of" between them): "the Organization of American
        States", "the Organization for Security and Cooperation in Europe"."""
        found = []
        for i in [i for i in v.where(ORG_OF_HEADS, exact=True) if i < len(v.text) - 2]:
            if v.lower[i + 1] not in ("of", "for") or not (v.cap[i + 2] or v.lower[i + 2] == "the"):
                continue
            end, j, stop = i, i + 2, min(v.sent_end[i], i + 12)
            while j < stop and (v.cap[j] or v.lower[j] in ("and", "the", "of", "for", "in", "on")):
                if v.lower[j] in ("in", "on") and j + 1 < stop and v.country[j + 1]:
                    break  # "the Organization of American States in Washington": the seat, not the name
                if v.cap[j]:
                    end = j + 1
                j += 1
            if end > i + 2:
                found.append(Candidate(i, end, "organization", name=v.doc[i:end].text))
        return found

    def councils_of(self, v: DocView) -> list[Candidate]:
        """Local bodies: "the regional council of Liguria", "the council of the Italian Veneto region"."""
        found = []
        for i, word in enumerate(v.lower[:-2]):
            if word not in self.institutions or v.lower[i + 1] != "of":
                continue
            k = j = i + 3 if v.lower[i + 2] == "the" else i + 2
            # "the Government of Rwanda", not "the Council of Ministers", "the government of Prime Minister X"
            owner = v.lower[k] if k < len(v.doc) else ""
            if v.cap[i] and not (owner and v.country[k]) or owner in self.role_words:
                continue
            while j < v.sent_end[i] and v.country[j]:
                j += 1
            end = self.grab_name(v, j, limit=3) if j < v.sent_end[i] else j
            code = v.country[k] if j > k else None
            if end == j and code:
                name = body_name(self.institutions[word], code)
            elif end > j:
                name = f"{self.institutions[word]} of {v.doc[j:end].text}"
            else:
                continue
            end += 1 if end < len(v.doc) and v.lower[end] in {"region", "province", "state", "city"} else 0
            s = (
                i - 1
                if i > 0 and v.lower[i - 1] in {"regional", "provincial", "municipal", "city", "state"}
                else i
            )
            found.append(
                Candidate(
                    s,
                    max(end, j),
                    "government_body",
                    country=code,
                    name=name,
                    alias=v.doc[s : max(end, j)].text,
                )
            )
        return found
