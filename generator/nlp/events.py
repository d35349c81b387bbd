"""Event coding: each clause of a sentence gets a PLOVER event type from the cues of content/events.yaml,
after negation, refusal and intent; the stance of a clause follows from its type (PLOVER's quad classes).

The briefs_lexicon component matches the cues and calls `code_cues` to set doc.spans["events"] (one span
per surviving cue, labelled with its final type) and doc.spans["clauses"]; `code_sentence` turns the
spans of one sentence into its clauses, its event type and its stance.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from generator.content.events import NOT_EVENTS
from generator.content.terms import normalise
from generator.content.vocabulary import EVENT_QUAD, EVENT_STANCE
from generator.nlp.components import sentence_starts

# Words that start a new clause: coordination and contrast, and reported speech (the words of a
# speaker are a clause of their own: "X said", "Y told reporters", "according to Z", quotation marks).
CLAUSE_WORDS = frozenset(normalise(w) for w in (
    ";", "but", "while", "whereas", "although", "though", "however", "said", "says", "saying", "told",
    "according", '"', "“", "”", "«", "»",
))
OPPOSING = frozenset({"ACCUSE", "REJECT"})  # verbal opposition ("condemned", "opposed")
HOSTILE = frozenset({"SANCTION", "THREATEN", "MOBILIZE", "COERCE", "ASSAULT"})  # acts with a victim
COOPERATION_QUADS = ("verbal cooperation", "material cooperation")
INTENT_TYPES = {"material cooperation": "AGREE", "material conflict": "THREATEN"}  # intent to act


@dataclass(frozen=True)
class Clause:
    """One clause of a sentence: its offsets in the cleaned text, its event type (None when no cue) and
    its stance. `opposes` is the type of the hostile act the clause's event opposes ("condemned the
    attack on X": ACCUSE opposing ASSAULT), so a pair rule can side the speaker with the victim."""

    start: int
    end: int
    event_type: str | None
    stance: str
    cue: str | None = None
    opposes: str | None = None


def clause_starts(words: Sequence[str], doc: Doc) -> list[int]:
    """Token indices where a clause starts (each sentence start, and each clause word)."""
    starts = sentence_starts(doc)
    return [i for i, w in enumerate(words) if w in CLAUSE_WORDS or starts[i]] if len(doc) else []


def _joined_gaps(heads: list[tuple[str, int, int]], tails: list[tuple[str, int, int]], reach: int,
                 clause_of: list[int]) -> Iterable[tuple[str, int, int]]:
    """Gapped cues ("keep ... out"): a head followed by its tail within `reach` tokens of its clause."""
    for key, start, end in heads:
        tail = next((t_end for t_key, t_start, t_end in tails if t_key == key
                     and end <= t_start <= end + reach and clause_of[t_start] == clause_of[start]), None)
        if tail is not None:
            yield key.rsplit(":", 1)[0], start, tail


def code_cues(doc: Doc, words: Sequence[str], matches: list[tuple[str, int, int]], window: int) -> None:
    """Set doc.spans["events"] and doc.spans["clauses"] from the event matches of the lexicon component.

    Keys: "event:<TYPE>", "gap:<TYPE>:<n>:head"/"tail", "mod:negators"/"mod:refusals"/"mod:intent".
    A negator or refusal at most `window` tokens before a cue, in its clause, negates it: negated
    cooperation is REJECT ("did not sign", "no agreement", "refused to join"), negated conflict is no event
    ("did not condemn"). A refusal that negates nothing is itself REJECT. An intent word ("may", "plans
    to") before material cooperation makes it AGREE (intent to cooperate), before material conflict
    THREATEN. A modal written with a capital inside a sentence is a name ("May"), not a modal.
    """
    starts = clause_starts(words, doc)
    if not starts:  # an empty text
        doc.spans["clauses"], doc.spans["events"] = [], []
        return
    clause_of = [0] * len(doc)
    for k, (a, b) in enumerate(zip(starts, [*starts[1:], len(doc)], strict=True)):
        clause_of[a:b] = [k] * (b - a)
    ends = [*starts[1:], len(doc)]
    doc.spans["clauses"] = [Span(doc, a, b) for a, b in zip(starts, ends, strict=True) if b > a]
    cues: list[tuple[str, int, int]] = []
    heads: list[tuple[str, int, int]] = []
    tails: list[tuple[str, int, int]] = []
    mods: list[Span] = []
    for key, start, end in matches:
        kind, _, rest = key.partition(":")
        if kind == "event":
            cues.append((rest, start, end))
        elif kind == "gap":
            (heads if rest.endswith(":head") else tails).append((rest.rsplit(":", 1)[0], start, end))
        elif kind == "mod":
            name = rest == "intent" and end - start == 1 and doc[start].text[:1].isupper()
            if name and start not in starts:  # "May", "Theresa May": a name, not a modal
                continue
            mods.append(Span(doc, start, end, label=rest))
    cues.extend((t.split(":")[0], s, e) for t, s, e in _joined_gaps(heads, tails, window + 2, clause_of))
    mods = filter_spans(mods)
    covered = {i for m in mods for i in range(m.start, m.end)}
    spans = [sp for sp in filter_spans([Span(doc, s, e, label=t) for t, s, e in cues if s not in covered])
             if sp.label_ != NOT_EVENTS]  # a not-event phrase hides the cues inside it
    used: set[int] = set()
    out = []
    for cue in spans:
        label = _modified(cue, mods, clause_of, window, used)
        if label:
            out.append(Span(doc, cue.start, cue.end, label=label))
    out.extend(Span(doc, m.start, m.end, label="REJECT") for k, m in enumerate(mods)
               if m.label_ == "refusals" and k not in used)
    doc.spans["events"] = sorted(out, key=lambda sp: sp.start)


def _modified(cue: Span, mods: list[Span], clause_of: list[int], window: int, used: set[int]) -> str | None:
    """The type of a cue after the modifiers before it (None: no event)."""
    kind = cue.label_
    quad = EVENT_QUAD[kind]
    clause = clause_of[cue.start]
    found = {m.label_: k for k, m in enumerate(mods)
             if m.end <= cue.start and cue.start - m.end < window and clause_of[m.start] == clause}
    negation = found.get("negators", found.get("refusals"))
    if negation is not None:
        used.add(negation)
        return "REJECT" if quad in COOPERATION_QUADS else None
    if "intent" in found:
        return INTENT_TYPES.get(quad, kind)
    return kind


VICTIM_AFTER = frozenset({"on", "against", "of", "in", "upon"})  # "the attack on X", "sanctions against X"


def _names_victim(act: Span) -> bool:
    """Whether a hostile act names its target: "attack on X", "invasion of X", "anti-Russian sanctions"."""
    doc = act.doc
    after = act.end < len(doc) and doc[act.end].lower_ in VICTIM_AFTER
    return after or any(doc[k].lower_ == "anti" for k in range(max(act.start - 3, 0), act.start))


def majority_stance(cues: list[tuple[str, int]]) -> str:
    """Stance from (label, position) votes: the majority label; none gives "neutral"; a tie gives "tension",
    because friction reported next to cooperation ("signed the deal despite the sanctions") should reach
    the analyst. The same vote counted twice (same label and position) is counted once."""
    unique = set(cues)
    cooperation = sum(label == "cooperation" for label, _ in unique)
    tension = sum(label == "tension" for label, _ in unique)
    if cooperation == tension == 0:
        return "neutral"
    return "cooperation" if cooperation > tension else "tension"


def code_sentence(clauses: list[Span], events: list[Span], descriptors: list[Span], text: str,
                  base: int = 0) -> tuple[list[Clause], str | None, str]:
    """The clauses of one sentence (spans of doc.spans["clauses"] inside it), its event type and stance.

    A clause's type is that of its first event cue; its stance follows from the type (cooperation quads ->
    cooperation, conflict quads -> tension); a clause without an event takes the relation words of
    stance.yaml (`descriptors`: "rivalry", "close ties"), else it is neutral. The sentence's stance is the
    majority of its clauses' (a tie is tension: friction next to cooperation should reach the analyst);
    its event type is that of the first clause with that stance. `text` is the doc's text, `base` the
    offset of the doc in the cleaned text of the document.
    """
    out = []
    for clause in clauses:
        inside = [e for e in events if clause.start <= e.start < clause.end]
        first = inside[0] if inside else None
        if first is not None:
            kind: str | None = first.label_
            stance = EVENT_STANCE[first.label_]
        else:
            kind = None
            words = [(d.label_, d.start) for d in descriptors if clause.start <= d.start < clause.end]
            stance = majority_stance(words)
        opposes = None
        if first is not None and first.label_ in OPPOSING:
            acts = [e for e in inside if e.start > first.start and e.label_ in HOSTILE]
            opposes = acts[0].label_ if acts else None
            if any(_names_victim(e) for e in acts):
                # "condemned the attack on X", "opposed anti-Russian sanctions": the clause sides with the
                # victim the act names; against the actor of the act it is still `opposes`
                kind, stance = "SUPPORT", EVENT_STANCE["SUPPORT"]
        a, b = clause.start_char, clause.end_char
        cue = text[first.start_char:first.end_char] if first is not None else None
        out.append(Clause(base + a, base + b, kind, stance, cue, opposes))
    stance = majority_stance([(c.stance, k) for k, c in enumerate(out) if c.stance != "neutral"])
    kind = next((c.event_type for c in out if c.event_type and c.stance == stance), None)
    return out, kind, stance
