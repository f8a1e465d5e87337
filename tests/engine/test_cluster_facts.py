"""Sentence rows built per story with the corpus-wide columns (`framing.engine.cluster_facts`) are the corpus matrix' rows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.comparison.align import fact_sentences, sentence_matrix, weighted_rows
from framing.engine import cluster_facts

TEXTS = [
    "NATO will deploy four new battlegroups to Eastern Europe, Stoltenberg said on Monday.",
    "The alliance is deploying 4 new battlegroups in eastern Europe, officials said Monday.",
    "Putin warned that Russia would respond to the deployment of forty thousand troops.",
    "Russia says it will respond to NATO troops near its border, the Kremlin said.",
    "Stoltenberg told reporters the battlegroups are defensive and pose no threat.",
    "The Defense ministers met in Brussels to agree the new force posture for the alliance.",
]


def articles(outlets=("a", "b", "c")):
    return pd.DataFrame(
        {
            "doc_id": [f"d{x}" for x in range(len(TEXTS))],
            "outlet": [outlets[x % len(outlets)] for x in range(len(TEXTS))],
            "clean_text": TEXTS,
        }
    )


def test_rows_from_joined_partition_summaries_equal_the_whole_corpus_rows_bit_for_bit():
    table = articles()
    story_of = pd.Series(np.zeros(len(table), np.int64), index=pd.Index(table["doc_id"].astype(object)))
    whole, features, analyzer = fact_sentences(table, story_of)
    want, names = sentence_matrix(whole["text"].tolist(), analyzer=analyzer, features=features)
    found = [
        cluster_facts.part_sentences(
            (table.iloc[lo:hi].reset_index(drop=True), None),
            np.arange(hi - lo),
            np.zeros(hi - lo, np.int64),
            np.ones(hi - lo, bool),
        )
        for lo, hi in [(0, 2), (2, 3), (3, 6)]
    ]
    columns = cluster_facts.join_columns([cluster_facts.summary_of(f) for f in found])
    assert list(columns.names) == list(names) and columns.name_features == analyzer.names()
    shares = [cluster_facts.bucket_shares(f, pd.Series({0: 0}), 1)[0] for f in found]
    got = weighted_rows(
        cluster_facts._counts([s for share in shares for s in share[1]], columns), columns.idf, columns.weights
    )
    assert got.shape == want.shape
    np.testing.assert_array_equal(got.indptr, want.indptr)
    np.testing.assert_array_equal(got.indices, want.indices)  # stored order too: sums are taken in it
    assert got.data.tobytes() == want.data.tobytes()


def test_stories_go_to_buckets_whole_and_in_order():
    buckets = cluster_facts._buckets(np.array([0, 0, 0, 3, 3, 5, 7, 7, 7, 7]), 3)
    assert sorted(buckets) == [0, 3, 5, 7]
    assert [buckets[s] for s in sorted(buckets)] == sorted(buckets[s] for s in sorted(buckets))
    assert len(set(buckets.values())) >= 2
