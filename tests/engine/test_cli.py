"""`framing score --engine dask`: Parquet folders equal to the local engine's files, one-line errors, nothing half-written."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

from tests.cli.runner import run_main
from tests.engine.conftest import repeated_articles, write_parts

QUIET_COLUMNS = ["--id-column", "doc_id", "--quiet"]


@pytest.fixture(scope="module")
def small_parts(nato_corpus, tmp_path_factory):
    """15 articles in 3 Parquet parts, and the same rows as one CSV for the local engine."""
    table = repeated_articles(nato_corpus, 3)
    root = tmp_path_factory.mktemp("small")
    table.to_csv(root / "all.csv", index=False)
    return write_parts(table, root / "parts", parts=3), root / "all.csv"


def _siblings(folder):
    """Hidden temporary folders a run left beside `folder`."""
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith("."))


def test_score_folders_equal_the_local_files_and_are_reproducible(small_parts, tmp_path, dask_client):
    parts, whole = small_parts
    local = run_main(
        "score",
        str(whole),
        "-o",
        str(tmp_path / "local.parquet"),
        "--evidence",
        str(tmp_path / "local-evidence.parquet"),
        *QUIET_COLUMNS,
    )
    assert local.exit_code == 0, local.stderr
    started = run_main(
        "score",
        str(parts),
        "--engine",
        "dask",
        "--workers",
        "1",
        "--id-column",
        "doc_id",
        "-o",
        str(tmp_path / "scores"),
        "--evidence",
        str(tmp_path / "evidence"),
    )
    assert started.exit_code == 0, started.stderr
    assert "scored 15 articles" in started.stdout and "in 3 partitions" in started.stdout
    assert sorted(p.name for p in (tmp_path / "scores").iterdir()) == [f"part.0000{i}.parquet" for i in range(3)]
    for folder, file in (("scores", "local.parquet"), ("evidence", "local-evidence.parquet")):
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / folder), pd.read_parquet(tmp_path / file), check_exact=True
        )
    again = run_main(
        "score",
        str(parts),
        "--engine",
        "dask",
        "--scheduler",
        dask_client.scheduler.address,
        "-o",
        str(tmp_path / "again"),
        *QUIET_COLUMNS,
    )
    assert again.exit_code == 0, again.stderr
    for part in (tmp_path / "scores").iterdir():
        assert (tmp_path / "again" / part.name).read_bytes() == part.read_bytes()
    assert _siblings(tmp_path / "scores") == []


def test_a_rerun_replaces_its_own_folder_but_not_a_foreign_one(small_parts, tmp_path, dask_client):
    parts, _ = small_parts
    args = [
        "score",
        str(parts),
        "--engine",
        "dask",
        "--scheduler",
        dask_client.scheduler.address,
        "-l",
        "loaded-language",
        *QUIET_COLUMNS,
    ]
    (tmp_path / "scores").mkdir()
    (tmp_path / "scores" / "part.00009.parquet").write_bytes(b"an earlier run")
    assert run_main(*args, "-o", str(tmp_path / "scores")).exit_code == 0
    assert not (tmp_path / "scores" / "part.00009.parquet").exists()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "thesis.md").write_text("keep me")
    refused = run_main(*args, "-o", str(tmp_path / "notes"))
    assert refused.exit_code == 2 and "folder is not empty" in refused.stderr
    assert (tmp_path / "notes" / "thesis.md").read_text() == "keep me"


def _bad_parts(tmp_path, nato_corpus, spoil):
    table = repeated_articles(nato_corpus, 2)
    spoil(table)
    return write_parts(table, tmp_path / "bad", parts=2)


def _blank_last_text(table):
    table.loc[len(table) - 1, "text"] = "  "


def _only_boilerplate_last(table):
    table.loc[len(table) - 1, "text"] = "Click here to read more"


def _duplicate_across_parts(table):
    table.loc[len(table) - 1, "doc_id"] = table.loc[0, "doc_id"]


@pytest.mark.parametrize(
    ("spoil", "extra", "message"),
    [
        (_blank_last_text, [], r"bad/part-1\.parquet row 5: the article text is empty"),
        (_duplicate_across_parts, [], r"bad/part-0\.parquet row 1, .*bad/part-1\.parquet row 5: duplicate id"),
        (_only_boilerplate_last, [], r"empty text after cleaning"),
        (lambda table: None, ["--text-column", "body"], r"bad/part-0\.parquet: no column 'body' for the article text"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_leaves_nothing(tmp_path, nato_corpus, dask_client, spoil, extra, message):
    parts = _bad_parts(tmp_path, nato_corpus, spoil)
    outcome = run_main(
        "score",
        str(parts),
        "--engine",
        "dask",
        "--scheduler",
        dask_client.scheduler.address,
        "-o",
        str(tmp_path / "scores"),
        "--evidence",
        str(tmp_path / "evidence"),
        *QUIET_COLUMNS,
        *extra,
    )
    assert outcome.exit_code == 2
    assert len(outcome.stderr.strip().splitlines()) == 1 and "Traceback" not in outcome.stderr
    assert pytest.importorskip("re").search(message, outcome.stderr), outcome.stderr
    assert not (tmp_path / "scores").exists() and not (tmp_path / "evidence").exists()
    assert _siblings(tmp_path / "scores") == []


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("missing-folder", "no such file or folder"),
        ("nothing-*.csv", "no file matches this pattern"),
    ],
)
def test_a_source_that_is_not_there_is_one_line(tmp_path, source, message):
    outcome = run_main("score", str(tmp_path / source), "--engine", "dask", "-o", str(tmp_path / "scores"))
    assert outcome.exit_code == 2 and message in outcome.stderr


def test_without_dask_the_engine_says_what_to_install(small_parts, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    outcome = run_main("score", str(small_parts[0]), "--engine", "dask", "-o", str(tmp_path / "scores"))
    assert outcome.exit_code == 2
    assert (
        outcome.stderr.strip() == "framing: error: the dask engine needs dask and distributed: "
        'pip install "framing-toolkit[dask]"'
    )
