"""Serve a built site on 127.0.0.1 the way GitHub Pages does: text responses gzip-compressed when the
client accepts it, a ten-minute cache lifetime, directory addresses answered by their index.html.

Usage: .venv/bin/python benchmarks/serve_gzip.py SITE_DIR [--port N]   (default port 0: a free one)

Prints the base address on its first line (``serving http://127.0.0.1:PORT/``) and serves until killed.
benchmarks/lighthouse.sh runs it; tests can import `serve_gzip(folder)` as a context manager.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any

# GitHub Pages compresses these types (text, scripts, styles, JSON, SVG, WebAssembly is left alone).
COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml",
              "application/atom+xml")
CACHE_CONTROL = "max-age=600"  # what GitHub Pages sends
GZIP_LEVEL = 6
EXTRA_TYPES = {".js": "application/javascript", ".mjs": "application/javascript", ".wasm": "application/wasm",
               ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml",
               ".pf_meta": "application/octet-stream", ".pf_fragment": "application/octet-stream",
               ".pf_index": "application/octet-stream", ".pf_filter": "application/octet-stream"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip for compressible types; quiet (no access log)."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **EXTRA_TYPES}

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        """Keep the terminal quiet."""

    def end_headers(self) -> None:
        """Add the cache lifetime GitHub Pages sends."""
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def send_head(self) -> Any:
        """Answer with the gzip-compressed file when the type is compressible and the client accepts gzip."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the stdlib redirect to the address with a slash
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        ctype = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and ctype.startswith(COMPRESSED)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
        self.send_response(http.HTTPStatus.OK)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


@contextmanager
def serve_gzip(folder: Path, port: int = 0) -> Iterator[str]:
    """Serve `folder` with gzip on 127.0.0.1 (a free port by default) in a thread; yield its base URL."""
    handler = partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    """Serve SITE_DIR until interrupted, printing the base address first."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    with serve_gzip(args.site, args.port) as base:
        print(f"serving {base}", flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
