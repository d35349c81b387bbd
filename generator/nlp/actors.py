"""The briefs_actors component: curated and discovered actors as `doc.spans["actors"]`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from generator.content import Content
from generator.content.actors import LIST_KEYS, MAP_KEYS, ActorConfig, ActorEntry
from generator.nlp.actor_patterns import Candidate, Discoverer, DocView, view_of

__all__ = ["ActorEntry", "ActorRecognizer", "actor_id", "make_actors"]
SPANS_KEY = "actors"
USER_DATA_KEY = "briefs_actors"
_FIRST_WORD = re.compile(r"[\w.]+")


def actor_id(name: str) -> str:
    """Kebab-case id of a discovered actor's name ("Luigi Di Maio" -> "luigi-di-maio")."""
    ascii_name = name.lower().replace("’", "-").replace("'", "-")
    ascii_name = ascii_name.translate(str.maketrans("àáâäèéêëìíîïòóôöùúûüçñ", "aaaaeeeeiiiioooouuuucn"))
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "actor"


def alias_variants(alias: str) -> list[str]:
    """The alias as written, with a curly or dropped apostrophe, and with a dropped possessive."""
    variants = [alias]
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
            self.matcher.add(entry.id, [nlp.make_doc(name) for name in sorted(names)])
        self.discoverer = Discoverer(config)
        self.blocked = config.lists["not_actors"]
        self.surnames = _curated_surnames(config.actors, config.lists["particles"])

    def __call__(self, doc: Doc) -> Doc:
        """Find curated and discovered actors and store spans and details."""
        mentions, actors = self.match(doc)
        return self.set_annotations(doc, mentions, actors)

    def match(self, doc: Doc) -> tuple[list[Span], dict[str, dict[str, Any]]]:
        """Mentions (spans labelled with ids) and the details of each actor."""
        spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)])
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
        return sorted(mentions, key=lambda s: (s.start, s.end)), actors

    def _curated(self, doc: Doc, span: Span, actors: dict[str, dict[str, Any]]) -> Span:
        entry = self.entries[span.label_]
        info = actors.setdefault(entry.id, _info(entry.name, entry.type, entry.country, True))
        info["aliases"].update(a for a in entry.aliases)
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
        text = doc[cand.start : cand.end].text
        name = cand.name or text
        if any(ch.isdigit() for ch in name):
            return None
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
        _add_role(info, doc, cand)
        return Span(doc, cand.start, cand.end, label=aid)

    def _short_mentions(
        self, v: DocView, mentions: list[Span], actors: dict[str, dict[str, Any]]
    ) -> list[Span]:
        """Later mentions by surname ("Savoini", "Salvinis") or by a name found elsewhere in the doc."""
        names = _name_index(actors)
        covered = {t for span in mentions for t in range(span.start, span.end)}
        found, i, n = [], 0, len(v.doc)
        while i < n:
            hit = None if i in covered or not v.cap[i] else _lookup(v, i, names)
            if hit:
                found.append(Span(v.doc, i, hit[1], label=hit[0]))
                actors[hit[0]]["aliases"].add(v.doc[i : hit[1]].text)
                i = hit[1]
            else:
                i += 1
        return found

    def set_annotations(self, doc: Doc, mentions: list[Span], actors: dict[str, dict[str, Any]]) -> Doc:
        """Store spans and a JSON-ready, deterministic description of every actor."""
        doc.spans[SPANS_KEY] = mentions
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


def _resolve_short(name: str, kind: str, actors: dict[str, dict[str, Any]]) -> str | None:
    """A one-word person name is the person met in this document whose surname it is, if any."""
    if kind == "person" and " " not in name:
        for aid, info in sorted(actors.items()):
            if info["type"] == "person" and info["name"].split()[-1] == name:
                return aid
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


def _name_index(actors: dict[str, dict[str, Any]]) -> dict[str, list[tuple[str, str]]]:
    """First word -> (form, id), longest first: full names, aliases, and surnames of people."""
    index: dict[str, list[tuple[str, str]]] = {}
    for aid, info in sorted(actors.items()):
        forms = {info["name"], *info["aliases"]}
        if info["type"] == "person" and not info["curated"]:
            words = info["name"].split()
            forms |= {" ".join(words[k:]) for k in range(1, len(words))}
        for form in forms:
            first = _FIRST_WORD.match(form)
            if first:
                index.setdefault(first.group(), []).append((form, aid))
    for entries in index.values():
        entries.sort(key=lambda e: (-len(e[0]), e[1]))
    return index


def _lookup(v: DocView, i: int, index: dict[str, list[tuple[str, str]]]) -> tuple[str, int] | None:
    token = v.doc[i]
    for form, aid in index.get(token.text, []):
        span = v.doc.char_span(token.idx, token.idx + len(form))
        if span is not None and span.text == form:
            return aid, span.end
    if token.text.endswith("s"):
        for form, aid in index.get(token.text[:-1], []):
            if form == token.text[:-1]:
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
