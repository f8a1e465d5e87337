"""Outlet means with bootstrap intervals on a dask cluster, equal to `Scores.by_outlet()`.

The means come from per-partition sufficient statistics (per outlet: the
article count, and per score the sum and the number of articles that have
it), summed across partitions in a tree reduction. A percentile bootstrap has
no such summary: it resamples the articles. So the articles' scores are
shuffled to one task per outlet, put back in corpus order there (partition,
then row) and resampled with the outlet's own seeded generator
(`framing.stats.bootstrap.bootstrap_interval`), the draws the local engine
makes. Only one outlet's scores are ever in one task, never the whole table.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from framing.errors import FramingError
from framing.stats.bootstrap import bootstrap_interval, numeric_measures, outlet_row

if TYPE_CHECKING:
    import pandas as pd

ORDER = ("_part", "_row")  # where an article is in the corpus: partition, then row
NAME = "_outlet"  # the outlet again, for the group task (pandas leaves the grouping column out of a group)


def scores_frame(scores: Any) -> Any:
    """A dask DataFrame of scores: `scores` itself, or the Parquet parts of a `framing score --engine dask` folder."""
    import dask.dataframe as dd

    if isinstance(scores, dd.DataFrame):
        return scores
    folder = Path(scores)
    parts = sorted(folder.glob("part.*.parquet")) if folder.is_dir() else []
    if not parts:
        raise FramingError(
            f"{folder}: no part.NNNNN.parquet files here; give the -o folder of `framing score --engine dask`"
        )
    import pandas as pd

    return dd.from_map(pd.read_parquet, [str(p) for p in parts], label="framing-read-scores")


def _placed(part: pd.DataFrame, measures: list[str], partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
    """The partition's outlet and scores as floats, with its place in the corpus (`ORDER`)."""
    number = partition_info["number"] if partition_info else 0
    frame = part[["outlet", *measures]].astype(dict.fromkeys(measures, "float64"))
    return frame.assign(_part=number, _row=np.arange(len(part), dtype=np.int64), _outlet=frame["outlet"])


def partition_stats(part: pd.DataFrame, measures: list[str]) -> pd.DataFrame:
    """Per outlet of one partition: `n`, and per score its sum (`s:` name) and count of values (`c:` name)."""
    values = part[measures].to_numpy(dtype=float)
    valid = ~np.isnan(values)
    import pandas as pd

    columns = {"outlet": part["outlet"].to_numpy(), "n": np.ones(len(part), dtype=np.int64)}
    for j, name in enumerate(measures):
        columns[f"s:{name}"] = np.where(valid[:, j], values[:, j], 0.0)
        columns[f"c:{name}"] = valid[:, j].astype(np.int64)
    return pd.DataFrame(columns).groupby("outlet", sort=True).sum().reset_index()


def outlet_intervals(
    group: pd.DataFrame, measures: list[str], place: dict[str, int], n_boot: int, seed: int, level: float
) -> pd.DataFrame:
    """One outlet's bootstrap bounds, from its articles put back in corpus order."""
    import pandas as pd

    ordered = group.sort_values(list(ORDER), kind="mergesort")
    outlet = str(ordered[NAME].iloc[0])
    low, high = bootstrap_interval(
        ordered[measures].to_numpy(dtype=float), place[outlet], n_boot=n_boot, seed=seed, level=level
    )
    bounds = {f"l:{m}": [low[j]] for j, m in enumerate(measures)}
    bounds |= {f"h:{m}": [high[j]] for j, m in enumerate(measures)}
    return pd.DataFrame({"outlet": [outlet], **bounds})


def outlet_means(scores: Any, client: Any, *, n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """`Scores.by_outlet()` of the table in `scores` (a dask DataFrame or a scores folder), computed on `client`.

    The same columns and rows as the local engine's; means equal to within
    float rounding of a different summation order (1e-9), intervals identical.
    """
    import pandas as pd

    frame = scores_frame(scores)
    measures = numeric_measures(frame._meta)
    stats: pd.DataFrame = client.compute(
        frame.map_partitions(partition_stats, measures, meta=partition_stats(frame._meta, measures))
        .groupby("outlet", sort=True)
        .sum(split_out=1),
        sync=True,
    ).sort_index()
    place = {str(outlet): i for i, outlet in enumerate(stats.index)}
    placed = frame.map_partitions(_placed, measures, meta=_placed(frame._meta, measures))
    meta = pd.DataFrame(
        {"outlet": pd.Series(dtype=object)} | {f"{e}:{m}": pd.Series(dtype=float) for e in "lh" for m in measures}
    )
    intervals = client.compute(
        placed.groupby("outlet").apply(
            outlet_intervals, measures, place, n_boot, seed, level, meta=meta, shuffle_method="tasks"
        ),
        sync=True,
    ).set_index("outlet")
    rows = []
    for outlet, counts in stats.iterrows():
        with np.errstate(invalid="ignore", divide="ignore"):
            means = np.array([counts[f"s:{m}"] / counts[f"c:{m}"] for m in measures], dtype=float)
        low = intervals.loc[outlet, [f"l:{m}" for m in measures]].to_numpy(dtype=float)
        high = intervals.loc[outlet, [f"h:{m}" for m in measures]].to_numpy(dtype=float)
        rows.append(outlet_row(outlet, int(counts["n"]), measures, means, low, high))
    return pd.DataFrame(rows)
