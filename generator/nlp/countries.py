"""Recognises countries, their capitals, seats, demonyms and the EU/NATO as `doc.spans["countries"]`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, filter_spans

from generator.content import Content
from generator.content.countries import KINDS

SPANS_KEY = "countries"
HYPHENS = {"-", "–", "—"}
# Splits "U.S.-China", which the default tokenizer keeps whole, so both names match.
_ABBREV_HYPHEN = r"(?<=[A-Z]\.)[-–](?=[A-Z])"


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
        by_code: dict[str, list[str]] = {}
        for name, code in self.names.items():
            by_code.setdefault(code, []).append(name)
            variant = _dropped_apostrophe(name, self.names)
            if variant:
                by_code[code].append(variant)
        for code, names in sorted(by_code.items()):
            self.exact.add(code, [nlp.make_doc(n) for n in sorted(names)])
            multi = [nlp.make_doc(n) for n in sorted(names) if " " in n]
            if multi:
                self.lower.add(code, multi)
        for name, code in sorted(kinds["prefixes"].items()):
            self.prefixes.add(code, [nlp.make_doc(name)])

    def __call__(self, doc: Doc) -> Doc:
        """Find and store country spans."""
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[Span]:
        """All candidate spans, combining forms only when a hyphen follows ("Sino-")."""
        spans = [Span(doc, s, e, label=m) for m, s, e in self.exact(doc)]
        spans += [Span(doc, s, e, label=m) for m, s, e in self.lower(doc)]
        for m, s, e in self.prefixes(doc):
            if e < len(doc) and doc[e].text in HYPHENS:
                spans.append(Span(doc, s, e, label=m))
        return filter_spans(spans)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> Doc:
        """Store the spans sorted by position."""
        doc.spans[SPANS_KEY] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc


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
