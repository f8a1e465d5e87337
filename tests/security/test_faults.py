"""Faults: a killed, interrupted or terminated run, or a full disk, leaves nothing half-written.

The runs are real `framing` processes in their own session (as a shell
starts a job), on 240 articles so that they are stopped mid-way: signals go
to the whole process group, as Ctrl-C in a terminal does, so the worker
processes get them too.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from tests.cli.runner import run_main
from tests.security.commands import score_to_files
from tests.signals import default_ctrl_c

ROOT = Path(__file__).resolve().parents[2]
COPIES = 48


def repeated(folder: Path, corpus, copies: int) -> Path:
    articles = corpus.articles
    table = pd.concat([articles.assign(doc_id=articles["doc_id"] + f"-{copy:03d}") for copy in range(copies)])
    path = folder / "articles.csv"
    table[["doc_id", "outlet", "title", "date", "text"]].to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory, nato_corpus) -> Path:
    return repeated(tmp_path_factory.mktemp("input"), nato_corpus, COPIES)


@pytest.fixture(scope="module")
def long_csv(tmp_path_factory, nato_corpus) -> Path:
    """5,000 articles (about 2.3 M words): several seconds of scoring even on a fast machine, so a signal sent
    once the first chunk is written lands mid-run (240 articles finished before it on a quiet machine)."""
    return repeated(tmp_path_factory.mktemp("input"), nato_corpus, 1000)


@pytest.fixture(scope="module")
def bigger_csv(tmp_path_factory, nato_corpus) -> Path:
    """1,200 articles: more than a second's work on any machine, so a kill lands mid-run."""
    return repeated(tmp_path_factory.mktemp("input"), nato_corpus, 240)


def start(folder: Path, *arguments: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "framing", *arguments],
        cwd=folder,
        start_new_session=True,
        preexec_fn=default_ctrl_c,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_temporary(folder: Path, process: subprocess.Popen, timeout: float = 120) -> None:
    """Until the run has opened a temporary output (it is mid-write), or fail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if list(folder.glob(".*.tmp")):
            return
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    pytest.fail("the run never started writing")


def group_gone(process: subprocess.Popen, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def outputs(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@pytest.mark.parametrize(
    "signum, code, word",
    [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")],
    ids=["SIGINT", "SIGTERM"],
)
def test_an_interrupted_score_says_one_line_writes_nothing_and_stops_its_workers(
    tmp_path, long_csv, signum, code, word
):
    run = start(tmp_path, *score_to_files(long_csv))
    wait_for_temporary(tmp_path, run)
    time.sleep(0.5)
    os.killpg(run.pid, signum) if signum == signal.SIGINT else os.kill(run.pid, signum)
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == code, (run.returncode, stderr[-2000:])
    assert stderr.strip().splitlines() == [f"framing: {word}; nothing written"], stderr[-2000:]
    assert outputs(tmp_path) == []
    assert group_gone(run), "worker processes outlived the run"


def test_a_killed_score_leaves_no_output_and_the_next_run_removes_its_temporaries(tmp_path, big_csv):
    arguments = score_to_files(big_csv)
    run = start(tmp_path, *arguments)
    wait_for_temporary(tmp_path, run)  # the evidence is streamed: its temporary exists from the first chunk
    os.killpg(run.pid, signal.SIGKILL)
    run.communicate(timeout=60)
    assert group_gone(run)
    assert outputs(tmp_path) and all(name.startswith(".") and name.endswith(".tmp") for name in outputs(tmp_path))
    again = start(tmp_path, *arguments)
    _, stderr = again.communicate(timeout=900)
    assert again.returncode == 0, stderr[-2000:]
    assert outputs(tmp_path) == ["evidence.csv", "scores.csv"]


def dead_pid() -> int:
    """The id of a process that has ended."""
    finished = subprocess.Popen(["true"])
    finished.wait()
    return finished.pid


def test_a_killed_report_leaves_nothing_and_a_dead_writers_temporaries_go_with_the_next_run(tmp_path, bigger_csv):
    run = start(tmp_path, "report", str(bigger_csv), "-o", "report.html")
    time.sleep(1.5)
    assert run.poll() is None, "the report finished before it could be killed: use a bigger corpus"
    os.killpg(run.pid, signal.SIGKILL)
    run.communicate(timeout=60)
    assert group_gone(run)
    assert not [name for name in outputs(tmp_path) if not name.endswith(".tmp")]
    # what a kill during the final write leaves: a temporary named with the dead writer's pid
    stale = tmp_path / f".report.html.{dead_pid()}.abcd1234.tmp"
    stale.write_text("half a page")
    live = tmp_path / f".report.html.{os.getpid()}.efgh5678.tmp"  # a running writer's: must stay
    live.write_text("being written")
    again = start(tmp_path, "report", "nato-eastern-flank-2022", "-o", "report.html")
    _, stderr = again.communicate(timeout=900)
    assert again.returncode == 0, stderr[-2000:]
    assert not stale.exists() and live.exists()
    assert sorted(name for name in outputs(tmp_path) if not name.startswith(".")) == ["report.html", "report.html.json"]


def full_disk(monkeypatch: pytest.MonkeyPatch, after: int = 0) -> None:
    """Every write to a temporary output fails with ENOSPC after `after` successful ones."""
    import framing.io

    real = framing.io._temporary
    calls = {"n": 0}

    class Full:
        def __init__(self, handle):
            self.handle = handle

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.handle, name)

    def temporary(target):
        handle, tmp = real(target)
        calls["n"] += 1
        return (Full(handle) if calls["n"] > after else handle), tmp

    monkeypatch.setattr(framing.io, "_temporary", temporary)


@pytest.mark.parametrize(
    "command, after",
    [
        (["score", "nato-eastern-flank-2022", "-o", "s.csv", "--evidence", "e.csv"], 0),
        (["score", "nato-eastern-flank-2022", "-o", "s.csv", "--evidence", "e.csv"], 1),
        (["report", "nato-eastern-flank-2022", "-o", "r.html"], 1),
        (["exercise", "nato-eastern-flank-2022", "-o", "w.html", "--key", "k.html"], 1),
        (["compare", "nato-eastern-flank-2022", "-o", "old", "--force"], 4),
    ],
    ids=["score-evidence", "score-table", "report-page", "exercise-key", "compare-fifth-table"],
)
def test_a_full_disk_is_one_line_and_leaves_nothing_half_written(tmp_path, monkeypatch, command, after):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "keep.txt").write_text("the user's file")
    full_disk(monkeypatch, after)
    monkeypatch.chdir(tmp_path)
    outcome = run_main(*command)
    lines = outcome.stderr.strip().splitlines()
    assert outcome.exit_code == 2 and len(lines) == 1 and "the disk is full" in lines[0], outcome.stderr[-1500:]
    assert outputs(tmp_path) == ["old"] and outputs(tmp_path / "old") == ["keep.txt"]


def test_a_new_compare_folder_appears_whole_or_not_at_all(tmp_path, monkeypatch):
    import framing.io

    real = Path.write_bytes
    written = {"n": 0}

    def fail_on_the_fifth(self, data):
        written["n"] += 1
        if written["n"] == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(framing.io.Path, "write_bytes", fail_on_the_fifth)
    outcome = run_main("compare", "nato-eastern-flank-2022", "-o", str(tmp_path / "tables"))
    assert outcome.exit_code == 2 and "the disk is full" in outcome.stderr
    assert outputs(tmp_path) == []
