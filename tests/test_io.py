"""Atomic writes: a finished file or none, never half of one."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.errors import FramingError
from framing.io import TableStream, atomic_write_bytes, atomic_write_text, write_table


def test_atomic_write_creates_parent_folders_and_leaves_no_temp_files(tmp_path):
    target = tmp_path / "a" / "b" / "out.txt"
    atomic_write_text(target, "héllo\n")
    assert target.read_bytes() == "héllo\n".encode()
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.txt"]


def test_failed_write_keeps_the_old_file_and_removes_the_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("framing.io.os.replace", broken_replace)
    with pytest.raises(FramingError, match="cannot write here"):  # one line for the user, not a traceback
        atomic_write_bytes(target, b"new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_unwritable_location_is_a_user_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(FramingError, match="cannot write here"):
        atomic_write_text(blocker / "out.txt", "x")


@pytest.mark.parametrize("suffix", [".csv", ".json", ".jsonl", ".parquet"])
def test_write_table_round_trips_by_suffix(tmp_path, suffix):
    frame = pd.DataFrame({"doc_id": ["a", "b"], "score": [0.5, -1.0]})
    path = write_table(frame, tmp_path / f"t{suffix}")
    if suffix == ".csv":
        back = pd.read_csv(path)
    elif suffix == ".json":
        back = pd.read_json(path, orient="records")
    elif suffix == ".jsonl":
        back = pd.read_json(path, orient="records", lines=True)
    else:
        back = pd.read_parquet(path)
    assert back["doc_id"].tolist() == ["a", "b"]
    assert back["score"].tolist() == [0.5, -1.0]


def test_write_table_is_byte_identical_on_rerun(tmp_path):
    frame = pd.DataFrame({"x": [1.25, 2.5]})
    first = write_table(frame, tmp_path / "1.csv").read_bytes()
    second = write_table(frame, tmp_path / "2.csv").read_bytes()
    assert first == second


def test_unknown_table_suffix_is_a_user_error(tmp_path):
    with pytest.raises(FramingError, match="unknown output format '.xlsx'"):
        write_table(pd.DataFrame({"x": [1]}), tmp_path / "t.xlsx")
    assert not (tmp_path / "t.xlsx").exists()


FRAME = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c", "d", "e"],
        "n": [1, 2, 3, 4, 5],
        "text": ["x", "“quoted”, with comma", None, "line\nbreak", "é"],
        "weight": [0.5, float("nan"), -1.25, 2.0, 0.0],
    }
)


@pytest.mark.parametrize("suffix", [".csv", ".json", ".jsonl"])
@pytest.mark.parametrize("cuts", [[5], [1, 4], [2, 0, 3], [1, 1, 1, 1, 1]])
def test_a_table_streamed_in_chunks_is_byte_identical_to_one_write(tmp_path, suffix, cuts):
    whole, streamed = tmp_path / f"whole{suffix}", tmp_path / f"streamed{suffix}"
    write_table(FRAME, whole)
    with TableStream(streamed) as stream:
        first = 0
        for size in cuts:
            stream.write(FRAME.iloc[first : first + size])
            first += size
    assert streamed.read_bytes() == whole.read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_streamed_parquet_table_reads_back_equal(tmp_path):
    path = tmp_path / "t.parquet"
    with TableStream(path) as stream:
        stream.write(FRAME.iloc[:2])
        stream.write(FRAME.iloc[2:])
    assert pd.read_parquet(path).equals(FRAME)


def test_a_stream_with_no_rows_writes_an_empty_table(tmp_path):
    path = tmp_path / "t.csv"
    with TableStream(path) as stream:
        stream.write(FRAME.iloc[:0])
    assert path.read_text() == "doc_id,n,text,weight\n"


def test_a_failed_stream_leaves_no_file_behind(tmp_path):
    path = tmp_path / "t.csv"
    with pytest.raises(RuntimeError), TableStream(path) as stream:
        stream.write(FRAME)
        raise RuntimeError("scoring failed half way")
    assert list(tmp_path.iterdir()) == []


def test_a_stream_to_an_unknown_format_is_a_user_error(tmp_path):
    with pytest.raises(FramingError, match="unknown output format"):
        TableStream(tmp_path / "t.xlsx")
