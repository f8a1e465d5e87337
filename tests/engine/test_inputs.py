"""Partitions of a source: Parquet row groups, folders of parts, globs of CSV/JSONL; rows numbered across them."""

from __future__ import annotations

import gzip

import pandas as pd
import pytest

from framing.corpus.model import load_corpus
from framing.corpus.readers.columns import Columns
from framing.engine.inputs import Piece, find_pieces, read_records
from framing.errors import FramingError


def _table(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": [f"Outlet {i % 3}" for i in range(n)],
            "title": [f"T{i}" for i in range(n)],
            "text": [f"Article number {i} says something." for i in range(n)],
        }
    )


def test_a_parquet_file_is_split_by_row_groups(tmp_path):
    _table(10).to_parquet(tmp_path / "a.parquet", index=False, row_group_size=4)
    pieces = find_pieces(tmp_path / "a.parquet")
    assert [(p.row_group, p.first) for p in pieces] == [(0, 0), (1, 4), (2, 8)]
    assert pieces[1].locate(0) == f"{tmp_path / 'a.parquet'} row 5"


def test_rows_are_numbered_across_pieces_as_in_one_table(tmp_path):
    table = _table(10)
    table.to_parquet(tmp_path / "a.parquet", index=False, row_group_size=4)
    pieces = find_pieces(tmp_path / "a.parquet")
    ids = [d for p in pieces for d in read_records(p, Columns(), p.first, 10)["doc_id"]]
    assert ids == load_corpus(tmp_path / "a.parquet").articles["doc_id"].tolist()


def test_a_glob_takes_csv_and_gzipped_jsonl_in_name_order(tmp_path):
    _table(2).to_csv(tmp_path / "b.csv", index=False)
    with gzip.open(tmp_path / "a.jsonl.gz", "wt") as handle:
        handle.write(_table(3).to_json(orient="records", lines=True))
    pieces = find_pieces(str(tmp_path / "*"))
    assert [p.path.name for p in pieces] == ["a.jsonl.gz", "b.csv"]
    assert [len(read_records(p, Columns())) for p in pieces] == [3, 2]


def test_a_folder_reads_its_parquet_parts_only(tmp_path):
    _table(2).to_parquet(tmp_path / "p1.parquet", index=False)
    (tmp_path / "README.md").write_text("not a part")
    assert [p.path.name for p in find_pieces(tmp_path)] == ["p1.parquet"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "empty", "no .parquet parts in this folder"),
        (lambda d: d / "x.txt", "not a table the dask engine reads"),
        (lambda d: d / "broken.parquet", "not a readable Parquet file"),
    ],
)
def test_a_source_it_cannot_read_is_one_line(tmp_path, make, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "x.txt").write_text("hello")
    (tmp_path / "broken.parquet").write_bytes(b"not parquet")
    with pytest.raises(FramingError, match=message):
        find_pieces(make(tmp_path))


def test_bad_rows_name_the_file_and_the_row_in_it(tmp_path):
    table = _table(6)
    table.loc[5, "text"] = ""
    table.to_parquet(tmp_path / "a.parquet", index=False, row_group_size=3)
    with pytest.raises(FramingError, match=r"a\.parquet row 6: the article text is empty"):
        read_records(Piece(tmp_path / "a.parquet", 1, 3), Columns())
