"""Word numbers found partition by partition and joined equal `tokenize_corpus` of the whole corpus."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.comparison.terms import tokenize_corpus
from framing.engine.tokens import join_tokens

TEXTS = [
    "NATO sends troops.\n\nRussia's army moves.",
    "",
    "Troops arrive; the alliance speaks.\nA new line",
    "nato NATO nato",
    "Russia answers the alliance.\n\n\nMore troops.",
]


def assert_same_tokens(got, want):
    for name in ("ids", "article", "paragraph", "vocabulary"):
        np.testing.assert_array_equal(getattr(got, name), getattr(want, name), err_msg=name)
        assert getattr(got, name).dtype == getattr(want, name).dtype, name
    pd.testing.assert_frame_equal(got.paragraphs, want.paragraphs, check_exact=True)
    assert got.n_articles == want.n_articles


@pytest.mark.parametrize("cuts", [[5], [1, 5], [2, 3, 5], [1, 2, 3, 4, 5]])  # where each part ends
def test_any_split_joins_to_the_whole_corpus_tokens(cuts):
    starts = [0, *cuts[:-1]]
    parts = [tokenize_corpus(TEXTS[a:b]) for a, b in zip(starts, cuts)]
    assert_same_tokens(join_tokens(parts), tokenize_corpus(TEXTS))


def test_the_cluster_s_tokens_equal_the_local_ones(parts_folder, one_file, dask_client):
    from framing.comparison.pipeline import _articles
    from framing.corpus.model import load_corpus
    from framing.corpus.readers.columns import Columns
    from framing.engine.articles import gather_corpus

    _, tokens = gather_corpus(parts_folder, Columns(id="doc_id"), dask_client, tokenize=True)
    local = _articles(load_corpus(one_file, id_column="doc_id"))
    assert_same_tokens(tokens, tokenize_corpus(local["clean_text"].tolist()))


def test_compare_refuses_tokens_of_another_corpus(nato_corpus):
    from framing.comparison.pipeline import compare
    from framing.errors import FramingError

    with pytest.raises(FramingError, match="tokens of 2 articles given for 5 articles"):
        compare(nato_corpus, tokens=tokenize_corpus(TEXTS[:2]))
