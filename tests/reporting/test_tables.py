"""Report tables: JSON-safe rounded cells, columns picked and renamed, category names relabelled."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from framing.reporting.tables import clean_value, records, relabel, table


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, None),
        (np.bool_(True), True),
        (np.int64(7), 7),
        (np.float32(0.5), 0.5),
        (0.123456789, 0.1235),
        (-0.00001, 0.0),
        (float("nan"), None),
        (float("inf"), None),
        (pd.NaT, None),
        (pd.Timestamp("2022-03-04 15:00"), "2022-03-04"),
        (pd.NA, None),
        ("text", "text"),
        (("a", 1), "('a', 1)"),
    ],
)
def test_clean_value(value, expected):
    got = clean_value(value)
    assert got == expected and type(got) is type(expected)


def test_rounded_negative_zero_prints_as_zero():
    assert json.dumps(clean_value(-0.00001)) == "0.0" and math.copysign(1, clean_value(-0.00001)) == 1


def test_table_picks_and_renames_the_columns_it_is_given_that_exist():
    frame = pd.DataFrame({"outlet": ["A", "B"], "mean": [0.123456, np.nan], "n": np.array([2, 3])})
    shown = table(frame, "Means", {"outlet": "Outlet", "n": "Articles", "absent": "Ignored"})
    assert shown == {"caption": "Means", "columns": ["Outlet", "Articles"], "rows": [["A", 2], ["B", 3]]}
    everything = table(frame, "All")
    assert everything["columns"] == ["outlet", "mean", "n"]
    assert everything["rows"] == [["A", 0.1235, 2], ["B", None, 3]]


def test_records_keep_column_order_and_are_json_ready():
    frame = pd.DataFrame({"b": [np.int64(1)], "a": [np.nan]})
    assert records(frame) == [{"b": 1, "a": None}]
    assert json.dumps(records(frame)) == '[{"b": 1, "a": null}]'


def test_relabel_uses_the_lexicons_labels_then_plain_words_for_snake_case():
    shown = {"caption": "c", "columns": ["outlet", "economic_cost", "security"], "rows": [["Some_outlet", 1, 2]]}
    out = relabel(shown, {"security": "Security & defence"})
    assert out["columns"] == ["outlet", "economic cost", "Security & defence"]
    assert out["rows"] == [["Some_outlet", 1, 2]] and out["caption"] == "c"
    assert shown["columns"][1] == "economic_cost"  # the input is not changed


def test_relabel_rows_turns_first_column_categories_into_labels():
    shown = {"caption": "c", "columns": ["category", "A"], "rows": [["economic_cost", 0.5], ["x", None]]}
    assert relabel(shown, rows=True)["rows"] == [["economic cost", 0.5], ["x", None]]
