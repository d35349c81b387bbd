"""Event coding: each clause of a sentence gets a PLOVER event type from the cues of content/events.yaml,
after negation, refusal and intent; the stance of a clause follows from its type (PLOVER's quad classes).

The briefs_lexicon component matches the cues and calls `code_cues` to set doc.spans["events"] (one span
per surviving cue, labelled with its final type) and doc.spans["clauses"]; `code_sentence` turns the
spans of one sentence into its clauses, its event type and its stance.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from spacy.tokens import Doc, Span

from generator.config import TUNING
from generator.content.events import DENIALS, NOT_EVENTS
from generator.content.terms import normalise
from generator.content.vocabulary import EVENT_QUAD, EVENT_STANCE, NON_STATES
from generator.nlp.components import filter_matches, sentence_starts, set_spans, token_texts

# Words that start a new clause: coordination and contrast, and reported speech (the words of a
# speaker are a clause of their own: "X said", "Y told reporters", "according to Z", quotation marks).
CLAUSE_WORDS = frozenset(normalise(w) for w in (
    ";", "but", "while", "whereas", "although", "though", "however", "said", "says", "saying", "told",
    "according", '"', "“", "”", "«", "»", "after", "before", "since", "when", "until", "which", "where",
    "because",
))
OPPOSING = frozenset({"ACCUSE", "REJECT"})  # verbal opposition ("condemned", "opposed")
HOSTILE = frozenset({"SANCTION", "THREATEN", "MOBILIZE", "COERCE", "ASSAULT"})  # acts with a victim
RESTRICTIONS = frozenset({"SANCTION", "REJECT"})  # restriction, exclusion, refusal: never cooperation
ABOUT = frozenset({"CONSULT", "CONCEDE"})  # talks about a restriction, the end of a restriction
COOPERATION_QUADS = ("verbal cooperation", "material cooperation")
INTENT_TYPES = {"material cooperation": "AGREE", "material conflict": "THREATEN"}  # intent to act


class Clause(NamedTuple):
    """One clause of a sentence: its offsets in the cleaned text, its event type (None when no cue) and
    its stance. `opposes` is the type of the hostile act the clause's event opposes ("condemned the
    attack on X": ACCUSE opposing ASSAULT), so a pair rule can side the speaker with the victim.
    (Immutable, like a frozen dataclass, and five times cheaper to make: one per clause of every text.)"""

    start: int
    end: int
    event_type: str | None
    stance: str
    cue: str | None = None
    opposes: str | None = None
    parties: tuple[str, ...] = ()  # the states acting or acted upon in the clause, in order of mention
    sources: tuple[str, ...] = ()  # those named before its event cue (its subject, usually)
    victims: tuple[str, ...] = ()  # those named as the victim of the hostile act the clause opposes
    opposing: str | None = None  # the type of the opposing cue when the clause sides with a victim
    joint: str | None = None  # the cooperation a restriction outweighed ("agreed to ban")


def clause_starts(words: Sequence[str], doc: Doc) -> list[int]:
    """Token indices where a clause starts (each sentence start, and each clause word)."""
    if not len(doc):
        return []
    starts = sentence_starts(doc)  # (compress and map: one pass in C, not a Python test per token)
    return list(itertools.compress(range(len(starts)),
                                   map(operator.or_, map(CLAUSE_WORDS.__contains__, words), starts)))


def _joined_gaps(heads: list[tuple[str, int, int]], tails: list[tuple[str, int, int]], reach: int,
                 clause_of: list[int]) -> Iterable[tuple[str, int, int]]:
    """Gapped cues ("keep ... out"): a head followed by its tail within `reach` tokens of its clause."""
    by_key: dict[str, list[tuple[int, int]]] = {}  # key -> (start, end) of its tails, in textual order
    for t_key, t_start, t_end in sorted(tails, key=lambda t: t[1]):
        by_key.setdefault(t_key, []).append((t_start, t_end))
    for key, start, end in heads:
        found = by_key.get(key, [])
        for t_start, t_end in found[bisect.bisect_left(found, (end, -1)):]:
            if t_start > end + reach:
                break
            if clause_of[t_start] == clause_of[start]:
                yield key.rsplit(":", 1)[0], start, t_end
                break


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
    texts = token_texts(doc)
    if not starts:  # an empty text
        set_spans(doc, "clauses", [])
        set_spans(doc, "events", [])
        return
    clause_of = [0] * len(doc)
    for k, (a, b) in enumerate(zip(starts, [*starts[1:], len(doc)], strict=True)):
        clause_of[a:b] = [k] * (b - a)
    ends = [*starts[1:], len(doc)]
    start_set = set(starts)
    set_spans(doc, "clauses", [Span(doc, a, b) for a, b in zip(starts, ends, strict=True) if b > a])
    cues: list[tuple[str, int, int]] = []
    heads: list[tuple[str, int, int]] = []
    tails: list[tuple[str, int, int]] = []
    mods: list[tuple[str, int, int]] = []
    for key, start, end in matches:
        kind, _, rest = key.partition(":")
        if kind == "event":
            cues.append((rest, start, end))
        elif kind == "gap":
            (heads if rest.endswith(":head") else tails).append((rest.rsplit(":", 1)[0], start, end))
        elif kind == "mod":
            name = rest == "intent" and end - start == 1 and texts[start][:1].isupper()
            if name and start not in start_set:  # "May", "Theresa May": a name, not a modal
                continue
            mods.append((rest, start, end))
    cues.extend((t.split(":")[0], s, e) for t, s, e in _joined_gaps(heads, tails, window + 2, clause_of))
    # (label, start, end) tuples until the end: a Span only for each event kept
    mods = filter_matches(mods)
    covered = {i for _, s, e in mods for i in range(s, e)}
    kept = filter_matches([c for c in cues if c[1] not in covered])
    # A not-event phrase hides the cues inside it; a denial also hides what it denies, the rest of its clause
    # ("denied reports that it had signed a deal": no deal).
    denied = [(e, clause_of[s]) for t, s, e in kept if t == DENIALS]
    kept = [(t, s, e) for t, s, e in kept if t not in (NOT_EVENTS, DENIALS)
            and not any(clause_of[s] == clause and s >= end for end, clause in denied)]
    used: set[int] = set()
    out = []
    by_clause: dict[int, list[tuple[int, tuple[str, int, int]]]] = {}  # each clause's modifiers, numbered
    for k, m in enumerate(mods):
        by_clause.setdefault(clause_of[m[1]], []).append((k, m))
    for kind, start, end in kept:
        label = _modified(kind, start, by_clause.get(clause_of[start], ()), window, used)
        if label:
            out.append(Span(doc, start, end, label=label))
    out.extend(Span(doc, s, e, label="REJECT") for k, (t, s, e) in enumerate(mods)
               if t == "refusals" and k not in used)
    # a pledge or an offer that governs no cue is itself a commitment ("pledged to offer 1,000 police
    # officers": PLOVER's AGREE, "offer, promise, or indicate willingness to cooperate")
    out.extend(Span(doc, s, e, label="AGREE") for t, s, e in mods
               if t == "intent" and words[s] in COMMITMENTS
               and not any(clause_of[c.start] == clause_of[s] and 0 <= c.start - e < window for c in out))
    set_spans(doc, "events", sorted(out, key=lambda sp: sp.start))


def _modified(kind: str, start: int, mods: Iterable[tuple[int, tuple[str, int, int]]], window: int,
              used: set[int]) -> str | None:
    """The type of a cue of type `kind` at token `start` after the modifiers (label, start, end) of its clause
    before it, given with their index in the Doc's modifiers (None: no event)."""
    quad = EVENT_QUAD[kind]
    found = {label: k for k, (label, _, end) in mods if end <= start and start - end < window}
    negation = found.get("negators", found.get("refusals"))
    if negation is not None:
        used.add(negation)
        return "REJECT" if quad in COOPERATION_QUADS else None
    if "intent" in found:
        return INTENT_TYPES.get(quad, kind)
    return kind


# first words of intents that are commitments in themselves, in the normalised form code_cues reads
COMMITMENTS = frozenset(normalise(w) for w in ("pledge", "promise", "vow", "offer", "commit"))

VICTIM_REACH = TUNING.victim_reach_tokens  # from an act to the victim it names ("the attack on north Mali")
VICTIM_AFTER = frozenset({"on", "against", "of", "in", "upon"})  # "the attack on X", "sanctions against X"


def _names_victim(act: Span) -> bool:
    """Whether a hostile act names its target: "attack on X", "invasion of X", "anti-Russian sanctions"."""
    return bool(_victim_tokens(act))


def _victim_tokens(act: Span) -> range:
    """The tokens where a hostile act names its victim: the few after "on"/"against"/"of" behind it ("the
    attack on northern Mali"), or those behind an "anti" before it ("anti-Russian sanctions"); empty when
    it names none."""
    doc = act.doc
    if act.end < len(doc) and doc[act.end].lower_ in VICTIM_AFTER:
        return range(act.end + 1, min(act.end + 1 + VICTIM_REACH, len(doc)))
    before = range(max(act.start - VICTIM_REACH, 0), act.start)
    anti = next((k for k in before if doc[k].lower_ == "anti"), None)
    return range(anti + 1, act.start) if anti is not None else range(0)


def majority_stance(cues: list[tuple[str, int]]) -> str:
    """Stance from (label, position) votes: the majority label; none gives "neutral"; a tie gives "tension",
    because friction reported next to cooperation ("signed the deal despite the sanctions") should reach
    the analyst. The same vote counted twice (same label and position) is counted once."""
    if not cues:
        return "neutral"
    labels = [label for label, _ in set(cues)]
    cooperation, tension = labels.count("cooperation"), labels.count("tension")
    if cooperation == tension == 0:
        return "neutral"
    return "cooperation" if cooperation > tension else "tension"


def code_sentence(clauses: list[Span], events: list[Span], descriptors: list[Span], text: str,
                  base: int = 0, parties: Sequence[Sequence[tuple[int, str]]] | None = None,
                  ) -> tuple[list[Clause], str | None, str]:
    """The clauses of one sentence (spans of doc.spans["clauses"] inside it), its event type and stance.

    A clause's type is that of its first event cue, but a restriction or refusal outweighs cooperation in
    its clause ("agreed to ban Chinese vendors"; not after talks or concessions: "met to discuss the ban"
    is CONSULT, "exempted Canada from the tariffs" CONCEDE);
    its stance follows from the type (cooperation quads -> cooperation, conflict quads -> tension); a
    clause without an event takes the relation words of stance.yaml (`descriptors`: "rivalry", "close
    ties"), else it is neutral. The sentence's stance is the majority of its clauses' (a tie is tension:
    friction next to cooperation should reach the analyst); its event type is that of the first clause
    with that stance. `text` is the doc's text, `base` the offset of the doc in the cleaned text of the
    document; `parties`, when given, holds the (token index, code) of the states named in each clause
    (generator.nlp.pipeline), from which each clause keeps its parties and their roles for `pair_coding`.
    """
    out = []
    cues = [(e.start, e.label_, e) for e in events]  # Span attributes read once, not per clause
    described: list[tuple[int, str]] | None = None
    for n, clause in enumerate(clauses):
        c_start, c_end = clause.start, clause.end
        inside = [cue for cue in cues if c_start <= cue[0] < c_end]
        first = inside[0] if inside else None
        named = list(parties[n]) if parties is not None and n < len(parties) else []
        cue_at = first[0] if first is not None else None
        sources = tuple(dict.fromkeys(c for i, c in named if cue_at is None or i < cue_at)) if named else ()
        joint = None
        if first is not None and EVENT_QUAD[first[1]] in COOPERATION_QUADS and first[1] not in ABOUT:
            # restriction and refusal outweigh cooperation words in the same clause ("agreed to ban
            # Chinese vendors", "will cooperate with Oslo and exclude Huawei"); what talks are about is
            # their topic, not their outcome ("met to discuss the ban"), and an exemption or a lifting is
            # about the restriction it ends ("exempted Canada from the tariffs")
            restriction = next((cue for cue in inside if cue[1] in RESTRICTIONS), None)
            if restriction is not None:
                joint, first = first[1], restriction  # those who agree together still cooperate
        if first is not None:
            kind: str | None = first[1]
            stance = EVENT_STANCE[first[1]]
        else:
            kind = None
            if described is None:
                described = [(d.start, d.label_) for d in descriptors]
            stance = majority_stance([(label, at) for at, label in described if c_start <= at < c_end])
        opposes, opposing = None, None
        victims: tuple[str, ...] = ()
        if first is not None and first[1] in OPPOSING:
            acts = [e for at, label, e in inside if at > first[0] and label in HOSTILE]
            opposes = acts[0].label_ if acts else None
            named_victim = [e for e in acts if _names_victim(e)]
            if named_victim:
                # "condemned the attack on X", "opposed anti-Russian sanctions": the clause sides with the
                # victim the act names; against the actor of the act it is still `opposes`
                opposing, kind, stance = first[1], "SUPPORT", EVENT_STANCE["SUPPORT"]
                victims = tuple(dict.fromkeys(c for e in named_victim  # the first state named there
                                              for c in [next((c for i, c in named if i in _victim_tokens(e)),
                                                             None)] if c))
        a, b = clause.start_char, clause.end_char
        cue = text[first[2].start_char:first[2].end_char] if first is not None else None
        own = tuple(dict.fromkeys(c for _, c in named)) if named else ()
        out.append(Clause(base + a, base + b, kind, stance, cue, opposes, own, sources, victims, opposing,
                          joint))
    return (out, *_majority(out))


def clause_for_pair(clause: Clause, pair: tuple[str, str]) -> tuple[str | None, str]:
    """Event type and stance of one clause for one pair of its states, by their roles in it.

    Opposing a hostile act that names its victim ("Chile condemned the attack on Bolivia by Peru") sides
    the speaker with the victim (SUPPORT: Chile-Bolivia), while the act stays hostile between the victim
    and the other states named after the cue (Bolivia-Peru) and the speaker opposes them (Chile-Peru). In a
    clause whose restriction outweighed cooperation ("Denmark and Norway agreed to ban Chinese vendors"),
    the states named before the cue act together: their pair cooperates.
    """
    a, b = pair
    if clause.joint and a in clause.sources and b in clause.sources:
        return clause.joint, EVENT_STANCE[clause.joint]
    if clause.victims and a in clause.parties and b in clause.parties:
        victims = (a in clause.victims) + (b in clause.victims)
        speakers = (a in clause.sources) + (b in clause.sources)
        if victims == 1 and not speakers and clause.opposes:
            return clause.opposes, EVENT_STANCE[clause.opposes]
        if not victims and speakers == 1 and clause.opposing:
            return clause.opposing, EVENT_STANCE[clause.opposing]
    return clause.event_type, clause.stance


def _majority(clauses: Sequence[Clause]) -> tuple[str | None, str]:
    """Event type and stance of a group of clauses: the majority stance of those that carry one (a tie is
    tension), and the type of the first clause with that stance."""
    return _majority_of([(c.event_type, c.stance) for c in clauses])


def _majority_of(coded: Sequence[tuple[str | None, str]]) -> tuple[str | None, str]:
    """`_majority` of (event type, stance) pairs."""
    stance = majority_stance([(s, k) for k, (_, s) in enumerate(coded) if s != "neutral"])
    kind = next((t for t, s in coded if t and s == stance), None)
    return kind, stance


def _states(codes: Sequence[str]) -> list[str]:
    """The codes of states (ISO alpha-2), not of blocs and bodies (EU, NATO, INT)."""
    return [c for c in codes if len(c) == 2 and c not in NON_STATES]


def pair_coding(clauses: Sequence[Clause], pair: tuple[str, str] | None,
                focus: int | None = None) -> tuple[str | None, str]:
    """Event type and stance of a sentence for one pair of states: those of the clauses the pair takes part
    in, not of every clause of the sentence.

    A clause is about the pair when it names one of its states, or names no state at all (it goes on
    about the sentence's subject: "..., and agreed to resume talks"; blocs do not count: "the two NATO
    members"); a clause that names only other
    states is about them ("whereas Chile accused Peru"). `focus` (an offset in the cleaned text: where the
    fact's date is written) picks the main clause: when the clause written there is about the pair and
    carries an event or a relation word, it gives the answer ("the talks that collapsed in 2022"; with a
    relation word only, the type is that of the first event of the same stance: "Ties soured in 2020 when
    Ankara suspended the deal" is REJECT); else the clauses about the pair vote as a sentence's do
    (`code_sentence`). With no pair, every clause counts.
    """
    about = [c for c in clauses if pair is None or set(pair) & set(c.parties) or not _states(c.parties)]
    # (start, end, type, stance) of each clause about the pair, as the pair's roles in it code it
    coded = [(c.start, c.end, *(clause_for_pair(c, pair) if pair is not None else (c.event_type, c.stance)))
             for c in about]
    if focus is not None:
        main = next(((kind, stance) for a, b, kind, stance in coded if a <= focus < b), None)
        if main is not None and main[0]:
            return main
        if main is not None and main[1] != "neutral":  # "Ties soured in 2020 when Ankara suspended ..."
            kind = next((k for _, _, k, s in coded if k and s == main[1]), None)
            return kind, main[1]
    return _majority_of([(kind, stance) for _, _, kind, stance in coded])
