"""Lean scores: equal values share one object, and nothing a later step reads changes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandas.testing as pdt

from framing.reporting.lean import shared_column, shared_frame


def distinct(values: list) -> pd.Series:
    """An object column whose every cell is its own object, as a pickled worker result arrives."""
    cells = np.empty(len(values), dtype=object)
    cells[:] = [("" + v + "!")[:-1] if isinstance(v, str) else (v + 10**6) - 10**6 for v in values]
    return pd.Series(cells, index=pd.RangeIndex(10, 10 + len(values)), name="c", dtype=object)


def test_strings_and_ints_become_one_object_per_value_with_the_same_values_types_and_index():
    for values in (["alpha", "beta", "alpha", "alpha", "beta"], [1234567, 7654321, 1234567, 1234567, 7654321]):
        column = distinct(values)
        assert len({id(v) for v in column.to_numpy()}) == 5
        shared = shared_column(column)
        pdt.assert_series_equal(shared, column)
        assert [type(v) for v in shared.to_numpy()] == [type(v) for v in column.to_numpy()]
        assert len({id(v) for v in shared.to_numpy()}) == 2
        assert not {id(v) for v in shared.to_numpy()} & {
            id(v) for v in column.to_numpy()
        }  # fresh copies: the old cells can all die


def test_mixed_missing_subclassed_and_typed_columns_are_left_as_they_are():
    for column in (
        pd.Series([1, True, 1], dtype=object),  # 1 == True: sharing would change a type
        pd.Series([np.int64(5), 5], dtype=object),
        pd.Series(["a", None, "a"], dtype=object),
        pd.Series([np.str_("a"), "a"], dtype=object),
        pd.Series([1.5, 2.5]),
        pd.Series(["a", "b"], dtype="string"),
    ):
        assert shared_column(column) is column


def test_a_frame_keeps_its_columns_dtypes_index_and_attrs():
    frame = pd.DataFrame(
        {"doc_id": distinct(["a1", "a1", "b2"]), "start": distinct([3000, 3000, 3000]), "weight": [1.0, 2.0, 3.0]},
        index=pd.RangeIndex(10, 13),
    )
    frame["negated"] = [True, False, True]
    frame.columns.name = "columns"
    frame.attrs["note"] = "kept"
    lean = shared_frame(frame)
    pdt.assert_frame_equal(lean, frame)
    assert lean.columns.name == "columns" and lean.attrs == {"note": "kept"}
    assert lean["start"].to_numpy()[0] is lean["start"].to_numpy()[2]
    empty = frame.iloc[:0]
    assert shared_frame(empty) is empty


def test_the_bundled_scores_tables_stay_equal(nato_scores):
    for name in ("table", "evidence", "sentences", "quotes", "stance"):
        pdt.assert_frame_equal(shared_frame(getattr(nato_scores, name)), getattr(nato_scores, name))
