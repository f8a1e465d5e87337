"""Bad input found on a worker travels back as data: the first message in input order is raised."""

from __future__ import annotations

import pytest

from framing.engine.failures import attempt, raise_first
from framing.errors import FramingError


def test_attempt_returns_the_result_or_the_message():
    assert attempt(lambda: 42) == (42, "")

    def bad():
        raise FramingError("t.csv row 3: no outlet")

    assert attempt(bad) == (None, "t.csv row 3: no outlet")


def test_attempt_lets_other_errors_through():
    with pytest.raises(ZeroDivisionError):
        attempt(lambda: 1 / 0)


def test_raise_first_raises_the_first_message_in_order():
    with pytest.raises(FramingError, match=r"^part 2: bad$"):
        raise_first(["", "part 2: bad", "part 3: worse"])


def test_raise_first_is_silent_when_every_part_is_fine():
    raise_first(["", ""])
    raise_first([])
