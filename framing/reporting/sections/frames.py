"""The frame-balance section: each contrast per outlet with intervals, and every category's rate."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.reporting.sections.common import LOADED_LEXICON, POLICY_LEXICON, interval_table, outlets
from framing.reporting.tables import Table, table
from framing.stats import matrices

if TYPE_CHECKING:
    from framing.lexicons.model import Lexicon
    from framing.scoring.scores import Scores


def frames(scores: Scores) -> dict[str, Any]:
    """Each contrast (e.g. balance) per outlet with intervals, and category rates per lexicon."""
    contrasts = [{"name": c.name, "positive": c.positive, "negative": c.negative, "description": c.description,
                  "table": interval_table(scores, column, f"{c.name}: mean per outlet (+1 {c.positive}, −1 {c.negative})")}
                 for column, c in matrices.contrast_columns(scores)]
    lexicons = [lex for lex in scores.lexicons if lex.name not in (POLICY_LEXICON, LOADED_LEXICON)]
    return {"contrasts": contrasts, "lexicons": [lex.name for lex in lexicons],
            "categories": [category_table(scores, lex) for lex in lexicons]}


def category_table(scores: Scores, lexicon: Lexicon) -> Table:
    """Mean hits per 1,000 words of each category of `lexicon`, per outlet."""
    matrix = matrices.category_matrix(scores, lexicon, outlets(scores)).reset_index()
    return table(matrix, f"{lexicon.name}: mean hits per 1,000 words")
