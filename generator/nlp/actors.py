"""The briefs_actors component: curated and discovered actors as `doc.spans["actors"]`."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from generator.config import TUNING
from generator.content import Content
from generator.content.actors import LIST_KEYS, MAP_KEYS, ActorConfig, ActorEntry
from generator.nlp.actor_orgs import LEGAL_SUFFIXES, POSSESSIVE
from generator.nlp.actor_patterns import Candidate, Discoverer, DocView, given_genders, view_of
from generator.nlp.components import (
    filter_matches,
    sentence_starts,
    set_spans,
    span_text,
    spans_of,
    text_of,
    token_offsets,
    token_texts,
)

__all__ = ["ActorEntry", "ActorRecognizer", "actor_id", "make_actors"]
SPANS_KEY = "actors"
SPEAKERS_KEY = "speakers"
USER_DATA_KEY = "briefs_actors"
_FIRST_WORD = re.compile(r"[\w.]+")
WHOLE_NAME_TYPES = frozenset({"company", "media"})
MAX_VARIANT_WORDS = TUNING.max_org_tail_words


_ACCENTS = str.maketrans("àáâäèéêëìíîïòóôöùúûüçñ", "aaaaeeeeiiiioooouuuucn")
_NOT_ID = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=8192)
def actor_id(name: str) -> str:
    """Kebab-case id of a discovered actor's name ("Luigi Di Maio" -> "luigi-di-maio"); cached, as the
    same names come back in every mention and every document."""
    ascii_name = name.lower().replace("’", "-").replace("'", "-").translate(_ACCENTS)
    return _NOT_ID.sub("-", ascii_name).strip("-") or "actor"


# Abbreviations written with or without dots inside longer names ("UN refugee agency", "U.N. refugee agency")
_DOTTED = {"UN": "U.N.", "US": "U.S.", "UK": "U.K.", "EU": "E.U."}
_UNDOTTED = {dotted: plain for plain, dotted in _DOTTED.items()}


def alias_variants(alias: str) -> list[str]:
    """The alias as written, with a curly or dropped apostrophe, with a dropped possessive, and with its
    abbreviations dotted or not ("UN Security Council", "U.N. Security Council")."""
    variants = [alias]
    words = alias.split(" ")
    if len(words) > 1 and any(w in _DOTTED or w in _UNDOTTED for w in words):
        variants.append(" ".join(_DOTTED.get(w, _UNDOTTED.get(w, w)) for w in words))
    if "'" in alias:
        variants += [alias.replace("'", "’"), alias.replace("'", "")]
    if " " not in alias and alias[:1].isupper() and not alias.endswith("s") and not alias.isupper():
        variants.append(alias + "s")
    return variants


class ActorRecognizer:
    """Marks actor mentions; span.label_ is the actor id, details go to doc.user_data."""

    def __init__(self, nlp: Language) -> None:
        self._setup(nlp, ActorConfig((), {k: frozenset() for k in LIST_KEYS}, {k: {} for k in MAP_KEYS}))

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language,
                   content: Content) -> None:
        """Add the curated actors and the discovery lexicon of content/actors.yaml."""
        self._setup(nlp, content.actors)

    def _setup(self, nlp: Language, config: ActorConfig) -> None:
        self.entries = {entry.id: entry for entry in config.actors}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for entry in config.actors:
            names = {v for alias in (entry.name, *entry.aliases) for v in alias_variants(alias)}
            words = entry.name.split()
            if entry.type == "person" and len(words) == 2:
                names.add(f"{words[1]} {words[0]}")  # family name first ("Kishida Fumio")
            self.matcher.add(entry.id, [nlp.make_doc(name) for name in sorted(names)])
        self.discoverer = Discoverer(config)
        self.blocked = config.lists["not_actors"]
        self.surnames = _curated_surnames(config.actors, config.lists["particles"])
        self.common = frozenset(self.blocked | self.discoverer.titles | STOP_WORDS)
        # words that continue a curated name into a variant of it, by the actor's type
        org_words = {**config.maps["org_prefixes"], **config.maps["org_suffixes"]}
        self.endings = {kind: frozenset(w for w, k in org_words.items() if k == kind)
                        for kind in WHOLE_NAME_TYPES}
        self.endings["company"] |= LEGAL_SUFFIXES

    def __call__(self, doc: Doc) -> Doc:
        """Find curated and discovered actors and store spans and details."""
        mentions, actors, view = self._match(doc)
        genders = given_genders()
        persons = {aid: genders.get(info["name"].split()[0]) for aid, info in actors.items()
                   if info["type"] == "person"}
        # a "he said" resolved to its person is a speaker span over the pronoun, not an actor mention
        # (a mention would add the person's state to the sentence's parties)
        set_spans(doc, SPEAKERS_KEY, speaker_spans(view, mentions, persons))
        return self.set_annotations(doc, mentions, actors)

    def match(self, doc: Doc) -> tuple[list[Span], dict[str, dict[str, Any]]]:
        """Mentions (spans labelled with ids) and the details of each actor."""
        mentions, actors, _view = self._match(doc)
        return mentions, actors

    def _match(self, doc: Doc) -> tuple[list[Span], dict[str, dict[str, Any]], DocView]:
        spans = [Span(doc, s, e, label=m) for m, s, e in filter_matches(self.matcher(doc))]
        spans = self._whole_names(doc, spans)
        curated = [(s.label_, self.entries[s.label_].type, s.start, s.end) for s in spans]
        view = view_of(doc, curated)
        actors: dict[str, dict[str, Any]] = {}
        mentions = [self._curated(doc, s, actors) for s in spans]
        for cand in sorted(self.discoverer.run(view), key=lambda c: (c.start, c.start - c.end)):
            mention = self._discovered(view, cand, actors)
            if mention is not None:
                mentions.append(mention)
        mentions = filter_spans(mentions)
        mentions += self._short_mentions(view, mentions, actors)
        mentions = _merge_short_people(doc, mentions, actors)
        named = {span.label_ for span in mentions}
        # a discovered name that lost its tokens to a longer one ("Oceanian Affairs Bureau") is no actor
        actors = {aid: info for aid, info in actors.items() if aid in named or info["curated"]}
        return sorted(mentions, key=lambda s: (s.start, s.end)), actors, view

    def _whole_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Curated names match only as whole names: "Apple" is not in "Apple Daily", "Trump" not in
        "Ivanka Trump". A company's or medium's name that goes on up to a legal ending or an
        organisation word of its own type is a variant of the same actor ("Toyota Motor Corporation",
        "Unicredit Banca", "Bloomberg News")."""
        words, starts, kept = token_texts(doc), sentence_starts(doc), []
        taken = {t for span in spans for t in range(span.start, span.end)}
        demonyms = {span.start for span in spans_of(doc, "countries") if span.end - span.start == 1}
        taken |= {t for span in spans_of(doc, "countries") for t in range(span.start, span.end)}
        for span in spans:
            entry = self.entries[span.label_]
            kind, e = entry.type, span.end
            if kind == "person" and self._other_bearer(words, entry, span):
                continue  # "Ivanka Trump" is not Donald Trump
            if kind == "media" and e in demonyms and not self._goes_on(words, starts, taken, e + 1):
                kept.append(Span(doc, span.start, e + 1, label=span.label_))  # "VOA Khmer": a service of VOA
                continue
            if kind not in WHOLE_NAME_TYPES or not self._goes_on(words, starts, taken, e):
                kept.append(span)
                continue
            endings, k, end = self.endings[kind], e, e
            # capitalised words up to an ending of the actor's type ("Toyota Motor Corporation")
            while k < len(doc) and k - e < MAX_VARIANT_WORDS and (
                words[k].lower() in endings or self._goes_on(words, starts, taken, k)
            ):
                k += 1
                end = k if words[k - 1].lower() in endings else end
            if end > e and not (end < len(doc) and self._goes_on(words, starts, taken, end)):
                kept.append(Span(doc, span.start, end, label=span.label_))
        return kept

    def _other_bearer(self, words: tuple[str, ...], entry: ActorEntry, span: Span) -> bool:
        """A curated person's one-word alias after another given name ("Ivanka Trump", "Jill Biden"):
        one of another initial or gender; a spelling of the same given name keeps both ("Joseph Biden",
        "Dmitri Medvedev")."""
        if span.end - span.start != 1 or span.start == 0:
            return False
        given, genders = words[span.start - 1], given_genders()
        gender, own = genders.get(given), genders.get(entry.name.split()[0])
        return (
            given in self.discoverer.given
            and given.lower() not in self.common
            and given != words[span.start]
            and (given[:1] != entry.name[:1] or gender is not None and own is not None and gender != own)
        )

    def _goes_on(self, words: tuple[str, ...], starts: list[bool], taken: set[int], e: int) -> bool:
        """Token e continues the name before it: a capitalised word of the same sentence that is no
        state, actor, title or common word."""
        if e >= len(words) or starts[e] or e in taken:
            return False
        word = words[e]
        return word[:1].isupper() and word.replace(".", "").isalnum() and word.lower() not in self.common

    def _curated(self, doc: Doc, span: Span, actors: dict[str, dict[str, Any]]) -> Span:
        entry = self.entries[span.label_]
        info = actors.setdefault(entry.id, _info(entry.name, entry.type, entry.country, True))
        info["aliases"].update(a for a in entry.aliases)
        given, words = entry.name.split()[0], token_texts(doc)  # strings, not Token objects
        if entry.type == "person" and span.start > 0 and words[span.start - 1] == given != words[span.start]:
            span = Span(doc, span.start - 1, span.end, label=span.label_)  # "Volodymyr Zelenskyy"
        text = span_text(doc, span.start, span.end)
        if text != entry.name and " " in text:
            info["aliases"].add(text)
        return span

    def _discovered(self, v: DocView, cand: Candidate, actors: dict[str, dict[str, Any]]) -> Span | None:
        doc = v.doc
        if cand.curated:
            entry = self.entries[cand.curated]
            actors.setdefault(entry.id, _info(entry.name, entry.type, entry.country, True))
            _add_role(actors[entry.id], doc, cand)
            return None
        tokens = range(cand.start, cand.end)
        owner = {v.curated[t] for t in tokens}
        if len(owner) == 1 and None not in owner and cand.role is not None:
            # The cue found a curated actor ("India's foreign minister, S. Jaishankar"): keep its role.
            entry = self.entries[next(iter(owner))[0]]  # type: ignore[index]
            actors.setdefault(entry.id, _info(entry.name, entry.type, entry.country, True))
            _add_role(actors[entry.id], doc, cand)
            return None
        if (
            any(v.curated[t] for t in tokens)
            and not cand.alias
            or any(v.lower[t] in self.blocked for t in tokens)
        ):
            return None
        text = span_text(doc, cand.start, cand.end)
        name = cand.name or text
        if any(ch.isdigit() for ch in name):
            return None
        name = person_name(name) if cand.type == "person" else name
        aid = _resolve_short(name, cand.type, actors) or self.surnames.get(name) or actor_id(name)
        known = self.entries.get(aid)
        info = actors.setdefault(
            aid,
            _info(known.name, known.type, known.country, True)
            if known
            else _info(name, cand.type, cand.country, False),
        )
        info["country"] = info["country"] or cand.country
        info["aliases"].add(cand.alias or text)
        titled = self._titled_surname(v, cand) if cand.type == "person" and " " not in name else None
        if titled:
            info["aliases"].add(titled)  # "President Juncker": how a surname alone is told apart and found
        _add_role(info, doc, cand)
        return Span(doc, cand.start, cand.end, label=aid)

    def _titled_surname(self, v: DocView, cand: Candidate) -> str | None:
        """A one-word name with the capitalised title written right before it ("Federal Counsellor Cassis"),
        if any."""
        words, k, end = self.discoverer.role_words, cand.start, v.sent_end[cand.start]  # titles, role words
        while k > max(0, cand.start - 3) and v.cap[k - 1] and v.lower[k - 1] in words \
                and not v.country[k - 1] and not v.curated[k - 1] and v.sent_end[k - 1] == end:
            k -= 1
        return span_text(v.doc, k, cand.end) if k < cand.start else None

    def _short_mentions(
        self, v: DocView, mentions: list[Span], actors: dict[str, dict[str, Any]]
    ) -> list[Span]:
        """Later mentions by surname ("Savoini", "Salvinis") or by a name found elsewhere in the doc."""
        names = _name_index(actors)
        covered = {t for span in mentions for t in range(span.start, span.end)}
        # only a capitalised word that opens a known name, or its plural ("Salvinis"), can start one
        index = v.index(exact=True)
        starts = sorted(i for w, hits in index.items() if w[:1].isupper()
                        and (w in names or (w.endswith("s") and w[:-1] in names)) for i in hits)
        found, after = [], 0
        for i in starts:
            if i < after or i in covered or v.country[i]:
                continue
            hit = _lookup(v, i, names)
            if hit and any(t in covered for t in range(i, hit[1])):
                hit = None  # "The Élysée" over a mention of "Élysée" already made
            if hit:
                found.append(Span(v.doc, i, hit[1], label=hit[0]))
                actors[hit[0]]["aliases"].add(span_text(v.doc, i, hit[1]))
                after = hit[1]
        return found

    def set_annotations(self, doc: Doc, mentions: list[Span], actors: dict[str, dict[str, Any]]) -> Doc:
        """Store spans and a JSON-ready, deterministic description of every actor."""
        set_spans(doc, SPANS_KEY, mentions)
        doc.user_data[USER_DATA_KEY] = {
            aid: {**info, "aliases": sorted(info["aliases"] - {info["name"]})}
            for aid, info in sorted(actors.items())
        }
        return doc


def _info(name: str, kind: str, country: str | None, curated: bool) -> dict[str, Any]:
    return {"name": name, "type": kind, "country": country, "aliases": set(), "curated": curated, "roles": []}


def _add_role(info: dict[str, Any], doc: Doc, cand: Candidate) -> None:
    if cand.role is None or cand.role[1] <= cand.role[0]:
        return
    role = cand.role_text or doc[cand.role[0] : cand.role[1]].text.strip(" ,")
    start = min(doc[cand.role[0]].idx, doc[cand.start].idx)
    last = doc[max(cand.role[1], cand.end) - 1]
    entry = {"role": role, "start": start, "end": last.idx + len(last.text)}
    if role and entry not in info["roles"]:
        info["roles"].append(entry)


# Forms of address before a name that are not part of it ("Mr. HAYASHI Yoshimasa", "H.E. Dr. Nicu POPESCU");
# "Sheikh", "Lord" and "Sir" stay, as they often are ("Sheikh Hasina").
_ADDRESS = frozenset({"mr", "mrs", "ms", "dr", "mme", "mx", "prof", "he", "h.e", "hon", "rt"})
_ROMAN = re.compile(r"[IVXLC]+")


def person_name(name: str) -> str:
    """A discovered person's name without forms of address, and with a family name written in capitals
    (Japanese and diplomatic usage: "HAYASHI Yoshimasa", "Batmunkh BATTSETSEG") in ordinary case."""
    words = name.split()
    while len(words) > 2 and words[0].rstrip(".").lower() in _ADDRESS:
        words = words[1:]
    if any(not w.isupper() for w in words):  # only when the name mixes cases
        for k in (0, len(words) - 1):
            w = words[k]
            if w.isupper() and w.isalpha() and len(w) >= (2 if k == 0 else 5) and not _ROMAN.fullmatch(w):
                words[k] = w.capitalize()
    return " ".join(words)


def _merge_short_people(doc: Doc, mentions: list[Span], actors: dict[str, dict[str, Any]]) -> list[Span]:
    """A discovered one-word person ("Minister Hayashi", met before the full name) is the one person of
    the document whose first or last name it is, whatever came first."""
    ends = {aid: (words[0], words[-1], _without_article(words[-1])) for aid, info in actors.items()
            if info["type"] == "person" and len(words := info["name"].casefold().split()) > 1}
    into: dict[str, str] = {}
    for aid, info in sorted(actors.items()):
        if info["type"] != "person" or info["curated"] or " " in info["name"]:
            continue
        word = info["name"].casefold()
        owners = [o for o, first_last in ends.items() if word in first_last]
        if len(owners) == 1:
            into[aid] = owners[0]
    for aid, owner in sorted(into.items()):
        info, full = actors.pop(aid), actors[owner]
        full["aliases"] |= info["aliases"] | {info["name"]}
        full["country"] = full["country"] or info["country"]
        full["roles"] += [r for r in info["roles"] if r not in full["roles"]]
    return [Span(doc, m.start, m.end, label=into[m.label_]) if m.label_ in into else m for m in mentions]


def _resolve_short(name: str, kind: str, actors: dict[str, dict[str, Any]]) -> str | None:
    """A one-word person name is the person met in this document whose surname it is, if any."""
    if kind == "person" and " " not in name:
        for aid, info in sorted(actors.items()):
            last = info["name"].split()[-1] if info["type"] == "person" else ""
            if name in (last, _without_article(last)):
                return aid
        # family name first ("President Yoon" after "Yoon Suk Yeol"), when only one person has it
        owners = [aid for aid, info in sorted(actors.items())
                  if info["type"] == "person" and " " in info["name"] and info["name"].split()[0] == name]
        if len(owners) == 1:
            return owners[0]
    return None


def _curated_surnames(entries: tuple[ActorEntry, ...], particles: frozenset[str]) -> dict[str, str]:
    """Surname -> id for curated people ("Monti" -> mario-monti), unless two people share it."""
    owners: dict[str, set[str]] = {}
    for entry in entries:
        if entry.type == "person":
            for word in entry.name.split()[1:]:
                if word.lower() not in particles:
                    owners.setdefault(word, set()).add(entry.id)
    return {word: ids.pop() for word, ids in owners.items() if len(ids) == 1}


_ARABIC_ARTICLE = re.compile(r"(?:[Aa]l|[Ee]l)-(?=[A-Za-z])")


def _without_article(surname: str) -> str:
    """"al-Sisi" -> "Sisi": a surname without the Arabic article joined to it (others unchanged)."""
    article = _ARABIC_ARTICLE.match(surname)
    return surname[article.end():] if article else surname


def _name_index(actors: dict[str, dict[str, Any]]) -> dict[str, list[tuple[str, str]]]:
    """First word -> (form, id), longest first: full names, aliases, and surnames of people."""
    index: dict[str, list[tuple[str, str]]] = {}
    for aid, info in sorted(actors.items()):
        forms = {info["name"], *info["aliases"]}
        if info["type"] == "person" and not info["curated"]:
            words = info["name"].split()
            forms |= {" ".join(words[k:]) for k in range(1, len(words))}
            if len(words) > 1 and (bare := _without_article(words[-1])) != words[-1]:
                forms.add(bare)  # "Abdel Fattah al-Sisi" is also "Sisi"
        for form in forms:
            first = _FIRST_WORD.match(form)
            if first:
                index.setdefault(first.group(), []).append((form, aid))
    for entries in index.values():
        entries.sort(key=lambda e: (-len(e[0]), e[1]))
    return index


def _lookup(v: DocView, i: int, index: dict[str, list[tuple[str, str]]]) -> tuple[str, int] | None:
    word = v.text[i]
    entries = index.get(word)
    if entries:
        doc = v.doc
        text, start = text_of(doc), token_offsets(doc)[i]
        for form, aid in entries:
            if text.startswith(form, start):  # the text first: a Span costs more than a string comparison
                span = doc.char_span(start, start + len(form))
                if span is not None and span.text == form:
                    return aid, span.end
    if word.endswith("s"):
        for form, aid in index.get(word[:-1], []):
            if form == word[:-1]:
                return aid, i + 1
    return None


@Language.factory(
    "briefs_actors",
    assigns=["doc.spans", "doc.user_data"],
    requires=["doc.spans"],
)
def make_actors(nlp: Language, name: str) -> ActorRecognizer:
    """The actor recogniser (runs after briefs_countries); its actors come with
    initialize(..., content=Content)."""
    return ActorRecognizer(nlp)


# Speech verbs (lowercase as written: "States" in "United States" is not one) and the words that may
# stand between a speaker and the verb ("Putin, the Russian president, also said").
SPEECH_VERBS = frozenset({
    "said", "says", "say", "told", "tells", "announced", "announces", "stated", "added", "adds",
    "warned", "warns", "noted", "notes", "stressed", "stresses", "insisted", "insists", "declared",
    "declares", "wrote", "writes", "argued", "argues", "claimed", "claims", "confirmed", "confirms",
    "reported", "reports", "explained", "urged", "urges", "replied", "responded", "remarked",
    "emphasised", "emphasized", "underlined", "acknowledged", "admitted", "denied", "asserted",
    "tweeted", "posted", "commented",
})
_QUOTE_MARKS = frozenset({'"', "“", "”", "«", "»", "„"})
PRONOUNS = {"he": "F", "she": "M"}  # a pronoun and the gender it excludes
_NOT_SUBJECT = frozenset({"he", "she", "they", "we", "i", "it", "that", "which", "this", "these", "and",
                          "but", "while", "whereas", "as", "after", "before", "when", "if", ";"})
_GAP = 8


def speaker_spans(
    v: DocView, mentions: list[Span], persons: dict[str, str | None] | None = None
) -> list[Span]:
    """The mentions that speak: the subject of a speech verb (the nearest mention before it, or the
    one right after it in "…," said X), or X in "according to X"; one speaker per speech verb. A "he"
    or "she" that speaks ("he said", "…," she told) is the one person named before it in its paragraph
    (or, with none there, in the paragraph before) whose given name does not contradict the pronoun
    (gender-guesser), as a span over the pronoun; with two such people named, no one. `persons` maps
    the id of each person to "M", "F" or None."""
    doc, words = v.doc, v.lower
    if not mentions:
        return []
    people = persons or {}
    ends = sorted(mentions, key=lambda s: s.end)
    starts = sorted(mentions, key=lambda s: s.start)
    found: dict[tuple[int, int], Span] = {}
    for i, word in enumerate(words):
        according = word == "according" and i + 1 < len(doc) and words[i + 1] == "to"
        if not according and (word not in SPEECH_VERBS or not doc[i].text.islower()):
            continue
        speaker = None
        if according:
            speaker = _after(v, starts, i + 2)
        else:
            before = words[i - 1] if i else ""
            if before in {",", *_QUOTE_MARKS} or doc[i - 1].text in {"'", "’"}:
                speaker = _after(v, starts, i + 1)
            speaker = speaker or _appositive_subject(v, starts, i) or _before(v, ends, i) \
                or _pronoun(v, starts, people, i)
        if speaker is not None:
            found[(speaker.start, speaker.end)] = speaker
    return [found[k] for k in sorted(found)]


def _pronoun(v: DocView, starts: list[Span], people: dict[str, str | None], i: int) -> Span | None:
    """The person a "he"/"she" subject of the speech verb at i stands for, as a span over the pronoun."""
    words, n = v.lower, len(v.doc)
    if i > 0 and words[i - 1] in PRONOUNS:
        p = i - 1
    elif i + 1 < n and words[i + 1] in PRONOUNS and i > 0 and (words[i - 1] in {",", *_QUOTE_MARKS}):
        p = i + 1
    else:
        return None
    other = PRONOUNS[words[p]]
    para = v.para[p]
    fits = {aid for aid, gender in people.items() if gender != other}
    named = {span.label_ for span in starts if para <= span.start and span.end <= p and span.label_ in fits}
    if not named and para > 0:
        before = v.para[para - 1]
        named = {span.label_ for span in starts if before <= span.start < para and span.label_ in fits}
    if len(named) != 1:
        return None
    return Span(v.doc, p, p + 1, label=named.pop())


def _after(v: DocView, starts: list[Span], k: int) -> Span | None:
    """The mention starting at token k, after an article or title words ("said Foreign Minister X")."""
    for span in starts:
        if span.start < k:
            continue
        gap = v.lower[k : span.start]
        if span.start - k <= 4 and v.sent_end[span.start] == v.sent_end[k - 1] and all(
            w not in _QUOTE_MARKS and w not in {",", ".", ";"} for w in gap
        ):
            return span
        return None
    return None


_APPOSITION_OPENERS = frozenset({"who", "whose", "the", "a", "an"})


def _appositive_subject(v: DocView, starts: list[Span], i: int) -> Span | None:
    """The sentence's opening mention when an apposition stands between it and the speech verb at i:
    "Di Maio, who shares the post with Salvini, said…" is Di Maio speaking, not Salvini."""
    if i < 2 or v.lower[i - 1] != ",":
        return None
    first = v.sent_start[i]  # the sentence's first token; only a title or "the" may stand before the name
    for span in starts[bisect.bisect_left([s.start for s in starts], first):]:
        if span.start >= i:
            return None
        if not all(v.cap[k] or v.lower[k] == "the" for k in range(first, span.start)):
            continue
        if span.end + 1 < i - 1 and v.lower[span.end] == "," and v.lower[span.end + 1] in _APPOSITION_OPENERS:
            return span
        return None
    return None


def _before(v: DocView, ends: list[Span], i: int) -> Span | None:
    """The nearest mention ending before token i in its sentence, not a possessive and with no quote,
    pronoun or clause word between it and the verb."""
    best = None
    for span in ends:
        if span.end > i:
            break
        best = span
    if best is None or i - best.end > _GAP or v.sent_end[best.start] != v.sent_end[i]:
        return None
    gap = v.lower[best.end : i]
    if gap and v.text[best.end] in POSSESSIVE:
        return None
    if any(w in _QUOTE_MARKS or w in _NOT_SUBJECT for w in gap):
        return None
    return best
