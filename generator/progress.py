"""Progress reporting: a bar on a terminal, plain lines elsewhere (CI, pipes)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


def progress(items: Iterable[T], total: int, label: str, every: int = 0) -> Iterator[T]:
    """Yield items while showing progress on stderr: a tqdm bar on a TTY, else a line every ~10%."""
    if sys.stderr.isatty():
        yield from tqdm(items, total=total, desc=label, unit="doc", leave=False)
        return
    step = every or max(total // 10, 1)
    done = 0
    for item in items:
        yield item
        done += 1
        if total >= 20 and (done % step == 0 or done == total):
            print(f"{label}: {done}/{total}", file=sys.stderr, flush=True)
