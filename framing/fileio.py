"""Writing output files so that a crash never leaves half a file behind.

Every file framing writes goes through `atomic_write_bytes`: the data lands in
a temporary file in the same folder, is flushed to disk, then renamed over the
target in one step.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from framing.errors import FramingError

TABLE_SUFFIXES = (".csv", ".json", ".jsonl", ".parquet")


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write `data` to `path` atomically; create parent folders as needed."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise FramingError(f"{target}: cannot write here ({exc.strerror}); choose another output path") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 text atomically, with Unix newlines on every platform."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def table_bytes(frame, suffix: str) -> bytes:
    """Serialise a DataFrame in the format its file suffix names."""
    import io

    suffix = suffix.lower()
    if suffix == ".csv":
        return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
    if suffix == ".json":
        return frame.to_json(orient="records", indent=2, date_format="iso", force_ascii=False).encode("utf-8")
    if suffix == ".jsonl":
        return frame.to_json(orient="records", lines=True, date_format="iso", force_ascii=False).encode("utf-8")
    if suffix == ".parquet":
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        return buffer.getvalue()
    raise FramingError(f"unknown output format {suffix!r}; use one of {', '.join(TABLE_SUFFIXES)}")


def write_table(frame, path: str | os.PathLike) -> Path:
    """Write a DataFrame atomically, in the format given by the path's suffix."""
    target = Path(path)
    return atomic_write_bytes(target, table_bytes(frame, target.suffix))
