"""Output folders appear whole or not at all, and an earlier folder survives a failed run."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.engine.parquet_output import staged_folders, write_part
from framing.errors import FramingError


def _hidden(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


def test_both_folders_appear_when_the_block_finishes(tmp_path):
    frame = pd.DataFrame({"doc_id": ["a"], "x": [1.5]})
    with staged_folders(tmp_path / "scores", None, tmp_path / "evidence") as (scores, none, evidence):
        assert none is None and not (tmp_path / "scores").exists()
        write_part(frame, scores, 0)
        write_part(frame, evidence, 3)
    assert [p.name for p in (tmp_path / "scores").iterdir()] == ["part.00000.parquet"]
    assert [p.name for p in (tmp_path / "evidence").iterdir()] == ["part.00003.parquet"]
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "scores"), frame)
    assert _hidden(tmp_path) == []


def test_a_failure_leaves_nothing_and_keeps_the_old_folder(tmp_path):
    (tmp_path / "scores").mkdir()
    (tmp_path / "scores" / "part.00000.parquet").write_bytes(b"old")
    with pytest.raises(RuntimeError), staged_folders(tmp_path / "scores", tmp_path / "evidence") as (scores, _):
        write_part(pd.DataFrame({"a": [1]}), scores, 0)
        raise RuntimeError("a partition failed")
    assert (tmp_path / "scores" / "part.00000.parquet").read_bytes() == b"old"
    assert not (tmp_path / "evidence").exists() and _hidden(tmp_path) == []


def test_a_part_is_never_written_into_a_removed_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_part(pd.DataFrame({"a": [1]}), tmp_path / "gone", 0)
    assert not (tmp_path / "gone").exists()


def test_a_file_in_the_way_is_one_line(tmp_path):
    (tmp_path / "scores").write_text("a file")
    with pytest.raises(FramingError, match="a file is in the way"), staged_folders(tmp_path / "scores"):
        pass
    assert (tmp_path / "scores").read_text() == "a file" and _hidden(tmp_path) == []


def test_a_killed_workers_half_written_part_is_not_published(tmp_path):
    with staged_folders(tmp_path / "scores") as (scores,):
        (scores / ".part.abc123.tmp").write_bytes(b"half a partition")  # a worker died mid-write
        write_part(pd.DataFrame({"a": [1]}), scores, 0)
    assert [p.name for p in (tmp_path / "scores").iterdir()] == ["part.00000.parquet"]


def test_after_a_failure_a_late_write_cannot_recreate_the_folder(tmp_path):
    with pytest.raises(KeyboardInterrupt), staged_folders(tmp_path / "scores") as (scores,):
        raise KeyboardInterrupt
    with pytest.raises(FileNotFoundError):
        write_part(pd.DataFrame({"a": [1]}), scores, 0)  # a task still running on a cluster the run did not start
    assert _hidden(tmp_path) == [] and not (tmp_path / "scores").exists()
