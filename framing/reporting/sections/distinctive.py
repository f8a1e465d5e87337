"""The distinctive-vocabulary section: each outlet's most distinctive words, strongest first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.reporting.sections.common import comparison_frame
from framing.reporting.tables import clean_value

if TYPE_CHECKING:
    from framing.comparison.pipeline import Comparison


def distinctive(comparison: Comparison | None, per_outlet: int = 12) -> list[dict[str, Any]]:
    """Each outlet's most distinctive words, strongest first."""
    terms = comparison_frame(comparison, "distinctive_terms")
    if terms.empty:
        return []
    score = next((c for c in ("z", "score", "keyness") if c in terms.columns), None)
    out = []
    for outlet, group in terms.groupby("outlet", sort=True):
        if score:
            group = group[group[score] > 0].sort_values([score, "term"], ascending=[False, True], kind="stable")
        out.append(
            {
                "outlet": str(outlet),
                "terms": [
                    [str(t), clean_value(v)]
                    for t, v in zip(
                        group["term"].head(per_outlet),
                        (group[score] if score else pd.Series([None] * len(group))).head(per_outlet),
                    )
                ],
            }
        )
    return out
