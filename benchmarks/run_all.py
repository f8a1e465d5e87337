"""Run every benchmark in this folder, one after another, and print their figures.

Each `bench_*.py` is a standalone script that prints words/s, seconds and peak
memory; this runner only sequences them so `make benchmark` gives one log.
Pass names to run a subset: `python benchmarks/run_all.py tokenize score`.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if names:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in names]
    failures = 0
    for script in scripts:
        print(f"\n=== {script.name}", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent)
        print(f"=== {script.name}: exit {result.returncode}, {time.perf_counter() - started:.1f} s wall", flush=True)
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
