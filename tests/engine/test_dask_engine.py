"""The dask engine gives the local engine's numbers: every table equal, row for row."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from tests.engine.conftest import repeated_articles, write_parts


@pytest.mark.parametrize("name", ["table", "evidence", "sentences", "quotes", "stance"])
def test_every_table_equals_the_local_engine(local_scores, dask_scores, name):
    local, distributed = getattr(local_scores, name), getattr(dask_scores, name)
    assert len(local) > 0
    pd.testing.assert_frame_equal(distributed, local, check_exact=True)


def test_the_scores_table_equals_after_sorting_by_doc_id(local_scores, dask_scores):
    local = local_scores.table.sort_values("doc_id", ignore_index=True)
    distributed = dask_scores.table.sort_values("doc_id", ignore_index=True)
    assert len(local) == 200 and distributed["doc_id"].is_unique
    pd.testing.assert_frame_equal(distributed, local, check_exact=True)


def test_the_run_reports_what_it_used(local_scores, dask_scores):
    assert [lex.name for lex in dask_scores.lexicons] == [lex.name for lex in local_scores.lexicons]
    assert dask_scores.targets.names == local_scores.targets.names


def test_rows_without_an_id_column_are_numbered_across_partitions(nato_corpus, tmp_path, dask_client):
    table = repeated_articles(nato_corpus, 3)
    table.to_parquet(tmp_path / "whole.parquet", index=False)
    parts = write_parts(table, tmp_path / "parts", parts=3)
    distributed = framing.score(parts, engine="dask", client=dask_client, lexicons=["loaded-language"], evidence=False)
    local = framing.score(tmp_path / "whole.parquet", lexicons=["loaded-language"], evidence=False, n_jobs=1)
    assert distributed.table["doc_id"].tolist()[:2] == ["row-000001", "row-000002"]
    pd.testing.assert_frame_equal(distributed.table, local.table, check_exact=True)


def test_the_dates_over_time_reads_equal_the_local_engine(local_scores, dask_scores):
    assert dask_scores.dates is not None and dask_scores.dates.notna().any()
    pd.testing.assert_series_equal(dask_scores.dates, local_scores.dates, check_exact=True)


def test_scoring_tasks_collect_garbage_rarely_and_leave_the_process_s_thresholds_as_they_were():
    import gc

    from framing.engine.dask_engine import rare_collections
    from framing.scoring.pipeline import WORKER_GC_THRESHOLDS

    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        with rare_collections():
            with rare_collections():  # two tasks overlapping in threads
                assert gc.get_threshold() == WORKER_GC_THRESHOLDS
            assert gc.get_threshold() == WORKER_GC_THRESHOLDS  # the other task still runs
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)
