"""Speed of `framing score --engine dask` on a LocalCluster: against the local engine, and at scale on 1 and 2 workers.

    python benchmarks/bench_dask.py [--limit N] [--parts K] [--workers W] [--evidence]
    python benchmarks/bench_dask.py --scale 100000 [--part-size 2500] [--tasks 2000]
    python benchmarks/bench_dask.py --compare [--limit N] [--parts K] [--workers W]

Default mode: takes the first N AllSides articles (default 2,000), writes
them once as one Parquet file (for the local engine) and once as K Parquet
parts (for dask), runs both commands as a user would, each in its own
process, and prints seconds, words/s and the peak memory of each command's
process tree (summed PSS, sampled; with dask that includes the scheduler and
every worker), then the ratio of the two times, and checks the two scores
tables are equal.

`--scale N`: N articles, the 10k sample repeated with new ids (`ID~rK`), as
Parquet parts of `--part-size` articles in a temporary folder (deleted at
the end), scored by `framing score --engine dask` on a LocalCluster of 1 and
then of 2 workers. Per run: seconds, articles/s, words/s and, per worker
process, its peak PSS and its CPU seconds (user + system, sampled from
/proc), and the client process' own; the load average before and after;
the ratio of the two times and whether the two tables are equal. Then the
scheduler's overhead per task (`--tasks` no-op tasks on a LocalCluster of 2)
and a model of larger clusters built from those measurements.

`--compare`: `framing compare` of the same N articles with both engines,
with the peak memory (PSS) of the command's own process (the driver) and of
each worker, and their CPU seconds; and whether every table is equal.

The machine is shared: wall seconds depend on what else runs. CPU seconds
per article per worker do not (much), which is why the model uses them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import _pss_mib, _tree  # noqa: E402  (the benchmarks folder is not a package)
from bench_score import DATA, TreeMemory  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
PREDICT_ARTICLES = (10_000_000, 100_000_000)
PREDICT_WORKERS = (32, 256)
PREDICT_PART_SIZE = 5_000
TASKS_PER_PARTITION = 2  # the facts pass and the scoring pass each run one task per partition


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


def write_repeated(data: Path, articles: int, part_size: int, folder: Path) -> Path:
    """`articles` articles: the sample repeated, copy K's ids suffixed `~rK`, as Parquet parts of `part_size`."""
    import pandas as pd

    sample = pd.read_json(data, lines=True, dtype=False)
    split = folder / "parts"
    split.mkdir()
    written = part = 0
    while written < articles:
        copy, start = divmod(written, len(sample))
        rows = sample.iloc[start : start + min(part_size, articles - written, len(sample) - start)].copy()
        rows["id"] = rows["id"].astype(str) + f"~r{copy}"
        rows.to_parquet(split / f"part-{part:05d}.parquet", index=False)
        written, part = written + len(rows), part + 1
    return split


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, peak MiB of the command's process tree) of one `framing` command."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "framing", *command])
    sampler = TreeMemory(root=child.pid)
    sampler.start()
    if child.wait() != 0:
        raise SystemExit(f"framing {' '.join(command)} failed with exit code {child.returncode}")
    return time.perf_counter() - started, sampler.stop()


@dataclass
class Process:
    """What was last seen of one process of a run: its role, peak PSS and CPU seconds so far."""

    role: str
    peak_mib: float = 0.0
    cpu_s: float = 0.0


class PerProcess(threading.Thread):
    """Samples every process of a command's tree each `every` s: peak PSS and CPU seconds, per process."""

    def __init__(self, root: int, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.root, self.every, self.stopped = root, every, threading.Event()
        self.seen: dict[int, Process] = {}
        self.load: list[float] = []

    def run(self) -> None:
        while not self.stopped.wait(self.every):
            self.load.append(os.getloadavg()[0])
            for pid in _tree(self.root):
                role, cpu = _role_and_cpu(pid, self.root)
                if role is None:
                    continue
                process = self.seen.setdefault(pid, Process(role))
                process.peak_mib = max(process.peak_mib, _pss_mib(pid))
                process.cpu_s = max(process.cpu_s, cpu)

    def stop(self) -> dict[int, Process]:
        self.stopped.set()
        self.join()
        return self.seen


def _role_and_cpu(pid: int, root: int) -> tuple[str | None, float]:
    """("client" for the command, "worker" for a spawned worker, None otherwise) and its CPU seconds."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            command = handle.read().decode(errors="replace")
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None, 0.0
    cpu = (int(fields[11]) + int(fields[12])) / TICK  # utime + stime
    if pid == root:
        return "client", cpu
    return ("worker" if "spawn_main" in command else None), cpu


@dataclass(frozen=True)
class ScaleRun:
    """One `framing score --engine dask` run at scale."""

    workers: int
    wall_s: float
    processes: tuple[Process, ...]
    load_before: float
    load_after: float
    load_mean: float

    def of(self, role: str) -> list[Process]:
        return [p for p in self.processes if p.role == role]


def run_scale(parts: Path, out: Path, workers: int) -> ScaleRun:
    """Score the parts on a LocalCluster of `workers`, sampling every process of the run."""
    command = ["score", str(parts), "--engine", "dask", "--workers", str(workers)]
    command += ["--id-column", "id", "--quiet", "-o", str(out)]
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "framing", *command])
    sampler = PerProcess(root=child.pid)
    sampler.start()
    code = child.wait()
    wall = time.perf_counter() - started
    seen = sampler.stop()
    if code != 0:
        raise SystemExit(f"framing {' '.join(command)} failed with exit code {code}")
    mean = sum(sampler.load) / len(sampler.load) if sampler.load else load_before
    return ScaleRun(workers, wall, tuple(seen.values()), load_before, os.getloadavg()[0], mean)


def task_overhead(tasks: int, workers: int = 2) -> float:
    """Seconds per task the scheduler adds: `tasks` no-op tasks on a fresh LocalCluster, wall / tasks."""
    import logging

    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.gather(client.map(_nothing, range(workers * 4), pure=False))  # warm: workers up, function shipped
        started = time.perf_counter()
        client.gather(client.map(_nothing, range(tasks), pure=False))
        return (time.perf_counter() - started) / tasks


def _nothing(x: int) -> int:
    return x


def report_run(run: ScaleRun, articles: int, words: int) -> None:
    workers, client = run.of("worker"), run.of("client")
    print(
        f"{run.workers} worker{'s' if run.workers > 1 else ''}: {run.wall_s:8.1f} s  "
        f"{articles / run.wall_s:8.1f} articles/s  {words / run.wall_s:10,.0f} words/s  "
        f"load average {run.load_before:.1f} -> {run.load_after:.1f} (mean {run.load_mean:.1f})"
    )
    for i, worker in enumerate(sorted(workers, key=lambda p: -p.cpu_s)):
        print(f"    worker {i + 1}: peak {worker.peak_mib:7,.0f} MiB  CPU {worker.cpu_s:8.1f} s")
    for process in client:
        print(
            f"    client (scheduler, reads, reductions): peak {process.peak_mib:7,.0f} MiB  CPU {process.cpu_s:8.1f} s"
        )


def model(runs: list[ScaleRun], articles: int, overhead_s: float) -> None:
    """Predicted wall time for larger clusters: work per article per worker, plus the scheduler's per-task cost."""
    per_article = max(sum(p.cpu_s for p in run.of("worker")) / articles for run in runs)
    client_per_article = max(sum(p.cpu_s for p in run.of("client")) / articles for run in runs)
    print(
        f"model: {per_article * 1000:.2f} ms CPU per article on a worker, {client_per_article * 1000:.3f} ms "
        f"per article on the client, {overhead_s * 1000:.2f} ms scheduler overhead per task; "
        f"partitions of {PREDICT_PART_SIZE:,}, {TASKS_PER_PARTITION} tasks each"
    )
    print("predicted wall time = articles x per-article / workers + tasks x overhead + articles x client cost:")
    for n in PREDICT_ARTICLES:
        tasks = -(-n // PREDICT_PART_SIZE) * TASKS_PER_PARTITION
        for w in PREDICT_WORKERS:
            seconds = n * per_article / w + tasks * overhead_s + n * client_per_article
            print(f"    {n:>12,} articles on {w:>3} workers: {seconds / 3600:7.2f} h  (prediction, not measured)")


def main_scale(args: argparse.Namespace) -> None:
    import pandas as pd

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        parts = write_repeated(Path(args.data), args.scale, args.part_size, out)
        n_parts = len(list(parts.glob("*.parquet")))
        print(
            f"{args.scale:,} articles (the sample repeated with new ids) in {n_parts} Parquet parts; "
            f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        runs, tables = [], []
        for workers in args.scale_workers:
            run = run_scale(parts, out / f"scores-{workers}", workers)
            if len(args.scale_workers) > 1:
                tables.append(pd.read_parquet(out / f"scores-{workers}"))
            if not runs:
                words = int(pd.read_parquet(out / f"scores-{workers}", columns=["words"])["words"].sum())
            report_run(run, args.scale, words)
            sys.stdout.flush()
            runs.append(run)
    if len(runs) > 1:
        equal = all(t.equals(tables[0]) for t in tables[1:])
        print(
            f"ratio {runs[0].workers} / {runs[-1].workers} workers time: {runs[0].wall_s / runs[-1].wall_s:.2f}  tables equal: {equal}"
        )
    overhead = task_overhead(args.tasks)
    print(f"scheduler overhead: {overhead * 1000:.2f} ms per task ({args.tasks:,} no-op tasks, 2 workers)")
    model(runs, args.scale, overhead)


def sampled(command: list[str]) -> tuple[float, dict[int, Process], float]:
    """(wall seconds, every process of the command's tree with its peak PSS and CPU, mean load average)."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "framing", *command])
    sampler = PerProcess(root=child.pid)
    sampler.start()
    code = child.wait()
    wall, seen = time.perf_counter() - started, sampler.stop()
    if code != 0:
        raise SystemExit(f"framing {' '.join(command)} failed with exit code {code}")
    return wall, seen, sum(sampler.load) / max(len(sampler.load), 1)


def main_compare(args: argparse.Namespace) -> None:
    """`framing compare` with both engines: the client's (driver's) peak memory, the workers', CPU and wall seconds.

    Run it once with the code to measure and once with the code before a
    change (PYTHONPATH) for a before/after: the commands are the same.
    """
    import pandas as pd

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        whole, parts = write_inputs(Path(args.data), args.limit, args.parts, out)
        common = ["--id-column", "id", "--quiet", "--format", "parquet"]
        workers = ["--workers", str(args.workers)] if args.workers else []
        runs = {
            "local": sampled(["compare", str(whole), "-o", str(out / "local"), *common]),
            "dask": sampled(["compare", str(parts), "--engine", "dask", "-o", str(out / "dask"), *common, *workers]),
        }
        equal = all(
            _same_table(pd.read_parquet(out / "local" / f.name), pd.read_parquet(f))
            for f in (out / "dask").glob("*.parquet")
        )
    print(f"framing compare, {args.limit:,} AllSides articles; dask: {args.parts} parts")
    for name, (wall, seen, load) in runs.items():
        client = [p for p in seen.values() if p.role == "client"]
        others = [p for p in seen.values() if p.role == "worker"]
        print(
            f"{name:<6}: {wall:7.1f} s wall, client peak {max(p.peak_mib for p in client):6.0f} MiB "
            f"CPU {sum(p.cpu_s for p in client):6.1f} s; workers peak "
            f"{max((p.peak_mib for p in others), default=0.0):6.0f} MiB each, CPU {sum(p.cpu_s for p in others):6.1f} s; "
            f"load average {load:.1f}"
        )
    print(f"ratio dask / local wall: {runs['dask'][0] / runs['local'][0]:.2f}  tables equal (floats to 1e-9): {equal}")


def _same_table(want: object, got: object) -> bool:
    """Equal as the tests check it: same rows in the same order, floats within 1e-9."""
    import pandas as pd

    try:
        pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=0, atol=1e-9)  # type: ignore[arg-type]
    except AssertionError:
        return False
    return True


def main(argv: list[str] | None = None) -> None:
    import pandas as pd

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000, help="articles to score (default 2,000)")
    parser.add_argument("--parts", type=int, default=8, help="Parquet parts for the dask engine (default 8)")
    parser.add_argument("--workers", type=int, default=None, help="LocalCluster workers (default: one per core)")
    parser.add_argument("--evidence", action="store_true", help="also write the evidence tables")
    parser.add_argument("--data", default=str(DATA), help="JSONL(.gz) of articles with an `id` column")
    parser.add_argument("--scale", type=int, default=0, help="N articles (sample repeated) on 1 and 2 workers")
    parser.add_argument("--part-size", type=int, default=2500, help="with --scale: articles per part (default 2,500)")
    parser.add_argument(
        "--scale-workers",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[1, 2],
        help="with --scale: worker counts to run, comma-separated (default 1,2; 2 alone for a 1,000,000-article run)",
    )
    parser.add_argument("--tasks", type=int, default=2000, help="with --scale: no-op tasks timing the scheduler")
    parser.add_argument("--compare", action="store_true", help="time `framing compare` instead of `framing score`")
    args = parser.parse_args(argv)
    if args.compare:
        main_compare(args)
        return
    if args.scale:
        main_scale(args)
        return
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
