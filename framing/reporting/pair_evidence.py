"""The words behind a similarity cell: what two outlets share, and what sets each apart.

A cosine of two word profiles is high when the outlets use the same words in
similar proportions. The block for a pair (`alike-<i>-<j>`, by position in the
similarity table) lists the words both use most (the smaller of the two
shares, so a word must be common in both) and the words that set each apart
(`Comparison.contrast` on single words, Fightin' Words on the two outlets alone), single
words only, neutral report verbs and page furniture left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy import sparse

from framing.comparison.distinctive import pairwise_terms
from framing.reporting.blocks import Block, block
from framing.reporting.keywords import neutral_words

if TYPE_CHECKING:
    from framing.comparison.distinctive import OutletCounts
    from framing.comparison.pipeline import Comparison

WORDS_PER_LIST = 5


def pair_anchor(i: int, j: int) -> str:
    """The anchor of the pair at table positions i and j (either order)."""
    return f"alike-{min(i, j)}-{max(i, j)}"


def pair_blocks(
    comparison: Comparison | None,
    outlets: Sequence[str],
    values: dict[tuple[str, str], Any],
    lexicons: Any = (),
    per_list: int = WORDS_PER_LIST,
) -> list[Block]:
    """One block per pair of `outlets` (the table's order), with its similarity `values[(a, b)]`;
    `per_list` words in each list."""
    counts = getattr(comparison, "counts", None) or {}
    if comparison is None or 1 not in counts or len(outlets) < 2:
        return []
    table, names, terms = counts[1]
    neutral = neutral_words(lexicons)
    keep_terms = np.array([str(t).lower() not in neutral for t in terms], dtype=bool)
    present = [o for o in outlets if o in names]
    rows = sparse.csr_matrix(table[[names.index(o) for o in present]], dtype=np.float64)
    totals = np.maximum(np.asarray(rows.sum(axis=1)).ravel(), 1.0)
    shares = sparse.diags(1.0 / totals) @ rows
    position = {o: k for k, o in enumerate(present)}
    blocks = []
    for i, a in enumerate(outlets):
        for j, b in enumerate(outlets):
            if j <= i or a not in position or b not in position:
                continue
            pa, pb = position[a], position[b]
            common = shares[pa].minimum(shares[pb]).tocoo()
            order = _most_shared(common.col, common.data, keep_terms, terms, per_list)
            both = [[str(terms[c]), f"{int(rows[pa, c])} / {int(rows[pb, c])}"] for c in order]
            words = [
                {"label": f"Words both use most (times in {a} / in {b})", "terms": both},
                *_apart(counts[1], a, b, neutral, per_list),
            ]
            heading = f"{a} and {b}: similarity {_two(values.get((a, b)))}"
            blocks.append(block(pair_anchor(i, j), heading, words=words))
    return blocks


def _most_shared(
    columns: np.ndarray, values: np.ndarray, keep: np.ndarray, terms: np.ndarray, per_list: int
) -> list[int]:
    """The `per_list` kept columns of highest value (ties: alphabetical term, then column).

    Only the values at or above the `per_list`-th highest are sorted: a pair of
    big outlets shares tens of thousands of words, and five are shown.
    """
    kept = keep[columns]
    columns, values = columns[kept], values[kept]
    if len(values) > per_list:
        cutoff = np.partition(values, len(values) - per_list)[len(values) - per_list]
        near = values >= cutoff
        columns, values = columns[near], values[near]
    return [int(c) for _, _, c in sorted(zip(-values, (str(terms[c]) for c in columns), columns))[:per_list]]


def _apart(unigrams: OutletCounts, a: str, b: str, neutral: set[str], per_list: int) -> list[dict[str, Any]]:
    """For each of the two outlets, the single words that set it apart from the other, with their counts.

    `Comparison.contrast` on the single words alone: each n-gram order is ranked
    on its own, so the two-word table (the larger) and the lexicon marks, which
    the block does not show, need not be computed for each of the pairs.
    """
    terms = pairwise_terms({1: unigrams}, a, b, top_n=per_list * 2)
    terms = terms[(terms["ngram"] == 1) & (terms["z"] > 0) & ~terms["term"].astype(str).str.lower().isin(neutral)]
    return [
        {
            "label": f"Words that set {name} apart from {other} (times)",
            "terms": [[str(t), int(n)] for t, n in zip(part["term"], part["count"])][:per_list],
        }
        for name, other in ((a, b), (b, a))
        for part in [terms[terms["outlet"] == name]]
    ]


def _two(value: Any) -> str:
    return f"{value:.2f}" if isinstance(value, (int, float)) and value == value else "not computed"
