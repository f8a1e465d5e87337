"""Dates: the forms accepted, and incomplete dates never guessed."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.corpus.readers.dates import parse_date, parse_date_column


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2022-04-11", "2022-04-11"),
        ("2022-04-11T23:30:00+02:00", "2022-04-11 23:30:00"),
        ("April 11, 2022", "2022-04-11"),
        ("11 April 2022", "2022-04-11"),
        ("12/1/16", "2016-12-01"),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_forms(value, expected):
    result = parse_date(value)
    assert pd.isna(result) if expected is None else result == pd.Timestamp(expected)


@pytest.mark.parametrize("value", ["5", "March", "garbage", "2022-13-45"])
def test_parse_date_never_guesses_incomplete_dates(value):
    assert parse_date(value) is None


def test_parse_date_column_keeps_raw_text_of_bad_dates():
    dates, raw = parse_date_column(pd.Series(["2022-04-11", "", "8/9/19", "soon"]))
    assert dates.tolist()[0] == pd.Timestamp("2022-04-11") and dates.tolist()[2] == pd.Timestamp("2019-08-09")
    assert raw.tolist() == ["", "", "", "soon"]
