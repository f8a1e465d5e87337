"""TF-IDF vectors, cosine similarity and sparse nearest neighbours.

Every comparison in `framing.compare` starts from L2-normalised TF-IDF rows,
so a dot product is a cosine. Large inputs never get a dense all-pairs
matrix: `top_k_neighbours` multiplies sparse rows in chunks and keeps only the
k best partners of each row, so memory grows with n * k, not n * n.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from scipy import sparse


# Words for comparison: abbreviations (u.s.), numbers with separators (40,000; 1.5),
# hyphenated and apostrophe words (combat-ready, don't), or single characters.
TOKEN_PATTERN = r"(?u)\b(?:[^\W\d_]\.){2,}|\b\d[\d,.]*\d\b|\b\w[\w'-]*\w\b|\b\w\b"
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})
_POSSESSIVE = re.compile(r"'s\b")


def fold(text: str) -> str:
    """Lower-case, curly apostrophes to ASCII, possessive 's dropped (Russia's -> russia)."""
    return _POSSESSIVE.sub("", text.lower().translate(_FOLD))


@dataclass(frozen=True)
class Tfidf:
    """TF-IDF settings shared by story grouping and similarity (see scikit-learn's TfidfVectorizer).

    Defaults: English stop words out (they say nothing about framing) and
    sublinear tf (a word said ten times is not ten times as telling). No
    ``max_df`` cut: in a small single-story corpus the story's own words
    (NATO, troops, alliance) are in most articles and must still count.
    """

    ngram_range: tuple[int, int] = (1, 1)
    stop_words: str | None = "english"
    min_df: int | float = 1
    max_df: int | float = 1.0
    sublinear_tf: bool = True
    max_features: int | None = None

    def vectorizer(self, n_docs: int):
        from sklearn.feature_extraction.text import TfidfVectorizer

        settings = asdict(self)
        settings["ngram_range"] = tuple(settings["ngram_range"])
        if isinstance(self.max_df, float) and n_docs * self.max_df < 2:
            settings["max_df"] = 1.0  # tiny corpora: a word in both of two articles must survive
        if isinstance(self.min_df, int) and self.min_df > n_docs:
            settings["min_df"] = 1
        return TfidfVectorizer(dtype=np.float32, preprocessor=fold, token_pattern=TOKEN_PATTERN, **settings)


def tfidf_matrix(texts, settings: Tfidf | None = None):
    """L2-normalised TF-IDF rows (CSR, float32) and the vocabulary (array of terms)."""
    settings = settings or Tfidf()
    texts = [t if isinstance(t, str) else "" for t in texts]
    vectorizer = settings.vectorizer(len(texts))
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # empty vocabulary: no comparable words at all
        return sparse.csr_matrix((len(texts), 0), dtype=np.float32), np.array([], dtype=object)
    return matrix.tocsr(), vectorizer.get_feature_names_out()


def cosine_matrix(rows, labels) -> pd.DataFrame:
    """Square cosine similarity of already L2-normalised rows: symmetric, unit diagonal.

    Rows that are all zero (no words) get similarity 0 to others and 1 to themselves.
    """
    rows = sparse.csr_matrix(rows, dtype=np.float64)
    sims = (rows @ rows.T).toarray()
    sims = np.clip((sims + sims.T) / 2, 0.0, 1.0)
    np.fill_diagonal(sims, 1.0)
    return pd.DataFrame(sims, index=pd.Index(labels, name=None), columns=list(labels))


def group_profiles(rows, groups) -> tuple[sparse.csr_matrix, list]:
    """One L2-normalised profile per group: the mean of its members' normalised rows.

    Returns (profiles, sorted group names). Averaging normalised rows gives
    each article one vote, so a prolific outlet's long pieces do not dominate.
    """
    groups = pd.Series(list(groups), dtype=object)
    names = sorted(groups.unique())
    codes = pd.Categorical(groups, categories=names).codes
    member = sparse.csr_matrix(
        (np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(names), len(codes))
    )
    counts = np.asarray(member.sum(axis=1)).ravel()
    profiles = sparse.diags(1.0 / np.maximum(counts, 1)) @ member @ sparse.csr_matrix(rows, dtype=np.float64)
    return normalize_rows(profiles), names


def normalize_rows(rows) -> sparse.csr_matrix:
    """L2-normalise the rows of a sparse matrix (zero rows stay zero)."""
    from sklearn.preprocessing import normalize

    return normalize(sparse.csr_matrix(rows), norm="l2", copy=True).tocsr()


def top_k_neighbours(rows, k: int = 10, *, threshold: float = 0.0, allowed=None, block_cells: int = 8_000_000,
                     common_df: int = 50, common_share: float = 0.02):
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
        block = (search[start:start + step] @ transposed).toarray()
        found.append(_best_in_block(block, start, k, 0.0 if common.any() else threshold, allowed))
    pairs = _symmetric_pairs(*(np.concatenate(parts) for parts in zip(*found)))
    if common.any():  # add back what the common words contribute, exactly
        pairs["similarity"] += _dense_pair_dots(rows[:, np.flatnonzero(common)].toarray(), pairs["i"], pairs["j"])
        pairs = pairs[pairs["similarity"] > threshold]
        pairs = pairs.sort_values(["similarity", "i", "j"], ascending=[False, True, True], kind="mergesort")
    return pairs.reset_index(drop=True)


def _dense_pair_dots(dense, i, j, chunk: int = 4096) -> np.ndarray:
    """Row-pair dot products of a dense array, a few thousand pairs at a time."""
    i, j = np.asarray(i), np.asarray(j)
    out = np.zeros(len(i), dtype=np.float64)
    for start in range(0, len(i), chunk):
        a, b = i[start:start + chunk], j[start:start + chunk]
        out[start:start + chunk] = np.einsum("ij,ij->i", dense[a], dense[b])
    return out


def _best_in_block(block, start, k, threshold, allowed):
    """Top-k columns of each row of a dense similarity block (self-pairs and vetoed pairs dropped)."""
    rows_here = np.arange(block.shape[0])
    block[rows_here, rows_here + start] = -1.0
    if allowed is not None:
        ii, jj = np.nonzero(block > threshold)
        vetoed = ~allowed(ii + start, jj)
        block[ii[vetoed], jj[vetoed]] = -1.0
    kk = min(k, block.shape[1])
    cols = np.argpartition(-block, kk - 1, axis=1)[:, :kk] if kk < block.shape[1] else np.tile(np.arange(block.shape[1]), (block.shape[0], 1))
    sims = np.take_along_axis(block, cols, axis=1)
    ii = np.repeat(rows_here, cols.shape[1])
    keep = sims.ravel() > threshold
    return ii[keep] + start, cols.ravel()[keep].astype(np.int64), sims.ravel()[keep]


def _symmetric_pairs(i, j, s) -> pd.DataFrame:
    low, high = np.minimum(i, j), np.maximum(i, j)
    pairs = pd.DataFrame({"i": low, "j": high, "similarity": s.astype(np.float64)})
    pairs = pairs.drop_duplicates(["i", "j"])
    pairs = pairs.sort_values(["similarity", "i", "j"], ascending=[False, True, True], kind="mergesort")
    return pairs.reset_index(drop=True)


def article_similarity(rows, doc_ids) -> pd.DataFrame:
    """Article x article cosine matrix (for a story or any small set of articles)."""
    return cosine_matrix(rows, list(doc_ids))


def outlet_similarity(rows, outlets) -> pd.DataFrame:
    """Outlet x outlet cosine of outlet profiles (mean of each outlet's article rows)."""
    profiles, names = group_profiles(rows, outlets)
    return cosine_matrix(profiles, names)


def ranked_pairs(matrix: pd.DataFrame) -> pd.DataFrame:
    """The upper triangle of a similarity matrix as `a, b, similarity`, most similar first."""
    names = list(matrix.index)
    values = matrix.to_numpy()
    ii, jj = np.triu_indices(len(names), k=1)
    pairs = pd.DataFrame({
        "a": pd.array([names[x] for x in ii], dtype=object),
        "b": pd.array([names[x] for x in jj], dtype=object),
        "similarity": values[ii, jj],
    })
    return pairs.sort_values(["similarity", "a", "b"], ascending=[False, True, True], kind="mergesort").reset_index(drop=True)
