"""Writing output files so that a crash never leaves half a file behind.

Every file framing writes goes through `atomic_write_bytes`: the data lands in
a temporary file in the same folder, is flushed to disk, then renamed over the
target in one step. Temporary names carry the writer's process id
(`.NAME.PID.random.tmp`), so a run killed with SIGKILL leaves one that the
next write to the same target removes once that process is gone. Outputs
that belong together (a table and its evidence, a page and its JSON, a
folder of tables) go through one `OutputSet`: every file is complete on disk
before the first is renamed into place, and none is if anything fails.

Every CSV is also safe to open in a spreadsheet (OWASP "CSV injection"): a
text cell or header that begins with = + - @, a tab or a carriage return is
written with a leading apostrophe, so Excel, LibreOffice and Google Sheets
show it as text instead of running it as a formula. Numbers are never
touched, nor text that is a plain number ("-5", "+0.25"): spreadsheets read
those as numbers, not formulas. `raw_csv=True` writes cells as they are.
Parquet and JSON are data formats, not spreadsheets, and stay unchanged.
"""

from __future__ import annotations

import errno
import glob
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from framing.errors import FramingError

if TYPE_CHECKING:
    from types import TracebackType

    import numpy as np
    import pandas as pd
    import pyarrow.parquet as pq

TABLE_SUFFIXES = (".csv", ".json", ".jsonl", ".parquet")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `path` atomically; create parent folders as needed."""
    target = Path(path)
    tmp = _staged_bytes(target, data)
    try:
        _rename(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _staged_bytes(target: Path, data: bytes) -> str:
    """A complete, flushed temporary copy of `data` beside `target`; its path."""
    handle, tmp = _temporary(target)
    try:
        handle.write(data)
        _finish(handle, tmp)
    except OSError as exc:
        handle.close()
        Path(tmp).unlink(missing_ok=True)
        raise cannot_write(target, exc) from None
    except BaseException:
        handle.close()
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _temporary(target: Path) -> tuple[BinaryIO, str]:
    """(binary handle, path) of a new temporary file beside `target`, parent folders created."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(target)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise cannot_write(target, exc) from None
    return os.fdopen(fd, "wb"), tmp


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Delete the temporaries of `target` left by writers that no longer run (killed runs); return them."""
    removed = []
    for name in glob.glob(glob.escape(str(target.parent / f".{target.name}.")) + "*.tmp"):
        pid = Path(name).name[len(target.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            path = Path(name)
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def cannot_write(target: Path, exc: OSError) -> FramingError:
    """The one-line error for an output that cannot be created, naming the real obstacle.

    A file standing where a folder must be says more than the OS's 'File exists'.
    """
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return FramingError(
            f"{target}: the disk is full ({exc.strerror}); nothing was written, "
            "free some space or choose another output path"
        )
    blocking = next((parent for parent in target.parents if parent.is_file()), None)
    why = f"{blocking} is a file, not a folder" if blocking is not None else exc.strerror or str(exc)
    return FramingError(f"{target}: cannot write here ({why}); choose another output path")


def _finish(handle: BinaryIO, tmp: str) -> None:
    """Flush the temporary file to disk and close it, readable like any other output."""
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()
    os.chmod(tmp, 0o644)


def _rename(tmp: str, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except OSError as exc:
        raise cannot_write(target, exc) from None


class OutputSet:
    """Files that appear together or not at all: staged complete, then renamed into place one after another.

    Use as a context manager. Each `write_*` stages a complete, flushed
    temporary file; on a clean exit they are renamed into place back to back
    (no computation in between), and on any exception, Ctrl-C included,
    every staged file is deleted and no target is touched.
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        """`folder`: the files go into this folder; if it does not exist yet, they are written into a
        temporary folder beside it that is renamed into place once, so the folder appears whole."""
        self._staged: list[tuple[str, Path]] = []
        self._streams: list[TableStream] = []
        self.folder = Path(folder) if folder is not None else None
        self._staging: Path | None = None
        if self.folder is not None and not self.folder.exists():
            try:
                self.folder.parent.mkdir(parents=True, exist_ok=True)
                remove_stale_temporaries(self.folder)
                self._staging = Path(
                    tempfile.mkdtemp(
                        prefix=f".{self.folder.name}.{os.getpid()}.", suffix=".tmp", dir=self.folder.parent
                    )
                )
            except OSError as exc:
                raise cannot_write(self.folder, exc) from None

    def write_bytes(self, path: str | os.PathLike[str], data: bytes) -> Path:
        target = Path(path)
        if self._staging is not None and target.parent == self.folder:
            staged = self._staging / target.name
            try:
                staged.write_bytes(data)
            except OSError as exc:
                raise cannot_write(target, exc) from None
            return target
        self._staged.append((_staged_bytes(target, data), target))
        return target

    def write_text(self, path: str | os.PathLike[str], text: str) -> Path:
        return self.write_bytes(path, text.encode("utf-8"))

    def write_table(self, frame: pd.DataFrame, path: str | os.PathLike[str], *, raw_csv: bool = False) -> Path:
        target = Path(path)
        return self.write_bytes(target, table_bytes(frame, target.suffix, raw_csv=raw_csv))

    def stream(self, path: str | os.PathLike[str], *, raw_csv: bool = False) -> TableStream:
        """A `TableStream` whose file is committed with the rest of the set."""
        stream = TableStream(path, raw_csv=raw_csv, deferred=True)
        self._streams.append(stream)
        return stream

    def commit(self) -> None:
        for stream in self._streams:
            if not stream.finished:
                stream.finish()
            self._staged.append((stream.tmp, stream.target))
        self._streams.clear()
        if self._staging is not None:
            _rename(str(self._staging), self.folder)  # type: ignore[arg-type]  # set with _staging
            self._staging = None
        for tmp, target in self._staged:
            _rename(tmp, target)
        self._staged.clear()

    def discard(self) -> None:
        for stream in self._streams:
            stream.discard()
        for tmp, _ in self._staged:
            Path(tmp).unlink(missing_ok=True)
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None
        self._streams.clear()
        self._staged.clear()

    def __enter__(self) -> OutputSet:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if kind is None:
            try:
                self.commit()
            except BaseException:
                self.discard()
                raise
        else:
            self.discard()


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write UTF-8 text atomically, with Unix newlines on every platform."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def table_bytes(frame: pd.DataFrame, suffix: str, *, raw_csv: bool = False) -> bytes:
    """Serialise a DataFrame in the format its file suffix names (CSV neutralised unless `raw_csv`)."""
    import io

    suffix = suffix.lower()
    if suffix == ".csv":
        safe = frame if raw_csv else spreadsheet_safe(frame)
        return safe.to_csv(index=False, lineterminator="\n").encode("utf-8")
    if suffix == ".json":
        return frame.to_json(orient="records", indent=2, date_format="iso", force_ascii=False).encode("utf-8")
    if suffix == ".jsonl":
        return frame.to_json(orient="records", lines=True, date_format="iso", force_ascii=False).encode("utf-8")
    if suffix == ".parquet":
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        return buffer.getvalue()
    raise FramingError(f"unknown output format {suffix!r}; use one of {', '.join(TABLE_SUFFIXES)}")


def write_table(frame: pd.DataFrame, path: str | os.PathLike[str], *, raw_csv: bool = False) -> Path:
    """Write a DataFrame atomically, in the format given by the path's suffix."""
    target = Path(path)
    return atomic_write_bytes(target, table_bytes(frame, target.suffix, raw_csv=raw_csv))


def spreadsheet_safe_text(value: object) -> object:
    """`value` with a leading apostrophe if a spreadsheet would run it as a formula; anything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A shallow copy of `frame` whose text cells and headers cannot start a formula (the frame itself is kept).

    Only object, string and category columns are looked at, so numeric columns
    (a -0.5 balance) are never changed; the frame is returned as it is when no
    cell needs a change, which is the common case. The first-character test
    is vectorised, so a million-row evidence table costs a fraction of to_csv.
    """
    import pandas as pd

    changes: dict[int, pd.Series] = {}
    for position in range(frame.shape[1]):
        column = frame.iloc[:, position]
        if not (
            pd.api.types.is_object_dtype(column.dtype)
            or pd.api.types.is_string_dtype(column.dtype)
            or isinstance(column.dtype, pd.CategoricalDtype)
        ):
            continue
        candidates = _formula_candidates(column)
        if not candidates.any():
            continue
        values = column.astype(object).to_numpy(copy=True)
        changed = False
        for index in candidates.nonzero()[0]:
            safe = spreadsheet_safe_text(values[index])
            changed = changed or safe is not values[index]
            values[index] = safe
        if changed:
            changes[position] = pd.Series(values, index=column.index, dtype=object)
    header = [spreadsheet_safe_text(name) for name in frame.columns]
    if not changes and header == list(frame.columns):
        return frame
    out = frame.copy(deep=False)
    for position, column in changes.items():
        # a Series, not its array: pandas would re-infer an object array's dtype
        out.isetitem(position, column)  # type: ignore[arg-type]  # pandas-stubs omit Series, pandas takes it
    out.columns = header
    return out


def _formula_candidates(column: pd.Series) -> np.ndarray:
    """Boolean array: which cells are text starting with a formula character (plain numbers still included)."""
    import numpy as np

    try:
        return column.str.startswith(FORMULA_STARTS, na=False).to_numpy(dtype=bool)
    except (AttributeError, TypeError):  # an object column without text (.str refuses it) or of odd values
        return np.array(
            [isinstance(v, str) and v.startswith(FORMULA_STARTS) for v in column.astype(object)], dtype=bool
        )


class TableStream:
    """A table written chunk by chunk, atomically: the file appears, complete, only on `close()`.

    CSV, JSON and JSON lines come out byte for byte as `write_table` of the
    concatenated chunks (one header, one array), so they do not depend on how
    the table was cut; Parquet holds the same table in one row group per chunk
    (schema of the first chunk). Use as a context manager: an exception
    discards the temporary file, so no half-written table is ever left.
    """

    def __init__(self, path: str | os.PathLike[str], *, raw_csv: bool = False, deferred: bool = False) -> None:
        self.target = Path(path)
        self.deferred = deferred  # an OutputSet renames the finished file, with the rest of its set
        self.finished = False
        self.raw_csv = raw_csv
        self.suffix = self.target.suffix.lower()
        if self.suffix not in TABLE_SUFFIXES:
            raise FramingError(f"{self.target}: unknown output format; use one of {', '.join(TABLE_SUFFIXES)}")
        self.handle, self.tmp = _temporary(self.target)
        self.rows = 0
        self._parquet: pq.ParquetWriter | None = None
        self._empty: pd.DataFrame | None = None  # the first chunk, kept only while no row has been written

    def write(self, frame: pd.DataFrame) -> None:
        try:
            self._write(frame)
        except OSError as exc:
            self.discard()
            raise cannot_write(self.target, exc) from None

    def _write(self, frame: pd.DataFrame) -> None:
        if self._empty is None:
            self._empty = frame.iloc[:0]
        if len(frame) == 0:
            return
        if self.suffix == ".parquet":
            self._write_parquet(frame)
        elif self.suffix == ".json":
            body = table_bytes(frame, ".json")[2:-2]  # drop "[\n" and "\n]"
            self.handle.write((b"[\n" if self.rows == 0 else b",\n") + body)
        elif self.suffix == ".csv":
            data = table_bytes(frame, ".csv", raw_csv=self.raw_csv)
            self.handle.write(data if self.rows == 0 else data.split(b"\n", 1)[1])
        else:
            self.handle.write(table_bytes(frame, self.suffix))
        self.rows += len(frame)

    def _write_parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._parquet is None:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            self._parquet = pq.ParquetWriter(self.handle, table.schema)
        else:
            table = pa.Table.from_pandas(frame, schema=self._parquet.schema, preserve_index=False)
        self._parquet.write_table(table)

    def finish(self) -> None:
        """Complete the temporary file on disk (not yet in place)."""
        try:
            if self.rows == 0:
                self.handle.write(
                    table_bytes(
                        self._empty if self._empty is not None else _no_rows(), self.suffix, raw_csv=self.raw_csv
                    )
                )
            elif self.suffix == ".json":
                self.handle.write(b"\n]")
            if self._parquet is not None:
                self._parquet.close()
            _finish(self.handle, self.tmp)
        except OSError as exc:
            self.discard()
            raise cannot_write(self.target, exc) from None
        except BaseException:
            self.discard()
            raise
        self.finished = True

    def close(self) -> Path:
        """Finish the file and move it into place (an `OutputSet` member only finishes it)."""
        self.finish()
        if not self.deferred:
            try:
                _rename(self.tmp, self.target)
            except BaseException:
                self.discard()
                raise
        return self.target

    def discard(self) -> None:
        if not self.handle.closed:
            self.handle.close()
        Path(self.tmp).unlink(missing_ok=True)

    def __enter__(self) -> TableStream:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> Literal[False]:
        if kind is None:
            self.close()
        else:
            self.discard()
        return False


def _no_rows() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame()
