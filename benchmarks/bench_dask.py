"""Speed of `framing score --engine dask` on a LocalCluster against the local engine, in one run.

    python benchmarks/bench_dask.py [--limit N] [--parts K] [--workers W] [--evidence]

Takes the first N AllSides articles (default 2,000), writes them once as one
Parquet file (for the local engine) and once as K Parquet parts (for dask),
runs both commands as a user would, each in its own process, and prints
seconds, words/s and the peak memory of each command's process tree (summed
PSS, sampled; with dask that includes the scheduler and every worker), then
the ratio of the two times, and checks the two scores tables are equal.
Wall time on a shared machine depends on its load: compare the ratio, which
both runs share, more than the seconds.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_score import DATA, TreeMemory  # noqa: E402  (the benchmarks folder is not a package)


def write_inputs(data: Path, limit: int, parts: int, folder: Path) -> tuple[Path, Path]:
    """The first `limit` articles as one Parquet file and as `parts` Parquet parts."""
    import pandas as pd

    table = pd.read_json(data, lines=True, nrows=limit, dtype=False)
    whole = folder / "articles.parquet"
    table.to_parquet(whole, index=False)
    split = folder / "parts"
    split.mkdir()
    size = -(-len(table) // parts)
    for i in range(parts):
        table.iloc[i * size : (i + 1) * size].to_parquet(split / f"part-{i:03d}.parquet", index=False)
    return whole, split


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, peak MiB of the command's process tree) of one `framing` command."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "framing", *command])
    sampler = TreeMemory(root=child.pid)
    sampler.start()
    if child.wait() != 0:
        raise SystemExit(f"framing {' '.join(command)} failed with exit code {child.returncode}")
    return time.perf_counter() - started, sampler.stop()


def main(argv: list[str] | None = None) -> None:
    import pandas as pd

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000, help="articles to score (default 2,000)")
    parser.add_argument("--parts", type=int, default=8, help="Parquet parts for the dask engine (default 8)")
    parser.add_argument("--workers", type=int, default=None, help="LocalCluster workers (default: one per core)")
    parser.add_argument("--evidence", action="store_true", help="also write the evidence tables")
    parser.add_argument("--data", default=str(DATA), help="JSONL(.gz) of articles with an `id` column")
    args = parser.parse_args(argv)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        whole, parts = write_inputs(Path(args.data), args.limit, args.parts, out)
        common = ["--id-column", "id", "--quiet"]
        local_cmd = ["score", str(whole), "-o", str(out / "local.parquet"), *common]
        dask_cmd = ["score", str(parts), "--engine", "dask", "-o", str(out / "scores"), *common]
        if args.evidence:
            local_cmd += ["--evidence", str(out / "local-evidence.parquet")]
            dask_cmd += ["--evidence", str(out / "evidence")]
        if args.workers:
            dask_cmd += ["--workers", str(args.workers)]
        local_s, local_mib = timed(local_cmd)
        dask_s, dask_mib = timed(dask_cmd)
        local, distributed = pd.read_parquet(out / "local.parquet"), pd.read_parquet(out / "scores")
    words = int(local["words"].sum())
    print(
        f"{len(local):,} AllSides articles, {words:,} words, {cores} cores; dask: {args.parts} parts, "
        f"{args.workers or cores} workers (LocalCluster start-up included)"
    )
    print(f"local engine : {local_s:7.1f} s  {words / local_s:10,.0f} words/s  peak {local_mib:7,.0f} MiB")
    print(f"dask engine  : {dask_s:7.1f} s  {words / dask_s:10,.0f} words/s  peak {dask_mib:7,.0f} MiB")
    print(f"ratio dask / local time: {dask_s / local_s:.2f}  tables equal: {distributed.equals(local)}")


if __name__ == "__main__":
    main()
