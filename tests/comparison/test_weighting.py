"""TF-IDF and L2 normalisation without scikit-learn: bit-for-bit scikit-learn's numbers and entry order."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
from sklearn.preprocessing import normalize

from framing.comparison.weighting import count_matrix, l2_normalize, tfidf


def same_bits(mine: sparse.spmatrix, theirs: sparse.spmatrix) -> None:
    mine, theirs = sparse.csr_matrix(mine), sparse.csr_matrix(theirs)
    assert mine.shape == theirs.shape and mine.dtype == theirs.dtype
    assert np.array_equal(mine.indptr, theirs.indptr)
    assert np.array_equal(mine.indices, theirs.indices)  # the stored order too: later sums depend on it
    assert mine.data.tobytes() == theirs.data.tobytes()


def random_counts(seed: int, rows: int = 60, cols: int = 300, density: float = 0.08) -> sparse.csr_matrix:
    rng = np.random.default_rng(seed)
    matrix = sparse.random(
        rows,
        cols,
        density=density,
        format="csr",
        random_state=rng,
        data_rvs=lambda n: rng.integers(1, 9, n).astype(float),
    )
    keep = np.ones((rows, 1))
    keep[3] = 0  # an empty row
    out = sparse.csr_matrix(matrix.multiply(keep))
    out.eliminate_zeros()
    return out


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("sublinear", [False, True])
def test_tfidf_equals_tfidf_transformer(seed, sublinear):
    counts = random_counts(seed)
    same_bits(tfidf(counts, sublinear_tf=sublinear), TfidfTransformer(sublinear_tf=sublinear).fit_transform(counts))
    same_bits(
        tfidf(counts, sublinear_tf=sublinear, l2=False),
        TfidfTransformer(sublinear_tf=sublinear, norm=None).fit_transform(counts),
    )


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_l2_normalize_equals_normalize_on_long_unsorted_rows(dtype):
    rng = np.random.default_rng(7)
    rows = sparse.random(40, 5000, density=0.2, format="csr", random_state=rng, dtype=dtype)
    rows.indices = rows.indices[::-1].copy()  # stored order that is not sorted (sums follow it)
    rows.data = (rng.random(len(rows.data)) * 1e3).astype(dtype)
    same_bits(l2_normalize(rows), normalize(rows, norm="l2", copy=True))


def test_count_matrix_then_tfidf_equals_tfidf_vectorizer():
    rng = np.random.default_rng(3)
    words = [f"w{k}" for k in range(80)] + ["Ölfeld", "2022", "zz", "a"]
    documents = [[words[i] for i in rng.integers(0, len(words), rng.integers(0, 30))] for _ in range(70)]
    vectorizer = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True, norm=None, dtype=np.float64)
    theirs = vectorizer.fit_transform(documents)
    counts, names = count_matrix(documents)
    same_bits(tfidf(counts, sublinear_tf=True, l2=False), theirs)
    assert names == vectorizer.get_feature_names_out().tolist()
    weights = rng.random(len(names))
    same_bits(
        l2_normalize(tfidf(counts, sublinear_tf=True, l2=False) @ sparse.diags(weights)),
        normalize(theirs @ sparse.diags(weights), norm="l2"),
    )


def test_no_features_is_an_error_as_in_scikit_learn():
    with pytest.raises(ValueError, match="empty vocabulary"):
        count_matrix([[], []])
