"""The extraction cache: per-document results in SQLite under .cache/, keyed by content and versions."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the package's own source: any code change invalidates every cached result."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def content_version(content_dir: Path) -> str:
    """Hash of the curated YAML that the pipeline reads."""
    digest = hashlib.sha256()
    for path in sorted(content_dir.glob("*.y*ml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class ExtractionCache:
    """A key-value store of JSON results; a missing or unusable file simply means no cache."""

    def __init__(self, path: Path | None) -> None:
        self.db: sqlite3.Connection | None = None
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path)
            self.db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        except (OSError, sqlite3.Error):
            self.db = None

    def get(self, key: str) -> dict[str, Any] | None:
        """The cached result for key, or None."""
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return json.loads(row[0]) if row else None

    def put_many(self, items: dict[str, dict[str, Any]]) -> None:
        """Store results in one transaction."""
        if self.db is None or not items:
            return
        rows = [(k, json.dumps(v, ensure_ascii=False, sort_keys=True)) for k, v in items.items()]
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", rows)
        except sqlite3.Error:
            pass

    def close(self) -> None:
        """Close the database."""
        if self.db is not None:
            self.db.close()
