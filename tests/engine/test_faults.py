"""Faults on a real deployment: a worker process killed mid-run, and Ctrl-C.

`dask scheduler` and two `dask worker` processes run on 127.0.0.1 (their own
ports); `framing score` runs as a command in its own process. Every wait
polls the thing it waits for (the scheduler's processing tasks, the run's
hidden output folder), with a deadline, never a fixed sleep.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from framing.engine.api import score
from tests.engine.conftest import repeated_articles, write_parts
from tests.signals import default_ctrl_c

psutil = pytest.importorskip("psutil")

REPO = Path(__file__).resolve().parents[2]
COPIES = 60  # the 5 bundled articles x 60 = 300 articles
PARTS = 10  # enough partitions that work is left when the kill lands
DEADLINE = 60.0


def _env() -> dict[str, str]:
    """This checkout's framing for every child process (the command and the workers)."""
    return {**os.environ, "PYTHONPATH": str(REPO)}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _until(check: Callable[[], Any], what: str, deadline: float = DEADLINE) -> Any:
    """Poll `check` until it returns something truthy; fail naming `what` after `deadline` seconds."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    pytest.fail(f"gave up waiting for {what}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _framing(*args: str) -> subprocess.Popen:
    """`framing ARGS` in its own session (so a signal to its group is what Ctrl-C in a terminal sends)."""
    return subprocess.Popen(
        [sys.executable, "-m", "framing", *args],
        cwd=REPO,
        env=_env(),
        start_new_session=True,
        preexec_fn=default_ctrl_c,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def corpus(nato_corpus, tmp_path_factory) -> tuple[Path, Path]:
    """300 articles in 10 Parquet parts, and the same rows as one CSV for the local engine."""
    table = repeated_articles(nato_corpus, COPIES)
    root = tmp_path_factory.mktemp("faults")
    table.to_csv(root / "all.csv", index=False)
    return write_parts(table, root / "parts", parts=PARTS), root / "all.csv"


@pytest.fixture(scope="module")
def long_parts(nato_corpus, tmp_path_factory) -> Path:
    """1,500 articles in 10 Parquet parts: a scoring pass long enough that Ctrl-C lands in it on a fast machine."""
    return write_parts(repeated_articles(nato_corpus, 300), tmp_path_factory.mktemp("long") / "parts", parts=PARTS)


@pytest.fixture()
def deployment() -> Iterator[tuple[Any, dict[str, subprocess.Popen]]]:
    """A `dask scheduler` and two single-threaded `dask worker` processes (no nanny: a killed worker stays dead)."""
    from distributed import Client

    address = f"tcp://127.0.0.1:{_free_port()}"
    dask = [sys.executable, "-m", "dask"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": _env(), "cwd": REPO}
    scheduler = subprocess.Popen(
        [*dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"], **quiet
    )
    workers: list[subprocess.Popen] = []
    try:
        workers = [
            subprocess.Popen(
                [*dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny", "--no-dashboard"],
                **quiet,
            )
            for _ in range(2)
        ]
        client = _until(lambda: _connect(Client, address), "the scheduler to answer")
        with client:
            client.wait_for_workers(2, timeout=DEADLINE)
            pids = client.run(os.getpid)  # worker address -> its process id
            by_address = {address: next(w for w in workers if w.pid == pid) for address, pid in pids.items()}
            yield client, by_address
    finally:
        for process in [*workers, scheduler]:
            _stop(process)


def _connect(client_class: Any, address: str) -> Any:
    try:
        return client_class(address, timeout="2s")
    except (OSError, TimeoutError):
        return None


def _scoring_worker(client: Any) -> str | None:
    """The address of a worker that is running a partition's scoring task (the second pass), if any."""
    for worker, keys in client.processing().items():
        if any("framing-score" in str(key) for key in keys):
            return str(worker)
    return None


def _hidden(folder: Path) -> list[str]:
    """What a run left beside its output folder: hidden temporary folders."""
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith("."))


def test_a_worker_killed_mid_run_changes_nothing_in_the_output(corpus, tmp_path, deployment):
    parts, whole = corpus
    client, workers = deployment
    scores = tmp_path / "out" / "scores"
    run = _framing(
        "score",
        str(parts),
        "--engine",
        "dask",
        "--scheduler",
        client.scheduler.address,
        "--id-column",
        "doc_id",
        "-o",
        str(scores),
        "--quiet",
    )
    try:
        victim = _until(lambda: _scoring_worker(client) or run.poll() is not None, "a scoring task on a worker")
        assert run.poll() is None, "the run ended before a worker could be killed; give it more partitions"
        workers[victim].send_signal(signal.SIGKILL)
        workers[victim].wait(10)
        _, stderr = run.communicate(timeout=DEADLINE)
    finally:
        _stop(run)
    assert run.returncode == 0, stderr
    assert len(client.scheduler_info()["workers"]) == 1  # the kill did land: one worker finished the run
    local = score(str(whole), engine="local", id_column="doc_id", evidence=False).table
    pd.testing.assert_frame_equal(pd.read_parquet(scores), local, check_exact=True)
    assert sorted(p.name for p in scores.iterdir()) == [f"part.{i:05d}.parquet" for i in range(PARTS)]
    assert _hidden(scores) == []


def test_ctrl_c_closes_the_cluster_it_started_and_leaves_no_output(long_parts, tmp_path):
    parts = long_parts
    scores = tmp_path / "out" / "scores"
    run = _framing(
        "score",
        str(parts),
        "--engine",
        "dask",
        "--workers",
        "2",
        "--id-column",
        "doc_id",
        "-o",
        str(scores),
        "--evidence",
        str(tmp_path / "out" / "evidence"),
        "--quiet",
    )
    try:
        # the hidden folder appears as the scoring pass starts, with the LocalCluster's workers running
        _until(lambda: (scores.parent.is_dir() and _hidden(scores)) or run.poll() is not None, "the scoring pass")
        assert run.poll() is None, "the run ended before it could be interrupted"
        started = psutil.Process(run.pid).children(recursive=True)
        assert len(started) >= 2  # the cluster's worker processes
        os.killpg(run.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole foreground group
        _, stderr = run.communicate(timeout=DEADLINE)
    finally:
        _stop(run)
    assert run.returncode == 130, stderr
    assert stderr.strip() == "framing: interrupted; nothing written"
    _, alive = psutil.wait_procs(started, timeout=10)
    assert alive == []
    assert sorted(p.name for p in scores.parent.iterdir()) == []
