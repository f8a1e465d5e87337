"""The one timing and peak-memory toolkit every benchmark script uses.

Why one module: each script had grown its own `cpu()`, `timed()`, `peak_mib()`
and timer class, with small differences in what they counted. Here:

* `Stopwatch`: wall (`perf_counter`) and CPU (`process_time`, this process)
  seconds of a block; CPU time is the per-core figure other jobs on a shared
  machine do not distort.
* `timed(func, *args, repeat=1)`: the result and the best CPU / wall seconds.
* `run_timed(command)`: wall and CPU seconds of a child process (with its
  workers), as a user runs a command.
* `peak_mib()`: this process' (or its finished children's) peak resident set
  (`resource.getrusage`; Linux reports KiB).
* `TreeMemory`: samples the summed PSS of a process and its descendants, the
  memory a multi-process run really holds (shared pages split between them).
* `machine()`: the one line describing the machine and its load.
* `score_command(...)`: `framing score` as a user runs it, the one command
  line every benchmark that times or measures it starts.
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The benchmarks folder is not a package: scripts import this as `from _timing import ...`
# after putting their own folder on sys.path (which running `python benchmarks/x.py` does).


class Stopwatch:
    """`with Stopwatch() as watch:` ... then `watch.wall`, `watch.cpu` (seconds)."""

    def __enter__(self) -> Stopwatch:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def score_command(
    source: Path, folder: Path, jobs: int | None = None, *, evidence: bool = True, quiet: bool = True
) -> list[str]:
    """`framing score SOURCE` (ids in column `id`) writing scores.csv, and evidence.csv with `evidence`, to `folder`."""
    command = [
        sys.executable,
        "-m",
        "framing",
        "score",
        str(source),
        "--id-column",
        "id",
        "-o",
        str(folder / "scores.csv"),
    ]
    command += ["--evidence", str(folder / "evidence.csv")] if evidence else []
    command += ["--quiet"] if quiet else []
    return command + (["--jobs", str(jobs)] if jobs else [])


def timed(func: Callable[..., Any], *args: Any, repeat: int = 1) -> tuple[Any, float, float]:
    """(result of the last call, best CPU seconds, best wall seconds) of `func(*args)` over `repeat` calls."""
    cpu = wall = float("inf")
    result = None
    for _ in range(max(repeat, 1)):
        with Stopwatch() as watch:
            result = func(*args)
        cpu, wall = min(cpu, watch.cpu), min(wall, watch.wall)
    return result, cpu, wall


def children_cpu() -> float:
    """User + system CPU seconds of the finished child processes (and their waited-for workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_tree_cpu() -> float:
    """User + system CPU seconds of this process and of its finished workers."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime + children_cpu()


def run_timed(command: list[str], **kwargs: Any) -> tuple[float, float]:
    """Wall and CPU seconds of one command run to completion (CPU: the child and its workers)."""
    before = children_cpu()
    started = time.perf_counter()
    subprocess.run(command, check=True, **kwargs)
    return time.perf_counter() - started, children_cpu() - before


def peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set in MiB (`RUSAGE_SELF` or `RUSAGE_CHILDREN`: the largest finished child)."""
    return resource.getrusage(who).ru_maxrss / 1024


def cores() -> int:
    """Cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def machine() -> str:
    """One line: architecture, cores, Python and the current load (the machine is shared)."""
    return (
        f"machine: {platform.machine()}, {cores()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )


class TreeMemory(threading.Thread):
    """Samples the summed PSS (MiB) of a process (default: this one) and its descendants; keeps the peak."""

    def __init__(self, every: float = 0.2, root: int | None = None):
        super().__init__(daemon=True)
        self.every, self.peak, self.stopped = every, 0.0, threading.Event()
        self.root = root or os.getpid()

    def run(self) -> None:
        while not self.stopped.wait(self.every):
            self.peak = max(self.peak, sum(_pss_mib(pid) for pid in _tree(self.root)))

    def stop(self) -> float:
        self.stopped.set()
        self.join()
        return self.peak


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(entry))
    return kids


def _tree(root: int) -> list[int]:
    kids, out, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, []))
    return out


def _pss_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0
