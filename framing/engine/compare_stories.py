"""Story grouping on the cluster, block by block: no task holds the article x article matrix.

`group_stories` (threshold mode) is three steps, each split here:

1. candidate edges (`top_k_neighbours`): each partition's rows are
   multiplied, a block at a time, against every partition's rows (broadcast
   to the workers: numbers, no text) and keep each row's k best partners, by
   the same calls on the same values, so every edge and its float32 cosine
   is the local one's; the pairs are made symmetric in the driver (only
   i, j, cosine) and the words too common for the search are added back per
   pair in tasks holding the two partitions' dense columns of those words;
2. the agglomeration (`graph_average_linkage`) only ever joins rows linked by
   an edge, and each merge looks only at the two groups' rows: it runs per
   connected component of the edge graph, components batched into tasks of
   about a partition's size (edges kept in their global order), which gives
   the same groups as one run over all rows;
3. per story (`story_tasks`): the label's candidate terms, the article pairs
   and, with `outlet_scope="story"`, the story's outlet similarity, in the
   same tasks (a story lies inside one component).

A giant component is still one task: its rows are what its agglomeration needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse

if TYPE_CHECKING:
    from collections.abc import Sequence

BLOCK_CELLS = 8_000_000  # `top_k_neighbours`' block size (cells of float32 similarities)


def row_df(rows: sparse.csr_matrix) -> np.ndarray:
    """How many of the partition's rows hold each column: summed, the corpus-wide counts `top_k_neighbours` uses."""
    counts: np.ndarray = np.bincount(rows.indices, minlength=rows.shape[1]).astype(np.int64)
    return counts


def common_columns(df: np.ndarray, n_rows: int, common_df: int = 50, common_share: float = 0.02) -> np.ndarray:
    """The columns `top_k_neighbours` leaves out of its search (too common to decide neighbours)."""
    common: np.ndarray = df > max(common_df, common_share * n_rows)
    return common


def search_part(rows: sparse.csr_matrix, common: np.ndarray) -> sparse.csr_matrix:
    """The partition's rows over the search columns, as `top_k_neighbours` slices the whole matrix."""
    rows = sparse.csr_matrix(rows, dtype=np.float32)
    searched: sparse.csr_matrix = rows[:, np.flatnonzero(~common)].tocsr() if common.any() else rows
    return searched


def block_candidates(
    own: sparse.csr_matrix, searched: Sequence[sparse.csr_matrix], first_row: int, k: int, threshold: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, cosine) of each of the partition's rows' k best partners among all rows, in row order.

    `own` (the partition's search rows, its first at `first_row`) against every
    partition's search rows in `searched`: each block's dense similarities are the
    local engine's, column for column, so `_best_in_block` picks the same pairs.
    """
    from framing.comparison.similarity import _best_in_block

    transposed = [part.T.tocsc() for part in searched]
    n = sum(part.shape[0] for part in searched)
    step = max(1, BLOCK_CELLS // max(n, 1))
    found = [(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.float32))]
    for start in range(0, own.shape[0], step):
        rows = own[start : start + step]
        block = np.hstack([(rows @ t).toarray() for t in transposed]).astype(np.float32, copy=False)
        found.append(_best_in_block(block, first_row + start, k, threshold, None))
    i, j, s = (np.concatenate(parts) for parts in zip(*found))
    return i, j, s


def dense_common(rows: sparse.csr_matrix, common: np.ndarray) -> np.ndarray:
    """The partition's rows over the common columns, dense, as `top_k_neighbours` holds them for all rows."""
    dense: np.ndarray = sparse.csr_matrix(rows, dtype=np.float32)[:, np.flatnonzero(common)].toarray()
    return dense


def pair_dots(left: np.ndarray, right: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """What the common columns add to each pair's cosine: row i of `left` . row j of `right` (`_dense_pair_dots`)."""
    from framing.comparison.similarity import _dense_pair_dots

    stacked = np.vstack([left, right])
    return _dense_pair_dots(stacked, i, j + len(left))


def components(n: int, edges: pd.DataFrame) -> np.ndarray:
    """The connected component of each row in the graph of the candidate edges."""
    from scipy.sparse.csgraph import connected_components

    graph = sparse.csr_matrix(
        (np.ones(len(edges)), (edges["i"].to_numpy(), edges["j"].to_numpy())), shape=(n, n), dtype=np.int8
    )
    _, labels = connected_components(graph, directed=False)
    found: np.ndarray = labels.astype(np.int64)
    return found


def batches(component: np.ndarray, target: int) -> list[np.ndarray]:
    """Rows of the components with two rows or more, whole components per batch of about `target` rows."""
    sizes = np.bincount(component)
    linked = np.flatnonzero(sizes >= 2)
    rows_of: dict[Any, Any] = pd.Series(np.arange(len(component))).groupby(component).indices
    out: list[np.ndarray] = []
    current: list[np.ndarray] = []
    held = 0
    for c in linked:
        current.append(np.asarray(rows_of[c], dtype=np.int64))
        held += int(sizes[c])
        if held >= target:
            out.append(np.sort(np.concatenate(current)))
            current, held = [], 0
    if current:
        out.append(np.sort(np.concatenate(current)))
    return out


def take_rows(rows: sparse.csr_matrix, positions: np.ndarray) -> sparse.csr_matrix:
    taken: sparse.csr_matrix = rows[np.asarray(positions, dtype=np.int64)].tocsr()
    return taken


class StoryBatch(NamedTuple):
    """A batch's stories: each row's group key (its group's first row), the label candidates and pairs per group."""

    keys: np.ndarray
    label_terms: dict[int, tuple[np.ndarray, np.ndarray]]
    pairs: list[tuple[int, np.ndarray, np.ndarray, np.ndarray]]  # (key, row a, row b, cosine)
    outlet_sims: dict[int, tuple[list[str], np.ndarray]]


def story_batch(
    pieces: list[sparse.csr_matrix],
    members: np.ndarray,
    edges: pd.DataFrame,
    days: np.ndarray,
    outlets: np.ndarray,
    threshold: float,
    options: dict[str, Any],
) -> StoryBatch:
    """Grow the batch's stories (`graph_average_linkage` on its rows and edges) and describe each story.

    `members`: the batch's rows (global numbers, ascending); `edges` (global
    numbers) in the order `group_stories` tries them; `days`, `outlets` per member.
    """
    from framing.comparison.cluster import graph_average_linkage
    from framing.comparison.stories import _date_veto

    matrix = sparse.vstack(pieces, format="csr")
    local = np.searchsorted(members, edges["i"].to_numpy()), np.searchsorted(members, edges["j"].to_numpy())
    local_edges = pd.DataFrame({"i": local[0], "j": local[1], "similarity": edges["similarity"].to_numpy()})
    veto = _date_veto(days, options["max_story_days"]) if options["max_story_days"] is not None else None
    groups = graph_average_linkage(matrix, local_edges, threshold, can_merge=veto)
    first = np.full(groups.max() + 1 if len(groups) else 0, -1, dtype=np.int64)
    for x in range(len(groups) - 1, -1, -1):
        first[groups[x]] = x
    keys = members[first[groups]]
    labels, pairs, sims = describe(matrix, groups, members[first], outlets, options)
    return StoryBatch(keys, labels, [(key, members[a], members[b], cosine) for key, a, b, cosine in pairs], sims)


def describe(
    matrix: sparse.csr_matrix, groups: np.ndarray, keys: np.ndarray, outlets: np.ndarray, options: dict[str, Any]
) -> tuple[dict[int, Any], list[Any], dict[int, Any]]:
    """Per group (numbered 0..g-1 by first row, `keys` its global name): label terms, article pairs, outlet cosines."""
    from framing.comparison.pipeline import ARTICLE_NEIGHBOURS
    from framing.comparison.similarity import cosine_matrix, group_profiles, top_k_neighbours
    from framing.comparison.stories import LABEL_TERMS, heaviest_terms, story_centroids

    centroid = story_centroids(groups, matrix)
    labels = {int(keys[g]): heaviest_terms(centroid, g, LABEL_TERMS) for g in range(len(keys))}
    pairs, sims = [], {}
    rows_of: dict[Any, Any] = pd.Series(np.arange(len(groups))).groupby(groups).indices
    for g, found_rows in rows_of.items():
        rows = np.asarray(found_rows, dtype=np.int64)
        if len(rows) < 2:
            continue
        if len(rows) <= ARTICLE_NEIGHBOURS + 1:
            ii, jj = np.triu_indices(len(rows), k=1)
            a, b = rows[ii], rows[jj]
        else:
            found = top_k_neighbours(matrix[rows], ARTICLE_NEIGHBOURS, threshold=-1.0)
            a, b = rows[found["i"].to_numpy()], rows[found["j"].to_numpy()]
        cosine = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel() if len(a) else np.zeros(0)
        pairs.append((int(keys[g]), a, b, cosine))
        if options["outlet_scope"] == "story" and len(set(outlets[rows])) >= 2:
            profiles, names = group_profiles(matrix[rows], outlets[rows])
            sims[int(keys[g])] = (names, cosine_matrix(profiles, names).to_numpy())
    return labels, pairs, sims


def single_labels(rows: sparse.csr_matrix, positions: np.ndarray) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Label candidates of the one-article stories among the partition's rows (`positions` within it)."""
    from framing.comparison.stories import LABEL_TERMS, heaviest_terms, story_centroids

    picked = take_rows(rows, positions)
    centroid = story_centroids(np.arange(len(positions)), picked)
    return {x: heaviest_terms(centroid, x, LABEL_TERMS) for x in range(len(positions))}
