"""The policy-frames section: outlets x generic policy frames, oriented as the figure is."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.reporting.cell_evidence import link_rows
from framing.reporting.labels import category_labels
from framing.reporting.sections.common import policy_lexicon
from framing.reporting.tables import relabel, table
from framing.stats import matrices

if TYPE_CHECKING:
    from framing.scoring.scores import Scores


def policy_frames(scores: Scores, evidence: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """Outlets x policy frames, with frames as rows when there are more frames than outlets (as in the figure).

    Each cell links to the sentences whose words it counted.
    """
    lexicon = policy_lexicon(scores)
    if lexicon is None:
        return None
    matrix = matrices.category_matrix(scores, lexicon, matrices.top_outlets(scores.table))
    caption = f"{lexicon.name}: mean hits per 1,000 words"
    ev = evidence.get(lexicon.name)
    if matrix.shape[1] > matrix.shape[0]:
        shown = table(matrix.T.reset_index(names="frame"), caption)
        outlets_are_rows = False
    else:
        shown = table(matrix.reset_index(), caption)
        outlets_are_rows = True
    if ev is not None:
        shown = link_rows(shown, ev, outlets_are_rows=outlets_are_rows)
    labels = category_labels([lexicon])
    return {
        "table": relabel(shown, labels, rows=not outlets_are_rows),
        "evidence": ev,
        "frames_are_rows": not outlets_are_rows,
    }
