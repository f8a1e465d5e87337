"""TF-IDF vectors, cosine similarity and sparse nearest neighbours.

Every comparison in `framing.compare` starts from L2-normalised TF-IDF rows,
so a dot product is a cosine. Large inputs never get a dense all-pairs
matrix: `top_k_neighbours` multiplies sparse rows in chunks and keeps only the
k best partners of each row, so memory grows with n * k, not n * n.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import sparse

from framing.comparison.terms import TermCounts, count_terms
from framing.comparison.terms import fold as fold  # re-exported for callers
from framing.errors import FramingError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    import numpy.typing as npt

    # allowed(i, j) -> bool per pair of row numbers: may this pair be neighbours?
    PairFilter = Callable[[np.ndarray, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Tfidf:
    """TF-IDF settings shared by story grouping and similarity (as in scikit-learn's TfidfVectorizer).

    Defaults: English stop words out (they say nothing about framing) and
    sublinear tf (a word said ten times is not ten times as telling). No
    ``max_df`` cut: in a small single-story corpus the story's own words
    (NATO, troops, alliance) are in most articles and must still count.
    ``ngram_range`` goes up to bigrams (bigrams seen once in the corpus are
    dropped, see `framing.terms`).
    """

    ngram_range: tuple[int, int] = (1, 1)
    stop_words: str | None = "english"
    min_df: int | float = 1
    max_df: int | float = 1.0
    sublinear_tf: bool = True
    max_features: int | None = None

    def __post_init__(self) -> None:
        low, high = self.ngram_range
        if not 1 <= low <= high <= 2:
            raise FramingError(f"tfidf ngram_range {self.ngram_range}: use (1, 1), (1, 2) or (2, 2)")


def tfidf_matrix(
    texts: Iterable[object] | None, settings: Tfidf | None = None, *, counts: TermCounts | None = None
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """L2-normalised TF-IDF rows (CSR, float32) and the vocabulary (array of terms).

    `counts` (from `framing.terms.count_terms`, with the same stop words) saves
    tokenising the texts again.
    """
    settings = settings or Tfidf()
    if counts is None:
        counts = count_terms(texts, max_ngram=settings.ngram_range[1], stop_words=settings.stop_words)
    counts = counts.orders(*settings.ngram_range)
    counts = counts.select(_columns_kept(counts, settings))
    if counts.matrix.shape[1] == 0:
        return sparse.csr_matrix((counts.matrix.shape[0], 0), dtype=np.float32), counts.terms
    from framing.comparison.weighting import tfidf  # scikit-learn's numbers; importing it costs 1.9 s

    weights = tfidf(counts.matrix.astype(np.float64), sublinear_tf=settings.sublinear_tf)
    return weights.astype(np.float32).tocsr(), counts.terms


def _columns_kept(counts: TermCounts, settings: Tfidf) -> np.ndarray:
    """Columns passing min_df / max_df (document frequency) and max_features (total count)."""
    df = np.bincount(counts.matrix.indices, minlength=counts.matrix.shape[1])

    def totals(keep: np.ndarray) -> np.ndarray:
        return np.asarray(counts.matrix[:, keep].sum(axis=0)).ravel()

    return kept_columns(df, counts.matrix.shape[0], settings, totals, counts.terms)


def kept_columns(
    df: np.ndarray, n_docs: int, settings: Tfidf, totals: Callable[[np.ndarray], np.ndarray], terms: np.ndarray
) -> np.ndarray:
    """`_columns_kept` from the document frequencies (`totals(columns)`: their total counts, asked only for max_features).

    Separate so that a partitioned corpus can pass counts summed across partitions.
    """

    def limit(value: int | float) -> float:
        return value * n_docs if isinstance(value, float) else value

    max_df = limit(settings.max_df) if limit(settings.max_df) >= 2 else n_docs  # tiny corpora keep shared words
    min_df = min(limit(settings.min_df), n_docs)
    keep = np.flatnonzero((df >= min_df) & (df <= max_df))
    if settings.max_features is not None and len(keep) > settings.max_features:
        total = totals(keep)
        order = sorted(range(len(keep)), key=lambda x: (-total[x], str(terms[keep[x]])))
        keep = np.sort(keep[order[: settings.max_features]])
    return keep


def cosine_matrix(rows: sparse.spmatrix | np.ndarray, labels: Sequence[str]) -> pd.DataFrame:
    """Square cosine similarity of already L2-normalised rows: symmetric, unit diagonal.

    Rows that are all zero (no words) get similarity 0 to others and 1 to themselves.
    """
    rows = sparse.csr_matrix(rows, dtype=np.float64)
    sims = (rows @ rows.T).toarray()
    sims = np.clip((sims + sims.T) / 2, 0.0, 1.0)
    np.fill_diagonal(sims, 1.0)
    return pd.DataFrame(sims, index=pd.Index(labels, name=None), columns=list(labels))


def group_profiles(rows: sparse.spmatrix | np.ndarray, groups: Iterable[str]) -> tuple[sparse.csr_matrix, list[str]]:
    """One L2-normalised profile per group: the mean of its members' normalised rows.

    Returns (profiles, sorted group names). Averaging normalised rows gives
    each article one vote, so a prolific outlet's long pieces do not dominate.
    """
    labels = pd.Series(list(groups), dtype=object)
    names = sorted(labels.unique())
    codes = pd.Categorical(labels, categories=names).codes
    member = sparse.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(names), len(codes)))
    counts = np.asarray(member.sum(axis=1)).ravel()
    profiles = sparse.diags(1.0 / np.maximum(counts, 1)) @ member @ sparse.csr_matrix(rows, dtype=np.float64)
    return normalize_rows(profiles), names


def normalize_rows(rows: sparse.spmatrix | np.ndarray) -> sparse.csr_matrix:
    """L2-normalise the rows of a sparse matrix (zero rows stay zero)."""
    from framing.comparison.weighting import l2_normalize  # sklearn.preprocessing.normalize's numbers

    rows = sparse.csr_matrix(rows)
    if rows.shape[1] == 0 or rows.shape[0] == 0:  # no words at all: nothing to scale
        return rows.copy()
    return l2_normalize(rows)


def top_k_neighbours(
    rows: sparse.spmatrix | np.ndarray,
    k: int = 10,
    *,
    threshold: float = 0.0,
    allowed: PairFilter | None = None,
    block_cells: int = 8_000_000,
    common_df: int = 50,
    common_share: float = 0.02,
) -> pd.DataFrame:
    """The k most similar other rows of each row, above `threshold`, without an n x n matrix.

    `rows` must be L2-normalised. Candidates come from rows multiplied against
    all rows a block at a time (a block holds at most `block_cells`
    similarities, ~32 MB), keeping each row's k best partners. On large inputs
    the candidate search ignores words found in more than
    max(`common_df`, `common_share` * n) rows — they cost most of the sparse
    product and rarely decide who is whose neighbour — and every candidate
    pair is then re-scored with the exact cosine over all words.
    `allowed(i, j) -> bool array` may veto pairs (e.g. same outlet).
    Returns a DataFrame `i, j, similarity` with i < j, each pair once, sorted
    by similarity descending then (i, j), so ties break the same way on every run.
    """
    rows = sparse.csr_matrix(rows, dtype=np.float32)
    n = rows.shape[0]
    common = np.bincount(rows.indices, minlength=rows.shape[1]) > max(common_df, common_share * n)
    search = rows[:, np.flatnonzero(~common)].tocsr() if common.any() else rows
    transposed = search.T.tocsc()
    step = max(1, block_cells // max(n, 1))
    found = [(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.float32))]
    for start in range(0, n, step):
        block = (search[start : start + step] @ transposed).toarray()
        found.append(_best_in_block(block, start, k, 0.0 if common.any() else threshold, allowed))
    pairs = _symmetric_pairs(*(np.concatenate(parts) for parts in zip(*found)))
    if common.any():  # add back what the common words contribute, exactly
        pairs["similarity"] += _dense_pair_dots(rows[:, np.flatnonzero(common)].toarray(), pairs["i"], pairs["j"])
        pairs = pairs[pairs["similarity"] > threshold]
        pairs = pairs.sort_values(["similarity", "i", "j"], ascending=[False, True, True], kind="mergesort")
    return pairs.reset_index(drop=True)


def _dense_pair_dots(dense: np.ndarray, i: npt.ArrayLike, j: npt.ArrayLike, chunk: int = 4096) -> np.ndarray:
    """Row-pair dot products of a dense array, a few thousand pairs at a time."""
    left, right = np.asarray(i), np.asarray(j)
    out = np.zeros(len(left), dtype=np.float64)
    for start in range(0, len(left), chunk):
        a, b = left[start : start + chunk], right[start : start + chunk]
        out[start : start + chunk] = np.einsum("ij,ij->i", dense[a], dense[b])
    return out


def _best_in_block(
    block: np.ndarray, start: int, k: int, threshold: float, allowed: PairFilter | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Top-k columns of each row of a dense similarity block (self-pairs and vetoed pairs dropped)."""
    rows_here = np.arange(block.shape[0])
    block[rows_here, rows_here + start] = -1.0
    if allowed is not None:
        ii, jj = np.nonzero(block > threshold)
        vetoed = ~allowed(ii + start, jj)
        block[ii[vetoed], jj[vetoed]] = -1.0
    kk = min(k, block.shape[1])
    cols = (
        np.argpartition(-block, kk - 1, axis=1)[:, :kk]
        if kk < block.shape[1]
        else np.tile(np.arange(block.shape[1]), (block.shape[0], 1))
    )
    sims = np.take_along_axis(block, cols, axis=1)
    ii = np.repeat(rows_here, cols.shape[1])
    keep = sims.ravel() > threshold
    return ii[keep] + start, cols.ravel()[keep].astype(np.int64), sims.ravel()[keep]


def _symmetric_pairs(i: np.ndarray, j: np.ndarray, s: np.ndarray) -> pd.DataFrame:
    """Each unordered pair once as i < j (its first occurrence kept), most similar first, then by (i, j)."""
    low, high = np.minimum(i, j), np.maximum(i, j)
    pairs = pd.DataFrame({"i": low, "j": high, "similarity": s.astype(np.float64)})
    pairs = pairs.drop_duplicates(["i", "j"])
    pairs = pairs.sort_values(["similarity", "i", "j"], ascending=[False, True, True], kind="mergesort")
    return pairs.reset_index(drop=True)


def article_similarity(rows: sparse.spmatrix | np.ndarray, doc_ids: Iterable[str]) -> pd.DataFrame:
    """Article x article cosine matrix (for a story or any small set of articles)."""
    return cosine_matrix(rows, list(doc_ids))


def outlet_similarity(rows: sparse.spmatrix | np.ndarray, outlets: Iterable[str]) -> pd.DataFrame:
    """Outlet x outlet cosine of outlet profiles (mean of each outlet's article rows)."""
    profiles, names = group_profiles(rows, outlets)
    return cosine_matrix(profiles, names)


def ranked_pairs(matrix: pd.DataFrame) -> pd.DataFrame:
    """The upper triangle of a similarity matrix as `a, b, similarity`, most similar first."""
    names = list(matrix.index)
    values = matrix.to_numpy()
    ii, jj = np.triu_indices(len(names), k=1)
    pairs = pd.DataFrame(
        {
            "a": pd.array([names[x] for x in ii], dtype=object),
            "b": pd.array([names[x] for x in jj], dtype=object),
            "similarity": values[ii, jj],
        }
    )
    return pairs.sort_values(["similarity", "a", "b"], ascending=[False, True, True], kind="mergesort").reset_index(
        drop=True
    )
