"""What several sections share: the outlet list, an interval table, a comparison table by name.

A comparison table that is missing or empty comes back as an empty frame, so a
corpus of one outlet (or one story) still gets every section, each with its
explanation, rather than an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from framing.reporting.tables import Table, table
from framing.stats import matrices

if TYPE_CHECKING:
    from framing.comparison.pipeline import Comparison
    from framing.lexicons.model import Lexicon
    from framing.scoring.scores import Scores


def frame_lexicons(scores: Scores) -> list[Lexicon]:
    """The frame lexicons that get category bars (policy frames and loaded language have their own sections)."""
    from framing.lexicons.model import FRAMES, of_family

    return of_family(scores.lexicons, FRAMES)


def policy_lexicon(scores: Scores) -> Lexicon | None:
    """The run's policy-frames lexicon (its `family:` says so, whatever it is called), or None."""
    from framing.lexicons.model import POLICY_FRAMES, of_family

    found = of_family(scores.lexicons, POLICY_FRAMES)
    return found[0] if found else None


def loaded_lexicon_name(scores: Scores) -> str | None:
    """The name of the run's loaded-language lexicon (its `family:` says so, whatever it is called)."""
    from framing.lexicons.model import LOADED_LANGUAGE, of_family

    found = of_family(scores.lexicons, LOADED_LANGUAGE)
    return found[0].name if found else None


def outlets(scores: Scores) -> list[str]:
    """Every outlet of the scores, sorted."""
    return sorted(scores.table["outlet"].astype(str).unique())


def interval_table(scores: Scores, column: str, caption: str) -> Table:
    """Per outlet: articles, mean of `column` and its 95% bootstrap interval.

    When no outlet has the two articles an interval needs, the interval columns
    would be all dashes: they are left out and the caption says why.
    """
    stats = matrices.outlet_means(scores, column)
    if len(stats) and stats["low"].isna().all() and stats["high"].isna().all():
        return table(
            stats,
            caption + "; one article per outlet, so no interval",
            {"outlet": "outlet", "n": "articles", "mean": "mean"},
        )
    return table(
        stats, caption, {"outlet": "outlet", "n": "articles", "mean": "mean", "low": "95% low", "high": "95% high"}
    )


def comparison_frame(comparison: Comparison | None, name: str) -> pd.DataFrame:
    """The comparison's table `name`, or an empty frame when there is none."""
    value = getattr(comparison, name, None) if comparison is not None else None
    return value if isinstance(value, pd.DataFrame) else pd.DataFrame()
