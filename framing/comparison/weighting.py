"""TF-IDF weights and L2 row normalisation with scikit-learn's exact numbers, without importing scikit-learn.

Why: any `import sklearn` runs `sklearn.utils.fixes`, which imports
scipy.stats; together about 1.9 s of the report's 5 s cold start, for three
small computations. These functions repeat scikit-learn's operations in its
order (the idf as `(n + 1) / (df + 1)`, log, plus one; the sublinear
`log(tf) + 1`; each row's sum of squares added in stored order, as its Cython
loop does, not numpy's pairwise sum), so every float is bit-for-bit the same:
`tests/comparison/test_weighting.py` checks that against scikit-learn.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse


def tfidf(counts: sparse.spmatrix, *, sublinear_tf: bool = False, l2: bool = True) -> sparse.csr_matrix:
    """`TfidfTransformer(sublinear_tf=..., norm="l2" or None).fit_transform(counts)` (smooth idf), float64 CSR."""
    matrix = sparse.csr_matrix(counts, dtype=np.float64, copy=True)
    n_docs, n_terms = matrix.shape
    idf = smooth_idf(np.bincount(matrix.indices, minlength=n_terms), n_docs)
    return weigh(matrix, idf, sublinear_tf=sublinear_tf, l2=l2)


def smooth_idf(df: np.ndarray, n_docs: int) -> np.ndarray:
    """scikit-learn's smooth idf, `log((n + 1) / (df + 1)) + 1`, from document frequencies.

    Separate from `tfidf` so that a partitioned corpus can pass the df summed across partitions.
    """
    df = np.asarray(df).astype(np.float64)
    df += 1.0
    idf = np.full_like(df, fill_value=n_docs + 1, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    return idf


def weigh(
    matrix: sparse.csr_matrix, idf: np.ndarray, *, sublinear_tf: bool = False, l2: bool = True
) -> sparse.csr_matrix:
    """`matrix` (float64 CSR counts, changed in place) weighted by `idf` as `tfidf` does: its rows need nothing else."""
    if sublinear_tf:
        np.log(matrix.data, matrix.data)
        matrix.data += 1.0
    matrix.data *= idf[matrix.indices]
    return _normalise_in_place(matrix) if l2 else matrix


def l2_normalize(rows: sparse.spmatrix | np.ndarray) -> sparse.csr_matrix:
    """`sklearn.preprocessing.normalize(rows, norm="l2")` for sparse rows (a new CSR matrix; zero rows stay zero)."""
    matrix = sparse.csr_matrix(rows, copy=True)
    if matrix.dtype not in (np.float32, np.float64):
        matrix = matrix.astype(np.float64)
    return _normalise_in_place(matrix)


def _normalise_in_place(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Divide each row by the square root of its sum of squares, summed in stored order (float64)."""
    data, indptr = matrix.data, matrix.indptr.astype(np.int64)
    lengths = np.diff(indptr)
    if not len(lengths) or not lengths.max(initial=0):
        return matrix
    squares = (data * data).astype(np.float64)  # float32 rows square in float32, as the Cython loop does
    order = np.argsort(-lengths, kind="stable")  # longest rows first: the rows still going are a prefix
    longest_first, starts = lengths[order], indptr[:-1][order]
    sums = np.zeros(len(order), dtype=np.float64)
    going = np.searchsorted(-longest_first, -np.arange(int(longest_first[0])), side="left")  # rows longer than t
    for t, n in enumerate(going.tolist()):
        sums[:n] += squares[starts[:n] + t]  # step t adds every row's t-th entry: each row in stored order
    norms = np.empty(len(order), dtype=np.float64)
    norms[order] = np.sqrt(sums)
    row_norm = np.repeat(norms, lengths)
    scale = row_norm != 0.0  # rows whose squares add up to zero are left as they are
    data[scale] = (data[scale].astype(np.float64) / row_norm[scale]).astype(data.dtype)
    return matrix


def count_matrix(documents: Sequence[Sequence[str]]) -> tuple[sparse.csr_matrix, list[str]]:
    """`CountVectorizer(analyzer=<identity>, dtype=float64).fit_transform`, entries in its order; sorted features.

    Raises ValueError when no document has a feature (as scikit-learn does).
    """
    vocabulary: dict[str, int] = {}
    indices: list[int] = []
    values: list[int] = []
    indptr = [0]
    for document in documents:
        counter: dict[int, int] = {}
        for feature in document:
            index = vocabulary.setdefault(feature, len(vocabulary))
            counter[index] = counter.get(index, 0) + 1
        indices.extend(counter)
        values.extend(counter.values())
        indptr.append(len(indices))
    if not vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    matrix = sparse.csr_matrix(
        (np.asarray(values, dtype=np.float64), np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int32)),
        shape=(len(indptr) - 1, len(vocabulary)),
    )
    matrix.sort_indices()  # by first-seen id, as CountVectorizer sorts before renumbering
    names = sorted(vocabulary)
    renumber = np.empty(len(names), dtype=matrix.indices.dtype)
    renumber[[vocabulary[name] for name in names]] = np.arange(len(names), dtype=matrix.indices.dtype)
    matrix.indices = renumber.take(matrix.indices)  # renumbered in place, not re-sorted (scikit-learn's order)
    return matrix, names
