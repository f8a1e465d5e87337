"""TF-IDF settings, cosine matrices, outlet profiles and sparse top-k neighbours."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from framing.comparison.similarity import (
    Tfidf,
    article_similarity,
    cosine_matrix,
    fold,
    group_profiles,
    normalize_rows,
    outlet_similarity,
    ranked_pairs,
    tfidf_matrix,
    top_k_neighbours,
)
from framing.text.words import term_words


def test_cosine_matrix_by_hand():
    rows = sparse.csr_matrix([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]])
    sims = cosine_matrix(rows, ["a", "b", "c"])
    expected = [[1.0, 0.6, 0.0], [0.6, 1.0, 0.8], [0.0, 0.8, 1.0]]
    assert np.allclose(sims.to_numpy(), expected)
    assert list(sims.index) == list(sims.columns) == ["a", "b", "c"]


def test_article_similarity_symmetric_with_unit_diagonal():
    texts = ["NATO troops move east.", "Troops of NATO head to the eastern flank.", "Wheat prices fell.", ""]
    matrix, _ = tfidf_matrix(texts)
    sims = article_similarity(matrix, ["d1", "d2", "d3", "d4"]).to_numpy()
    assert np.allclose(sims, sims.T)
    assert np.allclose(np.diag(sims), 1.0)
    assert sims[0, 1] > 0.2 and sims[0, 2] == 0.0 and sims[3, 0] == 0.0


def test_outlet_profile_is_mean_of_normalised_articles():
    # outlet A: [1, 0] and [0, 1] -> mean [0.5, 0.5] -> [0.7071, 0.7071]; outlet B: [1, 0]
    rows = sparse.csr_matrix([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])
    profiles, names = group_profiles(rows, ["A", "A", "B"])
    assert names == ["A", "B"]
    assert np.allclose(profiles.toarray(), [[2**-0.5, 2**-0.5], [1.0, 0.0]])
    sims = outlet_similarity(rows, ["A", "A", "B"])
    assert sims.loc["A", "B"] == pytest.approx(2**-0.5)
    assert np.allclose(np.diag(sims.to_numpy()), 1.0)


def test_tfidf_settings_are_used():
    texts = ["eastern flank troops", "eastern flank ships", "wheat and corn"]
    _, unigrams = tfidf_matrix(texts)
    _, bigrams = tfidf_matrix(texts, Tfidf(ngram_range=(1, 2)))
    _, frequent = tfidf_matrix(texts, Tfidf(min_df=2))
    assert "eastern flank" in set(bigrams) and "eastern flank" not in set(unigrams)
    assert set(frequent) == {"eastern", "flank"}
    _, kept = tfidf_matrix(["the troops", "the ships"], Tfidf(stop_words=None))
    assert "the" in set(kept)


def test_fold_and_words_keep_numbers_and_hyphens():
    tokens = term_words(fold("Russia’s U.S. troops: 40,000 and 1.5 combat-ready units."))
    assert tokens == ["russia", "u.s", "troops", "40,000", "and", "1.5", "combat-ready", "units"]


def test_tfidf_equals_scikit_learn_vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = ["NATO troops move east to the flank.", "Troops of NATO head east; troops rest.", "Wheat prices fell."]
    matrix, terms = tfidf_matrix(texts)
    reference = TfidfVectorizer(sublinear_tf=True, stop_words="english", token_pattern=r"\w[\w'.,-]*\w|\w")
    expected = reference.fit_transform(texts)
    order = [list(terms).index(t) for t in reference.get_feature_names_out()]
    assert np.allclose(matrix.toarray()[:, order], expected.toarray(), atol=1e-6)


def brute_force(rows, k, threshold):
    sims = (rows @ rows.T).toarray()
    np.fill_diagonal(sims, -1)
    pairs = set()
    for i in range(len(sims)):
        order = sorted(range(len(sims)), key=lambda j: (-sims[i, j], j))[:k]
        pairs |= {(min(i, j), max(i, j)) for j in order if sims[i, j] > threshold}
    return pairs


@pytest.mark.parametrize("common_df", [50, 2])  # 2 forces the pruned search + exact re-scoring path
def test_top_k_neighbours_match_brute_force(common_df):
    rng = np.random.default_rng(7)
    dense = rng.random((60, 40)) * (rng.random((60, 40)) < 0.15)
    rows = normalize_rows(sparse.csr_matrix(dense))
    found = top_k_neighbours(rows, 3, threshold=0.1, common_df=common_df, common_share=0.0, block_cells=200)
    exact = (rows @ rows.T).toarray()
    assert all(np.isclose(s, exact[i, j], atol=1e-5) for i, j, s in found.itertuples(index=False))
    assert (found["i"] < found["j"]).all() and not found.duplicated(["i", "j"]).any()
    if common_df == 50:  # without pruning the candidates are exactly the brute-force top-k
        assert set(zip(found["i"], found["j"])) == brute_force(rows, 3, 0.1)
    else:  # with pruning every pair found is real and above the threshold
        assert (found["similarity"] > 0.1).all()


def test_top_k_neighbours_veto_and_order():
    rows = normalize_rows(sparse.csr_matrix([[1, 0], [1, 0.1], [1, 0.2], [0, 1]], dtype=float))
    outlets = np.array(["A", "A", "B", "B"])
    found = top_k_neighbours(rows, 5, threshold=0.0, allowed=lambda i, j: outlets[i] != outlets[j])
    assert all(outlets[i] != outlets[j] for i, j in zip(found["i"], found["j"]))
    assert list(found["similarity"]) == sorted(found["similarity"], reverse=True)


def test_ranked_pairs_most_similar_first():
    sims = pd.DataFrame([[1, 0.2, 0.7], [0.2, 1, 0.4], [0.7, 0.4, 1]], index=list("abc"), columns=list("abc"))
    pairs = ranked_pairs(sims)
    assert list(zip(pairs["a"], pairs["b"])) == [("a", "c"), ("b", "c"), ("a", "b")]
