"""The similarity section: the outlet x outlet cosine matrix, the groups of alike outlets, the stories."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.reporting.blocks import link_cells
from framing.reporting.keywords import key_words
from framing.reporting.pair_evidence import WORDS_PER_LIST, pair_anchor, pair_blocks
from framing.reporting.sections.common import comparison_frame
from framing.reporting.tables import records, table

if TYPE_CHECKING:
    from framing.comparison.pipeline import Comparison

SMALL_MATRIX = 10
"""Up to this many outlets, each pair's block lists five words per list; above, three."""


def similarity(comparison: Comparison | None, outlets: list[str], lexicons: Any = ()) -> dict[str, Any] | None:
    """The outlet x outlet cosine matrix (for `outlets`, those with most articles) and the groups.

    Groups are numbered in reading order (1, 2 ...), and their shared words skip neutral report
    verbs and page furniture (`framing.reporting.keywords`), which say nothing about framing.
    """
    matrix = comparison_frame(comparison, "outlet_similarity")
    if matrix.empty:
        return None
    keep = [o for o in matrix.index if o in set(outlets)]
    square = matrix.loc[keep, keep].astype(float).reset_index(names="outlet")
    caption = "How alike the outlets' words are (1 = the same words in the same proportions, 0 = none shared)"
    if len(keep) < len(matrix):
        caption += f"; the {len(keep)} outlets with most articles, of {len(matrix)}"
    clusters = comparison_frame(comparison, "outlet_clusters")
    listed: list[dict[str, Any]] = []
    alone = 0
    if not clusters.empty:
        for _, group in clusters.groupby("cluster", sort=True):
            if len(group) < 2:
                alone += 1
                continue
            shared = str(group["shared_terms"].iloc[0]) if "shared_terms" in group else ""
            listed.append(
                {
                    "cluster": len(listed) + 1,
                    "outlets": [str(o) for o in group["outlet"]],
                    "shared_terms": key_words(shared, [], lexicons) if shared else "",
                }
            )
    stories = comparison_frame(comparison, "story_labels")
    values = {(a, b): float(matrix.loc[a, b]) for a in keep for b in keep}
    linked = link_cells(table(square, caption), lambda i, j: pair_anchor(i, j - 1) if i != j - 1 else None)
    per_list = 3 if len(keep) > SMALL_MATRIX else WORDS_PER_LIST  # 25 outlets make 300 pairs
    return {
        "table": linked,
        "evidence": pair_blocks(comparison, keep, values, lexicons, per_list),
        "clusters": listed,
        "alone": alone,
        "stories": records(stories) if not stories.empty else [],
    }
