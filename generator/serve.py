"""`briefs serve`: regenerate the Markdown when content/ or templates/ change, while MkDocs serves it.

The Markdown goes to the work folder of --site (as `briefs build` writes it), whose lock is held while
serving; the site folder itself is not written."""

from __future__ import annotations

import sys
import threading
import time
from typing import Any

from generator.builder import Paths, claimed, generate
from generator.errors import GeneratorError

CHANGES = {"created", "modified", "deleted", "moved", "closed"}


class Regenerator:
    """Debounced regeneration: many file events within a short pause give one rebuild."""

    def __init__(self, paths: Paths, pause: float = 0.5) -> None:
        self.paths = paths
        self.pause = pause
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def changed(self, event: Any = None) -> None:
        """A watched file changed: (re)start the countdown to a rebuild."""
        # Reading files raises "opened"/"closed_no_write" events too: only real changes count,
        # or every regeneration would trigger the next one.
        if event is not None and (getattr(event, "is_directory", False)
                                  or getattr(event, "event_type", "") not in CHANGES):
            return
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(self.pause, self.run)
            self.timer.daemon = True
            self.timer.start()

    def run(self) -> bool:
        """Regenerate now; on bad input print the file:line error and keep the last good pages."""
        started = time.perf_counter()
        try:
            result = generate(self.paths)
        except GeneratorError as error:
            print(f"error: {error}", file=sys.stderr, flush=True)
            return False
        print(f"regenerated {result.pages} pages in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        return True


def serve(paths: Paths, dev_addr: str = "127.0.0.1:8000") -> None:
    """Generate once, watch content/ and templates/, and serve the site with live reload."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    from generator.publish.site import serve_site

    with claimed(paths, site=False):  # the work folder's lock: no build writes its Markdown meanwhile
        regenerator = Regenerator(paths)
        if not regenerator.run() and not paths.generated.is_dir():
            raise GeneratorError("the first build failed; fix the error above and run again")
        handler = FileSystemEventHandler()
        handler.on_any_event = regenerator.changed  # type: ignore[method-assign]
        observer = Observer()
        for folder in (paths.content, paths.templates):
            observer.schedule(handler, str(folder), recursive=True)
        observer.daemon = True
        observer.start()
        try:
            serve_site(paths.generated, paths.config, dev_addr)
        finally:
            observer.stop()
