"""Tables read a chunk of rows at a time: CSV, JSONL(.gz), a Parquet file or a folder of Parquet parts.

`framing score` reads a large table twice (see `framing.corpus.stream`), and
never holds it whole: each pass reads `rows` rows at a time. The cells come
out as `tables.read_raw_table` gives them, with the same one-line errors
(empty file, UTF-16 or Latin-1 text, broken gzip, bad JSON line, corrupt
Parquet), so the columns options, ids and checks behave as for a table read
in one piece.

Two things a whole read decides from every row are carried over from the
first pass to the next: whether the file is UTF-8 (otherwise it is decoded
whole, as `read_raw_table` does), and for JSON lines the type pandas gives
each column over all rows (a column of whole numbers with a gap is float in
a whole read, so an id 7 reads "7.0" either way).
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from framing.corpus.readers.decode import decode_bytes
from framing.corpus.readers.tables import (
    _open_text,
    _read_bytes,
    _refuse_empty,
    _starts_with_nul_bytes,
    json_object,
    parquet_error,
    table_suffix,
)
from framing.errors import FramingError

if TYPE_CHECKING:
    import pandas as pd

CHUNK_ROWS = 500  # rows a chunk: a few megabytes of AllSides text, alive in the parent when it forks workers


def parquet_parts(folder: Path) -> list[Path]:
    """The Parquet parts of a folder, sorted by name (a dataset written by pandas, pyarrow, dask or spark)."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.name.lower().endswith(".parquet") and not p.name.startswith(("_", "."))
    )


class TableChunks:
    """The raw rows of one table (or Parquet parts), chunk by chunk; iterate as often as needed.

    Every iteration yields at least one frame (an empty one carries the
    columns of a table without rows). After a full iteration `sizes` holds
    the rows of each file, for `locate`.
    """

    def __init__(self, paths: list[Path], rows: int = CHUNK_ROWS) -> None:
        self.paths = paths
        self.rows = max(1, int(rows))
        self.decoded = False  # set when the text is not UTF-8: later passes decode it whole
        self.sizes: list[int] = []
        self._kinds: dict[str, set[str]] = {}  # JSON lines: dtype kinds of each column, chunk by chunk
        self._frozen: dict[str, str] | None = None  # the kinds of a whole pass, applied to the passes after
        self._rows_before = 0  # JSON rows seen by the first pass so far

    def __iter__(self) -> Iterator[pd.DataFrame]:
        sizes = []
        for path in self.paths:
            count = 0
            for frame in self._file_chunks(path):
                count += len(frame)
                yield frame
            sizes.append(count)
        self.sizes = sizes
        if self._frozen is None:
            self._frozen = {name: _whole_kind(kinds) for name, kinds in self._kinds.items()}

    def locate(self, row: int) -> str:
        """`file row N` for a row of the whole source (0-based), counted within its file."""
        for path, size in zip(self.paths, self.sizes):
            if row < size or path == self.paths[-1]:
                return f"{path} row {row + 1}"
            row -= size
        return f"{self.paths[0]} row {row + 1}"

    def _file_chunks(self, path: Path) -> Iterator[pd.DataFrame]:
        suffix = table_suffix(path)
        assert suffix is not None, f"{path}: not a table"  # callers check table_suffix first
        if suffix == ".parquet":
            yield from _parquet_chunks(path, self.rows)
            return
        _refuse_empty(path, suffix)
        parse: Callable[[IO[str], Path], Iterator[pd.DataFrame]] = self._csv if suffix == ".csv" else self._jsonl
        if self.decoded or _starts_with_nul_bytes(path, suffix):  # not UTF-8: decoded whole, as read_raw_table does
            yield from parse(io.StringIO(decode_bytes(_read_bytes(path, suffix), path)), path)
            return
        try:
            with _open_text(path, suffix) as handle:
                yield from parse(handle, path)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise FramingError(
                f"{path}: not a valid gzip file ({exc or 'truncated'}); compress it again with gzip"
            ) from None
        except OSError as exc:
            raise FramingError(f"{path}: cannot read ({exc.strerror or exc}); check the path and permissions") from None

    def _csv(self, handle: IO[str], path: Path) -> Iterator[pd.DataFrame]:
        import pandas as pd

        try:
            # a header without rows comes as one empty chunk: the columns are still checked
            yield from pd.read_csv(handle, dtype=str, keep_default_na=False, chunksize=self.rows)
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            message = " ".join(str(exc).split())
            raise FramingError(f"{path}: not a readable CSV table ({message}); check quoting and delimiters") from None

    def _jsonl(self, handle: IO[str], path: Path) -> Iterator[pd.DataFrame]:
        rows: list[dict[str, Any]] = []
        yielded = False
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            rows.append(json_object(line, path, number))
            if len(rows) >= self.rows:
                yield self._json_frame(rows)
                rows, yielded = [], True
        if rows or not yielded:
            yield self._json_frame(rows)

    def _json_frame(self, rows: list[dict[str, Any]]) -> pd.DataFrame:
        """The chunk as pandas frames the whole file: each column of the type it has over all rows."""
        import pandas as pd

        frame = pd.DataFrame(rows)
        if self._frozen is None:
            if rows:  # a column missing from a whole chunk has gaps in the whole table
                for name in set(self._kinds) - set(frame.columns):
                    self._kinds[name].add("missing")
                for name in frame.columns:
                    if self._rows_before and name not in self._kinds:
                        self._kinds[name] = {"missing"}
                    self._kinds.setdefault(name, set()).add(frame[name].dtype.kind)
                self._rows_before += len(rows)
            return frame
        for name in frame.columns:
            kind, whole = frame[name].dtype.kind, self._frozen.get(name, "O")
            if whole == "f" and kind in "iu":
                frame[name] = frame[name].astype("float64")
            elif whole == "O" and kind == "f":  # whole numbers with gaps here, mixed with text elsewhere
                frame[name] = pd.Series([row.get(name) for row in rows], dtype=object)
        return frame


def _whole_kind(kinds: set[str]) -> str:
    """The dtype kind pandas gives a JSON column over every row, from the kinds of its chunks."""
    if kinds in ({"i"}, {"b"}):
        return next(iter(kinds))
    if kinds <= {"i", "f", "missing"}:
        return "f"
    return "O"


def _parquet_chunks(path: Path, rows: int) -> Iterator[pd.DataFrame]:
    """Batches of a Parquet file, converted as `pd.read_parquet` converts the whole file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(path)
        schema = handle.schema_arrow
        batches = handle.iter_batches(batch_size=rows)
        yielded = False
        for batch in batches:
            yielded = True
            yield pa.Table.from_batches([batch], schema=schema).to_pandas()
        if not yielded:
            yield schema.empty_table().to_pandas()
    except FramingError:
        raise
    except Exception as exc:  # pyarrow raises its own error types for corrupt files
        raise parquet_error(path, exc) from None
