"""The run's dask client: one passed in is used as is; dask missing is one line saying what to install."""

from __future__ import annotations

import signal
import sys
import threading

import pytest

from framing.engine import cluster
from framing.errors import FramingError


def test_require_dask_names_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(FramingError) as info:
        cluster.require_dask()
    assert str(info.value) == 'the dask engine needs dask and distributed: pip install "framing-toolkit[dask]"'


def test_a_client_passed_in_is_yielded_and_left_running(dask_client):
    with cluster.dask_client(client=dask_client) as client:
        assert client is dask_client
    assert dask_client.status == "running"


def test_workers_start_with_ctrl_c_ignored_and_the_handler_comes_back():
    before = signal.getsignal(signal.SIGINT)
    with cluster._workers_ignore_ctrl_c():
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    assert signal.getsignal(signal.SIGINT) is before


def test_outside_the_main_thread_the_handler_is_left_alone():
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)  # a run started with SIGINT ignored
    seen = []

    def run():
        with cluster._workers_ignore_ctrl_c():
            seen.append(signal.getsignal(signal.SIGINT))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    try:
        assert seen == [signal.default_int_handler]  # not SIG_IGN: a thread may not touch the handler
    finally:
        signal.signal(signal.SIGINT, inherited)


def test_ctrl_c_drops_only_the_cancelled_gathers_traceback():
    import logging
    import sys

    from distributed.client import AllExit

    from framing.engine.cluster import _CancelledGather

    def record(error: BaseException) -> logging.LogRecord:
        try:
            raise error
        except BaseException:
            info = sys.exc_info()
        return logging.LogRecord("asyncio", logging.ERROR, __file__, 1, "Task exception was never retrieved", (), info)

    keep = _CancelledGather()
    assert keep.filter(record(AllExit())) is False
    assert keep.filter(record(ValueError("a real error"))) is True
    assert keep.filter(logging.LogRecord("asyncio", logging.ERROR, __file__, 1, "no exception", (), None)) is True
