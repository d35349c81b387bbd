"""Extraction speed: whole extraction vs bare spacy.blank("en") tokenization of the same text.

Usage: .venv/bin/python benchmarks/extract.py [--words 1000000] [--jobs 1]
Scaled articles (benchmarks/make_corpus.py, seed 7) are written until the corpus holds about --words
words; prints words/s for both and the ratio.
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
    """Write scaled articles (benchmarks/make_corpus.py) until the corpus has about target_words words."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_corpus import load_pools, make_article

    pools = load_pools(ROOT / "content" / "sources")
    words, i = 0, 0
    while words < target_words:
        text = make_article(pools, 7, i)
        (out / f"article_{i:05d}.txt").write_text(text, encoding="utf-8")
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

    from generator.builder import extract_corpus

    tmp = Path(tempfile.mkdtemp())
    try:
        words = make_corpus(args.words, tmp)
        texts = [p.read_text(encoding="utf-8") for p in sorted(tmp.glob("*.txt"))]
        nlp = spacy.blank("en")
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts):
            pass
        bare = words / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        data, _ = extract_corpus(tmp, ROOT / "content", n_process=args.jobs)
        full = words / (time.perf_counter() - t0)
    finally:
        shutil.rmtree(tmp)
    print(f"corpus: {len(texts)} documents, {words} words, {len(data['facts'])} facts")
    print(f"bare spacy.blank('en') tokenization: {bare:,.0f} words/s")
    print(f"whole extraction (ingest+pipeline+facts, {args.jobs} process): {full:,.0f} words/s")
    print(f"ratio: {full / bare:.2f} (target >= 0.30)")


if __name__ == "__main__":
    main()
