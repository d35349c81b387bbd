"""Candidates, the per-token DocView, and the organisation rules of actor discovery."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from generator.content.vocabulary import INTERNATIONAL_ORG, country_name

LIST_SEPS = {",", "and", "/", "&"}
POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass
class Candidate:
    """A discovered (or curated, when `curated` is set) actor mention with its cue."""

    start: int
    end: int
    type: str
    role: tuple[int, int] | None = None
    country: str | None = None
    name: str | None = None
    alias: str | None = None
    curated: str | None = None
    role_text: str | None = None


@dataclass
class DocView:
    """Per-token facts read once from the Doc, so the rules do only list and set lookups."""

    doc: Doc
    lower: list[str]
    cap: list[bool]
    country: list[str | None]
    curated: list[tuple[str, str, int, int] | None]
    sent_end: list[int] = field(default_factory=list)
    heading: list[bool] = field(default_factory=list)


class OrgRules:
    """Mixin of Discoverer: the rules that find companies, parties, media and state bodies."""

    suffixes: dict[str, str]
    prefixes: dict[str, str]
    heads: dict[str, str]
    institutions: dict[str, str]
    particles: frozenset[str]

    def namey(self, v: DocView, i: int) -> bool:
        """Implemented by Discoverer."""
        raise NotImplementedError

    def grab_name(self, v: DocView, k: int, limit: int = 4) -> int:
        """Implemented by Discoverer."""
        raise NotImplementedError

    def listed_orgs(self, v: DocView) -> list[Candidate]:
        """Names after an organisation noun: "the firms ENI, ENEL and Saipem", "banks such as X"."""
        found = []
        for i, word in enumerate(v.lower):
            cur = v.curated[i]
            if cur and cur[3] == i + 1 and cur[1] in {"company", "media"} and self._list_follows(v, i + 1):
                found += self.org_list(v, i + 2, cur[1])
            if word not in self.heads or v.cap[i] or i + 1 >= len(v.doc):
                continue
            j = i + 1
            if v.lower[j] == "," and any(v.country[max(0, i - 6) : i]):
                j += 1
            elif v.lower[j] in {"such", "like", "including"}:
                j += 2 if v.lower[j] == "such" else 1
            found += self.org_list(v, j, self.heads[word])
        return found

    def org_list(self, v: DocView, j: int, kind: str) -> list[Candidate]:
        """Names joined by commas, "and" or "/" from token j, all of the given type."""
        found, n = [], min(len(v.doc), v.sent_end[j - 1] if j else 0)
        while j < n:
            j += 1 if v.lower[j] == "the" else 0
            if j < n and (cur := v.curated[j]):
                j = cur[3]
            elif j < n and (self.namey(v, j) or v.lower[j] in self.prefixes):
                end = self.grab_name(v, j, limit=5)
                found.append(Candidate(j, end, self.suffixes.get(v.lower[end - 1], kind)))
                j = end
            else:
                break
            if j < n and v.lower[j] in LIST_SEPS:
                j += 1
                j += 1 if j < n and v.lower[j] == "and" else 0
            else:
                break
        return [c for c in found if c.end > c.start]

    def suffixed_orgs(self, v: DocView) -> list[Candidate]:
        """Names by their ends or starts: "Democratic Party", "Aermacchi SpA", "Ministry of Defence"."""
        found = []
        for i, word in enumerate(v.lower):
            cand = None
            if v.curated[i] is not None:
                continue
            if word in self.suffixes and v.cap[i]:
                cand = self._suffix_at(v, i, self.suffixes[word])
            if cand is None and word in self.prefixes and v.cap[i]:
                cand = self._prefix_at(v, i, self.prefixes[word])
            m = i - 1 if i > 1 and v.lower[i - 1] in {"research", "news"} else i
            if word in self.heads and not v.cap[i] and m > 0 and (self.namey(v, m - 1) or v.country[m - 1]):
                cand = self._suffix_at(v, i, self.heads[word])
            if cand:
                found.append(cand)
                found += self.org_list(v, cand.end + 1, cand.type) if self._list_follows(v, cand.end) else []
        return found

    def _list_follows(self, v: DocView, end: int) -> bool:
        return end + 1 < len(v.doc) and v.lower[end] in LIST_SEPS and v.sent_end[end] > end + 1

    def _suffix_at(self, v: DocView, i: int, kind: str) -> Candidate | None:
        s, serial = i, False
        while (
            s > 0
            and v.curated[s - 1] is None
            and not v.doc[s - 1].is_space
            and v.sent_end[s - 1] == v.sent_end[i]
        ):
            prev = v.lower[s - 1]
            if prev == "–" and not v.doc[s - 2].whitespace_ and not v.doc[s - 1].whitespace_:
                prev = "-"  # an en dash inside a compound ("Japan–Korea")
            # "A, B and C Council" is one name; "A and B Council" or "A, B Council" are two.
            serial = serial or prev == "and" and s > 3 and v.lower[s - 3] == "," and v.cap[s - 2]
            joiners = {"of", "for", "-", "&"} | ({"and", ","} if serial else set())
            inner = prev in joiners and s - 1 > 0 and v.cap[s - 2]
            if (
                (v.cap[s - 1] and prev not in STOP_WORDS)
                or inner
                or (prev in {"research", "news"} and s == i)
            ):
                s -= 1
            else:
                break
        while s < i and (v.lower[s] in {"of", "for", "and", ",", "-", "–", "&"} or not v.cap[s] and s < i):
            s += 1
        cur = v.curated[s - 1] if s > 0 else None
        if cur and cur[1] == INTERNATIONAL_ORG and cur[3] - cur[2] == 1 and s < i and v.cap[s]:
            s -= 1  # "UN Human Rights Council": the body of an organisation, one name
        # "the Japan–Korea Joint Committee", "the Lombardy-Russia association": one body of two places
        dashes = {"-", "–", "—"}
        bilateral = any(
            v.lower[t] in dashes and v.country[t - 1] and v.country[t + 1] for t in range(s + 1, i - 1)
        )
        if s == i or all(v.country[t] or not v.cap[t] for t in range(s, i)) and not bilateral:
            return None
        end, n = i + 1, v.sent_end[i]
        if end + 1 < n and v.lower[end] == "of" and v.country[end + 1] and v.doc[end + 1].text[:1].isupper():
            end += 2  # "the Agricultural Bank of China", not "Bank of China"
            while end < n and v.country[end] == v.country[end - 1]:
                end += 1
        cand = Candidate(s, end, kind, country=next((x for x in v.country[s:end] if x), None))
        cand.alias = v.doc[s:end].text if cur and s < cur[3] else None
        return cand

    def _prefix_at(self, v: DocView, i: int, kind: str) -> Candidate | None:
        e, n = i + 1, v.sent_end[i]
        joiners = {"of", "for", "the"} | self.particles
        while e < n and (v.cap[e] or v.lower[e] in joiners) and v.curated[e] is None:
            joiners |= {"and"} if v.lower[e] in {"of", "for"} else set()
            e += 1
        while e > i + 1 and not v.cap[e - 1]:
            e -= 1
        if e == i + 1:
            return None
        owner = v.country[i - 2] if i > 1 and v.doc[i - 1].text in POSSESSIVE else None
        country = owner or next((x for x in v.country[i:e] if x), None)
        cand = Candidate(i, e, kind, country=country)
        if owner:
            cand.name = f"{v.doc[i:e].text} ({country_name(owner)})"
            cand.alias, cand.start = v.doc[i - 2 : e].text, i - 2
        return cand

    def institution_bodies(self, v: DocView) -> list[Candidate]:
        """State bodies: "the Italian government", "Italy's foreign ministry", "U.S. security agencies"."""
        found = []
        for i in range(1, len(v.doc)):
            if v.country[i - 1] is None or v.country[i] is not None:
                continue
            j = i + 1 if v.doc[i].text in POSSESSIVE else i
            for size in (2, 1):
                key = " ".join(v.lower[j : j + size])
                if len(v.lower[j : j + size]) == size and key in self.institutions:
                    s = i - 1
                    while s > 0 and v.country[s - 1] == v.country[i - 1]:
                        s -= 1
                    found.append(
                        Candidate(
                            s,
                            j + size,
                            "government_body",
                            country=v.country[i - 1],
                            name=f"{self.institutions[key]} of {country_name(v.country[i - 1] or '')}",
                            alias=v.doc[s : j + size].text,
                        )
                    )
                    break
        return found

    def councils_of(self, v: DocView) -> list[Candidate]:
        """Local bodies: "the regional council of Liguria", "the council of the Italian Veneto region"."""
        found = []
        for i, word in enumerate(v.lower[:-2]):
            if word not in self.institutions or v.cap[i] or v.lower[i + 1] != "of":
                continue
            k = j = i + 3 if v.lower[i + 2] == "the" else i + 2
            while j < v.sent_end[i] and v.country[j]:
                j += 1
            end = self.grab_name(v, j, limit=3) if j < v.sent_end[i] else j
            code = v.country[k] if j > k else None
            if end == j and code:
                name = f"{self.institutions[word]} of {country_name(code)}"
            elif end > j:
                name = f"{self.institutions[word]} of {v.doc[j:end].text}"
            else:
                continue
            end += 1 if end < len(v.doc) and v.lower[end] in {"region", "province", "state", "city"} else 0
            s = (
                i - 1
                if i > 0 and v.lower[i - 1] in {"regional", "provincial", "municipal", "city", "state"}
                else i
            )
            found.append(
                Candidate(
                    s,
                    max(end, j),
                    "government_body",
                    country=code,
                    name=name,
                    alias=v.doc[s : max(end, j)].text,
                )
            )
        return found
