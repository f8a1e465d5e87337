"""Story grouping block by block (`framing.engine.compare_stories`) finds the local engine's edges and groups."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from framing.comparison.cluster import graph_average_linkage
from framing.comparison.similarity import _symmetric_pairs, normalize_rows, top_k_neighbours
from framing.engine import compare_stories as tasks


def rows_with_common_words(n: int = 150, seed: int = 3) -> sparse.csr_matrix:
    """L2-normalised float32 rows: sparse rare words plus a few words in almost every row (the search leaves them out)."""
    rng = np.random.default_rng(seed)
    rare = sparse.random(n, 400, density=0.03, random_state=rng, format="csr")
    common = sparse.csr_matrix(rng.random((n, 3)) * (rng.random((n, 3)) < 0.9))
    matrix = normalize_rows(sparse.hstack([common, rare], format="csr"))
    return sparse.csr_matrix(matrix, dtype=np.float32)


def split(matrix: sparse.csr_matrix, cuts: list[int]) -> tuple[list[sparse.csr_matrix], np.ndarray]:
    offsets = np.array([0, *cuts, matrix.shape[0]])
    return [matrix[lo:hi].tocsr() for lo, hi in zip(offsets[:-1], offsets[1:])], offsets


def edges_by_blocks(parts: list[sparse.csr_matrix], offsets: np.ndarray, k: int, threshold: float) -> pd.DataFrame:
    """What `cluster_stories._edges` does on the cluster, here in one process."""
    n = int(offsets[-1])
    common = tasks.common_columns(sum(tasks.row_df(p) for p in parts), n)
    searched = [tasks.search_part(p, common) for p in parts]
    low = 0.0 if common.any() else threshold
    found = [tasks.block_candidates(s, searched, int(offsets[x]), k, low) for x, s in enumerate(searched)]
    pairs = _symmetric_pairs(*(np.concatenate(f) for f in zip(*found)))
    if common.any():
        dense = [tasks.dense_common(p, common) for p in parts]
        i, j = pairs["i"].to_numpy(), pairs["j"].to_numpy()
        p_of, q_of = np.searchsorted(offsets, i, side="right") - 1, np.searchsorted(offsets, j, side="right") - 1
        dots = np.array(
            [
                tasks.pair_dots(dense[p], dense[q], np.array([a - offsets[p]]), np.array([b - offsets[q]]))[0]
                for a, b, p, q in zip(i, j, p_of, q_of)
            ]
        )
        pairs["similarity"] += dots
        pairs = pairs[pairs["similarity"] > threshold]
        pairs = pairs.sort_values(["similarity", "i", "j"], ascending=[False, True, True], kind="mergesort")
    return pairs.reset_index(drop=True)


@pytest.mark.parametrize("cuts", [[], [1], [40, 41, 97], [10, 20, 30, 140]])
def test_edges_found_block_by_block_are_the_whole_matrix_edges_bit_for_bit(cuts):
    matrix = rows_with_common_words()
    assert tasks.common_columns(tasks.row_df(matrix), matrix.shape[0]).any()  # the exact re-scoring path is taken
    want = top_k_neighbours(matrix, 10, threshold=0.1)
    got = edges_by_blocks(*split(matrix, cuts), k=10, threshold=0.1)
    assert len(want) > 100
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_without_common_words_the_threshold_applies_in_the_blocks_and_the_edges_are_equal():
    rng = np.random.default_rng(8)
    matrix = sparse.csr_matrix(normalize_rows(sparse.random(90, 300, density=0.04, random_state=rng)), dtype=np.float32)
    assert not tasks.common_columns(tasks.row_df(matrix), 90).any()
    want = top_k_neighbours(matrix, 5, threshold=0.05)
    pd.testing.assert_frame_equal(
        edges_by_blocks(*split(matrix, [30, 31]), k=5, threshold=0.05), want, check_exact=True
    )


def test_agglomeration_per_batch_of_components_gives_the_whole_run_s_groups():
    matrix = rows_with_common_words(seed=5)
    edges = top_k_neighbours(matrix, 10, threshold=0.1)
    want = graph_average_linkage(matrix, edges, 0.25)
    component = tasks.components(matrix.shape[0], edges)
    keys = np.arange(matrix.shape[0])
    for members in tasks.batches(component, target=20):
        assert set(component[members]).isdisjoint(set(component[np.setdiff1d(keys, members)]))  # whole components
        inside = np.isin(edges["i"].to_numpy(), members)
        batch_edges = edges[inside].reset_index(drop=True)
        options = {"max_story_days": None, "outlet_scope": "corpus"}
        outlets = np.array(["a", "b"] * matrix.shape[0], dtype=object)[: len(members)]
        pieces = [tasks.take_rows(matrix, members)]
        found = tasks.story_batch(pieces, members, batch_edges, np.zeros(len(members)), outlets, 0.25, options)
        keys[members] = found.keys
    got = np.unique(keys, return_inverse=True)[1]
    np.testing.assert_array_equal(got, want)
    assert len(np.unique(want)) < matrix.shape[0]  # some rows did merge
