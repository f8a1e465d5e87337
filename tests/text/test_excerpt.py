"""Excerpts: a quotation an excerpt cuts into is shown as going on."""

from __future__ import annotations

import pytest

from framing.text.excerpt import open_quote_ellipses


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“What we see now is a new reality.", ("", "…”")),  # the quotation goes on after it
        ("It is a new normal,” he said.", ("“…", "")),  # it began before
        ("“We are ready,” he said.", ("", "")),  # whole
        ("No quotation here.", ("", "")),
        ("“A long quote cut short …", ("", "”")),  # already ends in an ellipsis
    ],
)
def test_open_quote_ellipses(text, expected):
    assert open_quote_ellipses(text) == expected
