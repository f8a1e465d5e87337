"""Turning the bytes of a file into text, or a clear error naming the file.

News exports arrive in many encodings. We try UTF-8 first (with or without a
byte-order mark), then UTF-16 when a BOM says so, then let charset-normalizer
guess. Files with NUL bytes are UTF-16 without a BOM when the NULs fall on
every other byte (as English text in UTF-16 does), else binary, not text.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from framing.errors import FramingError


def decode_bytes(data: bytes, where: str | Path) -> str:
    """Decode `data`; `where` names the file in error messages."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, where)
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        raise FramingError(
            f"{where}: this is a binary file (it contains NUL bytes), not text; "
            "export the articles as UTF-8 text, CSV, JSONL or Parquet"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data, where)


def _utf16_without_bom(data: bytes) -> str | None:
    """Text in UTF-16 without a byte-order mark, told by where its NULs fall; None when it is not that."""
    sample = data[:8192]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.3 * half and even < 0.05 * half:
        codec = "utf-16-le"
    elif even > 0.3 * half and odd < 0.05 * half:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode_utf16(data: bytes, where: object) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError:
        raise FramingError(
            f"{where}: starts with a UTF-16 byte-order mark but is not valid UTF-16; save it again as UTF-8"
        ) from None


def _detect(data: bytes, where: object) -> str:
    """Guess the encoding; among equally plausible guesses prefer Windows-1252.

    Short Western-European texts fit several code pages equally well, and
    charset-normalizer may rank an exotic one (cp775) first; cp1252 is what
    older English news exports use, so it wins ties.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise FramingError(
            f"{where}: cannot decode the bytes (not UTF-8, and no other encoding fits); save the file as UTF-8"
        )
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least + 0.05]
    chosen = next((m for m in tied if m.encoding == "cp1252"), tied[0])
    return str(chosen)


def normalize_newlines(text: str) -> str:
    """Windows and old-Mac line ends become '\\n', as Python's text mode does."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> str:
    """Read and decode a text file; newlines normalised."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FramingError(f"{path}: cannot read ({exc.strerror}); check the path and permissions") from None
    return normalize_newlines(decode_bytes(data, path))
