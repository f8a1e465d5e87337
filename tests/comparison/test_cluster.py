"""Graph-constrained average linkage (stories, facts) and outlet dendrograms."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from framing.comparison.cluster import cluster_outlets, describe_clusters, graph_average_linkage


def three_vectors():
    """Unit vectors with a.b = 0.9, a.c = 0.5, b.c = 0.1 (solved by hand in 3-D)."""
    a = [1.0, 0.0, 0.0]
    b = [0.9, 0.19**0.5, 0.0]
    y = (0.1 - 0.45) / 0.19**0.5
    c = [0.5, y, (1 - 0.25 - y * y) ** 0.5]
    return sparse.csr_matrix([a, b, c])


def edges(rows):
    sims = (rows @ rows.T).toarray()
    pairs = [(i, j, sims[i, j]) for i in range(3) for j in range(i + 1, 3)]
    frame = pd.DataFrame(pairs, columns=["i", "j", "similarity"])
    return frame.sort_values("similarity", ascending=False, kind="mergesort")


def test_average_linkage_uses_mean_over_all_member_pairs():
    rows = three_vectors()
    assert np.allclose((rows @ rows.T).toarray()[[0, 0, 1], [1, 2, 2]], [0.9, 0.5, 0.1])
    # a+b merge at 0.9; c joins only if mean(a.c, b.c) = (0.5 + 0.1) / 2 = 0.3 >= threshold
    assert list(graph_average_linkage(rows, edges(rows), 0.4)) == [0, 0, 1]
    assert list(graph_average_linkage(rows, edges(rows), 0.3)) == [0, 0, 0]
    assert list(graph_average_linkage(rows, edges(rows), 0.95)) == [0, 1, 2]


def test_veto_keeps_groups_apart():
    rows = three_vectors()

    def never_b(a, b):
        return 1 not in a + b

    assert list(graph_average_linkage(rows, edges(rows), 0.3, can_merge=never_b)) == [0, 1, 0]


def similarity_frame(names, values):
    return pd.DataFrame(values, index=names, columns=names)


SIMS = similarity_frame(list("abcd"), [[1, 0.9, 0.2, 0.1], [0.9, 1, 0.3, 0.2], [0.2, 0.3, 1, 0.8], [0.1, 0.2, 0.8, 1]])


def test_outlet_clusters_by_threshold_and_largest_gap():
    tree, clusters = cluster_outlets(SIMS, threshold=0.5)
    assert len(tree) == 3 and tree["size"].iloc[-1] == 4
    assert np.isclose(tree["distance"].iloc[0], 0.1)
    by = dict(zip(clusters["outlet"], clusters["cluster"]))
    assert by["a"] == by["b"] != by["c"] == by["d"]
    # average linkage: {a,b} to {c,d} = mean(0.8, 0.9, 0.7, 0.8) distance = 0.8
    assert np.isclose(tree["distance"].iloc[-1], 0.8)
    _, auto = cluster_outlets(SIMS)
    assert dict(zip(auto["outlet"], auto["cluster"])) == by
    assert sorted(clusters["leaf_order"]) == [0, 1, 2, 3]


def test_outlet_clustering_is_deterministic_under_reordering():
    order = list("dbca")
    shuffled = SIMS.loc[order, order]
    first = cluster_outlets(SIMS)
    second = cluster_outlets(shuffled)
    pd.testing.assert_frame_equal(first[0], second[0])
    pd.testing.assert_frame_equal(first[1], second[1])


def test_describe_clusters_lists_cluster_terms():
    clusters = pd.DataFrame({"outlet": ["a", "b", "c"], "cluster": [1, 1, 2], "leaf_order": [0, 1, 2]})
    terms = pd.DataFrame({"outlet": [1, 1, 2], "term": ["troops", "tanks", "talks"], "z": [1.0, 3.0, 2.0]})
    described = describe_clusters(clusters, terms)
    assert list(described["shared_terms"]) == ["tanks, troops", "tanks, troops", "talks"]
