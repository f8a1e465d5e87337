"""Scoring time and peak memory of ONE long article as it grows: both must stay linear in the text.

    python benchmarks/bench_long_article.py [--sizes 1 4 20] [--evidence] [--one-paragraph] [--traced] [--baseline DIR]

Each article is built from consecutive AllSides articles joined by blank
lines (so it has the paragraphs, quotations and speakers of real news, and
more of them as it grows, as a long report would) until it reaches the size
in MB; `--one-paragraph` joins them with spaces instead (no line break at
all: the hardest case for anything that looks for a paragraph's ends).

Each size is scored with `framing.score` (one job) in a fresh child process,
so each size has its own peak. The child builds the article, scores a
three-sentence article first (the lexicons, rules and caches every run loads
whatever its size: their cost is printed apart as `warm-up`), then scores the
long one. Printed per size: words, CPU and wall seconds, microseconds per
word (it should stay flat), and the peak resident set while scoring (Linux:
VmHWM reset just before `framing.score`; elsewhere ru_maxrss, which also
counts building the article) above the resident set just before it, as MiB
and as a ratio to the article's UTF-8 size: the target is 10x. That is the
memory the article costs the whole process (Python objects, numpy and Arrow
buffers, and freed pages the allocators keep), not a tracemalloc subset;
`--traced` also prints tracemalloc's peak (Python allocations only: no Arrow
pool, no freed heap), which slows the run, so its times are not comparable.

`--baseline DIR` runs every size also with `PYTHONPATH=DIR` (another checkout,
e.g. main), alternating, and prints after/before ratios of the same run.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import Stopwatch, machine  # noqa: E402

# FRAMING_SHARED_DATA wins: from a git worktree ../shared does not resolve
DATA = (
    Path(os.environ.get("FRAMING_SHARED_DATA") or Path(__file__).resolve().parents[1] / ".." / "shared" / "data")
    / "allsides-10k.jsonl.gz"
)
WARM_UP = 'The minister said the plan was "a disaster for everyone." Critics disagreed. Prices rose again.'


def long_article(data: Path, megabytes: float, joiner: str = "\n\n") -> str:
    """Consecutive articles of `data`, joined by `joiner` (blank lines), up to `megabytes` MB of UTF-8."""
    want, parts, size = int(megabytes * 2**20), [], 0
    with gzip.open(data, "rt", encoding="utf-8") as handle:
        for line in handle:
            text = (json.loads(line).get("text") or "").strip()
            if not text:
                continue
            parts.append(" ".join(text.split()) if joiner == " " else text)
            size += len(parts[-1].encode("utf-8")) + len(joiner)
            if size >= want:
                return joiner.join(parts)
    raise SystemExit(f"{data} holds fewer than {megabytes} MB of text")


def resident_mib() -> tuple[float, float]:
    """(current, peak) resident set in MiB: VmRSS / VmHWM on Linux, else ru_maxrss for both."""
    try:
        with open("/proc/self/status") as handle:
            fields = dict(line.split(":", 1) for line in handle if line.startswith(("VmRSS", "VmHWM")))
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024
    except (OSError, KeyError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return peak, peak


def reset_peak() -> bool:
    """Start the peak resident set again from the current one (Linux's clear_refs); False where it cannot."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def measure(data: Path, megabytes: float, joiner: str, evidence: bool, traced: bool = False) -> dict[str, float]:
    """One size in this process: the figures `main` prints (run in a fresh child per size)."""
    import tracemalloc

    import pandas as pd

    import framing

    def frame(text: str) -> pd.DataFrame:
        return pd.DataFrame({"doc_id": ["long"], "outlet": ["bench"], "text": [text]})

    text = long_article(data, megabytes, joiner)
    articles, text_mib = frame(text), len(text.encode("utf-8")) / 2**20
    cold = resident_mib()[0]
    framing.score(frame(WARM_UP), n_jobs=1, evidence=evidence)
    gc.collect()
    start = resident_mib()[0]
    exact = reset_peak()
    if traced:
        tracemalloc.start()
    with Stopwatch() as watch:
        scores = framing.score(articles, n_jobs=1, evidence=evidence)
    peak = resident_mib()[1]
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20 if traced else -1.0
    tracemalloc.stop()
    words = int(scores.table["words"].iloc[0])
    return {
        "megabytes": megabytes,
        "text_mib": text_mib,
        "words": words,
        "cpu": watch.cpu,
        "wall": watch.wall,
        "warm_up_mib": start - cold,
        "start_mib": start,
        "peak_mib": peak,
        "exact_peak": exact,
        "traced_mib": traced_peak,
    }


def child(args: argparse.Namespace, megabytes: float, path: str | None) -> dict[str, float]:
    """`measure` in a fresh interpreter (with `PYTHONPATH=path` when given), so each size has its own peak."""
    command = [sys.executable, __file__, "--child", str(megabytes), "--data", args.data]
    command += ["--evidence"] if args.evidence else []
    command += ["--one-paragraph"] if args.one_paragraph else []
    command += ["--traced"] if args.traced else []
    env = dict(os.environ, PYTHONPATH=path) if path else None
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the {megabytes} MB run failed:\n{done.stderr}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def line(label: str, f: dict[str, float]) -> str:
    above = f["peak_mib"] - f["start_mib"]
    return (
        f"{f['megabytes']:5g} {label:>6s} {f['words']:10,.0f} {f['cpu']:7.1f} {f['wall']:7.1f} "
        f"{f['cpu'] / f['words'] * 1e6:8.2f} {above:9,.0f} {above / f['text_mib']:7.1f} {f['warm_up_mib']:8,.0f}"
        + (f" {f['traced_mib']:10,.0f} {f['traced_mib'] / f['text_mib']:8.1f}" if f["traced_mib"] >= 0 else "")
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 20], help="article sizes in MB")
    parser.add_argument("--data", default=str(DATA), help="source articles (default: allsides-10k.jsonl.gz)")
    parser.add_argument("--evidence", action="store_true", help="also build the evidence tables")
    parser.add_argument("--one-paragraph", action="store_true", help="join the articles with spaces: no line break")
    parser.add_argument("--traced", action="store_true", help="also print tracemalloc's peak (slower run)")
    parser.add_argument("--baseline", metavar="DIR", help="also run each size with PYTHONPATH=DIR, alternating")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)  # one size, figures as JSON
    args = parser.parse_args(argv)
    joiner = " " if args.one_paragraph else "\n\n"
    if args.child is not None:
        print(json.dumps(measure(Path(args.data), args.child, joiner, args.evidence, args.traced)))
        return

    print(machine())
    print(
        f"{'MB':>5s} {'run':>6s} {'words':>10s} {'CPU s':>7s} {'wall s':>7s} {'µs/word':>8s} "
        f"{'peak MiB':>9s} {'x text':>7s} {'warm-up':>8s}"
        + (f" {'traced MiB':>10s} {'x text':>8s}" if args.traced else "")
    )
    first: dict[str, dict[str, float]] = {}  # per run label: the smallest and the largest size's figures
    last: dict[str, dict[str, float]] = {}
    exact = True
    for megabytes in args.sizes:
        runs = {"before": args.baseline, "after": None} if args.baseline else {"this": None}
        results = {label: child(args, megabytes, path) for label, path in runs.items()}
        for label, figures in results.items():
            print(line(label, figures), flush=True)
            first.setdefault(label, figures)
            last[label] = figures
            exact = exact and bool(figures["exact_peak"])
        if args.baseline:
            before, after = results["before"], results["after"]
            print(
                f"{'':5s} {'ratio':>6s} {'':10s} {after['cpu'] / before['cpu']:7.2f} {'':7s} {'':8s} "
                f"{(after['peak_mib'] - after['start_mib']) / (before['peak_mib'] - before['start_mib']):9.2f}",
                flush=True,
            )
    print(
        "peak MiB: the whole process' resident set's peak while scoring, above the resident set just before "
        f"({'VmHWM reset before scoring' if exact else 'ru_maxrss: includes building the article'}); "
        "x text: that over the article's UTF-8 MiB (target 10x); warm-up: MiB a three-sentence article added first"
    )
    for label, smallest in first.items():
        largest = last[label]
        print(
            f"{label}: µs/word of {largest['megabytes']:g} MB over {smallest['megabytes']:g} MB: "
            f"{(largest['cpu'] / largest['words']) / (smallest['cpu'] / smallest['words']):.2f} (target at most 1.5)"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
