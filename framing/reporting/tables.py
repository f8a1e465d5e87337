"""Plain, JSON-ready tables: the one shape every report section uses for numbers.

A table is a dict `{"caption", "columns", "rows"}` where rows hold str, int,
float (rounded) or None. The same dict feeds the `_table.html` partial and the
report's JSON file, so the page and the JSON can never disagree.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

DIGITS = 4

Value = str | int | float | bool | None
"""A cell of a report table, as JSON sees it."""
Table = dict[str, Any]
"""`{"caption": str, "columns": [str], "rows": [[Value]]}` (plus optional keys a section adds)."""


def clean_value(value: object) -> Value:
    """A JSON-safe, rounded scalar (NaN/NaT -> None, numpy -> Python)."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        number = float(value)
        return None if math.isnan(number) or math.isinf(number) else round(number, DIGITS) + 0.0
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date().isoformat()
    try:
        if pd.isna(value):  # type: ignore[call-overload]  # any scalar pandas can test
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def table(frame: pd.DataFrame, caption: str, columns: dict[str, str] | None = None) -> Table:
    """A DataFrame as a report table; `columns` maps frame column -> header (and picks them)."""
    columns = columns or {c: c for c in frame.columns}
    present = [c for c in columns if c in frame.columns]
    rows = [[clean_value(v) for v in record] for record in frame[present].itertuples(index=False, name=None)]
    return {"caption": caption, "columns": [columns[c] for c in present], "rows": rows}


def records(frame: pd.DataFrame) -> list[dict[str, Value]]:
    """A DataFrame as a list of JSON-safe dicts (column order kept)."""
    return [{k: clean_value(v) for k, v in zip(frame.columns, row)} for row in frame.itertuples(index=False, name=None)]


def relabel(shown: Table, labels: dict[str, str] | None = None, *, rows: bool = False) -> Table:
    """`shown` with category names turned into their labels (`labels`, the lexicon's own) or, for snake_case
    names without one, plain words: in the header, and in the first column when `rows` (categories as rows)."""
    from framing.reporting.labels import label

    known = labels or {}

    def plain(value: Value) -> Value:
        if isinstance(value, str) and value in known:
            return known[value]
        return label(value) if isinstance(value, str) and "_" in value else value

    columns = [shown["columns"][0]] + [plain(c) for c in shown["columns"][1:]]
    body = [[plain(row[0]), *row[1:]] for row in shown["rows"]] if rows else shown["rows"]
    return {**shown, "columns": columns, "rows": body}
