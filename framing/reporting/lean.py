"""Scores held in less memory for the report: equal values share one object.

Why: the scoring workers send their tables back pickled, so every cell of an
object column arrives as its own Python object; the evidence table of 10,000
AllSides articles (1.7 million rows, eight object columns of strings and
integers) then takes about 730 MiB, although it has a few thousand distinct
doc ids, families, categories and offsets. A column whose cells are all
strings (or all integers) is rebuilt here with one fresh object per distinct
value: the same values of the same types in the same dtype, so every later
step and every byte of the page stays as it was, at 8 bytes a cell.
"""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd

SHARED_KINDS = {"string": str, "integer": int}
"""Object columns rebuilt: all exactly str or all exactly int (no NaN, no subclass, no mixture, whose
equal values could differ in type)."""


def shared_column(column: pd.Series) -> pd.Series:
    """`column` with one object per distinct value, when it is an object column of only str or only int.

    The distinct values are fresh copies (a pickle round trip), so the old
    per-cell objects all die together and their memory can be given back.
    """
    if column.dtype != object:
        return column
    kind = SHARED_KINDS.get(pd.api.types.infer_dtype(column, skipna=False))
    values = column.to_numpy()
    if kind is None or not all(type(value) is kind for value in values):
        return column
    codes, uniques = pd.factorize(values, sort=False)
    fresh = np.empty(len(uniques), dtype=object)
    fresh[:] = pickle.loads(pickle.dumps(list(uniques), protocol=pickle.HIGHEST_PROTOCOL))
    return pd.Series(fresh[codes], index=column.index, name=column.name, dtype=object, copy=False)


def shared_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with each object column made of shared values (`shared_column`); other columns as they were."""
    if frame.empty or frame.columns.has_duplicates:
        return frame
    rebuilt = {name: shared_column(frame[name]) for name in frame.columns}
    out = pd.DataFrame(rebuilt, index=frame.index, copy=False)
    out.columns = frame.columns
    out.attrs = dict(frame.attrs)
    return out
