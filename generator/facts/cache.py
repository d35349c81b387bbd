"""The extraction cache: per-document results in SQLite under .cache/, keyed by content and versions.

One of the two places where facts are JSON (the other is facts.json, facts/jsonfile.py): results go in
as `DocumentFacts` and come out as `DocumentFacts`; the table holds their JSON text."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import lru_cache
from pathlib import Path

from generator.facts.model import DocumentFacts

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# The code whose output is cached: a change to any of it invalidates every cached result; page,
# render and publish code does not (ingest changes reach the key through the Document itself).
# config: TUNING; nlp/*.json: the unit symbols pint wrote and the currency symbols Babel wrote
EXTRACTION_CODE = ("facts/*.py", "content/*.py", "errors.py", "config.py", "nlp/*.py", "nlp/*.json")


@lru_cache(maxsize=1)
def extraction_code_version() -> str:
    """Hash of the extraction code and the spaCy version (it tokenizes)."""
    import spacy

    digest = hashlib.sha256(spacy.__version__.encode())
    paths = {p for pattern in EXTRACTION_CODE for p in PACKAGE_DIR.glob(pattern)}
    for path in sorted(paths):
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
    """A store of per-document results by key; a missing or unusable file simply means no cache."""

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

    def get(self, key: str) -> DocumentFacts | None:
        """The cached result for key, or None."""
        return self.get_many([key]).get(key)

    def get_many(self, keys: list[str]) -> dict[str, DocumentFacts]:
        """The cached results among keys (batched queries; an unreadable cache gives none)."""
        if self.db is None:
            return {}
        found: dict[str, DocumentFacts] = {}
        try:
            for i in range(0, len(keys), 500):
                batch = keys[i:i + 500]
                marks = ",".join("?" * len(batch))
                for key, value in self.db.execute(
                        f"SELECT key, value FROM results WHERE key IN ({marks})", batch):  # noqa: S608
                    found[key] = DocumentFacts.from_json(json.loads(value))
        except (sqlite3.Error, ValueError, KeyError, TypeError):
            return {}
        return found

    def put_many(self, items: dict[str, DocumentFacts]) -> None:
        """Store results (as JSON text, keys sorted) in one transaction."""
        if self.db is None or not items:
            return
        # sqlite encodes text strictly: a lone surrogate that reached a result must not end the build
        rows = [(key, json.dumps(value.to_json(), ensure_ascii=False, sort_keys=True)
                 .encode("utf-8", "replace").decode("utf-8")) for key, value in items.items()]
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", rows)
        except sqlite3.Error:
            pass

    def close(self) -> None:
        """Close the database."""
        if self.db is not None:
            self.db.close()
