"""Outlet-level numbers shared by the report, the figures and notebooks, without matplotlib.

Outlet means with their bootstrap intervals, outlet x category, outlet x cue
class and outlet x target matrices: building a report table never needs a
plotting library, and a figure shows exactly the numbers its table shows.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from framing.lexicons.model import Contrast, Lexicon
    from framing.scoring.scores import Scores

MAX_OUTLETS = 25


def short(label: object, limit: int = 30) -> str:
    """A tick label cut to `limit` characters (tables beside the figures keep full names)."""
    text = str(label)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def top_outlets(table: pd.DataFrame, limit: int = MAX_OUTLETS) -> list[str]:
    """The outlets with most articles (ties by name), so figures stay legible."""
    counts = table.groupby("outlet", sort=True).size()
    return sorted(counts.sort_values(ascending=False, kind="stable").index[:limit])


_BY_OUTLET: weakref.WeakKeyDictionary[Scores, pd.DataFrame] = weakref.WeakKeyDictionary()


def by_outlet(scores: Scores) -> pd.DataFrame:
    """`scores.by_outlet()` (seeded bootstrap intervals), computed once per Scores object."""
    try:
        return _BY_OUTLET[scores]
    except (KeyError, TypeError):
        pass
    frame = scores.by_outlet()
    with contextlib.suppress(TypeError):
        _BY_OUTLET[scores] = frame
    return frame


def outlet_means(scores: Scores, column: str, outlets: Iterable[str] | None = None) -> pd.DataFrame:
    """Per outlet: n, mean of `column` and its 95% bootstrap interval (NaN for a single article)."""
    frame = by_outlet(scores)
    if outlets is not None:
        frame = frame[frame["outlet"].isin(outlets)]
    low, high = f"{column}.ci_low", f"{column}.ci_high"
    result: pd.DataFrame = (
        pd.DataFrame(
            {
                "outlet": frame["outlet"].astype(str).to_numpy(),
                "n": frame["n_articles"].to_numpy(),
                "mean": frame[column].to_numpy(dtype=float),
                "low": (frame[low] if low in frame else pd.Series(np.nan, index=frame.index)).to_numpy(dtype=float),
                "high": (frame[high] if high in frame else pd.Series(np.nan, index=frame.index)).to_numpy(dtype=float),
            }
        )
        .sort_values("outlet", kind="stable")
        .reset_index(drop=True)
    )
    return result


def lexicon_named(scores: Scores, lexicon: str | Lexicon) -> Lexicon:
    """A Lexicon object from a name or object, using those the scores were made with."""
    if not isinstance(lexicon, str):
        return lexicon
    candidates: tuple[Lexicon, ...] = getattr(scores, "lexicons", ()) or ()
    for candidate in candidates:
        if candidate.name == lexicon:
            return candidate
    from framing.lexicons.model import load_lexicon

    return load_lexicon(lexicon)


def contrast_columns(scores: Scores) -> list[tuple[str, Contrast]]:
    pairs: list[tuple[str, Contrast]] = []
    for lexicon in getattr(scores, "lexicons", ()) or ():
        for contrast in lexicon.contrasts:
            column = f"frame.{lexicon.name}.{contrast.name}"
            if column in scores.table.columns:
                pairs.append((column, contrast))
    return pairs


def category_matrix(scores: Scores, lexicon: Lexicon, outlets: Iterable[str]) -> pd.DataFrame:
    columns = {
        f"frame.{lexicon.name}.{c}": c for c in lexicon.categories if f"frame.{lexicon.name}.{c}" in scores.table
    }
    table = scores.table[scores.table["outlet"].isin(outlets)]
    matrix: pd.DataFrame = table.groupby("outlet", sort=True)[list(columns)].mean().rename(columns=columns)
    return matrix


def stance_matrix(scores: Scores, outlets: Iterable[str] | None = None) -> pd.DataFrame:
    """Outlet x target mean stance over the articles that mention the target."""
    table = scores.table if outlets is None else scores.table[scores.table["outlet"].isin(outlets)]
    targets = [t.name if hasattr(t, "name") else str(t) for t in (getattr(scores, "targets", None) or [])]
    if not targets:
        targets = sorted(
            c[len("stance.") :] for c in table.columns if c.startswith("stance.") and not c.endswith(".mentions")
        )
    data: dict[str, Any] = {}
    for target in targets:
        column, mentions = f"stance.{target}", f"stance.{target}.mentions"
        if column not in table:
            continue
        mentioned = table[column].where(table[mentions] > 0) if mentions in table else table[column]
        data[target] = mentioned.groupby(table["outlet"], sort=True).mean()
    result: pd.DataFrame = pd.DataFrame(data)
    return result


def loaded_matrix(scores: Scores, outlets: Iterable[str] | None = None) -> pd.DataFrame:
    """Outlet x cue class, mean cues per 1,000 words (classes overlap the `loaded` total differently)."""
    table = scores.table if outlets is None else scores.table[scores.table["outlet"].isin(outlets)]
    classes = sorted(c for c in table.columns if c.startswith("loaded.") and c != "loaded.count")
    matrix = table.groupby("outlet", sort=True)[classes].mean()
    renamed: pd.DataFrame = matrix.rename(columns={c: c[len("loaded.") :] for c in classes})
    return renamed
