"""Plain, JSON-ready tables: the one shape every report section uses for numbers.

A table is a dict `{"caption", "columns", "rows"}` where rows hold str, int,
float (rounded) or None. The same dict feeds the `_table.html` partial and the
report's JSON file, so the page and the JSON can never disagree.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

DIGITS = 4


def clean_value(value):
    """A JSON-safe, rounded scalar (NaN/NaT -> None, numpy -> Python)."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return None if math.isnan(value) or math.isinf(value) else round(value, DIGITS) + 0.0
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date().isoformat()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def table(frame: pd.DataFrame, caption: str, columns: dict[str, str] | None = None) -> dict:
    """A DataFrame as a report table; `columns` maps frame column -> header (and picks them)."""
    columns = columns or {c: c for c in frame.columns}
    present = [c for c in columns if c in frame.columns]
    rows = [[clean_value(v) for v in record] for record in frame[present].itertuples(index=False, name=None)]
    return {"caption": caption, "columns": [columns[c] for c in present], "rows": rows}


def records(frame: pd.DataFrame) -> list[dict]:
    """A DataFrame as a list of JSON-safe dicts (column order kept)."""
    return [{k: clean_value(v) for k, v in zip(frame.columns, row)} for row in frame.itertuples(index=False, name=None)]
