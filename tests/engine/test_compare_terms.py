"""Term counts made partition by partition equal `count_terms` (and TF-IDF rows `tfidf_matrix`) of the whole corpus.

Entry for entry: same columns in the same order, same stored order in each
row, same floats to the last bit. With copies: article copies left out,
copied paragraphs counted in their first article only.
"""

from __future__ import annotations

from functools import reduce

import numpy as np
import pytest
from scipy import sparse

from framing.comparison.distinctive import MIN_COUNT
from framing.comparison.pipeline import _paragraphs_kept
from framing.comparison.similarity import Tfidf, kept_columns, tfidf_matrix
from framing.comparison.terms import count_terms, stop_word_set, tokenize_corpus
from framing.comparison.weighting import smooth_idf
from framing.engine.compare_parts import kept_paragraphs
from framing.engine.compare_terms import (
    Columns,
    column_stats,
    frequent_bigrams,
    merge_bigrams,
    part_bigrams,
    part_counts,
    part_stream,
    part_tfidf,
    used_words,
)
from framing.engine.tokens import join_vocabularies


def copies_and_kept(articles):
    from framing.comparison.duplicates import find_duplicates, representatives

    tokens = tokenize_corpus(articles["clean_text"].tolist())
    copies = find_duplicates(articles, tokens=tokens)
    is_kept = representatives(articles, copies).to_numpy() == articles["doc_id"].to_numpy()
    return tokens, copies, is_kept


def counted_in_parts(articles, cuts, copies, is_kept):
    """The engine's steps for partitions ending at `cuts`, reduced in this process: (per-part counts, columns, terms)."""
    starts = [0, *cuts[:-1]]
    parts = [articles.iloc[a:b].reset_index(drop=True) for a, b in zip(starts, cuts)]
    tokens = [tokenize_corpus(p["clean_text"].tolist()) for p in parts]
    vocabulary, remaps = join_vocabularies([t.vocabulary for t in tokens])
    stops = stop_word_set("english")
    stop = np.array([w in stops for w in vocabulary], dtype=bool)
    position = {doc: x for x, doc in enumerate(articles["doc_id"])}
    streams = []
    for p, (a, b) in enumerate(zip(starts, cuts)):
        copied = copies[(copies["level"] == "paragraph") & copies["doc_b"].isin(parts[p]["doc_id"])]
        dropped = [
            (position[d] - a, int(n))
            for c, d, n in zip(copied["doc_a"], copied["doc_b"], copied["paragraph_b"])
            if is_kept[position[c]] and is_kept[position[d]]
        ]
        keep = kept_paragraphs((parts[p], tokens[p]), is_kept[a:b], dropped)
        streams.append(part_stream(tokens[p], remaps[p], stop, keep))
    used = reduce(np.union1d, [used_words(s) for s in streams])
    table = merge_bigrams([part_bigrams(s, len(vocabulary), p) for p, s in enumerate(streams)])
    columns = Columns(used, frequent_bigrams(table, MIN_COUNT), len(vocabulary), True)
    counts = [part_counts(s, np.flatnonzero(is_kept[a:b]), columns) for s, a, b in zip(streams, starts, cuts)]
    return counts, columns.terms(vocabulary)


def assert_same_matrix(got, want):
    assert got.shape == want.shape and got.dtype == want.dtype
    for name in ("indptr", "indices", "data"):
        np.testing.assert_array_equal(getattr(got, name), getattr(want, name), err_msg=name)


@pytest.mark.parametrize("cuts", [[7], [1, 7], [3, 5, 7], [1, 2, 3, 4, 5, 6, 7]])
def test_partition_counts_are_the_rows_of_the_corpus_counts(articles, cuts):
    tokens, copies, is_kept = copies_and_kept(articles)
    assert set(copies["level"]) == {"article", "paragraph"}  # both kinds of copies are left out
    want = count_terms(
        tokens=tokens, keep=_paragraphs_kept(tokens, articles, is_kept, copies), min_bigram_count=MIN_COUNT
    ).rows(np.flatnonzero(is_kept))
    counts, (terms, ngram) = counted_in_parts(articles, cuts, copies, is_kept)
    np.testing.assert_array_equal(terms, want.terms)
    np.testing.assert_array_equal(ngram, want.ngram)
    assert_same_matrix(sparse.vstack(counts, format="csr"), want.matrix)

    settings = Tfidf()
    df, totals = (sum(parts) for parts in zip(*(column_stats(c) for c in counts)))
    orders = np.flatnonzero(ngram == 1)
    n_kept = int(is_kept.sum())
    chosen = kept_columns(df[orders], n_kept, settings, lambda keep: totals[orders][keep], terms[orders])
    idf = smooth_idf(df[orders][chosen], n_kept)
    rows = [part_tfidf(c, [orders, chosen], idf, settings.sublinear_tf) for c in counts]
    matrix, vocabulary = tfidf_matrix(None, settings, counts=want)
    assert_same_matrix(sparse.vstack(rows, format="csr"), matrix)
    np.testing.assert_array_equal(terms[orders][chosen], vocabulary)


def test_max_features_keeps_the_same_columns_from_summed_counts(articles):
    tokens, copies, is_kept = copies_and_kept(articles)
    counts, (terms, ngram) = counted_in_parts(articles, [2, 7], copies, is_kept)
    df, totals = (sum(parts) for parts in zip(*(column_stats(c) for c in counts)))
    settings = Tfidf(max_features=40, min_df=2)
    chosen = kept_columns(df, int(is_kept.sum()), settings, lambda keep: totals[keep], terms)
    whole = count_terms(
        tokens=tokens, keep=_paragraphs_kept(tokens, articles, is_kept, copies), min_bigram_count=MIN_COUNT
    ).rows(np.flatnonzero(is_kept))
    _, vocabulary = tfidf_matrix(None, Tfidf(max_features=40, min_df=2, ngram_range=(1, 2)), counts=whole)
    assert len(chosen) == 40
    np.testing.assert_array_equal(terms[chosen], vocabulary)
