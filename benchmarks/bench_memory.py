"""Peak memory of `framing score` on 100,000 (or 1,000,000) articles, for the whole process tree.

    python benchmarks/bench_memory.py [--articles N] [--million] [--baseline-articles M] [--baseline-ref REF]
    python benchmarks/bench_memory.py --reader-only [--articles N] [--million]
    python benchmarks/bench_memory.py --sizes 2000,10000,20000 [--baseline-ref REF]

Builds a CSV of N articles from ../shared/data/allsides-10k.jsonl.gz, the
sample repeated with new ids (`-k` suffixes), in a temporary folder that is
removed afterwards (it is never committed), then runs `framing score CSV -o
scores.csv --evidence evidence.csv` in a child process as a user would and
samples, every 0.2 s, the memory of that process and all its workers: the
summed RSS (pages shared by forked workers counted once per process, so it
overstates) and the summed PSS (shared pages split between the processes
sharing them). The 1.5 GB target for 100,000 articles and 2 GB for
1,000,000 are on the summed RSS, the stricter of the two.

In the same run, the code before streaming (`--baseline-ref`, exported from
this repository's history with `git archive`) and the current code score a
smaller CSV of M articles (the baseline holds every text, so at N it takes
as long and more memory than the machine should spend), and the ratio of
their peaks is printed. `--baseline-articles 0` skips it.

`--reader-only` measures, before and after at N articles, only the part of
the command whose memory grows with the corpus: reading and cleaning every
article (before: `load_corpus`, the whole table; after: `ArticleStream`'s
survey and second pass). Scoring holds a fixed number of chunks at a time
(`2 x jobs` tasks of `CHUNK` articles), so this is the figure to watch when
the machine is too loaded to score N articles in reasonable time.

`--sizes` scores CSVs of each size with the code at `--baseline-ref` and
with the current code, alternating, and prints each peak and the slope of
the peaks (least squares, MiB per 10,000 articles): memory that does not
grow with the corpus has a slope near 0.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _timing import score_command  # the benchmarks folder is on sys.path when this runs as a script

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data" / "allsides-10k.jsonl.gz"
BASELINE_REF = "ba5ee7d"  # the last commit before the streaming reader: it loads the whole table first
FIELDS = ("id", "outlet", "outlet_bias", "topic", "date", "title", "authors", "url", "text")
SUMMARY = re.compile(r"scored (\d+) articles \(([\d,]+) words")


def write_articles(source: Path, count: int, target: Path) -> Path:
    """A CSV of `count` articles: the sample over and over, ids suffixed `-k` so they stay unique (streamed)."""
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        sample = [json.loads(line) for line in handle if line.strip()]
    with open(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(FIELDS)
        for index in range(count):
            row = sample[index % len(sample)]
            copy = index // len(sample)
            writer.writerow([f"{row['id']}-{copy}" if name == "id" else _cell(row.get(name)) for name in FIELDS])
    return target


def _cell(value: object) -> str:
    if value is None:
        return ""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


class TreeMemory(threading.Thread):
    """Samples the summed RSS and PSS (MiB) of a process and its descendants; keeps the peaks."""

    def __init__(self, root: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.root, self.every = root, every
        self.rss = self.pss = 0.0
        self.stopped = threading.Event()

    def run(self) -> None:
        import psutil

        while not self.stopped.wait(self.every):
            rss = pss = 0.0
            try:
                root = psutil.Process(self.root)
                processes = [root, *root.children(recursive=True)]
            except psutil.Error:
                continue
            for process in processes:
                try:
                    rss += process.memory_info().rss / 2**20
                    pss += process.memory_full_info().pss / 2**20
                except psutil.Error:
                    continue
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)

    def stop(self) -> tuple[float, float]:
        self.stopped.set()
        self.join()
        return self.rss, self.pss


READ_BEFORE = """
import sys
from framing.corpus.model import load_corpus
corpus = load_corpus(sys.argv[1], id_column="id")
print(f"scored {len(corpus)} articles (0 words")
"""
READ_AFTER = """
import sys
from pathlib import Path
from framing.corpus.readers.columns import Columns
from framing.corpus.stream import ArticleStream
stream = ArticleStream(Path(sys.argv[1]), Columns(id="id")).survey()
print(f"scored {sum(len(chunk) for chunk in stream)} articles (0 words")
"""


def measure(code: Path, command: list[str], folder: Path) -> dict[str, float]:
    """Run `command` with the checkout `code` on the path; wall seconds, words, peak RSS and PSS of its tree."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    sampler = TreeMemory(child.pid)
    sampler.start()
    output, _ = child.communicate()
    seconds = time.perf_counter() - started
    rss, pss = sampler.stop()
    if child.returncode != 0:
        raise SystemExit(f"framing score ({code}) failed with exit code {child.returncode}")
    found = SUMMARY.search(output)
    words = int(found.group(2).replace(",", "")) if found else 0
    for name in ("scores.csv", "evidence.csv"):
        (folder / name).unlink(missing_ok=True)
    return {"seconds": seconds, "words": words, "rss": rss, "pss": pss}


def export(ref: str, folder: Path) -> Path:
    """The `framing` package as it was at `ref`, unpacked into `folder` (for the baseline)."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "framing"], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def line(label: str, articles: int, result: dict[str, float]) -> str:
    rate = result["words"] / result["seconds"] if result["seconds"] else 0.0
    return (
        f"{label:34s} {articles:>9,} articles  {result['seconds']:8.1f} s  {rate:>9,.0f} words/s  "
        f"peak RSS {result['rss']:7,.0f} MiB  PSS {result['pss']:7,.0f} MiB"
    )


def slope(sizes: list[int], peaks: list[float]) -> float:
    """Least-squares slope of the peaks, in MiB per 10,000 articles."""
    mean_size, mean_peak = sum(sizes) / len(sizes), sum(peaks) / len(peaks)
    spread = sum((n - mean_size) ** 2 for n in sizes)
    if not spread:
        return 0.0
    return 1e4 * sum((n - mean_size) * (p - mean_peak) for n, p in zip(sizes, peaks)) / spread


def compare_sizes(args: argparse.Namespace, folder: Path, sizes: list[int]) -> int:
    """Before and after at each size, alternating; each peak, then the slope of each."""
    baseline = export(args.baseline_ref, folder / "baseline")
    peaks: dict[str, list[float]] = {"before": [], "after": []}
    for size in sizes:
        source = write_articles(args.data, size, folder / f"articles-{size}.csv")
        command = score_command(source, folder, args.jobs, quiet=False)
        for label, code in (("before", baseline), ("after", ROOT)):
            result = measure(code, command, folder)
            peaks[label].append(result["rss"])
            name = f"before ({args.baseline_ref})" if label == "before" else "after"
            print(line(name, size, result), flush=True)
        source.unlink()
    for label, values in peaks.items():
        print(f"{label:6s} slope of peak RSS: {slope(sizes, values):+7,.1f} MiB per 10,000 articles")
    print(f"ratio of peaks at {sizes[-1]:,} (before / after): {peaks['before'][-1] / peaks['after'][-1]:.2f}x")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--articles", type=int, default=100_000, help="articles in the measured run")
    parser.add_argument("--million", action="store_true", help="measure 1,000,000 articles (hours on 2 cores)")
    parser.add_argument(
        "--baseline-articles",
        type=int,
        default=20_000,
        help="articles for the before/after comparison in the same run (0: skip)",
    )
    parser.add_argument("--baseline-ref", default=BASELINE_REF, help="git ref of the code before streaming")
    parser.add_argument(
        "--reader-only",
        action="store_true",
        help="measure reading and cleaning only (the part that grows with the corpus), before and after",
    )
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: every core)")
    parser.add_argument(
        "--sizes", default=None, help="comma-separated corpus sizes: before and after at each, and the slopes"
    )
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: not found; put the shared data beside the checkout", file=sys.stderr)
        return 2
    articles = 1_000_000 if args.million else args.articles
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(
        f"machine: {platform.machine()}, {cores} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.sizes:
            return compare_sizes(args, folder, sorted(int(n) for n in args.sizes.split(",")))
        if args.reader_only:
            big = write_articles(args.data, articles, folder / "articles.csv")
            baseline = export(args.baseline_ref, folder / "baseline")
            before = measure(baseline, [sys.executable, "-c", READ_BEFORE, str(big)], folder)
            after = measure(ROOT, [sys.executable, "-c", READ_AFTER, str(big)], folder)
            print(line(f"read+clean before ({args.baseline_ref})", articles, before))
            print(line("read+clean after (2 passes)", articles, after))
            print(
                f"ratio of peaks (before / after): RSS {before['rss'] / after['rss']:.2f}x, "
                f"PSS {before['pss'] / after['pss']:.2f}x"
            )
            return 0
        if args.baseline_articles:
            small = write_articles(args.data, args.baseline_articles, folder / "small.csv")
            command = score_command(small, folder, args.jobs, quiet=False)
            before = measure(export(args.baseline_ref, folder / "baseline"), command, folder)
            after = measure(ROOT, command, folder)
            print(line(f"before ({args.baseline_ref})", args.baseline_articles, before))
            print(line("after (streaming)", args.baseline_articles, after))
            print(
                f"ratio of peaks (before / after): RSS {before['rss'] / after['rss']:.2f}x, "
                f"PSS {before['pss'] / after['pss']:.2f}x"
            )
            small.unlink()
        big = write_articles(args.data, articles, folder / "articles.csv")
        result = measure(ROOT, score_command(big, folder, args.jobs, quiet=False), folder)
        print(line("after (streaming)", articles, result), flush=True)
        target = (2e9 if articles >= 1_000_000 else 1.5e9) / 2**20  # GB as the issue writes them, in MiB
        verdict = "met" if result["rss"] < target else "NOT met"
        print(f"target: peak RSS of the process tree under {target:,.0f} MiB: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
