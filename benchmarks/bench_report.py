"""Time and size of `framing report`, run as a user would: a fresh process each time.

    python benchmarks/bench_report.py [--sizes 1000 ...] [--repeat N]

1. The bundled corpus, cold start (a new `framing report` process: imports,
   scoring, comparison, figures, rendering): target under 5 s, page under 3 MB.
2. For each size N (default 1000): the first N articles of
   ../shared/data/allsides-10k.jsonl.gz written to a temporary JSONL table,
   then `framing report` on it (page capped at the default 200 articles).
   `--sizes 10000` checks the 25 MB ceiling for a 10,000-article report.

Prints wall seconds (best of --repeat), page and JSON size, peak resident
memory of the child (ru_maxrss of RUSAGE_CHILDREN, KiB on Linux), and checks
that two runs are byte-identical.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import machine, peak_mib  # noqa: E402  (the benchmarks folder is not a package)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data" / "allsides-10k.jsonl.gz"
FRAMING = [sys.executable, "-m", "framing"]


def run_report(args: list[str], output: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run([*FRAMING, "report", *args, "-o", str(output)], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"framing report failed ({result.returncode}): {result.stderr.strip()}")
    return seconds


def measure(label: str, args: list[str], folder: Path, repeat: int) -> None:
    times, digests = [], set()
    output = folder / "report.html"  # the same path every time: it is part of the re-run command
    for _ in range(repeat):
        output.unlink(missing_ok=True)
        times.append(run_report(args, output))
        digests.add(hashlib.sha256(output.read_bytes()).hexdigest())
    page = output.stat().st_size / 1e6
    twin = output.with_name(output.name + ".json").stat().st_size / 1e6
    peak = peak_mib(resource.RUSAGE_CHILDREN)
    print(
        f"{label:<28} best {min(times):6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times)})  "
        f"page {page:6.2f} MB  json {twin:5.2f} MB  peak child RSS so far {peak:,.0f} MiB  "
        f"byte-identical: {'yes' if len(digests) == 1 else 'NO'}",
        flush=True,
    )


def allsides_table(limit: int, folder: Path) -> Path:
    """The first `limit` AllSides articles as a JSONL table (gzip stays on the reader's side)."""
    target = folder / f"allsides-{limit}.jsonl"
    with gzip.open(DATA, "rt", encoding="utf-8") as source, open(target, "w", encoding="utf-8") as out:
        for count, line in enumerate(source):
            if count >= limit:
                break
            out.write(line)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000], help="AllSides sample sizes (default 1000)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per case (default 2; also checks identical bytes)")
    options = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        folder = Path(tmp)
        measure("bundled (5 articles)", ["nato-eastern-flank-2022"], folder, options.repeat)
        if not DATA.is_file():
            print(f"skipped AllSides sizes: {DATA} not found")
            return 0
        for size in options.sizes:
            table = allsides_table(size, folder)
            measure(f"allsides {size:,} articles", [str(table), "--id-column", "id"], folder, options.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
