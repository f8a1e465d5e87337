"""The policy-frames section: outlets x generic policy frames, oriented as the figure is."""
from __future__ import annotations

from typing import TYPE_CHECKING

from framing.reporting.sections.common import POLICY_LEXICON
from framing.reporting.tables import Table, table
from framing.stats import matrices

if TYPE_CHECKING:
    from framing.scoring.scores import Scores


def policy_frames(scores: Scores) -> Table | None:
    """Outlets x policy frames, with frames as rows when there are more frames than outlets (as in the figure)."""
    lexicon = next((lex for lex in scores.lexicons if lex.name == POLICY_LEXICON), None)
    if lexicon is None:
        return None
    matrix = matrices.category_matrix(scores, lexicon, matrices.top_outlets(scores.table))
    caption = f"{lexicon.name}: mean hits per 1,000 words"
    if matrix.shape[1] > matrix.shape[0]:
        return table(matrix.T.reset_index(names="frame"), caption)
    return table(matrix.reset_index(), caption)
