"""CPU, size and memory of `framing report`, run as a user would: a fresh process each time.

    python benchmarks/bench_report.py [--baseline DIR] [--sizes 1000 10000] [--repeat N] [--data FILE] [--phases N ...]

1. The bundled corpus from a cold start (a new `framing report` process:
   imports, scoring, comparison, figures, rendering): target under 2 s CPU.
   With `--baseline DIR` (another checkout of framing, e.g. main's), the two
   versions run alternately on the same machine and the ratio is printed, as
   the machine is shared and its load changes from one minute to the next.
2. For each size N (default 1000): the first N articles of
   ../shared/data/allsides-10k.jsonl.gz written to a temporary JSONL table,
   then `framing report` on it: targets 3 MB at 1,000 articles, 6 MB at
   10,000, and the share of the page each part takes (figures, index, ...). With
   `--baseline`, each size runs on both checkouts, one after the other, and
   the peak memory's growth (MiB per 1,000 articles) is printed for each.

3. `--phases N ...`: for each size, one process per checkout that runs the
   report's phases in turn (load, compare, score, build, render; a checkout
   without `framing.reporting.compute` scores before it compares, as the
   code before did) and prints each phase's seconds, the RSS after it and
   the highest RSS sampled during it (every 0.05 s): where the memory goes.

Prints CPU seconds (user + system of the child, best of --repeat), page and
JSON size, the child's peak resident memory, and whether two runs gave the
same bytes. Peak memory is the summed PSS of the report process and its
scoring workers (the whole process tree), sampled every 0.2 s.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import TreeMemory, machine  # noqa: E402  (the benchmarks folder is not a package)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data" / "allsides-10k.jsonl.gz"  # beside the checkout; --data elsewhere
PARTS = {
    "figures": re.compile(r"<svg.*?</svg>", re.S),
    "evidence lists": re.compile(r'<details class="(?:hits|cells)">.*?</details>', re.S),
    "article index": re.compile(r'<section id="index".*?</section>', re.S),
    "articles": re.compile(r'<section id="articles".*?</section>', re.S),
}


def run_report(code: Path, args: list[str], output: Path) -> tuple[float, float, float]:
    """(wall s, CPU s, peak MiB) of one `framing report` process running the framing found in `code`.

    Peak memory is the summed PSS of the process and its scoring workers,
    sampled every 0.2 s (`TreeMemory`): what the whole run holds at once.
    """
    env = {**os.environ, "PYTHONPATH": str(code)}
    command = [sys.executable, "-m", "framing", "report", *args, "-o", str(output)]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=code, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    memory = TreeMemory(root=child.pid)
    memory.start()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    peak = max(memory.stop(), usage.ru_maxrss / 1024)
    error = child.stderr.read().decode() if child.stderr else ""
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"framing report failed ({child.returncode}): {error.strip()}")
    return wall, usage.ru_utime + usage.ru_stime, peak


def measure(label: str, code: Path, args: list[str], folder: Path, repeat: int) -> tuple[float, float]:
    """Runs the report `repeat` times, prints one line and returns (best CPU seconds, peak MiB)."""
    runs, digests = [], set()
    output = folder / "report.html"  # the same path every time: it is part of the re-run command
    for _ in range(repeat):
        output.unlink(missing_ok=True)
        runs.append(run_report(code, args, output))
        digests.add(hashlib.sha256(output.read_bytes()).hexdigest())
    page = output.stat().st_size / 1e6
    twin = output.with_name(output.name + ".json")
    json_mb = twin.stat().st_size / 1e6 if twin.exists() else 0.0
    print(
        f"{label:<34} CPU best {min(r[1] for r in runs):6.2f} s (wall {min(r[0] for r in runs):6.2f} s)  "
        f"page {page:5.2f} MB  json {json_mb:5.2f} MB  peak {max(r[2] for r in runs):,.0f} MiB  "
        f"byte-identical: {'one run only' if repeat == 1 else 'yes' if len(digests) == 1 else 'NO'}",
        flush=True,
    )
    return min(r[1] for r in runs), max(r[2] for r in runs)


def slope(peaks: dict[int, float]) -> float:
    """Least-squares growth of peak memory, MiB per 1,000 articles, over the sizes measured."""
    sizes = sorted(peaks)
    if len(sizes) < 2:
        return float("nan")
    mean_n = sum(sizes) / len(sizes)
    mean_m = sum(peaks.values()) / len(sizes)
    covariance = sum((n - mean_n) * (peaks[n] - mean_m) for n in sizes)
    return 1000 * covariance / sum((n - mean_n) ** 2 for n in sizes)


def composition(page: Path) -> str:
    """What the page's bytes are: each part's share (parts may nest: evidence sits inside sections)."""
    text = page.read_text(encoding="utf-8")
    total = len(text.encode("utf-8"))
    shares = [f"{name} {sum(len(m.encode()) for m in part.findall(text)) / total:.0%}" for name, part in PARTS.items()]
    return "    made of: " + ", ".join(shares)


def allsides_table(limit: int, folder: Path, data: Path = DATA) -> Path:
    """The first `limit` AllSides articles of `data` as a JSONL table (gzip stays on the reader's side)."""
    target = folder / f"allsides-{limit}.jsonl"
    with gzip.open(data, "rt", encoding="utf-8") as source, open(target, "w", encoding="utf-8") as out:
        for count, line in enumerate(source):
            if count >= limit:
                break
            out.write(line)
    return target


def rss_mib() -> float:
    """This process' resident memory now (Linux `/proc/self/statm`)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def profile_phases(table: Path) -> None:
    """In this process: each phase of `framing report` on `table`, its seconds, RSS after and peak RSS during."""
    import threading

    from framing.corpus.inputs import as_corpus
    from framing.corpus.readers.columns import Columns
    from framing.reporting.document import Report

    peak, started = [0.0], time.perf_counter()

    def sample() -> None:
        while True:
            peak[0] = max(peak[0], rss_mib())
            time.sleep(0.05)

    def phase(name: str, step: Any) -> Any:
        peak[0], begun = rss_mib(), time.perf_counter()
        result = step()
        print(f"  {name:<8} {time.perf_counter() - begun:6.1f} s  RSS after {rss_mib():6,.0f} MiB  "
              f"peak in phase {max(peak[0], rss_mib()):6,.0f} MiB", flush=True)  # fmt: skip
        return result

    threading.Thread(target=sample, daemon=True).start()
    corpus = phase("load", lambda: as_corpus(str(table), Columns(id="id")))
    try:
        from framing.reporting import compute
    except ImportError:  # the code before: score, then compare with the scores
        from framing.comparison.pipeline import compare
        from framing.scoring import score

        scores = phase("score", lambda: score(corpus))
        comparison = phase("compare", lambda: compare(corpus, scores=scores))
    else:
        unmarked = phase("compare", lambda: compute.compare_unscored(corpus))
        scores = phase("score", lambda: compute.score_lean(corpus))
        comparison = compute.mark_scored_facts(unmarked, scores)
    report = Report(corpus, scores=scores, comparison=comparison)
    phase("build", lambda: report.data)
    with tempfile.TemporaryDirectory(prefix="bench-phases-") as tmp:
        phase("render", lambda: report.save(Path(tmp) / "report.html"))
    print(f"  total    {time.perf_counter() - started:6.1f} s", flush=True)


def phases(label: str, code: Path, table: Path) -> None:
    """`profile_phases` in a fresh process running the framing found in `code`."""
    print(f"phases, {label}:", flush=True)
    env = {**os.environ, "PYTHONPATH": str(code)}
    subprocess.run([sys.executable, __file__, "--profile-phases", str(table)], cwd=code, env=env, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another framing checkout to compare the cold start with")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000], help="AllSides sample sizes (default 1000)")
    parser.add_argument("--data", type=Path, default=DATA, help="the AllSides .jsonl.gz (default ../shared/data/)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (default 3; also checks identical bytes)")
    parser.add_argument("--phases", type=int, nargs="*", default=[], help="sizes to profile phase by phase")
    parser.add_argument("--profile-phases", type=Path, help=argparse.SUPPRESS)  # the child of --phases
    options = parser.parse_args()
    if options.profile_phases:
        profile_phases(options.profile_phases)
        return 0
    print(machine())
    bundled = ["nato-eastern-flank-2022"]
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        folder = Path(tmp)
        if options.baseline:
            before = after = 0.0
            for _ in range(options.repeat):  # alternate, so both see the same load
                before += measure(f"bundled, baseline {options.baseline.name}", options.baseline, bundled, folder, 1)[0]
                after += measure("bundled, this checkout", ROOT, bundled, folder, 1)[0]
            print(f"cold start CPU: {before / options.repeat:.2f} s -> {after / options.repeat:.2f} s "
                  f"(this checkout takes {after / before:.2f}x the baseline's)")  # fmt: skip
        else:
            measure("bundled (5 articles)", ROOT, bundled, folder, options.repeat)
        if not options.data.is_file():
            print(f"skipped AllSides sizes: {options.data} not found (give it with --data)")
            return 0
        checkouts = {
            "this checkout": ROOT,
            **({f"baseline {options.baseline.name}": options.baseline} if options.baseline else {}),
        }
        peaks: dict[str, dict[int, float]] = {name: {} for name in checkouts}
        for size in options.sizes:
            table = allsides_table(size, folder, options.data)
            for name, code in reversed(checkouts.items()):  # the baseline first, then this checkout, same load
                label = f"allsides {size:,}, {name}" if options.baseline else f"allsides {size:,} articles"
                peaks[name][size] = measure(label, code, [str(table), "--id-column", "id"], folder, options.repeat)[1]
                print(composition(folder / "report.html"))
        for size in options.phases:
            table = allsides_table(size, folder, options.data)
            for name, code in reversed(checkouts.items()):
                phases(f"allsides {size:,}, {name}", code, table)
        for name, by_size in peaks.items():
            if len(by_size) >= 2:
                print(f"peak memory, {name}: " + ", ".join(f"{n:,}: {m:,.0f} MiB" for n, m in sorted(by_size.items()))
                      + f"; slope {slope(by_size):.0f} MiB per 1,000 articles")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
