"""Parsing publication dates: strict in hand-written files, forgiving in big tables.

A researcher's 100,000-row export must not die on one odd date, so in tables a
date that cannot be read becomes NaT and its raw text is kept in `date_raw`.
In a hand-written front-matter file a bad date is a typo the author can fix, so
it is an error naming the file and line.

Time-zone offsets are dropped and the local wall time as written is kept: the
day an outlet says it published is the day that matters for comparisons.
A date missing its year, month or day ("5", "March") is not guessed.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

DATE_DTYPE = "datetime64[ns]"
_OFFSET = r"(?:\s*(?:Z|UTC|GMT|[+-]\d\d:?\d\d))$"
_DEFAULTS = (_dt.datetime(1904, 1, 1), _dt.datetime(2008, 2, 2))


def parse_date(value: object) -> Any:
    """One value -> pandas Timestamp, NaT for empty, None when it cannot be read."""
    import re

    import pandas as pd

    if value is None or (isinstance(value, float) and value != value):
        return pd.NaT
    if isinstance(value, (_dt.date, pd.Timestamp)):
        return _naive(pd.Timestamp(value))
    text = str(value).strip()
    if not text:
        return pd.NaT
    text = re.sub(_OFFSET, "", text)
    try:
        return _naive(pd.Timestamp(pd.to_datetime(text, format="ISO8601")))
    except (ValueError, OverflowError):
        return _parse_common(text)


def _parse_common(text: str) -> Any:
    """Common forms ("April 11, 2022", "11/4/22") via dateutil, only when complete."""
    import pandas as pd
    from dateutil import parser

    try:
        first, second = (parser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return None
    if first.date() != second.date() or not 1800 <= first.year <= 2200:
        return None  # year, month or day was missing: do not guess
    return _naive(pd.Timestamp(first))


def _naive(stamp: Any) -> Any:
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return stamp


def parse_date_column(values: Any) -> tuple[Any, Any]:
    """A column of raw dates -> (datetime64 Series, raw text of the unreadable ones or None)."""
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(values):
        if getattr(values.dt, "tz", None) is not None:
            values = values.dt.tz_localize(None)
        return values.astype(DATE_DTYPE), None
    raw = values.astype(object).where(values.notna(), "").astype(str).str.strip()
    stripped = raw.str.replace(_OFFSET, "", regex=True)
    parsed = pd.to_datetime(stripped, format="ISO8601", errors="coerce")
    todo = parsed.isna() & (raw != "")
    if todo.any():
        parsed = parsed.astype(object)
        parsed[todo] = [_or_nat(parse_date(v)) for v in raw[todo]]
        parsed = pd.to_datetime(parsed)
    parsed = parsed.astype(DATE_DTYPE)
    bad = parsed.isna() & (raw != "")
    date_raw = raw.where(bad, "") if bad.any() else None
    return parsed, date_raw


def _or_nat(value: Any) -> Any:
    import pandas as pd

    return pd.NaT if value is None else value
