"""content/events.yaml: the cue lexicon of the PLOVER event types, and the negators, refusals and
intent words that change a cue."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from generator.content.sectors import check_terms, load_mapping
from generator.content.vocabulary import EVENT_TYPES
from generator.content.yamlfile import Field, check_record
from generator.errors import GeneratorError, raise_all

MODIFIERS = ("negators", "refusals", "intent")
NOT_EVENTS = "not_events"  # phrases that hide the cues inside them
DENIALS = "denials"  # denials of a report: they hide the cues inside them and after them in their clause
EVENT_FIELDS = {
    **{t: Field((list,)) for t in EVENT_TYPES},
    **{m: Field((list,), required=True) for m in MODIFIERS},
    NOT_EVENTS: Field((list,)),
    DENIALS: Field((list,)),
    "window": Field((int,)),
}
GAP = " ... "  # a cue with a gap: "keep ... out" (generator.nlp.events.GAP_KEY)


@dataclass(frozen=True)
class EventLexicon:
    """Cue phrases per PLOVER event type, and the modifiers of content/events.yaml."""

    cues: dict[str, tuple[str, ...]]  # event type -> cues, in the order of EVENT_TYPES; NOT_EVENTS, DENIALS
    negators: tuple[str, ...]
    refusals: tuple[str, ...]
    intent: tuple[str, ...]
    window: int = 3
    path: Path | None = None
    line: int = 1


def load_events(path: Path) -> EventLexicon:
    """Read content/events.yaml into an EventLexicon; raise every problem at once (file:line)."""
    data, errors = load_mapping(path), list[GeneratorError]()
    for key in data:
        if isinstance(key, str) and key.upper() in EVENT_TYPES and key not in EVENT_TYPES:
            errors.append(GeneratorError(f"event type '{key}' must be written '{key.upper()}'", path,
                                         data.line_of(key)))
        elif key not in EVENT_FIELDS:
            close = difflib.get_close_matches(str(key), list(EVENT_FIELDS), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"event types: {', '.join(EVENT_TYPES)}"
            message = f"unknown key '{key}' in event lexicon"
            errors.append(GeneratorError(message, path, data.line_of(key), hint))
    known = type(data)({k: v for k, v in data.items() if k in EVENT_FIELDS})
    known.line, known.key_lines = data.line, data.key_lines
    if errors or not check_record(known, EVENT_FIELDS, path, "event lexicon", errors):
        raise_all(errors)
    window = 3 if known.get("window") is None else known["window"]
    if window < 0:
        errors.append(GeneratorError("'window' must be 0 or more", path, known.line_of("window")))
    seen: dict[str, tuple[str, str]] = {}  # cues: one type per phrase
    cues = {t: check_terms(known[t], t, f"'{t}'", seen, known.line_of(t), path, errors)
            for t in (*EVENT_TYPES, NOT_EVENTS, DENIALS) if known.get(t) is not None}
    for t, terms in cues.items():
        for term in terms:
            if GAP.strip() in term and (term.count(GAP) != 1 or term.startswith(".") or term.endswith(".")):
                errors.append(GeneratorError(f"cue '{term}' of '{t}' must have one gap written ' ... ' "
                                             "between words", path, known.line_of(t)))
    modifiers: dict[str, tuple[str, ...]] = {}
    seen = {}  # modifiers: one role per phrase
    for m in MODIFIERS:
        modifiers[m] = check_terms(known[m], m, f"'{m}'", seen, known.line_of(m), path, errors)
    raise_all(errors)
    return EventLexicon(cues, modifiers["negators"], modifiers["refusals"], modifiers["intent"], window, path,
                        data.line)
