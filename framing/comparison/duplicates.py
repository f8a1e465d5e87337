"""Syndication and near-duplicates: copies of articles or paragraphs across outlets.

A wire story republished by three outlets would otherwise look like three
outlets agreeing. Texts are cut into paragraphs (non-empty lines) and word
5-gram shingles; two texts are near-copies when at least `threshold` (0.8) of
the shorter one's shingles also occur in the other (containment, which
catches a copy that was trimmed or had a paragraph added). Shingles are
hashed with numpy (word ids -> rolling 64-bit hash) rather than as strings,
and shingles found in more than `MAX_SHINGLE_DF` paragraphs (boilerplate such
as "click here to read more") are ignored, so the sparse overlap product stays
small. Copies are then collapsed to one representative (earliest date, then
longest text, then smallest doc_id) before similarity and clustering.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from framing.comparison.terms import Tokens, tokenize_corpus
from framing.text.words import line_spans

SHINGLE = 5
THRESHOLD = 0.8
MIN_SHINGLES = 8
MAX_SHINGLE_DF = 20
EXCERPT = 160
COLUMNS = ["doc_a", "doc_b", "outlet_a", "outlet_b", "level", "similarity", "paragraph_a", "paragraph_b", "excerpt"]


def find_duplicates(
    articles: pd.DataFrame, *, threshold: float = THRESHOLD, shingle: int = SHINGLE, tokens: Tokens | None = None
) -> pd.DataFrame:
    """Near-duplicate article pairs and cross-outlet paragraph pairs (table columns: `COLUMNS`).

    `tokens`: `framing.terms.tokenize_corpus(articles["clean_text"])`, if already made.
    """
    tokens = tokens if tokens is not None else tokenize_corpus(articles["clean_text"].tolist())
    units = tokens.paragraphs
    if not len(units):
        return _empty()
    matrix = _shingle_matrix(tokens, shingle)
    article_pairs = _article_pairs(articles, units, matrix, threshold)
    paragraph_pairs = _paragraph_pairs(articles, units, matrix, threshold, article_pairs)
    found = pd.concat([article_pairs, paragraph_pairs], ignore_index=True)
    if not len(found):
        return _empty()
    found = found.sort_values(["level", "doc_a", "doc_b", "paragraph_a", "paragraph_b"], kind="mergesort")
    return found[COLUMNS].reset_index(drop=True)


def _empty() -> pd.DataFrame:
    return pd.DataFrame(
        {
            c: pd.Series(dtype="int64" if c.startswith("paragraph") else ("float64" if c == "similarity" else object))
            for c in COLUMNS
        }
    )


def _shingle_matrix(tokens: Tokens, shingle: int) -> sparse.csr_matrix:
    """Binary paragraph x shingle matrix; a shingle is `shingle` consecutive words of one paragraph."""
    n = len(tokens.paragraphs)
    if len(tokens.ids) < shingle:
        return sparse.csr_matrix((n, 0), dtype=np.float32)
    rows, hashed = shingle_hashes(tokens.ids, tokens.paragraph, shingle)
    codes = pd.factorize(hashed)[0]
    matrix = sparse.csr_matrix(
        (np.ones(len(rows), np.float32), (rows, codes)), shape=(n, int(codes.max(initial=-1)) + 1)
    )
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix


def shingle_hashes(ids: np.ndarray, owner: np.ndarray, shingle: int = SHINGLE) -> tuple[np.ndarray, np.ndarray]:
    """(paragraph, hash) of every run of `shingle` word numbers within one paragraph (`owner`: paragraph per word).

    A shingle's hash depends on its word numbers alone, so partitions numbered
    with the corpus' word numbers hash alike (the dask engine's copy detection).
    """
    ids = np.asarray(ids).astype(np.uint64)
    if len(ids) < shingle:
        return np.zeros(0, np.int64), np.zeros(0, np.uint64)
    hashed = np.zeros(len(ids) - shingle + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(shingle):
            hashed = hashed * np.uint64(1_000_003) + ids[offset : len(ids) - shingle + 1 + offset] + np.uint64(1)
    inside = owner[: len(hashed)] == owner[shingle - 1 :]
    return owner[: len(hashed)][inside], hashed[inside]


def _overlap(matrix: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) sharing rare shingles, with shared counts and both sizes."""
    sizes = np.asarray(matrix.sum(axis=1)).ravel()
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    rare = matrix[:, np.flatnonzero(df <= MAX_SHINGLE_DF)]
    product = sparse.triu(rare @ rare.T, k=1).tocoo()
    return product.row.astype(np.int64), product.col.astype(np.int64), product.data, sizes


def _article_pairs(
    articles: pd.DataFrame, units: pd.DataFrame, matrix: sparse.csr_matrix, threshold: float
) -> pd.DataFrame:
    """Article pairs whose shingles (paragraph rows summed per article) overlap by `threshold`."""
    owner = units["article"].to_numpy()
    member = sparse.csr_matrix(
        (np.ones(len(owner), np.float32), (owner, np.arange(len(owner)))), shape=(len(articles), len(owner))
    )
    docs = (member @ matrix).tocsr()
    docs.data[:] = 1.0
    i, j, shared, sizes = _overlap(docs)
    containment = shared / np.maximum(np.minimum(sizes[i], sizes[j]), 1)
    keep = (containment >= threshold) & (np.minimum(sizes[i], sizes[j]) >= MIN_SHINGLES)
    excerpts = [_excerpt(t) for t in articles["clean_text"].to_numpy()[i[keep]]]
    return _pairs(articles, i[keep], j[keep], containment[keep], "article", -1, -1, excerpts)


def _paragraph_pairs(
    articles: pd.DataFrame,
    units: pd.DataFrame,
    matrix: sparse.csr_matrix,
    threshold: float,
    article_pairs: pd.DataFrame,
) -> pd.DataFrame:
    """Paragraph pairs of different outlets that overlap by `threshold`, outside article-level copies."""
    i, j, shared, sizes = _overlap(matrix)
    owner = units["article"].to_numpy()
    outlets = articles["outlet"].to_numpy()
    containment = shared / np.maximum(np.minimum(sizes[i], sizes[j]), 1)
    keep = (containment >= threshold) & (np.minimum(sizes[i], sizes[j]) >= MIN_SHINGLES)
    keep &= outlets[owner[i]] != outlets[owner[j]]
    i, j, containment = i[keep], j[keep], containment[keep]
    doc_ids = articles["doc_id"].to_numpy(dtype=object)
    copied = set(zip(article_pairs["doc_a"], article_pairs["doc_b"]))
    fresh = np.array(
        [tuple(sorted((doc_ids[owner[a]], doc_ids[owner[b]]))) not in copied for a, b in zip(i, j)], dtype=bool
    )
    i, j, containment = i[fresh], j[fresh], containment[fresh]
    paragraph = units["number"].to_numpy()
    texts = articles["clean_text"].to_numpy(dtype=object)
    excerpts = [_excerpt(texts[owner[x]][units["start"].iat[x] : units["end"].iat[x]]) for x in i]
    return _pairs(articles, owner[i], owner[j], containment, "paragraph", paragraph[i], paragraph[j], excerpts)


def _pairs(
    articles: pd.DataFrame,
    a: np.ndarray,
    b: np.ndarray,
    similarity: np.ndarray,
    level: str,
    paragraph_a: int | np.ndarray,
    paragraph_b: int | np.ndarray,
    excerpts: list[str],
) -> pd.DataFrame:
    """Rows for pairs of article positions, ordered so doc_a < doc_b."""
    doc_ids, outlets = articles["doc_id"].to_numpy(dtype=object), articles["outlet"].to_numpy(dtype=object)
    frame = pd.DataFrame(
        {
            "a": a,
            "b": b,
            "similarity": np.round(np.asarray(similarity, dtype=np.float64), 4),
            "paragraph_a": np.broadcast_to(paragraph_a, len(a)).astype(np.int64),
            "paragraph_b": np.broadcast_to(paragraph_b, len(a)).astype(np.int64),
            "excerpt": pd.array(excerpts, dtype=object),
        }
    )
    swap = doc_ids[frame["a"]] > doc_ids[frame["b"]] if len(frame) else np.zeros(0, bool)
    frame.loc[swap, ["a", "b", "paragraph_a", "paragraph_b"]] = frame.loc[
        swap, ["b", "a", "paragraph_b", "paragraph_a"]
    ].to_numpy()
    return pd.DataFrame(
        {
            # np.object_ is object; pandas-stubs accept only its numpy spelling for array data
            "doc_a": pd.array(doc_ids[frame["a"]], dtype=np.object_),
            "doc_b": pd.array(doc_ids[frame["b"]], dtype=np.object_),
            "outlet_a": pd.array(outlets[frame["a"]], dtype=np.object_),
            "outlet_b": pd.array(outlets[frame["b"]], dtype=np.object_),
            "level": pd.array([level] * len(frame), dtype=object),
            "similarity": frame["similarity"],
            "paragraph_a": frame["paragraph_a"],
            "paragraph_b": frame["paragraph_b"],
            "excerpt": frame["excerpt"],
        }
    )


def _excerpt(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def representatives(articles: pd.DataFrame, duplicates: pd.DataFrame, lengths: np.ndarray | None = None) -> pd.Series:
    """doc_id -> the doc_id kept for its group of article-level copies (itself when unique).

    The kept copy is the earliest (dated before undated), then the longest, then the smallest doc_id.
    `lengths`: the texts' lengths, when `articles` has no `clean_text` (the dask engine keeps texts on its workers).
    """
    doc_ids = articles["doc_id"].astype(object).to_numpy()
    position = {d: x for x, d in enumerate(doc_ids)}
    copies = duplicates[duplicates["level"] == "article"]
    a = np.array([position[d] for d in copies["doc_a"]], dtype=np.int64)
    b = np.array([position[d] for d in copies["doc_b"]], dtype=np.int64)
    graph = sparse.csr_matrix((np.ones(len(a)), (a, b)), shape=(len(doc_ids), len(doc_ids)))
    _, group = connected_components(graph, directed=False)
    dates = (
        pd.to_datetime(articles["date"], errors="coerce")
        if "date" in articles
        else pd.Series(pd.NaT, index=articles.index)
    )
    ranking = pd.DataFrame(
        {
            "group": group,
            "doc_id": doc_ids,
            "undated": dates.isna().to_numpy(),
            "date": dates.to_numpy(),
            "length": -(articles["clean_text"].fillna("").str.len().to_numpy() if lengths is None else lengths),
        }
    ).sort_values(["group", "undated", "date", "length", "doc_id"], kind="mergesort")
    keep = ranking.groupby("group", sort=False)["doc_id"].first()
    return pd.Series(keep.loc[group].to_numpy(), index=pd.Index(doc_ids, name="doc_id"), name="representative")


def without_copied_paragraphs(articles: pd.DataFrame, duplicates: pd.DataFrame) -> pd.Series:
    """`clean_text` with each copied paragraph kept only in doc_a of its pair (for TF-IDF, not for offsets)."""
    texts = articles.set_index("doc_id")["clean_text"].fillna("").astype(object).to_dict()
    copied = duplicates[duplicates["level"] == "paragraph"]
    drop: dict[str, set[int]] = {}
    for doc, number in zip(copied["doc_b"], copied["paragraph_b"]):
        drop.setdefault(doc, set()).add(int(number))
    for doc, numbers in drop.items():
        text = texts[doc]
        spans = [span for x, span in enumerate(line_spans(text)) if x in numbers]
        for start, end in reversed(spans):
            text = text[:start] + text[end:]
        texts[doc] = text
    return pd.Series([texts[d] for d in articles["doc_id"]], index=articles.index, name="clean_text")
