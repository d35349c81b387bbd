"""Extraction speed: whole extraction vs bare spacy.blank("en") tokenization of the same text.

Usage: .venv/bin/python benchmarks/extract.py [--words 1000000] [--jobs 1]
The demo articles are repeated until the corpus holds about --words words (the scaled corpus of
benchmarks/make_corpus.py recombines the same sentences, which flatters spaCy's tokenizer cache);
prints words/s for both and the ratio.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_corpus(target_words: int, out: Path) -> int:
    """The demo articles repeated (as the issue defines the benchmark) until about target_words words.

    A differing first line keeps copies from being dropped as duplicates.
    """
    sources = sorted((ROOT / "content" / "sources").glob("*.txt"))
    words, i = 0, 0
    while words < target_words:
        src = sources[i % len(sources)]
        text = f"Copy {i}\n\n" + src.read_text(encoding="utf-8")
        (out / f"{i:05d}_{src.name}").write_text(text, encoding="utf-8")
        words += len(text.split())
        i += 1
    return words


def main() -> None:
    """Run both measurements once and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()

    import spacy

    from generator import builder

    tmp = Path(tempfile.mkdtemp())
    try:
        words = make_corpus(args.words, tmp)
        texts = [p.read_text(encoding="utf-8") for p in sorted(tmp.glob("*.txt"))]
        nlp = spacy.blank("en")
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts):
            pass
        bare = words / (time.perf_counter() - t0)
        project = builder.Paths(content=ROOT / "content", templates=ROOT / "templates")
        content = builder.checked_content(project)
        t0 = time.perf_counter()
        docs = builder.ingest(tmp, content)
        data = builder.extract(docs, content, n_process=args.jobs)
        full = words / (time.perf_counter() - t0)
    finally:
        shutil.rmtree(tmp)
    print(f"corpus: {len(texts)} documents, {words} words, {len(data.facts)} facts")
    print(f"bare spacy.blank('en') tokenization: {bare:,.0f} words/s")
    print(f"whole extraction (ingest+pipeline+facts, {args.jobs} process): {full:,.0f} words/s")
    print(f"ratio: {full / bare:.2f} (target >= 0.30)")


if __name__ == "__main__":
    main()
