"""Column options: which choices are explicit, and metadata values as plain text."""

from __future__ import annotations

import datetime as dt

import pytest

from framing.corpus.readers.columns import Columns, stringify


def test_defaults_are_not_explicit_and_chosen_names_are():
    assert not any(Columns().explicit(role) for role in ("id", "text", "outlet", "title", "date"))
    chosen = Columns(id="key", text="body")
    assert chosen.explicit("id") and chosen.explicit("text")
    assert not chosen.explicit("outlet")


def test_naming_the_default_column_is_not_explicit():
    assert not Columns(text="text").explicit("text")


@pytest.mark.parametrize(
    "value,expected",
    [
        (None, ""),
        (float("nan"), ""),
        (["Ann Lee", "Bo Chan"], "Ann Lee, Bo Chan"),
        (("a", None, 3), "a, , 3"),
        (dt.date(2022, 4, 11), "2022-04-11"),
        (dt.datetime(2022, 4, 11, 9, 30), "2022-04-11T09:30:00"),
        (7, "7"),
        (1.5, "1.5"),
        ("text", "text"),
    ],
)
def test_stringify(value, expected):
    assert stringify(value) == expected
