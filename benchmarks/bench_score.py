"""Speed and memory of the whole `framing.score` on real news (AllSides sample).

    python benchmarks/bench_score.py [--limit N] [--jobs N]
    python benchmarks/bench_score.py --cli [--copies K]   # the command, e.g. K=10: 100,000 articles
    python benchmarks/bench_score.py --versus-plain --limit N [--rounds R] [--baseline TREE]

--versus-plain times, in the same run and alternating, the `framing score`
command and `plain_sentiment.py` (the per-sentence VADER + TextBlob loop a
researcher writes first) on the same first N AllSides articles, each in a
fresh process as a user runs them, and prints wall and CPU seconds, words/s
and the ratio (best round of each). --baseline TREE also times `framing
score` from another source tree (PYTHONPATH=TREE, e.g. `git archive main`
unpacked) in the same rounds, for a before/after in the same minutes.

Prints articles, words, seconds, words/s and peak memory, measured two ways:
resource.getrusage (RUSAGE_SELF, and RUSAGE_CHILDREN = the largest worker; on
Linux ru_maxrss is in KiB; forked workers count the pages they share with the
parent, so these overstate), and by sampling /proc every 0.2 s: the peak of
the summed PSS (proportional set size: shared pages split between the
processes sharing them) of this process and all its descendants, i.e. the
memory the whole run really holds, which must stay under 2 GB.
Loading the corpus is timed separately from scoring.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import (  # noqa: E402
    TreeMemory,
    children_cpu,
    machine,
    peak_mib,
    process_tree_cpu,
    run_timed,
    score_command,
)

# FRAMING_SHARED_DATA wins: from a git worktree ../shared does not resolve
SHARED = os.environ.get("FRAMING_SHARED_DATA") or Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
DATA = Path(SHARED) / "allsides-10k.jsonl.gz"
__all__ = ["DATA", "TreeMemory"]  # bench_dask.py imports these from here


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: every core)")
    parser.add_argument("--data", default=str(DATA), help="corpus to score (default: allsides-10k.jsonl.gz)")
    parser.add_argument(
        "--cli",
        action="store_true",
        help="run `framing score DATA -o ... --evidence ...` as a user would (streams the evidence)",
    )
    parser.add_argument("--copies", type=int, default=0, help="with --cli: score a CSV of K copies of the sample")
    parser.add_argument(
        "--versus-plain",
        action="store_true",
        help="time framing score against the plain per-sentence VADER + TextBlob script",
    )
    parser.add_argument("--rounds", type=int, default=2, help="with --versus-plain: rounds of the two, alternating")
    parser.add_argument(
        "--baseline",
        default=None,
        help="with --versus-plain: also time framing score from this source tree (e.g. a git archive of main)",
    )
    args = parser.parse_args(argv)
    if args.cli:
        return cli_run(args)
    if args.versus_plain:
        return versus_plain(args)

    from framing.corpus.model import load_corpus
    from framing.scoring import score

    started = time.perf_counter()
    corpus = load_corpus(args.data, id_column="id")
    if args.limit:
        mask = [i < args.limit for i in range(len(corpus))]
        corpus = corpus.filter(mask=mask)
    loaded = time.perf_counter() - started
    sampler = TreeMemory()
    sampler.start()
    cpu_before = process_tree_cpu()
    started = time.perf_counter()
    result = score(corpus, n_jobs=args.jobs)
    seconds = time.perf_counter() - started
    tree_peak = sampler.stop()
    cpu = process_tree_cpu() - cpu_before
    words = int(result.table["words"].sum())
    print(machine())
    print(f"articles: {len(result.table):,}  words: {words:,}  evidence rows: {len(result.evidence):,}")
    print(f"load: {loaded:.1f} s  score: {seconds:.1f} s wall  words/s: {words / seconds:,.0f}")
    print(
        f"CPU: {cpu:.1f} s (this process and its workers)  words per CPU-second: {words / cpu:,.0f} "
        f"(wall time on a shared machine depends on the load; CPU time does not)"
    )
    print(
        f"peak memory: whole process tree {tree_peak:,.0f} MiB (summed PSS, sampled); "
        f"getrusage: main {peak_mib(resource.RUSAGE_SELF):,.0f} MiB, "
        f"largest child {peak_mib(resource.RUSAGE_CHILDREN):,.0f} MiB (see docstring)"
    )


def cli_run(args) -> None:
    """Time `framing score` in a child process, sampling the memory of the whole process tree."""
    import subprocess
    import tempfile

    from bench_corpus import write_copies

    with tempfile.TemporaryDirectory() as tmp:
        source = write_copies(Path(args.data), args.copies, Path(tmp)) if args.copies else Path(args.data)
        command = score_command(source, Path(tmp), args.jobs)
        started = time.perf_counter()
        child = subprocess.Popen(command)
        sampler = TreeMemory(root=child.pid)  # the command's processes only, not this benchmark's copies
        sampler.start()
        if child.wait() != 0:
            raise SystemExit(f"framing score failed with exit code {child.returncode}")
        seconds = time.perf_counter() - started
        tree_peak = sampler.stop()
        with open(f"{tmp}/scores.csv", encoding="utf-8") as lines:
            rows = sum(1 for _ in lines) - 1
        evidence_mib = os.path.getsize(f"{tmp}/evidence.csv") / 2**20
    print(machine())
    print(
        f"framing score (CLI, evidence streamed to CSV): {rows:,} articles, {seconds:.1f} s wall incl. loading, "
        f"CPU {children_cpu():.1f} s, evidence file {evidence_mib:,.0f} MiB"
    )
    print(f"peak memory: the command's process tree {tree_peak:,.0f} MiB (summed PSS, sampled)")


def versus_plain(args) -> None:
    """`framing score` and plain_sentiment.py on the same articles, alternating, best round of each."""
    import gzip
    import json
    import tempfile

    limit = args.limit or 1000
    with tempfile.TemporaryDirectory() as tmp:
        source, words = Path(tmp) / "articles.jsonl", 0
        with gzip.open(args.data, "rt", encoding="utf-8") as handle, open(source, "w", encoding="utf-8") as out:
            for index, line in enumerate(handle):
                if index >= limit:
                    break
                out.write(line)
                words += len((json.loads(line)["text"] or "").split())
        framing = score_command(source, Path(tmp), args.jobs, evidence=False)
        plain = [sys.executable, str(Path(__file__).with_name("plain_sentiment.py")), str(source), f"{tmp}/plain.csv"]
        times: dict[str, list[tuple[float, float]]] = {"framing score": [], "plain script": []}
        here = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        baseline = {**os.environ, "PYTHONPATH": str(Path(args.baseline).resolve())} if args.baseline else None
        if baseline is not None:
            times["baseline"] = []
        for _ in range(args.rounds):
            times["plain script"].append(run_timed(plain))
            times["framing score"].append(run_timed(framing, env=here))
            if baseline is not None:
                times["baseline"].append(run_timed(framing, env=baseline))
    print(f"{machine()}; {limit:,} articles, {words:,} words, {args.rounds} rounds")
    best = {name: (min(w for w, _ in runs), min(c for _, c in runs)) for name, runs in times.items()}
    for name, (wall, cpu) in best.items():
        rounds = ", ".join(f"{w:.1f}" for w, _ in times[name])
        print(
            f"{name:14s} wall {wall:8.1f} s ({words / wall:10,.0f} words/s)  CPU {cpu:8.1f} s  (rounds, wall: {rounds})"
        )
    print(
        f"ratio (plain / framing score): {best['plain script'][0] / best['framing score'][0]:.1f}x wall, "
        f"{best['plain script'][1] / best['framing score'][1]:.1f}x CPU"
    )
    if "baseline" in best:
        print(
            f"ratio (plain / baseline): {best['plain script'][0] / best['baseline'][0]:.1f}x wall, "
            f"{best['plain script'][1] / best['baseline'][1]:.1f}x CPU; "
            f"baseline / framing score: {best['baseline'][0] / best['framing score'][0]:.2f}x wall, "
            f"{best['baseline'][1] / best['framing score'][1]:.2f}x CPU  (load average now {os.getloadavg()[0]:.1f})"
        )


if __name__ == "__main__":
    main()
