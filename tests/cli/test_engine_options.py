"""`--engine dask` on `framing compare` and `framing report`: bad input is one line, exit 2, and nothing is written."""

from __future__ import annotations

import pytest

from tests.cli.runner import run_main

pytest.importorskip("distributed")

from tests.engine import conftest as engine  # noqa: E402  (needs distributed)

dask_client = engine.dask_client  # the engine tests' in-process cluster, a session fixture
repeated_articles, write_parts = engine.repeated_articles, engine.write_parts


@pytest.fixture()
def duplicated_parts(nato_corpus, tmp_path):
    """Two Parquet parts whose last article repeats the first one's id."""
    table = repeated_articles(nato_corpus, 2)
    table.loc[len(table) - 1, "doc_id"] = table.loc[0, "doc_id"]
    return write_parts(table, tmp_path / "bad", parts=2)


@pytest.mark.parametrize(
    ("command", "output"),
    [("compare", ["-o", "tables"]), ("report", ["-o", "page.html"])],
)
def test_a_duplicate_id_across_parts_is_one_line_and_leaves_nothing(
    duplicated_parts, tmp_path, dask_client, command, output
):
    target = tmp_path / output[1]
    outcome = run_main(
        command,
        str(duplicated_parts),
        "--engine",
        "dask",
        "--scheduler",
        dask_client.scheduler.address,
        "--id-column",
        "doc_id",
        output[0],
        str(target),
    )
    assert outcome.exit_code == 2 and "Traceback" not in outcome.stderr
    assert len(outcome.stderr.strip().splitlines()) == 1
    assert "bad/part-0.parquet row 1" in outcome.stderr and "duplicate id" in outcome.stderr
    assert not target.exists() and not (tmp_path / f"{output[1]}.json").exists()


@pytest.mark.parametrize("command", ["compare", "report"])
def test_an_output_over_an_input_is_refused_before_the_cluster_starts(duplicated_parts, command, monkeypatch):
    import framing.engine.cluster as cluster

    def no_cluster(*args, **kwargs):
        raise AssertionError("a cluster was started")

    monkeypatch.setattr(cluster, "dask_client", no_cluster)
    part = duplicated_parts / "part-0.parquet"
    before = part.read_bytes()
    target = duplicated_parts if command == "compare" else part
    outcome = run_main(command, str(duplicated_parts), "--engine", "dask", "-o", str(target))
    assert outcome.exit_code == 2 and len(outcome.stderr.strip().splitlines()) == 1, outcome.stderr
    assert part.read_bytes() == before


def test_a_scheduler_that_does_not_answer_is_one_line(duplicated_parts, tmp_path):
    outcome = run_main(
        "compare",
        str(duplicated_parts),
        "--engine",
        "dask",
        "--scheduler",
        "tcp://127.0.0.1:1",
        "-o",
        str(tmp_path / "t"),
    )
    assert outcome.exit_code == 2 and "no dask scheduler answers there" in outcome.stderr
