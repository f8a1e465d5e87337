"""Bad input found on a worker travels back as data, not as an exception.

A partition task that meets bad input returns the one-line message instead
of raising: the run then reports the error of the first such partition in
input order (the same message on every run, whichever worker finished
first), and the workers log no traceback to the user's terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from framing.errors import FramingError

T = TypeVar("T")


def attempt(call: Callable[[], T]) -> tuple[T | None, str]:
    """(result, "") or (None, the FramingError's message)."""
    try:
        return call(), ""
    except FramingError as exc:
        return None, str(exc)


def raise_first(messages: Iterable[str]) -> None:
    """Raise FramingError with the first non-empty message, if there is one."""
    for message in messages:
        if message:
            raise FramingError(message)
