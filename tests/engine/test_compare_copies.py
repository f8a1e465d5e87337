"""Copies found from per-partition shingle hashes equal `find_duplicates` of the whole corpus, row for row."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.comparison.duplicates import find_duplicates
from framing.comparison.terms import tokenize_corpus
from framing.engine.compare_copies import find_copies
from framing.engine.tokens import join_vocabularies


def copies_in_parts(client, frame, cuts, threshold=0.8):
    starts = [0, *cuts[:-1]]
    parts = [frame.iloc[a:b].reset_index(drop=True) for a, b in zip(starts, cuts)]
    tokens = [tokenize_corpus(p["clean_text"].tolist()) for p in parts]
    _, remaps = join_vocabularies([t.vocabulary for t in tokens])
    futures = [client.scatter((p, t)) for p, t in zip(parts, tokens)]
    bounds = np.cumsum([0] + [len(p) for p in parts])
    paragraph_bounds = np.cumsum([0] + [len(t.paragraphs) for t in tokens])
    meta = frame[["doc_id", "outlet"]]
    return find_copies(client, futures, remaps, meta, bounds, paragraph_bounds, threshold)


@pytest.mark.parametrize("cuts", [[7], [2, 7], [1, 3, 5, 6, 7]])
def test_copies_across_partitions_equal_the_whole_corpus_copies(articles, dask_client, cuts):
    want = find_duplicates(articles)
    assert set(want["level"]) == {"article", "paragraph"}
    pd.testing.assert_frame_equal(copies_in_parts(dask_client, articles, cuts), want, check_exact=True)


def test_a_lower_threshold_finds_the_same_more_copies(articles, dask_client):
    want = find_duplicates(articles, threshold=0.3)
    pd.testing.assert_frame_equal(copies_in_parts(dask_client, articles, [3, 7], 0.3), want, check_exact=True)


def test_no_copies_gives_the_empty_table(articles, dask_client):
    unique = articles.iloc[:5]
    want = find_duplicates(unique)
    assert not len(want)
    pd.testing.assert_frame_equal(copies_in_parts(dask_client, unique, [2, 5]), want, check_exact=True)
