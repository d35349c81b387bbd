"""What changed: the manifest of published facts, the build date and the changes page.

**The manifest** (`published-facts.json` in the build's work folder) records every fact the last build
published: its id, a hash of its content (the fact as facts.json writes it), the build that first
published it and the build that last changed it, plus each build's date. `advance` compares the facts of
this build with it: a fact whose id is new, or whose hash differs, is *new* or *changed* in a new build
(numbered one more than the last); when nothing differs (and nothing was removed) the manifest is kept as
it is, so a rebuild of identical input writes identical pages and feeds. Without a manifest (a first
build, or a build without a work folder) every fact is new.

**The build date** never comes from the wall clock: it is the UTC day of SOURCE_DATE_EPOCH when that is
set, else the newest date of a document (published or reference date) or of a fact within that
document's period (a document of "2025" reporting on 2025-10-09 gives 2025-10-09; a fact of 2030 is a
forecast); without document dates, the newest fact date. A build that changes anything records its time
as midnight (UTC) of its build date, or one second after the previous build's time when that is not
earlier, so an entry that changes always gets a later time.

**The changes page** (`changes/index.md`) lists the facts new or changed in the latest build that changed
anything, grouped by brief (briefs by title; facts newest first), with the count of facts removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import date as Day
from pathlib import Path
from typing import Any

from markupsafe import Markup

from generator.config import TUNING
from generator.facts.model import Fact
from generator.pages.corpus import Corpus
from generator.pages.escape import printable
from generator.pages.views import (
    SECTION_ROOT,
    FactView,
    Link,
    date_of,
    fact_view,
    front_matter,
    href,
    pair_link,
)

MANIFEST_NAME = "published-facts.json"
MANIFEST_FORMAT = 1
NO_TIME = "1970-01-01T00:00:00Z"  # a corpus without a single date: a fixed instant, never the clock
_TIME = "%Y-%m-%dT%H:%M:%SZ"
MAX_CHANGES_PER_BRIEF = TUNING.max_changes_per_brief


def fact_hash(fact: Fact) -> str:
    """A short hash of a fact's content, as facts.json writes it."""
    text = json.dumps(fact.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(printable(text).encode("utf-8")).hexdigest()[:16]


def build_date(corpus: Corpus) -> str:
    """The build's date (see the module docstring): ISO, as precise as its source, or '' if none."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        with contextlib.suppress(OverflowError, OSError, ValueError):
            return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
    documents = [d for doc in corpus.documents.values() for d in (doc.published, doc.reference_date) if d]
    newest = max(documents, default="")
    # facts dated within the newest document's period refine it ("2025" -> "2025-10-09"); later ones are
    # forecasts and deadlines ("by 2030"), not news
    facts = [d for d in (date_of(f) for f in corpus.facts) if d and d[:len(newest)] <= newest]
    return max([newest, *facts])


def instant(value: str) -> str:
    """An RFC 3339 time for an ISO date as precise as written ("2019", "2019-03", "2019-03-23"): its
    first day at midnight UTC; NO_TIME for anything else."""
    parts = (value or "").split("-")
    try:
        year, month, day = (int(p) for p in (parts + ["1", "1"])[:3])
        return f"{Day(year, month, day).isoformat()}T00:00:00Z"
    except ValueError:
        return NO_TIME


def _after(time: str, previous: str) -> str:
    """`time`, or one second after `previous` when `time` is not later."""
    if time > previous:
        return time
    try:
        return (datetime.strptime(previous, _TIME) + timedelta(seconds=1)).strftime(_TIME)
    except ValueError:
        return time


@dataclass(frozen=True)
class History:
    """The manifest of published facts after this build (see the module docstring)."""

    build: int  # the latest build that published a change (1: the first)
    dates: dict[int, str]  # build number -> its time (RFC 3339, from its build date)
    facts: dict[str, tuple[str, int, int]]  # fact id -> (content hash, first build, last changed build)
    removed: int = 0  # facts of the build before `build` that it no longer publishes

    @property
    def date(self) -> str:
        """The time of the latest build that published a change."""
        return self.dates.get(self.build, NO_TIME)

    def changed_in(self, fact_id: str) -> int:
        """The build that first published or last changed a fact (0 if unknown)."""
        entry = self.facts.get(fact_id)
        return entry[2] if entry else 0

    def date_of_change(self, fact_id: str) -> str:
        """The time of the build that first published or last changed a fact."""
        return self.dates.get(self.changed_in(fact_id), NO_TIME)

    def is_latest(self, fact_id: str) -> bool:
        """True if the fact is new or changed in the latest build."""
        return self.changed_in(fact_id) == self.build

    def is_new(self, fact_id: str) -> bool:
        """True if the latest build published the fact for the first time."""
        entry = self.facts.get(fact_id)
        return entry is not None and entry[1] == self.build

    def to_json(self) -> dict[str, Any]:
        """The manifest as written to the work folder."""
        used = sorted({self.build} | {n for e in self.facts.values() for n in e[1:]})
        return {"format": MANIFEST_FORMAT, "build": self.build, "removed": self.removed,
                "dates": {str(n): self.dates.get(n, "") for n in used},
                "facts": {i: list(self.facts[i]) for i in sorted(self.facts)}}

    @classmethod
    def from_json(cls, data: Any) -> History | None:
        """Read a manifest; None if it is not one this code wrote."""
        try:
            if data.get("format") != MANIFEST_FORMAT:
                return None
            facts = {str(i): (str(e[0]), int(e[1]), int(e[2])) for i, e in data["facts"].items()}
            dates = {int(n): str(d) for n, d in data["dates"].items()}
            return cls(int(data["build"]), dates, facts, int(data.get("removed", 0)))
        except (AttributeError, KeyError, TypeError, ValueError, IndexError):
            return None


def advance(corpus: Corpus, previous: History | None) -> History:
    """The manifest after publishing `corpus`, given the previous build's (None: a first build)."""
    hashes = {f.id: fact_hash(f) for f in corpus.data.facts}
    today = instant(build_date(corpus))
    if previous is None:
        return History(1, {1: today}, {i: (h, 1, 1) for i, h in hashes.items()})
    changed = {i for i, h in hashes.items() if previous.facts.get(i, ("",))[0] != h}
    removed = sum(1 for i in previous.facts if i not in hashes)
    if not changed and not removed:
        return previous
    build = previous.build + 1
    facts = {}
    for i, h in hashes.items():
        old = previous.facts.get(i)
        facts[i] = (h, build if old is None else old[1], build) if i in changed else previous.facts[i]
    return History(build, {**previous.dates, build: _after(today, previous.date)}, facts, removed)


def read_manifest(work: Path) -> History | None:
    """The manifest of the previous build in the work folder `work`; None if there is none (or it cannot
    be read: then every fact counts as new)."""
    try:
        data = json.loads((work / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return History.from_json(data)


def write_manifest(work: Path, history: History) -> None:
    """Write the manifest into the work folder `work` (a new file renamed over the old one)."""
    target = work / MANIFEST_NAME
    text = json.dumps(history.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return
    temporary = work / f".{MANIFEST_NAME}.{os.getpid()}.tmp"
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def newest_first(facts: list[Fact] | tuple[Fact, ...], history: History) -> list[Fact]:
    """Facts ordered as feeds and the changes page list them: those changed in the latest build first,
    then by build, then by date (undated last), newest first; ties by fact id."""
    ordered = sorted(facts, key=lambda f: f.id)
    ordered.sort(key=lambda f: (history.changed_in(f.id), date_of(f)), reverse=True)
    return ordered


# --- the changes page ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeGroup:
    """The new or changed facts of one brief (or of no brief)."""

    brief: Link = field(metadata={"help": "link to the brief; label only for facts of no brief"})
    feed: Markup = field(metadata={"help": "address of the brief's Atom feed, or ''"})
    new: int = field(metadata={"help": "facts published for the first time"})
    changed: int = field(metadata={"help": "facts published before whose content changed"})
    facts: list[FactView] = field(metadata={"help": "the facts, newest first; at most MAX_CHANGES_PER_BRIEF"})
    more: int = field(metadata={"help": "facts left out of the list"})


@dataclass(frozen=True)
class ChangesContext:
    """Everything templates/changes.md.j2 receives."""

    meta: Markup = field(metadata={"help": "YAML front matter"})
    first: bool = field(metadata={"help": "True on a first build: every fact is new"})
    build: int = field(metadata={"help": "number of the latest build that changed anything"})
    date: str = field(metadata={"help": "that build's date (SOURCE_DATE_EPOCH or newest document date)"})
    new: int = field(metadata={"help": "facts new in that build"})
    changed: int = field(metadata={"help": "facts changed in that build"})
    removed: int = field(metadata={"help": "facts no longer published"})
    groups: list[ChangeGroup] = field(metadata={"help": "by brief title; facts of no brief last"})
    feed: Markup = field(metadata={"help": "address of the site-wide Atom feed"})
    data: Markup = field(metadata={"help": "address of the data page"})


def _group(corpus: Corpus, brief: Link, feed: Markup, facts: list[Fact], history: History) -> ChangeGroup:
    new = sum(1 for f in facts if history.is_new(f.id))
    listed = newest_first(facts, history)[:MAX_CHANGES_PER_BRIEF]
    views = [fact_view(corpus, f, SECTION_ROOT) for f in listed]
    return ChangeGroup(brief, feed, new, len(facts) - new, views, len(facts) - len(listed))


def changes_context(corpus: Corpus, history: History) -> ChangesContext:
    """Build the view model of the changes page."""
    latest = [f for f in corpus.facts if history.is_latest(f.id)]
    latest_ids = {f.id for f in latest}
    groups: list[tuple[str, ChangeGroup]] = []
    placed: set[str] = set()
    for pair in corpus.brief_pairs:
        mine = [f for f in corpus.by_pair[pair] if f.id in latest_ids]  # with the pair's own stance
        if mine:
            link = pair_link(corpus, pair, SECTION_ROOT)
            feed = Markup(f"{SECTION_ROOT}briefs/{pair.slug}/feed.xml")  # noqa: S704 -- slug only
            groups.append((link.label, _group(corpus, link, feed, mine, history)))
            placed |= {f.id for f in mine}
    groups.sort(key=lambda g: g[0])
    rest = [f for f in latest if f.id not in placed]
    if rest:
        groups.append(("", _group(corpus, Link("Facts of no brief", Markup("")), Markup(""), rest, history)))
    new = sum(1 for f in latest if history.is_new(f.id))
    return ChangesContext(
        meta=front_matter("What changed", [], indexed=False),
        first=history.build == 1,
        build=history.build,
        date=history.date[:10] if history.date != NO_TIME else "",
        new=new,
        changed=len(latest) - new,
        removed=history.removed,
        groups=[g for _, g in groups],
        feed=Markup(f"{SECTION_ROOT}feed.xml"),  # noqa: S704 -- constant
        data=href(SECTION_ROOT, "data"),
    )


def changes_since(corpus: Corpus, history: Any) -> list[tuple[str, ChangesContext]]:
    """Return the changes page given the manifest of this build (a History)."""
    return [("changes/index.md", changes_context(corpus, history))]


def changes_pages(corpus: Corpus) -> list[tuple[str, ChangesContext]]:
    """Return the changes page of a first build (every fact new); a build with a work folder renders it
    with its manifest instead (`changes_since`)."""
    return changes_since(corpus, advance(corpus, None))
