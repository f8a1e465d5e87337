"""Tables read a chunk at a time give the rows, types and errors of a whole read."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

from framing.corpus.readers.chunks import TableChunks, parquet_parts
from framing.corpus.readers.tables import read_raw_table
from framing.errors import FramingError
from tests.corpus.fixtures import ROWS, write_csv, write_jsonl, write_parquet


@pytest.mark.parametrize(
    "writer,name",
    [(write_csv, "t.csv"), (write_jsonl, "t.jsonl"), (write_jsonl, "t.jsonl.gz"), (write_parquet, "t.parquet")],
)
def test_chunks_join_to_the_whole_table(tmp_path, writer, name):
    path = writer(tmp_path / name)
    chunks = TableChunks([path], rows=2)
    frames = list(chunks)
    assert [len(f) for f in frames] == [2, 1]
    joined = pd.concat(frames, ignore_index=True)
    pd.testing.assert_frame_equal(joined, read_raw_table(path).reset_index(drop=True), check_dtype=False)
    assert joined["text"].tolist() == [r["text"] for r in ROWS]
    assert chunks.sizes == [3]
    assert [len(f) for f in chunks] == [2, 1]  # iterable again


def test_locate_counts_rows_within_each_file(tmp_path):
    first, second = write_csv(tmp_path / "a.csv"), write_csv(tmp_path / "b.csv")
    chunks = TableChunks([first, second], rows=10)
    list(chunks)
    assert chunks.sizes == [3, 3]
    assert chunks.locate(0) == f"{first} row 1"
    assert chunks.locate(2) == f"{first} row 3"
    assert chunks.locate(3) == f"{second} row 1"
    assert chunks.locate(5) == f"{second} row 3"


def test_rows_below_one_still_read_one_row_at_a_time(tmp_path):
    assert [len(f) for f in TableChunks([write_csv(tmp_path / "t.csv")], rows=0)] == [1, 1, 1]


def test_header_only_csv_gives_one_empty_chunk_with_its_columns(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,outlet,text\n", encoding="utf-8")
    frames = list(TableChunks([path]))
    assert len(frames) == 1 and frames[0].empty and list(frames[0].columns) == ["id", "outlet", "text"]


def test_json_column_with_a_gap_reads_as_float_in_every_pass(tmp_path):
    rows = [{"id": 7, "text": "a"}, {"text": "b"}, {"id": 9, "text": "c"}]
    path = write_jsonl(tmp_path / "t.jsonl", rows)
    chunks = TableChunks([path], rows=1)
    list(chunks)  # the first pass learns the type of the whole column
    second = list(chunks)
    assert second[0]["id"].tolist() == [7.0] and second[0]["id"].dtype.kind == "f"
    assert str(read_raw_table(path)["id"].iloc[0]) == str(second[0]["id"].iloc[0]) == "7.0"


def test_broken_gzip_is_one_line_error(tmp_path):
    path = tmp_path / "t.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "a"}\n' * 50)[:-12])
    with pytest.raises(FramingError, match=r"t\.jsonl\.gz: not a valid gzip file .*; compress it again with gzip$"):
        list(TableChunks([path]))


def test_bad_json_line_names_the_line(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"text": "a"}) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"t\.jsonl.*line 2"):
        list(TableChunks([path]))


def test_corrupt_parquet_is_one_line_error(tmp_path):
    path = tmp_path / "t.parquet"
    path.write_bytes(b"PAR1 not really parquet")
    with pytest.raises(FramingError, match=r"t\.parquet"):
        list(TableChunks([path]))


def test_parquet_parts_sorted_skipping_hidden_and_metadata(tmp_path):
    for name in ("part-1.parquet", "part-0.parquet", "_metadata.parquet", ".tmp.parquet", "notes.txt"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "sub.parquet").mkdir()
    assert [p.name for p in parquet_parts(tmp_path)] == ["part-0.parquet", "part-1.parquet"]
