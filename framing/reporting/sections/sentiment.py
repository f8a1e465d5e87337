"""The sentiment section: sentiment and subjectivity per outlet, with intervals."""
from __future__ import annotations

from typing import TYPE_CHECKING

from framing.reporting.sections.common import interval_table
from framing.reporting.tables import Table

if TYPE_CHECKING:
    from framing.scoring.scores import Scores


def sentiment(scores: Scores) -> dict[str, Table]:
    """The two interval tables the sentiment figure draws."""
    table_ = interval_table(scores, "sentiment", "Sentiment per outlet (−1 … +1)")
    subjectivity = interval_table(scores, "subjectivity", "Subjectivity per outlet (0 … 1)")
    return {"sentiment": table_, "subjectivity": subjectivity}
