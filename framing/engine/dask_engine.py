"""`framing score --engine dask`: the local engine's pipeline, mapped over partitions on a dask cluster.

Each partition is read with framing's table reader, cleaned with the
corpus-wide boilerplate keys (`corpus_facts`), checked as the local engine
checks a corpus, and scored by `framing.scoring.pipeline` itself, in the same
chunks of `CHUNK` articles. So the numbers cannot differ from `--engine
local`; only where the work happens does.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.engine.articles import clean_piece, items
from framing.engine.corpus_facts import CorpusFacts, gather_facts
from framing.engine.failures import attempt, raise_first
from framing.engine.inputs import Piece, find_pieces
from framing.engine.parquet_output import staged_folders, write_part

if TYPE_CHECKING:
    import pandas as pd

    from framing.corpus.readers.columns import Columns
    from framing.scoring.pipeline import Pipeline

RESULTS = ("table", "evidence", "sentences", "quotes", "stance")


@dataclass(frozen=True)
class DaskRun:
    """What every partition task needs: how to read, the corpus-wide facts and the pipeline (all picklable)."""

    pieces: tuple[Piece, ...]
    columns: Columns
    facts: CorpusFacts
    pipeline: Pipeline
    lexicons: tuple[Any, ...]

    @property
    def targets(self) -> Any:
        return self.pipeline.targets

    def items(self) -> list[tuple[int, Piece, int]]:
        """(index, piece, first corpus row) for every partition that has rows."""
        return items(self.pieces, self.facts)


def prepare(
    source: str | Path,
    columns: Columns,
    client: Any,
    lexicons: Any = None,
    targets: Any = None,
    evidence: bool = True,
    facts: CorpusFacts | None = None,
) -> DaskRun:
    """Find the partitions, gather the corpus facts on the cluster (unless given), build the local engine's pipeline."""
    from framing.scoring.pipeline import Pipeline, _lexicons
    from framing.scoring.registry import RunSettings
    from framing.scoring.stance.targets import load_targets

    pieces = find_pieces(source)
    facts = facts or gather_facts(pieces, columns, client)
    if targets is None and Path(source).is_dir() and (Path(source) / "targets.yaml").is_file():
        targets = Path(source) / "targets.yaml"  # a corpus folder's own targets, as load_corpus finds them
    frame_lexicons, loaded_lexicon = _lexicons(lexicons)
    settings = RunSettings(frame_lexicons, loaded_lexicon, load_targets(targets) if targets is not None else None)
    pipeline = Pipeline.from_settings(settings, evidence=bool(evidence))
    return DaskRun(tuple(pieces), columns, facts, pipeline, (*frame_lexicons, loaded_lexicon))


def score_piece(item: tuple[int, Piece, int], run: DaskRun) -> dict[str, pd.DataFrame]:
    """One partition's results (`RESULTS`), computed exactly as `framing.scoring.pipeline.score_chunks` does.

    With the local workers' garbage-collector thresholds while it runs (`rare_collections`).
    """
    from framing.scoring.pipeline import Chunks, _articles, _concat, _Run

    with rare_collections():
        corpus = clean_piece(item, run.columns, run.facts)
        outlets = corpus.articles["outlet"].to_numpy()
        chunks = list(Chunks(_Run(_articles(corpus), run.pipeline, run.lexicons), outlets, 1, False))
    articles = corpus.articles
    dates = articles[["doc_id", "date"]] if "date" in articles.columns else articles[["doc_id"]]
    return {key: _concat([c[key] for c in chunks]) for key in RESULTS} | {"dates": dates}


@contextmanager
def rare_collections() -> Iterator[None]:
    """The local scoring workers' gc thresholds (`WORKER_GC_THRESHOLDS`) while any scoring task runs, then the previous ones.

    A worker's garbage collector ran every 700 allocations and found almost
    nothing: scoring makes millions of short-lived objects, nearly none in
    cycles. Set per task, not for the whole worker process, because on a
    cluster the user started the process is theirs; counted, so that tasks
    overlapping in threads restore the user's thresholds once the last ends.
    No result depends on the collector.
    """
    import gc

    from framing.scoring.pipeline import WORKER_GC_THRESHOLDS

    with _COLLECTOR_LOCK:
        if not _COLLECTOR_TASKS:
            _COLLECTOR_SAVED[:] = gc.get_threshold()
            gc.set_threshold(*WORKER_GC_THRESHOLDS)
        _COLLECTOR_TASKS.append(None)
    try:
        yield
    finally:
        with _COLLECTOR_LOCK:
            _COLLECTOR_TASKS.pop()
            if not _COLLECTOR_TASKS:
                gc.set_threshold(*_COLLECTOR_SAVED)


_COLLECTOR_LOCK = threading.Lock()
_COLLECTOR_TASKS: list[None] = []  # one entry per scoring task running in this process
_COLLECTOR_SAVED: list[int] = []  # the thresholds before the first of them


def score_frames(run: DaskRun, client: Any) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Every result table of the run and the articles' dates, gathered in corpus order, and the outlet means.

    The outlet means (`framing.engine.outlets`) are computed on the cluster
    from the partitions' tables where they were scored, before the workers' copies go.
    """
    import dask.dataframe as dd
    from dask import delayed

    from framing.engine.outlets import outlet_means
    from framing.scoring.pipeline import _concat

    tasks = [delayed(attempt)(partial(score_piece, item, run)) for item in run.items()]
    futures = client.compute(tasks)
    outcomes = client.gather(futures)
    raise_first(error for _, error in outcomes)
    tables = {key: _concat([part[key] for part, _ in outcomes]) for key in (*RESULTS, "dates")}
    parts = [client.submit(_table_of, future, pure=False) for future in futures]
    outlets = outlet_means(dd.from_delayed(parts, meta=tables["table"].iloc[:0]), client)
    return tables, outlets


def _table_of(outcome: tuple[dict[str, pd.DataFrame], str]) -> pd.DataFrame:
    return outcome[0]["table"]


def write_piece(item: tuple[int, Piece, int], run: DaskRun, scores: Path, evidence: Path | None) -> pd.DataFrame:
    """Score one partition and write its parts; return one row of counts for the summary (or the error)."""
    import pandas as pd

    results, error = attempt(partial(score_piece, item, run))
    if results is None:
        return pd.DataFrame(
            {"piece": [item[0]], "articles": [0], "words": [0], "evidence": [0], "outlets": [""], "error": [error]}
        )
    table = results["table"]
    write_part(table, scores, item[0])
    if evidence is not None:
        write_part(results["evidence"], evidence, item[0])
    return pd.DataFrame(
        {
            "piece": [item[0]],
            "articles": [len(table)],
            "words": [int(table["words"].sum())],
            "evidence": [len(results["evidence"])],
            "outlets": ["\x1f".join(sorted(table["outlet"].unique()))],
            "error": [""],
        }
    )


def score_to_folders(run: DaskRun, client: Any, scores: Path, evidence: Path | None = None) -> pd.DataFrame:
    """Write `scores/` (and `evidence/`) as partitioned Parquet, atomically; return per-partition counts."""
    import dask.dataframe as dd
    import pandas as pd

    meta = pd.DataFrame(
        {
            "piece": pd.Series(dtype="int64"),
            "articles": pd.Series(dtype="int64"),
            "words": pd.Series(dtype="int64"),
            "evidence": pd.Series(dtype="int64"),
            "outlets": pd.Series(dtype=str),
            "error": pd.Series(dtype=str),
        }
    )
    with staged_folders(scores, evidence) as (scores_tmp, evidence_tmp):
        assert scores_tmp is not None
        counts = dd.from_map(
            partial(write_piece, run=run, scores=scores_tmp, evidence=evidence_tmp),
            run.items(),
            meta=meta,
            enforce_metadata=False,
            label="framing-score",
        )
        result: pd.DataFrame = client.compute(counts, sync=True)
        raise_first(result.sort_values("piece")["error"])  # inside: a failed partition discards the folders
    return result
