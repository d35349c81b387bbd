"""Actor rules driven by context cues: media by reporting cues and credits, descriptive state bodies
("the government in Cairo", "the Kremlin", "the Biden administration") and people by possessive cues
("Kishida's remarks"). A mixin of generator.nlp.actor_patterns.Discoverer."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from generator.config import TUNING
from generator.content.countries import gazetteer
from generator.content.vocabulary import NON_STATES
from generator.nlp.actor_orgs import POSSESSIVE, Candidate, DocView, body_name, longest_key

MEDIA = "media"
MAX_MEDIA_WORDS = TUNING.max_media_name_words
MAX_DATELINE = TUNING.max_dateline_tokens
DASHES = frozenset({"-", "–", "—"})
DATELINE_CITY = 100_000  # inhabitants of a place that a dateline's brackets name as its city, not an agency
# Words after "X's" that only a person has ("Kishida's remarks", "his wife" is a title).
PERSON_NOUNS = frozenset({
    "wife", "husband", "widow", "remarks", "presidency", "premiership", "re-election", "reelection",
    "inauguration", "aides", "bodyguards", "memoirs", "rule",
})
# Words after a person that name the government they lead ("the Biden administration").
LED_BODIES = frozenset({"administration", "government", "cabinet"})
# Words that, before a seat of government, make it a place ("talks at the Kremlin").
PLACE_WORDS = frozenset({
    "in", "at", "to", "from", "near", "outside", "inside", "into", "toward", "towards", "visited",
    "visiting", "visit", "left", "leave", "reached", "entered", "around", "across", "via",
})
# Institution names (values of `institutions` in content/actors.yaml) that "the X in <capital>" makes a
# body of the capital's state; an embassy or an army "in" a capital belongs to another state.
SEATED_BODIES = frozenset({"Government", "Parliament", "Senate", "Congress", "Duma", "Assembly"})
# "Copyright © 2020 X", "Distributed by X", "Read the original article on X" (after "original" only),
# "Published ... in X"; a platform posted on ("posted on Telegram", "in a post on X").
CREDIT_PAIRS = frozenset({("distributed", "by"), ("article", "on"), ("originally", "in"),
                          ("posted", "on"), ("post", "on"), ("wrote", "on")})
# "according to X", "in an interview with X", "speaking to X", "wrote in X": X is a medium when it looks
# like one (after "the", an acronym, a media ending).
STRICT_PAIRS = frozenset({("according", "to"), ("interview", "with"), ("speaking", "to"), ("wrote", "in"),
                          ("published", "by")})
STATE_KINDS = frozenset({"names", "capitals", "seats"})
# bodies every state has, named bare ("the government", "the foreign ministry", "Parliament"): keys of the
# institutions of content/actors.yaml (one removed there is no longer found bare either)
BARE_BODIES = frozenset({"government", "foreign ministry", "foreign affairs ministry",
                         "ministry of foreign affairs", "defence ministry", "defense ministry",
                         "ministry of defence",
                         "ministry of defense", "parliament"})
BARE_BODY_FIRSTS = frozenset(b.split()[0] for b in BARE_BODIES)
BARE_BODY_BEFORE = frozenset({"the", "its", "his", "her", "their"})
BARE_BODY_MODIFIERS = frozenset({"new", "current", "previous", "former", "interim", "transitional",
                                 "incoming", "outgoing", "elected"})
BARE_HOUSE_BEFORE = frozenset({"to", "by", "before"})
BARE_BODY_STATES = frozenset({"names", "demonyms", "capitals", "seats"})  # mentions that stand for a state
# the words media_cues looks at; every other token is skipped at once
MEDIA_TRIGGERS = frozenset({"told", "reported", "reports", "said", "(", "©", "copyright", "published",
                            *(pair[0] for pair in STRICT_PAIRS | CREDIT_PAIRS)})


class CueRules:
    """Mixin of Discoverer: rules that find actors through the words around them."""

    titles: frozenset[str]
    role_words: frozenset[str]
    blocked: frozenset[str]
    given: frozenset[str]
    org_words: set[str]
    suffixes: dict[str, str]
    institutions: dict[str, str]
    institution_firsts: frozenset[str]
    person_country: dict[str, str | None]

    def namey(self, v: DocView, i: int) -> bool:
        """Implemented by Discoverer."""
        raise NotImplementedError

    def grab_name(self, v: DocView, k: int, limit: int = 4) -> int:
        """Implemented by Discoverer."""
        raise NotImplementedError

    # --- media ------------------------------------------------------------------------------------

    def media_cues(self, v: DocView) -> list[Candidate]:
        """Media named by a reporting cue: "told the ABC", "according to X", "X reported", "X said in a
        report", datelines "(dpa/MIA) -" and "... 2024. (Reuters)", and credits ("Copyright © 2020 X",
        "Distributed by X", "the original article on X", "Published May 2023 in X")."""
        found: list[Candidate] = []
        words, n = v.lower, len(v.doc)
        for i in v.where(MEDIA_TRIGGERS):
            word = words[i]
            cand: Candidate | None = None
            if word == "told" and v.text[i] == word:
                cand = self._media_after(v, i + 1, strict=True)
            elif i + 1 < n and (word, words[i + 1]) in STRICT_PAIRS:
                cand = self._media_after(v, i + 2, strict=True)
            elif word in {"reported", "reports"} and v.text[i] == word:
                end = i - 1 if i > 0 and words[i - 1] in {"has", "had", "have"} else i
                cand = self._media_before(v, end)
            elif word == "said" and words[i + 1 : i + 4] == ["in", "a", "report"]:
                cand = self._media_before(v, i)
            elif word == "(" and i + 2 < n:
                found += self._dateline(v, i)
            elif word in {"©", "copyright"}:
                k = i + 1
                while k < n and (words[k] == "©" or words[k].isdigit()):
                    k += 1
                cand = self._media_after(v, k, strict=False)
            elif i + 2 < n and (word, words[i + 1]) in CREDIT_PAIRS:
                original = word != "article" or words[i - 1] == "original"
                cand = self._media_after(v, i + 2, strict=False) if original else None
            elif word == "published" and v.cap[i]:
                at = next((t for t in range(i + 1, min(n, i + MAX_MEDIA_WORDS)) if words[t] == "in"), None)
                cand = self._media_after(v, at + 1, strict=False) if at is not None else None
            if cand is not None:
                found.append(cand)
        return found

    def _media_end(self, v: DocView, k: int) -> int:
        """End of the media name starting at token k (capitalised words, a country inside it as in
        "Japan Times"), or k when there is none or it is a person, curated, a state or a body."""
        n, e = v.sent_end[k] if k < len(v.doc) else k, k
        while e < n and e - k < MAX_MEDIA_WORDS and v.cap[e] and v.curated[e] is None and (
            v.country[e] or self.namey(v, e)
        ):
            e += 1
        while e > k and v.country[e - 1]:
            e -= 1  # a name does not end with a state ("the Kremlin" is not a newspaper)
        if e == k or self._not_media(v, k, e):
            return k
        return e

    def _not_media(self, v: DocView, k: int, e: int) -> bool:
        heads = [w for w in v.lower[k:e] if w in self.org_words and self.suffixes.get(w) != MEDIA]
        person = v.text[k] in self.given and e - k > 1
        return bool(heads) or person or any(w in self.role_words for w in v.lower[k:e])

    def _is_media_name(self, v: DocView, k: int, e: int, article: bool) -> bool:
        """A name a reporting cue may make a medium: after "the", an acronym ("ABC"), or with a media
        ending ("Kyodo News")."""
        text = v.text[k]
        acronym = e - k == 1 and len(text) > 1 and text.isupper() and text.isalpha()
        return article or acronym or self.suffixes.get(v.lower[e - 1]) == MEDIA

    def _media_after(self, v: DocView, k: int, *, strict: bool) -> Candidate | None:
        n = len(v.doc)
        if k >= n:
            return None
        article = v.lower[k] == "the"
        start = k
        k += 1 if article else 0
        if k >= n or v.curated[k] is not None:
            return None
        e = self._media_end(v, k)
        if e == k or strict and not self._is_media_name(v, k, e, article):
            return None
        return self._media(v, start if article and v.text[start] == "The" else k, e)

    @staticmethod
    def _media(v: DocView, s: int, e: int) -> Candidate:
        """A medium from s to e; a leading "The" is kept in the alias, not the name ("The East African"
        and "East African" are one actor)."""
        if v.text[s] != "The":
            return Candidate(s, e, MEDIA)
        return Candidate(s, e, MEDIA, name=v.doc[s + 1 : e].text, alias=v.doc[s:e].text)

    def _media_before(self, v: DocView, end: int) -> Candidate | None:
        """The medium ending at token `end` ("Kyodo News reported", "..., the Yomiuri reported")."""
        s = end
        while s > 0 and end - s < MAX_MEDIA_WORDS and v.curated[s - 1] is None and (
            self.namey(v, s - 1) or v.country[s - 1] and s < end
        ):
            s -= 1
        if s == end or v.sent_end[s] != v.sent_end[end - 1]:
            return None
        article = s > 0 and v.lower[s - 1] == "the" and v.sent_end[s - 1] == v.sent_end[s]
        first = s == 0 or v.doc[s].is_sent_start
        if self._not_media(v, s, end) or first and end - s == 1 and not v.text[s].isupper():
            return None  # "Officials reported": a capital at a sentence start says nothing
        # "Japan's Kyodo reported": a medium owned by a state
        after_name = s > 1 and not first and v.lower[s - 1] in POSSESSIVE and v.country[s - 2] is not None
        if not self._is_media_name(v, s, end, article) and not after_name:
            return None
        cand = self._media(v, s - 1 if article and v.text[s - 1] == "The" else s, end)
        cand.country = v.country[s - 2] if after_name else None
        return cand

    def _dateline(self, v: DocView, i: int) -> list[Candidate]:
        """Agencies in a dateline's brackets: "(dpa/MIA) -", "(Reuters) —", or a credit "... 2024. (AFP)"
        closing a paragraph."""
        n, k, names = len(v.doc), i + 1, []
        while k < n and k - i <= MAX_MEDIA_WORDS:
            text = v.text[k]
            if not (text.isalpha() and text[:1].isalpha() and v.country[k] is None):
                return []
            names.append(k)
            if k + 1 < n and v.lower[k + 1] == "/":
                k += 2
                continue
            break
        close = k + 1
        if close >= n or v.lower[close] != ")":
            return []
        after = close + 1
        # "MOSCOW (AP) –", or a dateline line of its own closed by a full stop: "Lima, Feb. 29 (ANDINA)."
        line_end = after + 1 >= n or not v.text[after + 1].strip() or v.para[after + 1] == after + 1
        dash = after < n and (v.lower[after] in DASHES or v.lower[after] == "." and line_end)
        if dash and i - v.para[i] <= MAX_DATELINE:
            head = " ".join(v.text[v.para[i] : i])  # "LIMA, 3 June (X) -", "MOSCOW (X) -"
            found = "," in head or head.isupper()
        else:  # a credit closing its paragraph: "... 2024. (AFP)"
            ends = after >= n or not v.text[after].strip() or v.para[after] == after
            found = i > 0 and v.lower[i - 1] == "." and ends
        if not found:
            return []
        places = gazetteer()
        return [
            Candidate(t, t + 1, MEDIA)
            for t in names
            if v.curated[t] is None and v.lower[t] not in self.blocked and v.lower[t] not in self.org_words
            # "May 4, 2018 (JUBA) –": a city of the dateline, not an agency (Xinhua and KUNA are villages too)
            and max((pop for _, pop in places.get(v.text[t].title(), ())), default=0) < DATELINE_CITY
        ]

    # --- descriptive state bodies ------------------------------------------------------------------

    def descriptive_bodies(self, v: DocView) -> list[Candidate]:
        """State bodies named by description: "the government in Cairo" (a body "in" a capital, seat or
        state), a seat of government acting for the government ("the Kremlin said", not "talks at the
        Kremlin"), and the government a curated leader heads ("the Biden administration", "Modi's
        government"); the last two are the Government of the state, the description an alias."""
        found: list[Candidate] = []
        n = len(v.doc)
        firsts = self.institution_firsts
        # only "the", the first token of a seat, and the last of a curated name can start a body
        starts = sorted({*v.where(("the",)), *v.marked})
        for i in starts:
            cand = None
            if v.lower[i] == "the" and i + 2 < n and v.lower[i + 1] in firsts:
                cand = self._body_in_place(v, i)
            if cand is None and v.kind[i] == "seats" and (i == 0 or v.kind[i - 1] != "seats"):
                cand = self._seat(v, i)
            if cand is None and (cur := v.curated[i]) and cur[1] == "person" and cur[3] == i + 1:
                cand = self._led_body(v, cur)
            if cand is not None:
                found.append(cand)
        return found

    def bare_bodies(self, v: DocView) -> list[Candidate]:
        """A state's government, foreign or defence ministry or parliament named without its state ("said the
        government Friday", "the foreign ministry said", "submitted to parliament by Japan's ruling party"):
        the body of the first state the sentence names other than as a venue ("in Bangkok"), when it names
        one (none: no actor). The body is definite ("the", "its", "the new government") or written with a
        capital inside the sentence ("Parliament approved"); "a democratically elected government",
        "government members" and "Government spokesman X" name no body."""
        found: list[Candidate] = []
        for i in v.where(BARE_BODY_FIRSTS):
            size = longest_key(v.lower, i, BARE_BODIES)
            e = i + size
            body = self.institutions.get(" ".join(v.lower[i:e])) if size else None
            if body is None or v.country[i] is not None or e < len(v.doc) and (
                    v.lower[e] in ("of", "in") or v.lower[e] in self.titles or v.lower[e] == "members"):
                continue  # "the government of Japan", "the government in Kabul", "government spokesman"
            s = i - 1 if i and v.lower[i - 1] in BARE_BODY_MODIFIERS else i
            s = s - 2 if s < i and s > 1 and v.lower[s - 1] == "-" else s  # "the recently-elected government"
            definite = s > 0 and v.lower[s - 1] in BARE_BODY_BEFORE
            # "submitted to parliament": a parliament needs no article
            house = v.lower[i] == "parliament" and s == i and i > 0 and v.lower[i - 1] in BARE_HOUSE_BEFORE
            if not definite and not house and not (v.cap[i] and v.sent_start[i] != i and s == i):
                continue
            s = s - 1 if definite else s
            code = next((v.country[t] for t in range(v.sent_start[i], v.sent_end[i])
                         if v.country[t] and v.kind[t] in BARE_BODY_STATES
                         and (t == 0 or v.lower[t - 1] not in ("in", "at"))), None)
            if code is None or len(code) != 2 or code in NON_STATES:
                continue  # "the Government" of a bloc is no state's
            found.append(Candidate(s, e, "government_body", country=code, name=body_name(body, code),
                                   alias=v.doc[s:e].text))
        return found

    def _body_in_place(self, v: DocView, i: int) -> Candidate | None:
        for size in (4, 3, 2, 1):
            k = i + 1 + size
            key = " ".join(v.lower[i + 1 : k])
            body = self.institutions.get(key)
            if body is None or k + 1 >= len(v.doc) or v.lower[k] != "in" or v.cap[i + 1]:
                continue
            if not (body in SEATED_BODIES or body.startswith("Ministry ")):
                return None
            code, e = v.country[k + 1], k + 1
            if code is None or v.kind[e] not in STATE_KINDS:
                return None
            while e < len(v.doc) and v.country[e] == code:
                e += 1
            name = body_name(body, code)
            return Candidate(i, e, "government_body", country=code, name=name, alias=v.doc[i:e].text)
        return None

    def _seat(self, v: DocView, i: int) -> Candidate | None:
        code, e = v.country[i], i
        while e < len(v.doc) and v.kind[e] == "seats" and v.country[e] == code:
            e += 1
        k = i - 1 if i > 0 and v.lower[i - 1] == "the" else i
        if k > 0 and (v.lower[k - 1] in PLACE_WORDS or v.text[e - 1] in POSSESSIVE):
            return None
        owns = e + 1 < len(v.doc) and v.text[e] in POSSESSIVE and v.cap[e + 1]
        if e < len(v.doc) and (v.cap[e] or owns):
            return None  # "White House Press Secretary", "the Kremlin's Peskov": a modifier
        # content/countries.yaml lists seats "used for the government itself"
        name = body_name("Government", code or "")
        return Candidate(i, e, "government_body", country=code, name=name, alias=v.doc[k:e].text)

    def _led_body(self, v: DocView, cur: tuple[str, str, int, int]) -> Candidate | None:
        code = self.person_country.get(cur[0])
        k = cur[3] + (1 if cur[3] < len(v.doc) and v.doc[cur[3]].text in POSSESSIVE else 0)
        if code is None or k >= len(v.doc) or v.lower[k] not in LED_BODIES or v.cap[k]:
            return None
        s = cur[2] - 1 if cur[2] > 0 and v.lower[cur[2] - 1] == "the" else cur[2]
        name = body_name("Government", code)
        # the mention is the body's noun: the leader's name stays a mention of the leader
        return Candidate(k, k + 1, "government_body", country=code, name=name, alias=v.doc[s : k + 1].text)

    # --- people by possessive cues -------------------------------------------------------------------

    def possessive_people(self, v: DocView) -> list[Candidate]:
        """People before a possessive that only a person has: "Kishida's remarks", "Tess Novak's
        husband"; not states, curated actors or organisations."""
        found = []
        n = len(v.doc)
        for i in [i for i in v.where(POSSESSIVE, exact=True) if 0 < i < n - 1]:
            if v.lower[i + 1] not in PERSON_NOUNS:
                continue
            s = i
            while s > 0 and i - s < MAX_MEDIA_WORDS and self.namey(v, s - 1) and v.curated[s - 1] is None:
                s -= 1
            if s == i or v.sent_end[s] != v.sent_end[i] or any(w in self.org_words for w in v.lower[s:i]):
                continue
            if any(w in STOP_WORDS for w in v.lower[s:i]):
                continue
            found.append(Candidate(s, i, "person"))
        return found
