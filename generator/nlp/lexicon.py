"""The briefs_lexicon spaCy component: sector terms, stance cues and event cues of the curated lexicons."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.attrs import NORM
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from generator.content import Content
from generator.content.events import GAP as GAP_KEY
from generator.content.events import NOT_EVENTS
from generator.content.terms import normalise_all
from generator.nlp.components import filter_matches, sentence_starts, set_spans, spans_of, token_texts
from generator.nlp.events import code_cues, majority_stance

EXACT_KEYS = ("negator", "mod:negators")  # matched as written, not by stem
# A no-event phrase names a noun ("a sign that", "sign of goodwill"); its verb, which shares the noun's stem,
# is the act: "the signing of the agreement" is no "sign of".
_NOT_EVENTS_KEY = f"event:{NOT_EVENTS}"
_VERB_FORMS = frozenset({"signing", "signed"})


class LexiconComponent:
    """Marks sector terms in doc.spans["sectors"], the relation words of stance.yaml in doc.spans["stance"],
    and the event cues of events.yaml in doc.spans["events"] and the clauses in doc.spans["clauses"]
    (generator.nlp.events).

    A stance cue preceded within `window` tokens of its sentence by a negator is changed:
    negated cooperation ("did not sign") becomes tension, since refusing to cooperate is friction;
    negated tension ("did not condemn") is dropped, since refraining from conflict is not cooperation.
    Among overlapping cues the longest wins ("lift sanctions" beats "sanction").
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name, self.vocab, self.window, self.event_window = name, nlp.vocab, 3, 3
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.exact: dict[str, frozenset[str]] = {}
        self._ids: dict[str, int] = {}  # normalised word -> its string id

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language,
                   content: Content) -> None:
        """Add the patterns of content/sectors.yaml, content/stance.yaml and content/events.yaml."""
        stance = content.stance
        self.window = stance.window
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        groups = {f"sector:{s.id}": s.terms for s in content.sectors.values()}
        # event type -> the sectors its facts between two states belong to (sectors.yaml event_types)
        self.type_sectors: dict[str, tuple[str, ...]] = {}
        for s in content.sectors.values():
            for t in s.event_types:
                self.type_sectors[t] = (*self.type_sectors.get(t, ()), s.id)
        groups |= {"stance:cooperation": stance.cooperation, "stance:tension": stance.tension}
        groups["negator"] = stance.negators
        events = content.events
        self.event_window = events.window
        for kind, cues in events.cues.items():
            groups[f"event:{kind}"] = tuple(c for c in cues if GAP_KEY not in c)
            for n, cue in enumerate(c for c in cues if GAP_KEY in c):
                head, tail = cue.split(GAP_KEY)
                groups[f"gap:{kind}:{n}:head"], groups[f"gap:{kind}:{n}:tail"] = (head,), (tail,)
        for name in ("negators", "refusals", "intent"):
            groups[f"mod:{name}"] = getattr(events, name)
        sizes: dict[str, int] = {}  # term -> its number of tokens
        for key, terms in groups.items():
            docs = [nlp.make_doc(t) for t in terms]
            sizes.update((t, len(d)) for t, d in zip(terms, docs, strict=True))
            self.matcher.add(key, [self._normalised(d) for d in docs])  # their own norms
        # One-word negators do not inflect: they match as written, so "noted" (stem "not") negates
        # nothing; phrases ("fail to") still match inflected ("failed to").
        self.exact = {key: frozenset(t.lower() for t in groups[key] if sizes[t] == 1) for key in EXACT_KEYS}

    def _normalised(self, doc: Doc, words: list[str] | None = None) -> Doc:
        """doc with each token's NORM set to its normalised word (`words`, else computed), which the
        PhraseMatcher matches on. Token texts are sliced from one string with the attribute arrays, and
        the norms written in one array: Token objects, or a second Doc, would cost more than the
        matching itself."""
        words = normalise_all(token_texts(doc)) if words is None else words
        ids, add = self._ids, self.vocab.strings.add
        values = [ids.get(w) or ids.setdefault(w, add(w)) for w in words]
        if values:
            column: Any = numpy.array(values, dtype="uint64").reshape(-1, 1)
            doc.from_array([NORM], column)
        return doc

    def __call__(self, doc: Doc) -> Doc:
        """Match the lexicons and set doc.spans["sectors"] and doc.spans["stance"]."""
        words = normalise_all(token_texts(doc))
        self.set_annotations(doc, self.match(doc, self._normalised(doc, words)), words)
        return doc

    def match(self, doc: Doc, normalised: Doc | None = None) -> list[tuple[str, int, int]]:
        """Every (key, start, end) match in doc; keys are "sector:<id>", "stance:<label>", "negator", or
        those of the event cues ("event:<TYPE>", "gap:...", "mod:...", see generator.nlp.events)."""
        strings = self.vocab.strings
        normalised = self._normalised(doc) if normalised is None else normalised
        found = [(strings[key], start, end) for key, start, end in self.matcher(normalised)]
        texts = token_texts(doc)
        found = [(key, start, end) for key, start, end in found
                 if key != _NOT_EVENTS_KEY or _VERB_FORMS.isdisjoint(w.lower() for w in texts[start:end])]
        if not any(key in self.exact for key, _, _ in found):
            return found
        return [(key, start, end) for key, start, end in found
                if key not in self.exact or end - start > 1 or texts[start].lower() in self.exact[key]]

    def set_annotations(self, doc: Doc, matches: list[tuple[str, int, int]],
                        words: list[str] | None = None) -> None:
        """Turn matches into the "sectors", "stance", "events" and "clauses" span groups."""
        sectors: dict[str, list[tuple[str, int, int]]] = {}
        cues: list[tuple[str, int, int]] = []
        negators, events = [], []
        for key, start, end in matches:
            kind, _, label = key.partition(":")
            if kind in ("event", "gap", "mod"):
                events.append((key, start, end))
            elif kind == "sector":
                sectors.setdefault(label, []).append((label, start, end))
            elif kind == "stance":
                cues.append((label, start, end))
            else:
                negators.append((start, end))
        # Spans only for the matches kept (a Span builds Token objects): each sector's longest matches
        kept = sorted((s, label, e) for group in sectors.values() for label, s, e in filter_matches(group))
        set_spans(doc, "sectors", [Span(doc, s, e, label=label) for s, label, e in kept])  # by start, label
        set_spans(doc, "stance", self._apply_negation(doc, filter_matches(cues), negators))
        code_cues(doc, normalise_all(token_texts(doc)) if words is None else words, events,
                  self.event_window)

    def _apply_negation(self, doc: Doc, cues: list[tuple[str, int, int]],
                        negators: list[tuple[int, int]]) -> list[Span]:
        """The relation-word spans of the (label, start, end) cues: a cooperation word a negator reaches is
        tension ("no cooperation"), any other word it reaches is dropped."""
        reach = set()  # tokens at most `window` after a negator's start, in its sentence
        starts = sentence_starts(doc) if negators else []
        for start, end in negators:
            for k in range(start + 1, min(start + self.window, len(doc) - 1) + 1):
                if starts[k]:
                    break
                if k >= end:
                    reach.add(k)
        return [Span(doc, start, end, label=label if start not in reach else "tension")
                for label, start, end in cues if start not in reach or label == "cooperation"]


@Language.factory("briefs_lexicon", assigns=["doc.spans"])
def make_lexicon(nlp: Language, name: str) -> LexiconComponent:
    """The lexicon component; its patterns come with initialize(..., content=Content)."""
    return LexiconComponent(nlp, name)


def sentence_cues(doc: Doc, sent: Span) -> list[tuple[str, int]]:
    """The (label, token index) of every stance cue inside one sentence of doc."""
    return [(c.label_, c.start) for c in spans_of(doc, "stance") if sent.start <= c.start < sent.end]


def sentence_stance(cues: list[tuple[str, int]]) -> str:
    """Stance from (label, token index) cues: the majority label; no cues gives "neutral", a tie "tension"
    (generator.nlp.events.majority_stance)."""
    return majority_stance(cues)
