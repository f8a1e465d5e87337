"""The partitions of a large source: Parquet row groups and whole CSV / JSONL files.

A source is a Parquet file, a folder of Parquet parts, or a glob of
.csv/.jsonl/.jsonl.gz/.parquet files. Each `Piece` is read by framing's own
table reader (`framing.corpus.readers.tables`), so cells, dates, ids and
error messages are the same as with the local engine; only the unit of work
is smaller.
"""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from framing.corpus.readers.tables import TABLE_SUFFIXES, read_raw_table, table_suffix
from framing.errors import FramingError

if TYPE_CHECKING:
    import pandas as pd

    from framing.corpus.readers.columns import Columns


@dataclass(frozen=True)
class Piece:
    """One partition: a file, or one row group of a Parquet file (`first` = its first row in the file)."""

    path: Path
    row_group: int | None = None
    first: int = 0

    def locate(self, row: int) -> str:
        """`file row N` for the partition's row `row` (0-based), counted within the file."""
        return f"{self.path} row {self.first + row + 1}"


def find_pieces(source: str | Path) -> list[Piece]:
    """Every partition of `source`, in a fixed order (sorted paths, then row groups)."""
    text = str(source)
    path = Path(source).expanduser()
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.name.lower().endswith(".parquet"))
        if not files:
            raise FramingError(
                f"{path}: no .parquet parts in this folder; give a Parquet file, a folder "
                "of Parquet parts or a glob such as 'data/*.csv'"
            )
    elif path.is_file():
        files = [path]
    elif glob.has_magic(text):
        files = sorted(Path(p) for p in glob.glob(text) if Path(p).is_file())
        if not files:
            raise FramingError(f"{text}: no file matches this pattern; check the path and the quotes around it")
    else:
        raise FramingError(
            f"{text}: no such file or folder; give a Parquet file, a folder of Parquet parts "
            "or a glob such as 'data/*.csv'"
        )
    for file in files:
        if table_suffix(file) is None:
            raise FramingError(f"{file}: not a table the dask engine reads; use {', '.join(TABLE_SUFFIXES)}")
    return [piece for file in files for piece in _pieces_of(file)]


def _pieces_of(path: Path) -> list[Piece]:
    if table_suffix(path) != ".parquet":
        return [Piece(path)]
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except Exception as exc:  # pyarrow has its own error types for corrupt files
        raise FramingError(
            f"{path}: not a readable Parquet file ({type(exc).__name__}); write it again with pandas or pyarrow"
        ) from None
    pieces, first = [], 0
    for group in range(meta.num_row_groups):
        pieces.append(Piece(path, group, first))
        first += meta.row_group(group).num_rows
    return pieces or [Piece(path)]


def read_raw(piece: Piece) -> pd.DataFrame:
    """The piece's rows as they are in the file, before any column is interpreted."""
    if piece.row_group is None:
        frame: pd.DataFrame = read_raw_table(piece.path)
        return frame
    import pyarrow.parquet as pq

    table = pq.ParquetFile(piece.path).read_row_group(piece.row_group)
    result: pd.DataFrame = table.to_pandas()
    return result


def read_records(piece: Piece, columns: Columns, first_row: int = 0, total: int | None = None) -> pd.DataFrame:
    """The piece as validated article records (the columns `load_corpus` gives, before cleaning).

    `first_row` / `total` number rows across the whole source when there is no id column.
    """
    from framing.corpus.readers.tables import raw_records
    from framing.corpus.readers.validate import validate_frame

    records: pd.DataFrame = raw_records(read_raw(piece), columns, piece.path, first_row, total)
    if len(records):
        validate_frame(records, piece.locate, piece.path)
    return records
