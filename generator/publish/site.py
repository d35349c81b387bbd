"""Publishing, whatever the engine: build into a staging folder beside the site, check the links, index
it with Pagefind, verify the index, swap it in. The engine (MkDocs or Zensical) is one adapter module,
generator/publish/<engine>.py, the only module that imports it; each has

    build(docs_dir, site_dir, staging, config_file, incremental) -> bool   (True if incremental)

which writes the site for `docs_dir` into the empty folder `staging` or raises GeneratorError."""

from __future__ import annotations

import gzip
import hashlib
import importlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

from generator.config import TUNING
from generator.errors import GeneratorError
from generator.publish import incremental as incremental_publish
from generator.publish.guard import check_site, site_lock, write_site_stamp
from generator.publish.links import check_links

__all__ = ["DEFAULT_ENGINE", "ENGINES", "check_free_space", "check_index", "index_site", "publish",
           "serve_site"]

# The publishing engines (`briefs build --engine`): name -> adapter module.
ENGINES = {"mkdocs": "generator.publish.mkdocs", "zensical": "generator.publish.zensical"}
DEFAULT_ENGINE = "mkdocs"
PAGEFIND = (sys.executable, "-m", "pagefind")
PAGEFIND_TIMEOUT_SECONDS = TUNING.pagefind_timeout_seconds
# Inside the indexed article body: heading permalinks ("¶") and Material's tag chips are not content,
# and lists of facts repeat sentences that are indexed once, on their source page (where a result
# leads to the sentence itself): a brief, profile or sector map is found by its title, names, figures
# and headings. This halves indexing time and the index.
PAGEFIND_EXCLUDE = ".headerlink, .md-tags, .briefs-facts"
_KEPT = "the previous site is unchanged; is pagefind[bin] installed?"
# The new site is only swapped in while the disk of the site keeps this much free space (the smaller of
# the two): a nearly full disk is where Pagefind and MkDocs may have written files short.
MIN_FREE_BYTES = TUNING.min_free_bytes
MIN_FREE_FRACTION = TUNING.min_free_fraction


def publish(docs_dir: Path, site_dir: Path, config_file: Path, *, incremental: bool = True,
            engine: str = DEFAULT_ENGINE) -> bool:
    """Build `docs_dir` with `engine` beside `site_dir` and swap it in; on failure keep the old one.

    The links between the generated pages are checked before the swap (generator/publish/links.py). With
    `incremental`, only pages whose Markdown changed are rebuilt when the engine can and the site's stamp
    matches (see generator/publish/incremental.py); returns True if the publish was incremental."""
    adapter = _engine(engine)
    if not config_file.is_file():
        raise GeneratorError("MkDocs configuration not found", config_file)
    if not docs_dir.is_dir():
        raise GeneratorError(
            "generated Markdown folder not found", docs_dir, hint="run the render stage first"
        )
    shown = site_dir
    check_site(site_dir, [("project", config_file.parent, False), ("generated", docs_dir, True)])
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with site_lock(site_dir, shown):
        _remove_stale(site_dir)  # holding the lock: whatever a build left beside the site is dead
        args = (adapter, docs_dir.resolve(), site_dir, config_file.resolve())
        done = _publish_once(*args, incremental, shown, docs_dir)
        if done is None:  # the incremental build wrote through a hard link: rebuild all, which also repairs
            done = _publish_once(*args, False, shown, docs_dir)
        _remove_stale(site_dir)
    return bool(done)


def _engine(name: str) -> Any:
    """The adapter module of an engine; GeneratorError for an unknown or uninstalled one."""
    if name not in ENGINES:
        raise GeneratorError(f"unknown publishing engine {name!r}",
                             hint=f"choose one of {', '.join(ENGINES)}")
    return importlib.import_module(ENGINES[name])


def _publish_once(adapter: Any, docs_dir: Path, site_dir: Path, config_file: Path, incremental: bool,
                  shown: Path, docs_shown: Path) -> bool | None:
    """Build into a fresh staging folder, check the links, index, check and swap it in; None if an
    incremental build needs redoing. `shown` and `docs_shown` are the site and Markdown paths as the user
    gave them (for messages). The links are checked after the engine ran, so a MkDocs build still fails
    with MkDocs' own message first."""
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-{os.getpid()}-", dir=site_dir.parent))
    try:
        started = time.time_ns()
        dirty = adapter.build(docs_dir, site_dir, staging, config_file, incremental)
        check_links(docs_dir, docs_shown)
        write_site_stamp(staging)
        index_site(staging)
        check_index(staging, shown)
        if dirty and incremental_publish.shared_file_written(staging, started):
            logging.getLogger(__name__).warning("incremental publish wrote a shared file; full rebuild")
            return None
        check_free_space(site_dir, shown)
        # mkdtemp made it 0700: a web server could not read the site
        staging.chmod(0o777 & ~incremental_publish.current_umask())
        _swap(staging, site_dir)
        return dirty
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _remove(path: Path) -> None:
    """Delete a file, a symbolic link or a folder tree (never following a link)."""
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    except OSError as error:
        logging.getLogger(__name__).warning("could not remove %s: %s", path, error)


def _remove_stale(site_dir: Path) -> None:
    """Delete every staging or old site (folder or file) beside site_dir. Call only while holding the
    site's lock: then no other build into this site is running, so they are all leftovers of dead ones."""
    prefixes = (f".{site_dir.name}-new-", f".{site_dir.name}-old-")
    for entry in site_dir.parent.iterdir():
        if entry.name.startswith(prefixes):
            _remove(entry)


def check_free_space(site_dir: Path, shown: Path) -> None:
    """Refuse to swap when the site's disk is (nearly) full: files written just now may be short."""
    usage = shutil.disk_usage(site_dir.parent)
    needed = min(MIN_FREE_BYTES, int(usage.total * MIN_FREE_FRACTION))
    if usage.free < needed:
        mb = 1024 * 1024
        raise GeneratorError(
            f"only {usage.free // mb} MB free on its disk, at least {-(-needed // mb)} MB must stay free",
            shown, hint="free some space and build again; the previous site is unchanged")


def index_site(site_dir: Path) -> None:
    """Run Pagefind over a built site (writes site_dir/pagefind/); raise GeneratorError if it fails."""
    command = [*PAGEFIND, "--site", str(site_dir), "--exclude-selectors", PAGEFIND_EXCLUDE, "--silent"]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=PAGEFIND_TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise GeneratorError(f"Pagefind indexing failed: {first}", hint=_KEPT) from error
    if done.returncode != 0 or not (site_dir / "pagefind" / "pagefind-ui.js").is_file():
        lines = [line.strip() for line in (done.stderr + "\n" + done.stdout).splitlines() if line.strip()]
        first = lines[0] if lines else f"exit status {done.returncode}, no pagefind/ bundle written"
        raise GeneratorError(f"Pagefind indexing failed: {first}", hint=_KEPT)


_SIGNATURE = b"pagefind_dcd"  # inside every gzip file of the bundle, before its CBOR data
_GZIPPED = {".pf_meta", ".pf_fragment", ".pf_index", ".pf_filter"}


def check_index(site_dir: Path, shown: Path) -> None:
    """Check the Pagefind bundle of a staged site, then make it deterministic; GeneratorError if it is
    broken. Pagefind exits 0 even when it wrote empty or short files (a nearly full disk), so: the entry
    must parse and name a meta file (and wasm) that exist; no file may be empty; every gzip file must
    decompress whole and start with Pagefind's signature; every file the meta index names must exist."""
    bundle = site_dir / "pagefind"

    def broken(what: str) -> GeneratorError:
        return GeneratorError(f"the search index is incomplete: {what}", shown,
                              hint="is the disk full? the previous site is unchanged")

    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        languages = entry["languages"]
        metas = {language: f"pagefind.{info['hash']}.pf_meta" for language, info in languages.items()}
        wasms = [f"wasm.{info['wasm']}.pagefind" for info in languages.values() if info.get("wasm")]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise broken(f"pagefind/pagefind-entry.json cannot be read ({type(error).__name__})") from error
    if not metas:
        raise broken("pagefind/pagefind-entry.json lists no language")
    for name in [*metas.values(), *wasms]:
        if not (bundle / name).is_file():
            raise broken(f"pagefind/{name} is missing")
    for path in sorted(bundle.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if path.is_dir():
            continue
        data = path.read_bytes()
        if not data:
            raise broken(f"{relative} is empty")
        if path.suffix in _GZIPPED:
            try:
                whole = gzip.decompress(data).startswith(_SIGNATURE)
            except (OSError, EOFError, zlib.error):
                whole = False
            if not whole:
                raise broken(f"{relative} is truncated or damaged")
    try:
        _stabilize(bundle, entry, metas, broken)
    except (_Unexpected, ValueError, TypeError, IndexError, KeyError) as error:
        # a Pagefind version with another format (found before anything is written): keep its files
        logging.getLogger(__name__).warning("Pagefind index left as written (%s)", error)
    except OSError as error:
        raise broken(f"could not rewrite pagefind/ ({error.strerror or error})") from error


# Pagefind (1.5) encodes the filter values of each filter, and the list of filters in the meta index, in
# hash-map order, which changes from run to run: same search results, different bytes and file names
# (the fragments and word indexes are already stable). _stabilize sorts both, rewrites the filter files
# and the meta index and names them by the SHA-256 of their content, so two builds of the same input give
# the same bundle. It only rewrites data that it decodes and re-encodes to the exact bytes Pagefind
# wrote, so a format it does not know is left alone.

class _Unexpected(Exception):
    """The bundle is not in the format this code knows."""


def _unpack(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())[len(_SIGNATURE):]
    value, end = _cbor_load(data, 0)
    if end != len(data) or _cbor_dump(value) != data:
        raise _Unexpected(f"{path.name} does not round-trip")
    return value


def _pack(value: Any) -> tuple[bytes, bytes]:
    """(CBOR, gzip file contents) of a value."""
    raw = _cbor_dump(value)
    return raw, gzip.compress(_SIGNATURE + raw, compresslevel=9, mtime=0)


def _name(language: str, raw: bytes, length: int, taken: set[str]) -> str:
    """`<language>_<first hex digits of the content's hash>`, longer while it collides with `taken`."""
    digest = hashlib.sha256(raw).hexdigest()
    while f"{language}_{digest[:length]}" in taken and length < len(digest):
        length += 1
    taken.add(f"{language}_{digest[:length]}")
    return f"{language}_{digest[:length]}"


def _stabilize(bundle: Path, entry: dict[str, Any], metas: dict[str, str], broken: Any) -> None:
    """Sort the filter values and filters of each language, rename what changed, and check that every
    fragment, word index and filter file the meta index names exists."""
    files: dict[str, bytes] = {}  # relative path -> new contents
    stale = list(metas.values())
    for language, meta_name in sorted(metas.items()):
        meta = _unpack(bundle / meta_name)
        if not (isinstance(meta, list) and len(meta) >= 5 and all(isinstance(m, list) for m in meta[1:5])):
            raise _Unexpected(f"{meta_name} has an unknown layout")
        pages, chunks, filters, sorts = meta[1], meta[2], meta[3], meta[4]
        named = [f"fragment/{page[0]}.pf_fragment" for page in pages]
        named += [f"index/{chunk[2]}.pf_index" for chunk in chunks]
        named += [f"filter/{item[1]}.pf_filter" for item in filters]
        for relative in named:
            if not (bundle / relative).is_file():
                raise broken(f"pagefind/{relative} is missing")
        taken: set[str] = set()
        stable = []
        for name, old in sorted(filters):
            index = _unpack(bundle / "filter" / f"{old}.pf_filter")
            if not (isinstance(index, list) and len(index) == 2 and isinstance(index[1], list)):
                raise _Unexpected(f"filter/{old}.pf_filter has an unknown layout")
            index[1].sort(key=lambda value: str(value[0]))
            raw, packed = _pack(index)
            new = _name(language, raw, 7, taken)
            files[f"filter/{new}.pf_filter"] = packed
            stale.append(f"filter/{old}.pf_filter")
            stable.append([name, new])
        meta[3] = stable
        meta[4] = sorted(sorts, key=lambda item: str(item[0]))
        raw, packed = _pack(meta)
        meta_hash = _name(language, raw, 10, set())
        files[f"pagefind.{meta_hash}.pf_meta"] = packed
        entry["languages"][language]["hash"] = meta_hash
    entry["languages"] = dict(sorted(entry["languages"].items()))
    files["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
    for relative in stale:  # all decoded above; written anew below under their stable names
        (bundle / relative).unlink(missing_ok=True)
    for relative, data in files.items():
        (bundle / relative).unlink(missing_ok=True)
        (bundle / relative).write_bytes(data)


def _cbor_load(data: bytes, at: int) -> tuple[Any, int]:
    """Decode one CBOR item (definite lengths; unsigned and negative integers, byte and text strings,
    arrays, maps as lists of pairs in a one-key dict) starting at `at`; return it and where it ends."""
    try:
        head = data[at]
        major, info = head >> 5, head & 31
        at += 1
        if info < 24:
            arg = info
        elif info <= 27:
            size = 1 << (info - 24)
            arg = int.from_bytes(data[at:at + size], "big")
            if len(data) < at + size:
                raise _Unexpected("truncated CBOR")
            at += size
        else:
            raise _Unexpected("indefinite-length CBOR")
    except IndexError as error:
        raise _Unexpected("truncated CBOR") from error
    if major == 0:
        return arg, at
    if major == 1:
        return -1 - arg, at
    if major in (2, 3):
        if len(data) < at + arg:
            raise _Unexpected("truncated CBOR")
        chunk = data[at:at + arg]
        return (chunk if major == 2 else chunk.decode("utf-8")), at + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, at = _cbor_load(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = []
        for _ in range(arg):
            key, at = _cbor_load(data, at)
            value, at = _cbor_load(data, at)
            pairs.append((key, value))
        return {"__cbor_map__": pairs}, at
    raise _Unexpected(f"CBOR major type {major}")


def _cbor_head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise _Unexpected("CBOR integer too large")


def _cbor_dump(value: Any) -> bytes:
    """Encode what _cbor_load decodes, in the shortest form (as Pagefind's minicbor does)."""
    if isinstance(value, bool):
        raise _Unexpected("CBOR bool")
    if isinstance(value, int):
        return _cbor_head(0, value) if value >= 0 else _cbor_head(1, -1 - value)
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _cbor_head(3, len(data)) + data
    if isinstance(value, list):
        return _cbor_head(4, len(value)) + b"".join(_cbor_dump(item) for item in value)
    if isinstance(value, dict):
        pairs = value["__cbor_map__"]
        return _cbor_head(5, len(pairs)) + b"".join(_cbor_dump(k) + _cbor_dump(v) for k, v in pairs)
    raise _Unexpected(f"CBOR value {type(value).__name__}")


def _swap(staging: Path, site_dir: Path) -> None:
    """Rename the old site away, the new one in, then delete the old one (whatever kind of entry it is)."""
    old = None
    if site_dir.exists() or site_dir.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-{os.getpid()}-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    try:
        staging.rename(site_dir)
    except OSError as error:
        if old is not None:
            old.rename(site_dir)
        raise GeneratorError(f"could not move the new site into place: {error}", site_dir) from error
    if old is not None:
        _remove(old)


def serve_site(docs_dir: Path, config_file: Path, dev_addr: str = "127.0.0.1:8000") -> None:
    """Serve `docs_dir` with MkDocs' live-reloading server on 127.0.0.1 (blocks until interrupted)."""
    from generator.publish import mkdocs as mkdocs_engine

    mkdocs_engine.serve(docs_dir, config_file, dev_addr)
