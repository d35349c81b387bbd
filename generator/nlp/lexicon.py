"""The briefs_lexicon spaCy component: sector terms and stance cues of the curated lexicons."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from generator.content import Content
from generator.content.terms import normalise
from generator.nlp.components import token_texts


class LexiconComponent:
    """Marks sector terms in doc.spans["sectors"] and stance cues in doc.spans["stance"].

    A stance cue preceded within `window` tokens of its sentence by a negator is changed:
    negated cooperation ("did not sign") becomes tension, since refusing to cooperate is friction;
    negated tension ("did not condemn") is dropped, since refraining from conflict is not cooperation.
    Among overlapping cues the longest wins ("lift sanctions" beats "sanction").
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name, self.vocab, self.window = name, nlp.vocab, 3
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language,
                   content: Content) -> None:
        """Add the patterns of content/sectors.yaml and content/stance.yaml."""
        stance = content.stance
        self.window = stance.window
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        groups = {f"sector:{s.id}": s.terms for s in content.sectors.values()}
        groups |= {"stance:cooperation": stance.cooperation, "stance:tension": stance.tension}
        groups["negator"] = stance.negators
        for key, terms in groups.items():
            self.matcher.add(key, [self._normalised(nlp.make_doc(t)) for t in terms])

    def _normalised(self, doc: Doc) -> Doc:
        """A token-aligned copy of doc whose words are normalised, for the PhraseMatcher."""
        # Token texts sliced from one string with the attribute arrays: creating Token objects
        # would cost more than the matching itself.
        return Doc(self.vocab, words=[normalise(word) for word in token_texts(doc)])

    def __call__(self, doc: Doc) -> Doc:
        """Match the lexicons and set doc.spans["sectors"] and doc.spans["stance"]."""
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Every (key, start, end) match in doc; keys are "sector:<id>", "stance:<label>" or "negator"."""
        strings = self.vocab.strings
        return [(strings[key], start, end) for key, start, end in self.matcher(self._normalised(doc))]

    def set_annotations(self, doc: Doc, matches: list[tuple[str, int, int]]) -> None:
        """Turn matches into the "sectors" and "stance" span groups."""
        sectors: dict[str, list[Span]] = {}
        cues, negators = [], []
        for key, start, end in matches:
            kind, _, label = key.partition(":")
            if kind == "sector":
                sectors.setdefault(label, []).append(Span(doc, start, end, label=label))
            elif kind == "stance":
                cues.append(Span(doc, start, end, label=label))
            else:
                negators.append((start, end))
        kept = (span for group in sectors.values() for span in filter_spans(group))
        doc.spans["sectors"] = sorted(kept, key=lambda s: (s.start, s.label_))
        doc.spans["stance"] = list(self._apply_negation(doc, filter_spans(cues), negators))

    def _apply_negation(self, doc: Doc, cues: list[Span], negators: list[tuple[int, int]]) -> Iterable[Span]:
        reach = set()  # tokens at most `window` after a negator's start, in its sentence
        for start, end in negators:
            for k in range(start + 1, min(start + self.window, len(doc) - 1) + 1):
                if doc[k].is_sent_start:
                    break
                if k >= end:
                    reach.add(k)
        for cue in cues:
            if cue.start not in reach:
                yield cue
            elif cue.label_ == "cooperation":
                yield Span(doc, cue.start, cue.end, label="tension")


@Language.factory("briefs_lexicon", assigns=["doc.spans"])
def make_lexicon(nlp: Language, name: str) -> LexiconComponent:
    """The lexicon component; its patterns come with initialize(..., content=Content)."""
    return LexiconComponent(nlp, name)


def sentence_cues(doc: Doc, sent: Span) -> list[tuple[str, int]]:
    """The (label, token index) of every stance cue inside one sentence of doc."""
    return [(c.label_, c.start) for c in doc.spans.get("stance", []) if sent.start <= c.start < sent.end]


def sentence_stance(cues: list[tuple[str, int]]) -> str:
    """Stance of one sentence from its (label, token index) cues: the majority label.

    No cues gives "neutral"; a tie gives "tension", because a sentence that reports friction
    next to cooperation ("signed the deal despite the sanctions") should reach the analyst's
    attention. The same cue counted twice (same label and index) is counted once.
    """
    unique = set(cues)
    cooperation = sum(label == "cooperation" for label, _ in unique)
    tension = sum(label == "tension" for label, _ in unique)
    if cooperation == tension == 0:
        return "neutral"
    return "cooperation" if cooperation > tension else "tension"
