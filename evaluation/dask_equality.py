"""Does `--engine dask` give the local engine's tables on 2,000 AllSides articles in 8 parts? Print every table.

    python evaluation/dask_equality.py [--limit 2000] [--parts 8] [--workers 2]

Writes the first N AllSides articles once as one Parquet file (for the local
engine) and once as K Parquet parts (for dask), then on a LocalCluster of W
worker processes: scores (every table), the outlet means with their
bootstrap intervals, and every `compare` table, computed partition by
partition on the cluster (`framing.engine.compare.compare_on_cluster`, the
facts marked as `--mark-words` marks them). For each table it prints
the rows, whether the two are equal (floats within 1e-9, same row order) and
the largest difference between two floats, then the time of each engine.
The suite runs the same checks on 64 articles (tests/engine/test_compare.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_dask import write_inputs  # noqa: E402  (the same inputs the speed benchmark writes)

_SHARED = os.environ.get("FRAMING_SHARED_DATA") or str(Path(__file__).resolve().parents[1] / ".." / "shared" / "data")
DATA = Path(_SHARED) / "allsides-10k.jsonl.gz"
TOLERANCE = 1e-9


def largest_difference(got: pd.DataFrame, want: pd.DataFrame) -> float:
    """The largest absolute difference between two float cells of tables of equal shape (0 when none)."""
    floats = [c for c in want.columns if pd.api.types.is_float_dtype(want[c])]
    if not floats or got.shape != want.shape:
        return 0.0
    diff = np.abs(got[floats].to_numpy(dtype=float) - want[floats].to_numpy(dtype=float))
    return float(np.nanmax(diff, initial=0.0))


def compare_tables(name: str, got: pd.DataFrame, want: pd.DataFrame) -> bool:
    """Print one line for a table; True when equal within TOLERANCE, rows in the same order."""
    try:
        pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=0, atol=TOLERANCE)
        equal = True
    except AssertionError:
        equal = False
    print(
        f"  {name:<22} {len(want):>8,} rows  equal: {equal!s:<5}  largest float difference {largest_difference(got, want):.1e}"
    )
    return equal


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--parts", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--data", type=Path, default=DATA, help="the AllSides JSONL(.gz) (default: $FRAMING_SHARED_DATA)"
    )
    args = parser.parse_args(argv)
    if not args.data.is_file():
        raise SystemExit(f"{args.data}: not found; this evaluation needs the shared AllSides file (pass --data)")
    from distributed import Client, LocalCluster

    import framing
    from framing.comparison.pipeline import compare
    from framing.corpus.model import load_corpus
    from framing.corpus.readers.columns import Columns
    from framing.engine.compare import compare_on_cluster, gather_for_report

    with tempfile.TemporaryDirectory() as tmp:
        whole, parts = write_inputs(args.data, args.limit, args.parts, Path(tmp))
        started = time.perf_counter()
        corpus = load_corpus(whole, id_column="id")
        local_scores = framing.score(corpus)
        local_outlets = local_scores.by_outlet()
        local_scored_s = time.perf_counter() - started
        started = time.perf_counter()
        local_compare = compare(corpus, scores=local_scores).tables()
        local_compare_s = time.perf_counter() - started
        started = time.perf_counter()
        with (
            LocalCluster(
                n_workers=args.workers, threads_per_worker=1, host="127.0.0.1", dashboard_address="127.0.0.1:0"
            ) as cluster,
            Client(cluster) as client,
        ):
            gathered, dask_scores, reported = gather_for_report(parts, Columns(id="id"), client)
            report_compare = reported.tables()
            scored_s = time.perf_counter() - started
            started = time.perf_counter()
            dask_compare = compare_on_cluster(parts, Columns(id="id"), client, mark_words=True).tables()
            compare_s = time.perf_counter() - started
    print(f"{len(corpus.articles):,} AllSides articles; dask: {args.parts} parts, {args.workers} worker processes")
    results = [compare_tables("corpus.articles", gathered.articles, corpus.articles)]
    for name in ("table", "evidence", "sentences", "quotes", "stance"):
        results.append(compare_tables(f"scores.{name}", getattr(dask_scores, name), getattr(local_scores, name)))
    results.append(compare_tables("scores.by_outlet()", dask_scores.by_outlet(), local_outlets))
    for name, table in local_compare.items():
        results.append(compare_tables(f"compare.{name}", dask_compare[name], table))
    for name, table in local_compare.items():  # `framing report`'s comparison: facts marked from its own scores
        results.append(compare_tables(f"report compare.{name}", report_compare[name], table))
    print(
        f"scores (with the report's comparison): local {local_scored_s:.1f} s, "
        f"dask {scored_s:.1f} s (LocalCluster start included); "
        f"compare (facts marked): local {local_compare_s:.1f} s, dask {compare_s:.1f} s (scoring again on the cluster)"
    )
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{sum(results)} of {len(results)} tables equal")
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
