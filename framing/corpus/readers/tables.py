"""Tables with one article per row: CSV, JSONL (optionally gzipped) and Parquet.

Every cell of a CSV is read as text, so ids like "007" keep their zeros.
Columns other than the ones the options name are kept as metadata columns.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import zlib
from pathlib import Path
from typing import IO, Any

from framing.corpus.readers.columns import COMPUTED, Columns, stringify
from framing.corpus.readers.dates import parse_date_column
from framing.corpus.readers.decode import decode_bytes
from framing.errors import FramingError

TABLE_SUFFIXES = (".csv", ".jsonl", ".jsonl.gz", ".parquet")


def table_suffix(path: Path) -> str | None:
    """The table format a file name announces, or None."""
    name = path.name.lower()
    return next((s for s in TABLE_SUFFIXES if name.endswith(s)), None)


def read_raw_table(path: Path) -> Any:
    """Load the table as it is, before any column is interpreted.

    UTF-8 files are streamed (a 100,000-row export never sits in memory as
    bytes, text and lines at once); anything else is decoded whole with
    encoding detection and parsed again.
    """
    suffix = table_suffix(path)
    assert suffix is not None, f"{path}: not a table"  # callers check table_suffix first
    if suffix == ".parquet":
        return _read_parquet(path)
    _refuse_empty(path, suffix)
    parse = _read_csv if suffix == ".csv" else _read_jsonl
    if _starts_with_nul_bytes(path, suffix):  # UTF-16 without a BOM is valid UTF-8 with NULs: decode it whole
        return parse(io.StringIO(decode_bytes(_read_bytes(path, suffix), path)), path)
    try:
        with _open_text(path, suffix) as handle:
            return parse(handle, path)
    except UnicodeDecodeError:
        pass
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise FramingError(
            f"{path}: not a valid gzip file ({exc or 'truncated'}); compress it again with gzip"
        ) from None
    except OSError as exc:
        raise FramingError(f"{path}: cannot read ({exc.strerror or exc}); check the path and permissions") from None
    return parse(io.StringIO(decode_bytes(_read_bytes(path, suffix), path)), path)


def _refuse_empty(path: Path, suffix: str) -> None:
    """An empty file (or one of blank lines) gets its own message, not a parser's guess at the cause."""
    with contextlib.suppress(OSError):  # unreadable files are reported by the reader itself
        size = path.stat().st_size
        if size == 0 or (size <= 65536 and not suffix.endswith(".gz") and not path.read_bytes().strip()):
            layout = "a header row and one row per article" if suffix == ".csv" else "one JSON object per line"
            raise FramingError(f"{path}: the file is empty; export the articles into it ({layout})")


def _starts_with_nul_bytes(path: Path, suffix: str) -> bool:
    opener = gzip.open if suffix.endswith(".gz") else open
    with contextlib.suppress(OSError, EOFError, zlib.error), opener(path, "rb") as handle:
        return b"\x00" in handle.read(8192)
    return False


def _open_text(path: Path, suffix: str) -> IO[str]:
    if suffix.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
    return open(path, encoding="utf-8-sig", newline="")


def _read_bytes(path: Path, suffix: str) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if suffix.endswith(".gz") else data


def _read_csv(handle: IO[str], path: Path) -> Any:
    import pandas as pd

    try:
        return pd.read_csv(handle, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        message = " ".join(str(exc).split())
        raise FramingError(f"{path}: not a readable CSV table ({message}); check quoting and delimiters") from None


def _read_jsonl(handle: IO[str], path: Path) -> Any:
    import pandas as pd

    rows = [json_object(line, path, number) for number, line in enumerate(handle, start=1) if line.strip()]
    return pd.DataFrame(rows)


def json_object(line: str, path: Path, number: int) -> dict[str, Any]:
    """One JSONL line as its object, or the one-line error naming the file and line (whole and chunked reads)."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise FramingError(
            f"{path} line {number}: not valid JSON ({exc.msg}); write one JSON object per line"
        ) from None
    except RecursionError:
        raise FramingError(
            f"{path} line {number}: JSON nested too deeply to read; flatten the record to one object of plain fields"
        ) from None
    if not isinstance(row, dict):
        raise FramingError(f"{path} line {number}: expected a JSON object per line, found a {type(row).__name__}")
    return row


def _read_parquet(path: Path) -> Any:
    import pandas as pd

    try:
        return pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises its own error types for corrupt files
        raise parquet_error(path, exc) from None


def parquet_error(path: Path, exc: Exception) -> FramingError:
    """The one-line error for a Parquet file that cannot be read: missing or unreadable, or corrupt."""
    if isinstance(exc, OSError):
        return FramingError(f"{path}: cannot read ({exc.strerror or exc}); check the path")
    return FramingError(
        f"{path}: not a readable Parquet file ({type(exc).__name__}); write it again with pandas or pyarrow"
    )


def _check_columns(raw: Any, columns: Columns, path: Path) -> None:
    present = [str(c) for c in raw.columns]
    needed = [("text", columns.text), ("outlet", columns.outlet)]
    needed += [
        (role, getattr(columns, role))
        for role in ("id", "title", "date")
        if getattr(columns, role) is not None and columns.explicit(role)
    ]
    for role, name in needed:
        if name not in present:
            listing = ", ".join(present) if present else "(none)"
            raise FramingError(
                f"{path}: no column {name!r} for the article {role} "
                f"(set it with --{role}-column); the columns are: {listing}"
            )


def _text_column(raw: Any, name: str | None) -> Any:
    """A column as clean strings ("" for missing).

    A column that is already text (every CSV column, most JSONL ones) stays a
    pandas string column: turning 100,000 article texts into a Python list
    and back held them twice over (1.9 GB at 100,000 AllSides rows).
    """
    import pandas as pd

    if name is None or name not in raw.columns:
        return pd.Series([""] * len(raw), dtype="str")
    column = raw[name].reset_index(drop=True)
    if isinstance(column.dtype, pd.StringDtype):
        return column.fillna("")
    return pd.Series([stringify(v) for v in column.tolist()], dtype="str")


def table_records(path: Path, columns: Columns) -> Any:
    """Read a table into the standard article columns plus its extra columns."""
    return raw_records(read_raw_table(path), columns, path)


def raw_records(raw: Any, columns: Columns, path: Path, first_row: int = 0, total: int | None = None) -> Any:
    """The standard article columns of a raw table read from `path`, its columns checked first.

    `first_row` and `total` place a part of a larger table (a Parquet row
    group, a file among several): rows without an id column are numbered
    across the whole table, as if it had been read in one piece.
    """
    _check_columns(raw, columns, path)
    return standard_records(raw, columns, first_row, total)


def standard_records(raw: Any, columns: Columns, first_row: int = 0, total: int | None = None) -> Any:
    """A table already in memory (read from a file, or a user's DataFrame) in the standard article columns."""
    import pandas as pd

    n = len(raw)
    width = max(6, len(str(n if total is None else total)))
    ids = (
        _text_column(raw, columns.id)
        if columns.id
        else [f"row-{i:0{width}d}" for i in range(first_row + 1, first_row + n + 1)]
    )
    author_col = "author" if "author" in raw.columns else ("authors" if "authors" in raw.columns else None)
    if columns.date in raw.columns:
        dates, date_raw = parse_date_column(raw[columns.date].reset_index(drop=True))
    else:
        dates, date_raw = pd.Series([pd.NaT] * n, dtype="datetime64[ns]"), None
    frame = pd.DataFrame(
        {
            "doc_id": [s.strip() for s in ids],
            "outlet": _text_column(raw, columns.outlet).str.strip(),
            "title": _text_column(raw, columns.title).str.strip(),
            "date": dates.to_numpy(),
            "author": _text_column(raw, author_col).str.strip(),
            "url": _text_column(raw, "url").str.strip(),
            "text": _text_column(raw, columns.text),
        }
    )
    used = {columns.id, columns.text, columns.outlet, columns.title, columns.date, author_col, "url"}
    for name in raw.columns:
        if name not in used and str(name) not in frame.columns and str(name) not in COMPUTED:
            frame[str(name)] = raw[name].reset_index(drop=True)
    if date_raw is not None:
        frame["date_raw"] = date_raw.to_numpy()
    return frame
