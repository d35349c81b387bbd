"""Progress reporting: a bar on a terminal, plain lines elsewhere (CI, pipes)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

from tqdm import tqdm

from generator.config import TUNING

T = TypeVar("T")
PLAIN_EVERY_SECONDS = TUNING.plain_progress_seconds


def _terminal_columns(stream: TextIO) -> int | None:
    """The terminal's width (0 when it reports none), or None when stream is no interactive terminal.

    A pseudo-terminal without a size (`script`, `docker run -t`) reports 0 columns, on which tqdm
    would draw nothing (it reads -1 rows).
    """
    if not stream.isatty() or os.environ.get("TERM") == "dumb":
        return None
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError):
        return 0


def progress(items: Iterable[T], total: int, label: str, every: int = 0,
             stream: TextIO | None = None) -> Iterator[T]:
    """Yield items while showing progress on stderr: a tqdm bar on a terminal, else plain lines.

    Plain lines ("extract: 300/1000 (30%, 12.5 doc/s)") come every `every` items (default ~10%) and
    at least every 30 s, and only for runs of 20 items or more.
    """
    out = stream or sys.stderr
    columns = _terminal_columns(out)
    if columns is not None:
        sized = {"dynamic_ncols": True} if columns else {"ncols": 80, "nrows": 24}
        yield from tqdm(items, total=total, desc=label, unit="doc", leave=False, file=out, **sized)
        return
    step = every or max(total // 10, 1)
    start = last = time.monotonic()
    done = 0
    for item in items:
        yield item
        done += 1
        now = time.monotonic()
        if total >= 20 and (done % step == 0 or done == total or now - last >= PLAIN_EVERY_SECONDS):
            last = now
            print(f"{label}: {done}/{total} ({done / total:.0%}, {done / max(now - start, 1e-9):.1f} doc/s)",
                  file=out, flush=True)
