"""Sector and stance lexicons: their YAML loaders and the briefs_lexicon spaCy component."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from generator.content.yamlfile import Field, LineDict, check_record, load_yaml
from generator.errors import GeneratorError, raise_all
from generator.nlp.components import token_texts

SECTOR_IDS = (
    "trade", "investment", "telecom_5g", "energy", "technology_research", "cybersecurity", "defense",
    "finance_banking", "automotive_manufacturing", "infrastructure_logistics",
    "culture_tourism_education", "health", "diplomacy", "sanctions", "media_information",
    "domestic_politics",
)  # fmt: skip
STANCES = ("cooperation", "tension")
SECTOR_FIELDS = {
    "label": Field((str,), required=True),
    "description": Field((str,), required=True),
    "terms": Field((list,), required=True),
}
STANCE_FIELDS = {
    "cooperation": Field((list,), required=True),
    "tension": Field((list,), required=True),
    "negators": Field((list,), required=True),
    "window": Field((int,)),
}


@dataclass(frozen=True)
class Sector:
    """One sector lexicon from content/sectors.yaml."""

    id: str
    label: str
    description: str
    terms: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class StanceLexicon:
    """Cooperation and tension cues, and the negators that cancel them, from content/stance.yaml."""

    cooperation: tuple[str, ...]
    tension: tuple[str, ...]
    negators: tuple[str, ...]
    window: int = 3


# --- inflection: a light, cached stemmer shared by the patterns and the text -------------------

_IRREGULAR = {
    "met": "meet", "held": "hold", "froze": "freeze", "frozen": "freeze", "withdrew": "withdraw",
    "withdrawn": "withdraw", "sought": "seek", "fought": "fight", "struck": "strike", "broke": "break",
    "broken": "break", "bought": "buy", "sold": "sell", "took": "take", "taken": "take",
    "gave": "give", "given": "give", "spoke": "speak", "spoken": "speak", "threw": "throw",
    "thrown": "throw", "began": "begin", "begun": "begin", "built": "build", "sent": "send",
    "paid": "pay", "crises": "crisis", "chose": "choose", "chosen": "choose", "drew": "draw", "drawn": "draw",
}  # fmt: skip
# Words whose stem would be another word ("news" is not "new", "according" not "accord").
_KEEP = frozenset(
    "news goods arms means customs securities series species always perhaps towards afterwards "
    "headquarters whereas according aide aides".split()
)
_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    word = _IRREGULAR.get(word, word)
    if len(word) <= 3 or not word.isalpha() or word in _KEEP:
        return word
    if len(word) > 4 and word.endswith(("ies", "ied")):
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    stripped = False
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and any(c in "aeiouy" for c in base):
            word, stripped = base, True
            break
    if word.endswith("e") and len(word) > 3 and (not stripped or word.endswith("ee")):
        word = word[:-1]  # "accuse" and "accused" both become "accus"
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouy":
        word = word[:-1]  # "banned" -> "ban", "expelled" -> "expel"
    return word


def normalise(word: str) -> str:
    """The form a word is matched on: lower case, without inflection ("Signed" -> "sign")."""
    stem = _STEMS.get(word)
    if stem is None:
        stem = _STEMS[word] = _stem(word.lower())
    return stem


def _phrase_key(term: str) -> str:
    return " ".join(normalise(w) for w in term.split())


class _ItemLines:
    """Lines of list items, parsed only when an error needs one (LineDict knows keys only)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lines: dict[tuple[str, int], int] | None = None

    def __call__(self, section: str, index: int, default: int) -> int:
        if self._lines is None:
            self._lines = found = {}
            root = yaml.compose(self.path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
            for key, value in getattr(root, "value", []):
                if isinstance(value, yaml.MappingNode):
                    value = next((v for k, v in value.value if k.value == "terms"), None)
                if isinstance(value, yaml.SequenceNode):
                    for i, item in enumerate(value.value):
                        found[(key.value, i)] = item.start_mark.line + 1
        return self._lines.get((section, index), default)


def _check_terms(
    terms: list[Any], section: str, what: str, seen: dict[str, tuple[str, str]],
    key_line: int, lines: _ItemLines, errors: list[GeneratorError],
) -> tuple[str, ...]:
    """Validate one term list; `seen` maps normalised phrases to (section, term) already listed."""
    path = lines.path

    def at(index: int) -> int:
        return lines(section, index, key_line)

    if not terms:
        errors.append(GeneratorError(f"{what} has no terms", path, at(-1), "list at least one phrase"))
    kept: list[str] = []
    for i, term in enumerate(terms):
        if not isinstance(term, str) or not term.strip():
            errors.append(GeneratorError(f"term {i + 1} of {what} must be text", path, at(i), "quote it"))
            continue
        key = _phrase_key(term)
        if key in seen:
            prev_section, prev = seen[key]
            same = f"'{prev}'" if prev == term else f"'{prev}' (same word once inflection is ignored)"
            where = "" if prev_section == section else f" in '{prev_section}'"
            message = f"term '{term}' of {what} repeats {same}{where}"
            errors.append(GeneratorError(message, path, at(i), "keep one of them"))
            continue
        seen[key] = (section, term)
        kept.append(term.strip().lower())
    return tuple(kept)


def _load_mapping(path: Path) -> LineDict:
    data = load_yaml(path)
    if not isinstance(data, LineDict):
        raise GeneratorError("expected a mapping at the top of the file", path, getattr(data, "line", 1))
    return data


def load_sectors(path: Path) -> dict[str, Sector]:
    """Read content/sectors.yaml into Sector records; raise every problem at once."""
    data, lines, errors = _load_mapping(path), _ItemLines(path), list[GeneratorError]()
    sectors: dict[str, Sector] = {}
    for sid, record in data.items():
        if sid not in SECTOR_IDS:
            close = difflib.get_close_matches(str(sid), SECTOR_IDS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"sector ids: {', '.join(SECTOR_IDS)}"
            errors.append(GeneratorError(f"unknown sector id '{sid}'", path, data.line_of(sid), hint))
            continue
        what = f"sector '{sid}'"
        if not check_record(record, SECTOR_FIELDS, path, what, errors, data.line_of(sid)):
            continue
        terms = _check_terms(record["terms"], sid, what, {}, record.line_of("terms"), lines, errors)
        sectors[sid] = Sector(sid, record["label"], record["description"], terms, data.line_of(sid))
    raise_all(errors)
    return sectors


def load_stance(path: Path) -> StanceLexicon:
    """Read content/stance.yaml into a StanceLexicon; raise every problem at once."""
    data, lines, errors = _load_mapping(path), _ItemLines(path), list[GeneratorError]()
    if not check_record(data, STANCE_FIELDS, path, "stance lexicon", errors):
        raise_all(errors)
    window = 3 if data.get("window") is None else data["window"]
    if window < 0:
        errors.append(GeneratorError("'window' must be 0 or more", path, data.line_of("window")))
    seen: dict[str, tuple[str, str]] = {}
    found: dict[str, tuple[str, ...]] = {}
    for section in (*STANCES, "negators"):
        found[section] = _check_terms(
            data[section], section, f"'{section}'", seen, data.line_of(section), lines, errors
        )
    raise_all(errors)
    return StanceLexicon(found["cooperation"], found["tension"], found["negators"], window)


class LexiconComponent:
    """Marks sector terms in doc.spans["sectors"] and stance cues in doc.spans["stance"].

    A stance cue preceded within `window` tokens of its sentence by a negator is changed:
    negated cooperation ("did not sign") becomes tension, since refusing to cooperate is friction;
    negated tension ("did not condemn") is dropped, since refraining from conflict is not cooperation.
    Among overlapping cues the longest wins ("lift sanctions" beats "sanction").
    """

    def __init__(self, nlp: Language, name: str, sectors: dict[str, Sector], stance: StanceLexicon) -> None:
        self.name, self.vocab, self.window = name, nlp.vocab, stance.window
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        groups = {f"sector:{s.id}": s.terms for s in sectors.values()}
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


@Language.factory("briefs_lexicon", assigns=["doc.spans"], default_config={"content_dir": "content"})
def make_lexicon(nlp: Language, name: str, content_dir: str) -> LexiconComponent:
    """Build the lexicon component from content_dir/sectors.yaml and content_dir/stance.yaml."""
    root = Path(content_dir)
    return LexiconComponent(nlp, name, load_sectors(root / "sectors.yaml"), load_stance(root / "stance.yaml"))


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
