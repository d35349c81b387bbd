"""Decoding of source files: byte-order marks, UTF-8, legacy charsets, and the binary-file test."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from generator.errors import GeneratorError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_SPACES = "\t\n\r\f\v"
# Control characters other than whitespace, C1 controls and replacement characters.
_NON_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_BINARY_HINT = "only text, Markdown and HTML articles are read"


def decode_bytes(data: bytes, path: str | Path | None = None) -> str:
    """Decode file bytes: UTF-8 (BOM optional), UTF-16/32 with BOM, else a detected charset.

    Raises GeneratorError for binary data (NUL bytes, mostly control characters) or undecodable bytes.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding), path)
            except UnicodeDecodeError as exc:
                raise GeneratorError(f"undecodable {encoding} text", path, hint="save it as UTF-8") from exc
    if b"\x00" in data:
        raise GeneratorError("binary file (contains NUL bytes)", path, hint=_BINARY_HINT)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _decode_fallback(data, exc, path)
    return _check_text(text, path)


def _decode_fallback(data: bytes, exc: UnicodeDecodeError, path: str | Path | None) -> str:
    if exc.reason == "unexpected end of data":  # a UTF-8 file cut inside its last character
        return data[: exc.start].decode("utf-8") + "\ufffd"
    if not re.search(rb"[\x80-\xff]{2}", data):  # isolated high bytes: a Western single-byte charset
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception as err:  # noqa: BLE001 - the detector must never crash a build
        raise GeneratorError("undecodable text", path, hint="save it as UTF-8") from err
    if best is None:
        raise GeneratorError("undecodable text (binary?)", path, hint=_BINARY_HINT)
    return str(best)


def _check_text(text: str, path: str | Path | None) -> str:
    sample = text[:65536]
    bad = len(_NON_TEXT.findall(sample))
    if sample and bad > max(2, len(sample) // 20):
        raise GeneratorError("binary file (mostly non-text bytes)", path, hint=_BINARY_HINT)
    return text
