"""A socket guard for the test suite: any connection that leaves this machine fails the test run.

Why: framing promises to work offline, in a classroom with no internet. The
guard is installed for every test session (tests/conftest.py), so a library
that quietly phones home (a model download, a font, a telemetry ping) makes
its test fail with `NetworkBlocked` and is recorded in `ATTEMPTS`. Loopback
and Unix sockets stay allowed: a local Dask cluster and the browser driver
talk over them, and they never leave the machine.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

ATTEMPTS: list[str] = []
_ORIGINAL: dict[str, Any] = {}


class NetworkBlocked(OSError):
    """A test tried to reach another machine."""


def _is_local(address: Any) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = address[0] if isinstance(address, tuple) and address else ""
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: resolving it would already be a network request


def _refuse(where: str, address: Any) -> None:
    ATTEMPTS.append(f"{where} {address!r}")
    raise NetworkBlocked(f"network access in a test: {where} {address!r} (framing must work offline)")


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    if not _is_local(address):
        _refuse("connect", address)
    return _ORIGINAL["connect"](self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> Any:
    if not _is_local(address):
        _refuse("connect_ex", address)
    return _ORIGINAL["connect_ex"](self, address)


def _guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if not _is_local((host.decode() if isinstance(host, bytes) else host or "",)):
        _refuse("getaddrinfo", host)
    return _ORIGINAL["getaddrinfo"](host, *args, **kwargs)


def block() -> None:
    """Install the guard (idempotent)."""
    if _ORIGINAL:
        return
    _ORIGINAL.update(connect=socket.socket.connect, connect_ex=socket.socket.connect_ex, getaddrinfo=socket.getaddrinfo)
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = _guarded_getaddrinfo


def unblock() -> None:
    """Remove the guard."""
    if not _ORIGINAL:
        return
    socket.socket.connect = _ORIGINAL["connect"]  # type: ignore[method-assign]
    socket.socket.connect_ex = _ORIGINAL["connect_ex"]  # type: ignore[method-assign]
    socket.getaddrinfo = _ORIGINAL["getaddrinfo"]
    _ORIGINAL.clear()
