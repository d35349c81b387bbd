"""Recognises countries, their capitals, seats, demonyms, regions and the EU/NATO as
`doc.spans["countries"]`, and cities of the GeoNames gazetteer as `doc.spans["places"]`; decides which
states of a sentence are parties to what it says (`sentence_countries`)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any

from spacy.attrs import IS_PUNCT, IS_SPACE, LANG, LOWER, NORM
from spacy.lang.en import English, EnglishDefaults
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, filter_spans

from generator.content import Content
from generator.content.countries import KINDS, gazetteer
from generator.content.vocabulary import INTERNATIONAL_ORG
from generator.nlp.components import (
    filter_matches,
    sentence_starts,
    set_spans,
    span_text,
    text_of,
    token_offsets,
    token_texts,
    word_index,
)

SPANS_KEY = "countries"
PLACES_KEY = "places"
CONTEXT_NOUNS_KEY = "briefs_context_nouns"
VENUE = "venue"
HYPHENS = {"-", "–", "—"}
APOSTROPHES = ("'", "’")
# A city of the gazetteer names its state when it has this many inhabitants, or at least 15,000 (all the
# gazetteer holds) when its state is named in the same text; a name shared by cities of several states
# needs a state named in the text or a city this many times larger than the others.
PLACE_MIN_POPULATION = 100_000
PLACE_DOMINANCE = 5
# Words before a place that make it the scene, not a party ("talks in Jeddah"); words that may precede a
# place name with a capital letter without being part of a longer name.
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within"})
PLACE_BEFORE = LOCATIVE | {"from", "to", "of", "via", "into", "toward", "towards", "between", "visited",
                            "visiting", "visit", "left", "reached", "entered"}
LINKS = frozenset({"in", "at", "the", "of", "from", "to", "and", "near", "on", "for", "by", "with"})
# Words after "Japan's" that make the country the scene ("Japan's southwestern city of ...").
PLACE_NOUNS = frozenset("""city cities town towns capital province provinces region regions coast island
islands port ports border village district state territory""".split())
# Splits "U.S.-China", which the default tokenizer keeps whole, so both names match.
_ABBREV_HYPHEN = r"(?<=[A-Z]\.)[-–](?=[A-Z])"
_LETTERS = re.compile(r"[^\W\d_]+")


def _apostrophe_variants(name: str) -> list[str]:
    """"People's Republic of China" is also written with a typographic apostrophe, and the longer name
    must win over "Republic of China" in both spellings."""
    return [name.replace(a, b) for a, b in (APOSTROPHES, APOSTROPHES[::-1]) if a in name]


def _dropped_apostrophe(name: str, taken: dict[str, str]) -> str | None:
    """'Italys' for 'Italy', as left by feeds that strip apostrophes; never a known name itself."""
    if " " in name or name.endswith("s") or not name[:1].isupper() or name.isupper():
        return None
    variant = name + "s"
    return None if variant in taken or variant == "Americas" else variant


class CountryRecognizer:
    """Marks country mentions; span.label_ is the alpha-2 code, "EU" or "NATO"."""

    def __init__(self, nlp: Language) -> None:
        self.names: dict[str, str] = {}
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.prefixes = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.place_names: set[str] = set()  # place names of letters and spaces (their tokens, space-joined)
        self.place_first: dict[str, tuple[int, ...]] = {}  # first token of a name -> lengths, longest first
        self.place_texts: dict[str, list[str]] = {}  # first letters of a name with other characters -> names
        self.kind_of: dict[str, str] = {}
        self.gazetteer: dict[str, tuple[tuple[str, int], ...]] = {}
        self.qualifiers: set[str] = set()
        self.context_nouns: frozenset[str] = frozenset()
        # actors whose country is context, not a party (content/countries.yaml: the press, think tanks)
        self.context_actor_types: frozenset[str] = frozenset()

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language,
                   content: Content) -> None:
        """Add the patterns: pycountry's names and those of content/countries.yaml."""
        kinds = content.countries.kinds
        self.names = {
            name: code for kind in KINDS if kind != "prefixes" for name, code in kinds[kind].items()
        }
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.prefixes = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.kind_of = {name.lower(): kind for kind in KINDS if kind != "prefixes" for name in kinds[kind]}
        by_code: dict[str, list[str]] = {}
        for name, code in self.names.items():
            by_code.setdefault(code, []).append(name)
            variant = _dropped_apostrophe(name, self.names)
            if variant:
                by_code[code].append(variant)
            for other in _apostrophe_variants(name):
                if other not in self.names:
                    by_code[code].append(other)
                    self.kind_of.setdefault(other.lower(), self.kind_of[name.lower()])
        for code, names in sorted(by_code.items()):
            self.exact.add(code, [nlp.make_doc(n) for n in sorted(names)])
            multi = [nlp.make_doc(n) for n in sorted(names) if " " in n]
            if multi:
                self.lower.add(code, multi)
        for name, code in sorted(kinds["prefixes"].items()):
            self.prefixes.add(code, [nlp.make_doc(name)])
        self._add_places(nlp, content)
        self.context_nouns = content.countries.context_nouns
        self.context_actor_types = content.countries.context_actor_types

    def _add_places(self, nlp: Language, content: Content) -> None:
        """The gazetteer's cities and US states, less curated names, listed non-places and stop words."""
        skip = {name.lower() for name in (*self.kind_of, *content.countries.not_places)} | STOP_WORDS
        self.gazetteer, self.qualifiers = {}, set()
        # Dicts, not a PhraseMatcher: building 38,000 pattern Docs costs 2 s a build. Names of letters and
        # spaces are token sequences; the others ("Mazar-e Sharif", "N'zeto", "Sault Ste. Marie") are
        # matched on the text, keyed by their first run of letters, so no name is tokenized here.
        self.place_names, self.place_texts = set(), {}
        first: dict[str, set[int]] = {}
        for name, cands in gazetteer().items():  # one pass over 38,000 names: this runs at every build
            if name.lower() in skip:
                continue
            self.gazetteer[name] = cands
            if cands[0][1] >= 10_000_000:
                self.qualifiers.add(name)
            if name.isalpha():
                self.place_names.add(name)
                first.setdefault(name, set()).add(1)
                continue
            words = name.split(" ")
            if all(w.isalpha() for w in words):
                self.place_names.add(name)
                first.setdefault(words[0], set()).add(len(words))
            else:
                head = _LETTERS.match(name)
                if head:
                    self.place_texts.setdefault(head.group(), []).append(name)
        self.place_first = {word: tuple(sorted(sizes, reverse=True)) for word, sizes in first.items()}
        for names in self.place_texts.values():
            names.sort(key=lambda n: (-len(n), n))  # longest first

    def __call__(self, doc: Doc) -> Doc:
        """Find and store country spans."""
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[Span]:
        """All candidate spans, combining forms only when a hyphen follows ("Sino-"); span.kb_id_ is the
        kind of name (names, demonyms, capitals, seats, regions, prefixes)."""
        found: list[tuple[int, int, int, str | None]] = [(m, s, e, None) for m, s, e in self.exact(doc)]
        found += [(m, s, e, None) for m, s, e in self.lower(doc)]
        words = token_texts(doc)
        found += [(m, s, e, "prefixes") for m, s, e in self.prefixes(doc)
                  if e < len(words) and words[e] in HYPHENS]  # "Sino-"
        return [Span(doc, s, e, label=m,
                     kb_id=kind or self.kind_of.get(span_text(doc, s, e).lower(), "names"))
                for m, s, e, kind in filter_matches(found)]

    def match_places(self, doc: Doc, countries: list[Span]) -> list[Span]:
        """Cities and US states of the gazetteer that name a state here; see `_place_code`."""
        matches = self._place_matches(doc)
        if not matches:
            return []
        covered = {i for span in countries for i in range(span.start, span.end)}
        named = {span.label_ for span in countries}
        places: list[Span] = []
        for s, e, name in matches:
            if covered.intersection(range(s, e)) or not self._alone(doc, s, e):
                continue
            code = self._place_code(name, named)
            # a place of a state not named in the text needs a preposition ("talks in Jeddah"), or to be
            # listed after one ("in Odesa and Kharkiv"), or is a US state: "the Central and Eastern
            # Europe" holds no city called Central
            before = token_texts(doc)[s - 1].lower() if s > 0 else ""
            listed = before in ("and", "or", ",") and bool(places) and places[-1].end == s - 1
            if code and (code in named or name in self.qualifiers or before in PLACE_BEFORE or listed):
                places.append(Span(doc, s, e, label=code, kb_id="places"))
        return filter_spans(places)

    def _place_matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start, end, name) of the longest gazetteer name at each capitalised token, in token order (each
        distinct capitalised word of the Doc looked up once)."""
        words = token_texts(doc)
        n, first, names, texts = len(words), self.place_first, self.place_names, self.place_texts
        found = []
        for word, positions in word_index(doc).items():
            if not word[:1].isupper():
                continue
            lengths = first.get(word)
            head = word if word.isalpha() else (m.group() if (m := _LETTERS.match(word)) else "")
            spelled = texts.get(head, ())
            if not lengths and not spelled:
                continue
            for i in positions:
                best: tuple[int, int, str] | None = None
                if lengths:
                    for size in lengths:
                        name = " ".join(words[i : i + size]) if i + size <= n else ""
                        if name in names:
                            best = (i, i + size, name)
                            break
                for name in spelled:
                    end = _token_end(doc, i, name)
                    if end and (best is None or end > best[1]):
                        best = (i, end, name)
                        break
                if best:
                    found.append(best)
        found.sort()  # one match per start token: in token order
        return found

    @staticmethod
    def _alone(doc: Doc, s: int, e: int) -> bool:
        """Not part of a longer capitalised name ("Victoria Nuland", "Mr Jackson", "Berlin Wall")."""
        words, starts = token_texts(doc), sentence_starts(doc)
        if e < len(words) and words[e].istitle() and words[e].isalpha():
            return False
        if s > 0:
            before = words[s - 1]
            if before.istitle() and not starts[s - 1] and before.lower() not in LINKS:
                return False
        return True

    def _place_code(self, name: str, named: set[str]) -> str | None:
        """The state of a place: of the cities so named, the largest in a state named in the text; else
        the largest, if it is big and much bigger than any namesake in another state."""
        cands = self.gazetteer.get(name, ())
        for code, _ in cands:
            if code in named:
                return code
        if not cands:
            return None
        code, population = cands[0]
        other = next((p for c, p in cands[1:] if c != code), 0)
        ok = population >= PLACE_MIN_POPULATION and population >= PLACE_DOMINANCE * other
        return code if ok else None

    def qualified(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"Paris, Texas" and "Valencia, Venezuela": a capital or city followed by a comma and a country
        or US state (not a list: "Tokyo, Seoul and Beijing") is in that state; the state is marked as
        the place's qualifier (kb_id "qualifiers")."""
        out, words = list(spans), token_texts(doc)  # strings, not Token objects
        for k, span in enumerate(spans[:-1]):
            nxt = spans[k + 1]
            if nxt.start != span.end + 1 or words[span.end] != "," \
                    or span.kb_id_ not in ("capitals", "places"):
                continue
            after = spans[k + 2] if k + 2 < len(spans) else None
            listed = nxt.end < len(doc) and (words[nxt.end].lower() in ("and", "or", "&") or (
                words[nxt.end] == "," and after is not None and after.start == nxt.end + 1))
            qualifier = nxt.kb_id_ == "names" or span_text(doc, nxt.start, nxt.end) in self.qualifiers
            if qualifier and not listed:
                out[k] = Span(doc, span.start, span.end, label=nxt.label_, kb_id=span.kb_id_)
                out[k + 1] = Span(doc, nxt.start, nxt.end, label=nxt.label_, kb_id="qualifiers")
        return out

    def set_annotations(self, doc: Doc, spans: list[Span]) -> Doc:
        """Store the spans sorted by position: countries, and places that are not inside them."""
        spans = sorted(spans, key=lambda s: (s.start, s.end))
        places = self.match_places(doc, spans)
        merged = self.qualified(doc, sorted(spans + places, key=lambda s: (s.start, s.end)))
        set_spans(doc, SPANS_KEY, [s for s in merged if s.kb_id_ != "places"])  # qualifiers stay countries
        set_spans(doc, PLACES_KEY, [s for s in merged if s.kb_id_ == "places"])
        doc.user_data[CONTEXT_NOUNS_KEY] = (self.context_nouns, self.context_actor_types)
        return doc


def _token_end(doc: Doc, i: int, name: str) -> int | None:
    """The end token of `name` written from token i on, when it ends at a token boundary; else None."""
    text, offsets, words = text_of(doc), token_offsets(doc), token_texts(doc)
    start = offsets[i]
    if not text.startswith(name, start):
        return None
    stop = start + len(name)
    end = bisect.bisect_left(offsets, stop, i)
    if offsets[end - 1] + len(words[end - 1]) != stop:
        return None  # the name ends inside a token ("Mazar-e Sharifabad")
    return end


_MARKS_KEY = "briefs_bracket_marks"
_BRACKETS = re.compile(r"[()]")


def _in_brackets(doc: Doc, i: int, reach: int = 12) -> bool:
    """Whether token i stands inside brackets opened in the last `reach` tokens of its sentence."""
    marks = doc.user_data.get(_MARKS_KEY)
    words = token_texts(doc)
    if marks is None or marks[0] is not words:  # tokens that open or close brackets or a sentence
        offsets = token_offsets(doc)  # the token holding each bracket of the text (brackets are rare)
        held = {bisect.bisect_right(offsets, m.start()) - 1 for m in _BRACKETS.finditer(text_of(doc))}
        starts = itertools.compress(range(len(words)), sentence_starts(doc))
        marks = doc.user_data[_MARKS_KEY] = (words, sorted(held.union(starts)))
    at = bisect.bisect_left(marks[1], i) - 1  # the nearest such token before i
    if at < 0 or marks[1][at] < i - reach:
        return False
    text = words[marks[1][at]]
    return "(" in text and ")" not in text  # "):" is one token; a sentence start without "(" ends the search


def _is_party(doc: Doc, i: int, e: int, kind: str, actor_type: str | None, context_nouns: frozenset[str],
              context_actors: frozenset[str]) -> bool | str:
    """Whether the state a mention names acts or is acted upon, rather than being context: a place, a
    region or a capital after "in"/"at" is a VENUE (a party unless the clause has two others: "talks in
    Jeddah" between two other states; but "a drone strike in Kharkiv", "the meeting in Warsaw" with
    Germany's chancellor), and a modifier before a capitalised noun ("the Berlin Wall"); a
    demonym or a name before one of `context_nouns` (content/countries.yaml: "a British company", "the
    U.S. website") gives a nationality in passing; a country named in brackets, inside a newspaper's or
    think tank's name, or as the scene of a place ("Japan's southwestern city") is context. Everything
    else is a party: "the Greeks", "Turkish officials", "Italian exports to Russia", "Ankara said"."""
    words, starts = token_texts(doc), sentence_starts(doc)  # cached strings: Token objects cost more
    n = len(words)
    before = words[i - 1].lower() if i else ""
    if actor_type in context_actors or _in_brackets(doc, i):
        return False
    if kind == "qualifiers":
        return VENUE  # "in Entebbe, Uganda": the state of a place named with it
    if kind in ("places", "capitals", "seats", "regions"):
        if e < n and words[e].istitle() and words[e].isalpha():
            return False
        return VENUE if before in LOCATIVE else True
    j = e
    if j + 1 < n and words[j] in ("'s", "’s"):
        return not any(words[k].lower() in PLACE_NOUNS for k in range(j + 1, min(j + 4, n)))
    while j < n and (words[j] in HYPHENS or (words[j].istitle() and not starts[j])):
        j += 1  # "Chinese state-owned", "the U.S. website", "British Petroleum"
    for k in range(j, min(j + 3, n)):
        low = words[k].lower()
        if not words[k].isalpha() or low in CLAUSE_BREAKS:
            break  # "Ecuador will name ambassadors": a verb follows the state, no noun it modifies
        if low in context_nouns:
            return False
    return True


def sentence_countries(doc: Doc, countries: list[Span], places: list[Span],
                       actors: list[Span]) -> tuple[list[str], list[str], list[str]]:
    """The states and blocs one sentence names (countries, then places; in order of first mention, no
    repeats), its parties: the states whose mentions act or are acted upon (`_is_party`), and the
    states of its venues ("talks in Jeddah"), parties only when fewer than two other states take part
    (decided with the actors' countries, in generator.facts.extract)."""
    if not countries and not places:
        return [], [], []  # most sentences name no state
    info = doc.user_data.get("briefs_actors") or {}
    actor_type: dict[int, str] = {}
    for a in actors:
        kind = (info.get(a.label_) or {}).get("type", "other")
        for t in range(a.start, a.end):
            actor_type[t] = kind
    people = _person_words(doc, info) if places else set()
    kept = [p for p in places if p.start not in actor_type and span_text(doc, p.start, p.end) not in people]
    # (start, end, code, kind) of each mention: Span attributes read once
    mentions = sorted([(s.start, s.end, s.label_, s.kb_id_) for s in (*countries, *kept)], key=itemgetter(0))
    names = list(dict.fromkeys(m[2] for m in mentions))
    context_nouns, context_actors = doc.user_data.get(CONTEXT_NOUNS_KEY) or (frozenset(), frozenset())
    roles = [(code, False if _seat_of_body(doc, i, kind, actor_type)
              else _is_party(doc, i, e, kind, actor_type.get(i), context_nouns, context_actors))
             for i, e, code, kind in mentions]
    parties = list(dict.fromkeys(code for code, role in roles if role is True))
    venues = list(dict.fromkeys(code for code, role in roles if role == VENUE))
    return names, parties, venues


def _seat_of_body(doc: Doc, i: int, kind: str, actor_type: dict[int, str]) -> bool:
    """A place (its first token i, its kind) written as the seat of an international body ("the
    International Court of Justice in The Hague", "the WTO in Geneva"): where the body sits, not a party."""
    if i < 2 or actor_type.get(i - 2) != INTERNATIONAL_ORG or kind not in SEAT_KINDS:
        return False
    return token_texts(doc)[i - 1].lower() in ("in", "at")


def _person_words(doc: Doc, info: dict[str, Any]) -> set[str]:
    """The words of the names of the people of a text: "Jackson" is not a city where a Jackson speaks."""
    key = "briefs_person_words"
    words = doc.user_data.get(key)
    if words is None:
        words = {w for entry in info.values() if entry.get("type") == "person"
                 for w in str(entry.get("name", "")).split()}
        doc.user_data[key] = words
    return words  # type: ignore[no-any-return]


# A list item's hyphen glued to its first word ("-Mongolia has pledged …", as fact sheets write bullets)
_BULLET_HYPHEN = r"-(?=[A-Z][a-z])"


# words after a state's name that end the phrase it could modify ("a British company" but "Ecuador will name")
CLAUSE_BREAKS = frozenset({"and", "or", "will", "would", "shall", "should", "can", "could", "may", "might",
                           "must", "is", "are", "was", "were", "has", "have", "had", "did", "does", "do",
                           "to", "said", "says"})
SEAT_KINDS = frozenset({"places", "capitals", "seats", "regions"})


class _BriefsDefaults(EnglishDefaults):  # type: ignore[misc]
    infixes = [*(EnglishDefaults.infixes or []), _ABBREV_HYPHEN]
    prefixes = [*(EnglishDefaults.prefixes or []), _BULLET_HYPHEN]


# The lexeme attributes the pipeline reads (PhraseMatcher attrs LOWER and NORM, the IS_PUNCT and IS_SPACE
# arrays of the paragraph component): spaCy computes some twenty for every new word (shape, prefix, suffix,
# like_url, like_num, is_stop ...), half the cost of a word the tokenizer meets for the first time.
LEXEME_ATTRS = (LOWER, NORM, IS_PUNCT, IS_SPACE, LANG)


class BriefsEnglish(English):  # type: ignore[misc]
    """spaCy's blank English whose tokenizer also splits "U.S.-China" (built with the infix, not changed
    after: changing a built tokenizer's infixes reloads its special cases, a fifth of a second), and whose
    vocabulary computes only the lexeme attributes the pipeline reads (LEXEME_ATTRS)."""

    Defaults = _BriefsDefaults

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        getters = self.vocab.lex_attr_getters  # type: ignore[attr-defined]  # (not in spaCy's stubs)
        self.vocab.lex_attr_getters = {  # type: ignore[attr-defined]
            attr: getters[attr] for attr in LEXEME_ATTRS if attr in getters}


def _split_abbreviation_hyphens(nlp: Language) -> None:
    tokenizer = nlp.tokenizer
    infixes = list(nlp.Defaults.infixes or [])
    if _ABBREV_HYPHEN not in infixes and hasattr(tokenizer, "infix_finditer"):
        tokenizer.infix_finditer = compile_infix_regex([*infixes, _ABBREV_HYPHEN]).finditer


@Language.factory("briefs_countries", assigns=["doc.spans"])
def make_countries(nlp: Language, name: str) -> CountryRecognizer:
    """The country recogniser; its patterns come with initialize(..., content=Content)."""
    _split_abbreviation_hyphens(nlp)
    return CountryRecognizer(nlp)
