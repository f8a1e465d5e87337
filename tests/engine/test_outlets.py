"""Outlet means from per-partition sums and per-outlet bootstrap tasks equal `Scores.by_outlet()`."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.engine.outlets import outlet_means, partition_stats
from framing.errors import FramingError

INTERVAL = (".ci_low", ".ci_high")


def assert_same_outlet_table(got: pd.DataFrame, want: pd.DataFrame) -> None:
    """Same rows, columns and order; means within 1e-9 (another summation order), intervals exactly."""
    assert list(got.columns) == list(want.columns) and got["outlet"].tolist() == want["outlet"].tolist()
    pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=0, atol=1e-9)
    bounds = [c for c in want.columns if c.endswith(INTERVAL)]
    assert bounds and want[bounds].notna().any().any()
    pd.testing.assert_frame_equal(got[bounds], want[bounds], check_exact=True)


def test_the_dask_run_s_outlet_means_equal_the_local_engine_s(local_scores, dask_scores):
    assert dask_scores.outlets is not None  # computed on the cluster, not from the gathered table
    assert_same_outlet_table(dask_scores.by_outlet(), local_scores.by_outlet())


def test_other_bootstrap_settings_are_computed_as_locally(local_scores, dask_scores):
    pd.testing.assert_frame_equal(
        dask_scores.by_outlet(seed=3, n_boot=200), local_scores.by_outlet(seed=3, n_boot=200), check_exact=True
    )


def _uneven_table() -> pd.DataFrame:
    """Outlets spread unevenly over partitions, missing values, and an outlet with one article."""
    rng = np.random.default_rng(7)
    n = 90
    outlets = rng.choice(["b", "a", "c"], size=n).astype(object)
    outlets[-1] = "lonely"
    score = rng.normal(size=n)
    score[rng.random(n) < 0.3] = np.nan
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "outlet": outlets,
            "words": rng.integers(50, 900, size=n),
            "score": score,
            "all_missing": np.full(n, np.nan),
            "label": ["x"] * n,  # not numeric: not averaged
        }
    )


@pytest.mark.parametrize("npartitions", [1, 4, 7])
def test_any_partitioning_gives_the_local_table(dask_client, npartitions):
    import dask.dataframe as dd

    from framing.stats.bootstrap import outlet_means as local_outlet_means

    table = _uneven_table()
    got = outlet_means(dd.from_pandas(table, npartitions=npartitions, sort=False), dask_client, n_boot=300, seed=5)
    want = local_outlet_means(table, n_boot=300, seed=5)
    assert_same_outlet_table(got, want)
    lonely = got.set_index("outlet").loc["lonely"]
    assert lonely["n_articles"] == 1 and np.isnan(lonely["words.ci_low"])


def test_the_partition_statistics_are_sums_and_counts():
    table = _uneven_table().iloc[:20]
    stats = partition_stats(table, ["score"]).set_index("outlet")
    for outlet, group in table.groupby("outlet"):
        assert stats.loc[outlet, "n"] == len(group)
        assert stats.loc[outlet, "c:score"] == group["score"].notna().sum()
        assert stats.loc[outlet, "s:score"] == pytest.approx(group["score"].sum())


def test_a_scores_folder_of_a_dask_run_gives_the_local_table(parts_folder, targets_file, dask_client, tmp_path):
    from framing.corpus.inputs import as_corpus
    from framing.corpus.readers.columns import Columns
    from framing.engine.dask_engine import prepare, score_to_folders
    from framing.scoring.pipeline import score as local_score

    columns = Columns(id="doc_id")
    run = prepare(parts_folder, columns, dask_client, ["loaded-language"], targets_file, evidence=False)
    score_to_folders(run, dask_client, tmp_path / "scores")
    local = local_score(
        as_corpus(pd.read_parquet(parts_folder).astype({"doc_id": str}), columns),
        ["loaded-language"],
        targets_file,
        n_jobs=1,
        evidence=False,
    )
    assert_same_outlet_table(outlet_means(tmp_path / "scores", dask_client), local.by_outlet())


def test_a_folder_without_parts_is_one_line(tmp_path, dask_client):
    with pytest.raises(FramingError, match="no part.NNNNN.parquet files here"):
        outlet_means(tmp_path, dask_client)
