"""`framing.score(...)` with a choice of engine: the local process pool, or a dask cluster.

`engine="local"` is `framing.scoring.pipeline.score` unchanged. `engine="dask"`
reads a Parquet file, a folder of Parquet parts or a glob of CSV/JSONL files
in partitions on a `distributed` cluster and returns the same `Scores`, with
identical numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.errors import FramingError
from framing.scoring.scores import Scores

if TYPE_CHECKING:
    import pandas as pd

    from framing.corpus.readers.columns import Columns
    from framing.engine.dask_engine import DaskRun

ENGINES = ("local", "dask")
BY_OUTLET_DEFAULTS = {"n_boot": 1000, "seed": 0, "level": 0.95}


@dataclass(frozen=True, eq=False)
class ClusterScores(Scores):
    """`Scores` from the dask engine: `by_outlet()` with the default settings was computed on the cluster.

    (`framing.engine.outlets`: sums per partition and one bootstrap task per
    outlet.) Other settings are computed here from the gathered table, as locally.
    """

    outlets: pd.DataFrame | None = None

    def by_outlet(self, *, n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
        if self.outlets is not None and {"n_boot": n_boot, "seed": seed, "level": level} == BY_OUTLET_DEFAULTS:
            return self.outlets.copy()
        return super().by_outlet(n_boot=n_boot, seed=seed, level=level)


def score(
    source: Any,
    lexicons: Any = None,
    targets: Any = None,
    *,
    engine: str = "local",
    scheduler: str | None = None,
    client: Any = None,
    workers: int | None = None,
    n_jobs: int | None = None,
    progress: bool = False,
    evidence: bool = True,
    slant: bool = False,
    id_column: str | None = None,
    text_column: str = "text",
    outlet_column: str = "outlet",
    title_column: str = "title",
    date_column: str = "date",
) -> Scores:
    """Score every article of `source`: sentiment, frames, stance, loaded language, sourcing.

    Args:
        source: a `Corpus`, or a path a corpus loads from; with `engine="dask"`,
            a Parquet file, a folder of Parquet parts or a glob of CSV/JSONL files.
        lexicons: names or paths (default: every built-in lexicon).
        targets: a targets file or `Targets` (default: the corpus' own `targets.yaml`).
        engine: `"local"` (worker processes on this machine) or `"dask"`.
        scheduler: with dask, the address of a running scheduler (`tcp://host:8786`).
        client: with dask, a `distributed.Client` to use (it is left running).
        workers: with dask and neither of the above, the LocalCluster's worker
            processes (default: one per core); the cluster is closed after the run.
        n_jobs: local worker processes (default: every core).
        progress: a progress bar on stderr (local engine).
        evidence: False leaves the evidence and sentence tables empty.
        slant: also score sentence slant (opt-in: it doubles the scoring time; local engine).
        id_column: the columns to read from a table source (as `load_corpus`).

    Returns:
        `Scores`; the dask engine's tables equal the local engine's.

    Raises:
        FramingError: bad input (one line naming the file), an unknown engine, dask not installed.
    """
    from framing.corpus.readers.columns import Columns

    columns = Columns(id=id_column, text=text_column, outlet=outlet_column, title=title_column, date=date_column)
    if engine == "local":
        return _local(
            source, lexicons, targets, columns, n_jobs=n_jobs, progress=progress, evidence=evidence, slant=slant
        )
    if engine != "dask":
        raise FramingError(f"engine {engine!r}: unknown; use one of {', '.join(ENGINES)}")
    if slant:
        raise FramingError("slant=True runs on the local engine only for now; score without it on dask")
    if not isinstance(source, (str, Path)):
        raise FramingError(
            "engine='dask' reads a path (a Parquet file, a folder of Parquet parts or a glob "
            "of CSV/JSONL files), not a loaded Corpus"
        )
    from framing.engine.cluster import dask_client
    from framing.engine.dask_engine import prepare

    with dask_client(scheduler, client, workers) as dask:
        return cluster_scores(prepare(source, columns, dask, lexicons, targets, evidence), dask)


def cluster_scores(run: DaskRun, client: Any) -> ClusterScores:
    """Score the run's partitions on `client`'s cluster and gather the tables (see `dask_engine.prepare`)."""
    from framing.engine.dask_engine import score_frames

    tables, outlets = score_frames(run, client)
    return ClusterScores(
        table=tables["table"],
        evidence=tables["evidence"],
        sentences=tables["sentences"],
        quotes=tables["quotes"],
        stance=tables["stance"],
        lexicons=run.lexicons,
        targets=run.targets,
        dates=tables["dates"].set_index("doc_id")["date"] if "date" in tables["dates"] else None,
        outlets=outlets,
    )


def _local(source: Any, lexicons: Any, targets: Any, columns: Columns, **options: Any) -> Scores:
    from framing.corpus.inputs import as_corpus
    from framing.scoring.pipeline import score as local_score

    corpus = as_corpus(source, columns)  # the one input check every entry point shares
    result: Scores = local_score(corpus, lexicons, targets, **options)
    return result
