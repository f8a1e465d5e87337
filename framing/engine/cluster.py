"""The dask client a run uses: one passed in, a running scheduler's, or a LocalCluster of its own.

A cluster the run starts is the run's to stop: it is closed when the run
ends, also on an error or Ctrl-C. A client or scheduler given by the user is
left running.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from framing.errors import FramingError

# Dask's statistical profiler samples a worker's task thread 100 times a second (for the dashboard's
# profile page); on the scoring tasks' deep Python stacks it cost about a fifth of a worker's CPU
# (2,000 articles, 1 worker: 11.1-11.3 ms per article without it against 13.0-14.1 ms with it)
LOCAL_WORKER_CONFIG = {"distributed.worker.profile.enabled": False}
INSTALL = 'the dask engine needs dask and distributed: pip install "framing-toolkit[dask]"'


def require_dask() -> None:
    """Raise FramingError (one line saying what to install) when dask or distributed is missing."""
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise FramingError(INSTALL) from None


@contextmanager
def dask_client(scheduler: str | None = None, client: Any = None, workers: int | None = None) -> Iterator[Any]:
    """Yield a `distributed.Client`: `client` itself, one connected to `scheduler`, or a new LocalCluster's.

    The LocalCluster has `workers` single-threaded worker processes (default:
    one per core) listening on 127.0.0.1 only, the dashboard on a free 127.0.0.1 port, without the
    statistical profiler (`LOCAL_WORKER_CONFIG`).
    """
    require_dask()
    if client is not None:
        yield client
        return
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            connected = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise FramingError(
                f"{scheduler}: no dask scheduler answers there ({exc}); "
                "start one with `dask scheduler` or leave out --scheduler"
            ) from None
        with connected:
            yield connected
        return
    import dask

    from framing.scoring.pipeline import _jobs

    with _workers_ignore_ctrl_c(), dask.config.set(LOCAL_WORKER_CONFIG):
        cluster = LocalCluster(
            n_workers=_jobs(workers),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.CRITICAL,  # a worker outliving its scheduler on Ctrl-C logs ERROR noise; task errors reach the client anyway
        )
    with cluster, Client(cluster) as local:
        try:
            yield local
        except KeyboardInterrupt:
            _drop_cancelled_gathers()
            raise


class _CancelledGather(logging.Filter):
    """Drops asyncio's "Task exception was never retrieved" for a gather that closing the client cancelled.

    Ctrl-C during a `client.gather` closes the cluster under it; the pending
    wait ends with distributed's `AllExit`, which asyncio reports as a
    traceback on stderr when the task is collected. The run has already said
    "interrupted; nothing written": that traceback is noise, not an error.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not (error is not None and type(error).__name__ == "AllExit")


def _drop_cancelled_gathers() -> None:
    log = logging.getLogger("asyncio")
    if not any(isinstance(f, _CancelledGather) for f in log.filters):
        log.addFilter(_CancelledGather())


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Start worker processes with SIGINT ignored (an ignored signal survives exec), then restore the handler.

    Ctrl-C in a terminal reaches the whole process group: without this every
    worker process would print its own KeyboardInterrupt traceback. This
    process alone handles it, and closing the cluster stops the workers.
    """
    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
