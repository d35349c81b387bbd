"""Corpus scaler: writes N articles recombined from the demo corpus, deterministically from a seed.

Usage: .venv/bin/python benchmarks/make_corpus.py N OUT [--seed 7] [--sources content/sources]

Each article gets a title, a date line, headed sections and paragraphs of demo sentences whose
person names, partner country, figures, currencies, years and days are varied with
random.Random(f"{seed}:{index}"), so the same N and seed give byte-identical files and the first
N articles of a larger corpus are the same files as those of a smaller one.
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
# Names of the demo articles that the scaler swaps for names of the pool below.
DEMO_PEOPLE = [
    "Sergio Mattarella", "Luigi Di Maio", "Giorgia Meloni", "Antonio Tajani", "Wang Yi", "Matteo Salvini",
    "Li Junhua", "Vladimir Putin", "Giuseppe Conte", "Xi Jinping", "Mario Draghi", "Silvio Berlusconi",
    "Matteo Renzi", "Donald Trump", "Joe Biden", "Sergey Lavrov", "Michele Geraci", "Guido Crosetto",
]
TITLES = ["Foreign Minister", "Prime Minister", "Defence Minister", "Trade Minister", "Ambassador",
          "Deputy Prime Minister", "Economy Minister", "Senator", "President", "Undersecretary"]
FIRST = ["Marco", "Giulia", "Francesca", "Lorenzo", "Alessandro", "Chiara", "Roberto", "Elena", "Stefano",
         "Paola", "Andrea", "Valentina", "Dmitri", "Olga", "Liu", "Zhang", "Chen", "Emily", "James", "Sarah"]
LAST = ["Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "Costa",
        "Fontana", "Moretti", "Barbieri", "Lombardi", "Ivanov", "Petrova", "Wei", "Hao", "Carter", "Miller"]
# Partner countries: (name, demonym, capital) replacing China's in some articles.
PARTNERS = [("China", "Chinese", "Beijing"), ("Russia", "Russian", "Moscow"), ("Japan", "Japanese", "Tokyo"),
            ("India", "Indian", "New Delhi"), ("Turkey", "Turkish", "Ankara"),
            ("Brazil", "Brazilian", "Brasília"),
            ("Germany", "German", "Berlin"), ("France", "French", "Paris")]
CURRENCY = [("$", "dollars"), ("€", "euros"), ("£", "pounds"), ("¥", "yuan")]
_SENT = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_NUMBER = re.compile(r"(?<![\w\-.,/])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w\-/]|,\d|\.\d)")
_DAY = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2})\b")
_SYMBOL = re.compile(r"[$€£¥]")
_CURRENCY_WORD = re.compile(r"\b(dollars|euros|pounds|yuan)\b")


@dataclass
class Pools:
    """The demo corpus cut into reusable pieces."""

    headings: list[str]
    sentences: list[str]


def _is_heading(par: str) -> bool:
    return len(par) < 90 and par.rstrip()[-1:] not in ".!?\"”:)"


def _good_heading(par: str) -> bool:
    """A section heading worth reusing: not a date, a byline, an image credit or site chrome."""
    return (3 <= len(par.split()) <= 12 and not re.search(r"\d{4}|\b[A-Z]{3,} [A-Z]{3,}\b", par)
            and not re.match(r"(by|Image|Language|Skip|Home|You|Join|Leave|One Billion)\b", par))


def load_pools(sources: Path) -> Pools:
    """Headings and body sentences of every demo article, in file order (deterministic)."""
    headings: list[str] = []
    sentences: list[str] = []
    for path in sorted(sources.glob("*.txt")):
        for par in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            par = " ".join(par.split())
            if len(par.split()) < 3:
                continue
            if _is_heading(par):
                headings += [par] if _good_heading(par) else []
            elif len(par.split()) >= 12:
                sentences.extend(s for s in _SENT.split(par) if len(s.split()) >= 5)
    return Pools(sorted(set(headings), key=headings.index), sentences)


class Variation:
    """One article's consistent substitutions: people, partner country, currency and year shift."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people = {name: f"{rng.choice(TITLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"
                       for name in DEMO_PEOPLE}
        self.short = {name.split()[-1]: new.split()[-1] for name, new in self.people.items()}
        self.partner = rng.choice(PARTNERS)
        self.symbol, self.word = rng.choice(CURRENCY)
        self.year_shift = rng.randint(-6, 3)

    def _number(self, match: re.Match[str]) -> str:
        raw = match.group(1)
        value = float(raw.replace(",", ""))
        if raw.isdigit() and 1900 <= value <= 2030:
            return str(min(int(value) + self.year_shift, 2025))
        scaled = value * self.rng.uniform(0.5, 2.0)
        if "." in raw:
            return f"{scaled:.{len(raw.split('.')[1])}f}"
        return f"{max(int(scaled), 1):,}" if "," in raw else str(max(int(scaled), 1))

    def apply(self, sentence: str) -> str:
        """The sentence with this article's names, partner, currency and varied figures and dates."""
        for old, new in self.people.items():
            sentence = sentence.replace(old, new)
        for old, new in self.short.items():
            sentence = re.sub(rf"\b{old}\b", new, sentence)
        name, demonym, capital = self.partner
        sentence = sentence.replace("China", name).replace("Chinese", demonym).replace("Beijing", capital)
        sentence = _DAY.sub(lambda m: f"{m.group(1)} {self.rng.randint(1, 28)}", sentence)
        sentence = _NUMBER.sub(self._number, sentence)
        sentence = _SYMBOL.sub(self.symbol, sentence)
        return _CURRENCY_WORD.sub(self.word, sentence)


def make_article(pools: Pools, seed: int, index: int) -> str:
    """The text of article `index`: title, date line, then 3-7 headed sections of paragraphs."""
    rng = random.Random(f"{seed}:{index}")
    var = Variation(rng)
    date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2015, 2025)}"
    lines = [var.apply(rng.choice(pools.headings)), "", date, ""]
    for section in range(rng.randint(3, 7)):
        if section:
            lines += [var.apply(rng.choice(pools.headings)), ""]
        for _ in range(rng.randint(1, 4)):
            start = rng.randrange(len(pools.sentences))
            run = pools.sentences[start:start + rng.randint(2, 5)]  # neighbours keep context
            lines += [" ".join(var.apply(s) for s in run), ""]
    return "\n".join(lines)


def write_corpus(n: int, out: Path, seed: int = 7, sources: Path | None = None) -> list[Path]:
    """Write n articles into out (created if needed) and return their paths."""
    pools = load_pools(sources or ROOT / "content" / "sources")
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = out / f"article_{i:05d}.txt"
        path.write_text(make_article(pools, seed, i), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    """Parse the command line and write the corpus."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sources", type=Path, default=ROOT / "content" / "sources")
    args = parser.parse_args()
    paths = write_corpus(args.n, args.out, args.seed, args.sources)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} articles, {words} words in {args.out}")


if __name__ == "__main__":
    main()
