"""Clustering: outlet profiles into a dendrogram, and sparse graphs into groups.

Two jobs, both deterministic:

* `cluster_outlets` — hierarchical clustering of outlet profiles
  (`scipy.cluster.hierarchy.linkage`, average linkage on 1 - cosine), with a
  leaf order for heat maps, the linkage matrix for dendrograms, and flat
  clusters cut at a distance threshold.
* `graph_average_linkage` — agglomeration over a sparse list of candidate
  edges (top-k neighbours), used for stories and for facts. Edges are taken
  from most to least similar; two groups merge only if the *average* cosine
  over all pairs of their members (computed exactly from the groups' summed
  vectors) stays at or above the threshold, and an optional veto allows it.
  So every group's mean pairwise similarity is >= threshold (as in average
  linkage cut at 1 - threshold) while no n x n matrix is ever built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import sparse

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Sequence

    # can_merge(members_a, members_b) -> may these two groups (row numbers) become one?
    MergeFilter = Callable[[list[int], list[int]], bool]
    # a sparse row as (column indices, values)
    SparseVector = tuple[np.ndarray, np.ndarray]


def graph_average_linkage(
    rows: sparse.spmatrix | np.ndarray, edges: pd.DataFrame, threshold: float, *, can_merge: MergeFilter | None = None
) -> np.ndarray:
    """Group ids (0..g-1, numbered by first member) for each row of L2-normalised `rows`.

    `edges`: DataFrame `i, j, similarity`, already in the order to try them
    (most similar first). `can_merge(members_a, members_b) -> bool` may veto a merge.
    """
    rows = sparse.csr_matrix(rows, dtype=np.float64)
    n = rows.shape[0]
    parent = np.arange(n)
    members: dict[int, list[int]] = {}
    sums: dict[int, SparseVector] = {}
    scratch = np.zeros(rows.shape[1])

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def vector(r: int) -> SparseVector:
        if r in sums:
            return sums[r]
        start, end = rows.indptr[r], rows.indptr[r + 1]
        return rows.indices[start:end], rows.data[start:end]

    for i, j in zip(edges["i"].to_numpy(), edges["j"].to_numpy()):
        a, b = root(int(i)), root(int(j))
        if a == b:
            continue
        group_a, group_b = members.get(a, [a]), members.get(b, [b])
        (ia, va), (ib, vb) = vector(a), vector(b)
        scratch[ia] = va
        mean = float(scratch[ib] @ vb) / (len(group_a) * len(group_b))
        scratch[ia] = 0.0
        if mean < threshold or (can_merge is not None and not can_merge(group_a, group_b)):
            continue
        keep, gone = min(a, b), max(a, b)
        parent[gone] = keep
        sums[keep] = _add(ia, va, ib, vb)
        sums.pop(gone, None)
        members[keep] = group_a + group_b if keep == a else group_b + group_a
        members.pop(gone, None)
    roots = np.array([root(x) for x in range(n)], dtype=np.int64)
    _, first = np.unique(roots, return_index=True)
    order = np.full(n, -1, dtype=np.int64)
    order[roots[np.sort(first)]] = np.arange(len(first))
    return order[roots]


def _add(ia: np.ndarray, va: np.ndarray, ib: np.ndarray, vb: np.ndarray) -> SparseVector:
    """Sum of two sparse vectors given as (indices, values)."""
    indices, inverse = np.unique(np.concatenate([ia, ib]), return_inverse=True)
    return indices, np.bincount(inverse, weights=np.concatenate([va, vb]), minlength=len(indices))


def cluster_outlets(similarity: pd.DataFrame, *, threshold: float | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Hierarchical clustering of an outlet x outlet cosine matrix.

    Returns (linkage DataFrame, clusters DataFrame `outlet, cluster, leaf_order`).
    Average linkage on distance 1 - cosine, leaves in optimal order. Flat
    clusters: cut at distance `1 - threshold` when a threshold is given
    (outlets whose profiles average at least `threshold` cosine end up
    together); otherwise at the largest gap between successive merge heights,
    a rule of thumb that needs no corpus-specific number (cosines of outlet
    profiles depend on corpus size and vocabulary). Rows are in sorted outlet
    order before clustering, so the result is the same on every run.
    """
    from scipy.cluster.hierarchy import fcluster, leaves_list, linkage, optimal_leaf_ordering
    from scipy.spatial.distance import squareform

    names = sorted(similarity.index)
    similarity = similarity.loc[names, names]
    if len(names) < 2:
        clusters = pd.DataFrame(
            {
                "outlet": pd.array(names, dtype=object),
                "cluster": [1] * len(names),
                "leaf_order": list(range(len(names))),
            }
        )
        return _linkage_frame(np.empty((0, 4)), names), clusters
    distance = 1.0 - similarity.to_numpy(dtype=np.float64)
    distance = np.clip((distance + distance.T) / 2, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    condensed = squareform(distance, checks=False)
    tree = linkage(condensed, method="average")
    if len(names) > 2:
        tree = optimal_leaf_ordering(tree, condensed)
    flat = fcluster(tree, t=1.0 - threshold if threshold is not None else _largest_gap(tree), criterion="distance")
    leaves = leaves_list(tree)
    position = np.empty(len(names), dtype=np.int64)
    position[leaves] = np.arange(len(names))
    clusters = pd.DataFrame(
        {"outlet": pd.array(names, dtype=object), "cluster": _renumber(flat, leaves), "leaf_order": position}
    )
    return _linkage_frame(tree, names), clusters.sort_values("leaf_order", kind="mergesort").reset_index(drop=True)


def _largest_gap(tree: np.ndarray) -> float:
    """A cut height in the middle of the largest jump between successive merges (below every merge if < 2 merges)."""
    heights = np.sort(tree[:, 2])
    if len(heights) < 2:
        return float(heights[0] / 2) if len(heights) else 0.0
    gap = int(np.argmax(np.diff(heights)))
    return float((heights[gap] + heights[gap + 1]) / 2)


def _renumber(flat: np.ndarray, leaves: np.ndarray) -> np.ndarray:
    """Cluster ids 1..c in leaf order, so they read left to right on a dendrogram."""
    mapping: dict[int, int] = {}
    for leaf in leaves:
        mapping.setdefault(flat[leaf], len(mapping) + 1)
    return np.array([mapping[c] for c in flat], dtype=np.int64)


def _linkage_frame(tree: np.ndarray, names: Sequence[str]) -> pd.DataFrame:
    """The scipy linkage matrix as a table: rows merge `left` and `right` at `distance`.

    Ids below len(names) are outlets (named in `left_name`/`right_name`),
    higher ids are earlier merges, exactly as scipy's dendrogram expects;
    `comparison.linkage[["left", "right", "distance", "size"]].to_numpy()` feeds it.
    """
    tree = np.asarray(tree, dtype=np.float64).reshape(-1, 4)

    def label(x: float) -> str:
        return names[int(x)] if x < len(names) else f"merge {int(x) - len(names) + 1}"

    return pd.DataFrame(
        {
            "merge": np.arange(1, len(tree) + 1, dtype=np.int64),
            "left": tree[:, 0].astype(np.int64),
            "right": tree[:, 1].astype(np.int64),
            "distance": tree[:, 2],
            "size": tree[:, 3].astype(np.int64),
            "left_name": pd.array([label(x) for x in tree[:, 0]], dtype=object),
            "right_name": pd.array([label(x) for x in tree[:, 1]], dtype=object),
        }
    )


def describe_clusters(clusters: pd.DataFrame, cluster_terms: pd.DataFrame, top_n: int = 8) -> pd.DataFrame:
    """Add `shared_terms`: the cluster's most distinctive terms against the other clusters.

    `cluster_terms` is a distinctive-terms table whose `outlet` column holds
    cluster ids (`framing.distinctive.distinctive_terms(..., groups=...)`):
    the words the cluster's outlets use together more than everyone else.
    Unigrams and bigrams are merged by z.
    """
    out = clusters.copy()
    shared: dict[Hashable, str] = {}
    for cluster, group in cluster_terms.groupby("outlet", sort=True):
        best = group.sort_values(["z", "term"], ascending=[False, True], kind="mergesort")
        shared[cluster] = ", ".join(best["term"].head(top_n))
    out["shared_terms"] = pd.array([shared.get(c, "") for c in out["cluster"]], dtype=object)
    return out
