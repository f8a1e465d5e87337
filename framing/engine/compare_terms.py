"""The comparison's term counts, partition by partition, equal to `count_terms` of the whole corpus.

`framing.comparison.terms.count_terms` makes one article x term matrix of
the corpus: unigram columns in the order of the words' corpus-wide numbers,
then the bigrams seen at least `min_bigram_count` times in the corpus, in
the order they first appear. Each partition here counts its own articles
into those same columns, once the corpus-wide parts are known:

1. `part_stream`: the partition's counted tokens (stop words and copies
   left out) in corpus-wide word numbers;
2. `used_words` and `part_bigrams`: the words used and every bigram with its
   count and first place, reduced across partitions (`frequent_bigrams`);
3. `part_counts`: the partition's rows of the corpus matrix.

Rows are built by the same scipy calls on the same entries, so every row is
the local engine's, entry for entry (`tests/engine/test_compare_terms.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import sparse

if TYPE_CHECKING:
    from framing.comparison.terms import Tokens

PLACE = np.int64(1) << np.int64(40)  # first place of a bigram: partition * PLACE + position within it


@dataclass(frozen=True)
class Stream:
    """A partition's counted tokens: corpus-wide word numbers, article and paragraph positions within the partition."""

    codes: np.ndarray
    owner: np.ndarray
    paragraph: np.ndarray
    n_articles: int

    def bigram_keys(self, n_words: int) -> tuple[np.ndarray, np.ndarray]:
        """(first * n_words + second, article) of each pair of adjacent counted words within one paragraph."""
        same = self.paragraph[:-1] == self.paragraph[1:]
        keys = self.codes[:-1][same] * np.int64(n_words) + self.codes[1:][same]
        return keys, self.owner[:-1][same]


def part_stream(tokens: Tokens, remap: np.ndarray, stop: np.ndarray, keep: np.ndarray) -> Stream:
    """The tokens `count_terms` counts: not stop words (`stop`, per corpus word) in kept paragraphs (`keep`).

    `remap`: the corpus-wide number of each of the partition's own word numbers.
    """
    codes = remap[tokens.ids] if len(tokens.ids) else np.zeros(0, np.int64)
    use = ~stop[codes] if len(codes) else np.zeros(0, bool)
    use &= np.asarray(keep, dtype=bool)[tokens.paragraph]
    return Stream(codes[use], tokens.article[use], tokens.paragraph[use], tokens.n_articles)


def used_words(stream: Stream) -> np.ndarray:
    """The corpus word numbers the partition counts, sorted."""
    used: np.ndarray = np.unique(stream.codes)
    return used


def part_bigrams(stream: Stream, n_words: int, part: int) -> pd.DataFrame:
    """Every distinct bigram of the partition: `key`, `place` (its first appearance) and `count`."""
    keys, _ = stream.bigram_keys(n_words)
    ids, unique = pd.factorize(keys)
    counts = np.bincount(ids, minlength=len(unique)).astype(np.int64)
    return pd.DataFrame(
        {
            "key": np.asarray(unique, dtype=np.int64),
            "place": np.int64(part) * PLACE + np.arange(len(unique), dtype=np.int64),
            "count": counts,
        }
    )


def merge_bigrams(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Bigram tables summed: the earliest place and the total count per key."""
    table = pd.concat(frames, ignore_index=True)
    merged: pd.DataFrame = table.groupby("key", sort=False).agg(place=("place", "min"), count=("count", "sum"))
    return merged.reset_index()


def frequent_bigrams(table: pd.DataFrame, min_count: int) -> np.ndarray:
    """The keys seen `min_count` times or more, in the order they first appear in the corpus (the column order)."""
    frequent = table[table["count"] >= min_count].sort_values("place", kind="mergesort")
    keys: np.ndarray = frequent["key"].to_numpy(dtype=np.int64)
    return keys


@dataclass(frozen=True)
class Columns:
    """The corpus matrix' columns: the used words (sorted numbers), then the frequent bigram keys in column order."""

    used: np.ndarray
    bigrams: np.ndarray
    n_words: int
    with_bigrams: bool

    @property
    def width(self) -> int:
        return len(self.used) + len(self.bigrams)

    def terms(self, vocabulary: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(term strings, n-gram order) per column, as `TermCounts` holds them."""
        unigrams = vocabulary[self.used]
        left, right = self.bigrams // self.n_words, self.bigrams % self.n_words
        pairs = np.array([f"{a} {b}" for a, b in zip(vocabulary[left], vocabulary[right])], dtype=object)
        if not self.with_bigrams:
            return unigrams, np.ones(len(unigrams), np.int8)
        orders = np.concatenate([np.ones(len(unigrams), np.int8), np.full(len(pairs), 2, np.int8)])
        return np.concatenate([unigrams, pairs]), orders


def part_counts(stream: Stream, kept: np.ndarray, columns: Columns) -> sparse.csr_matrix:
    """The partition's rows (its kept articles, `kept` positions) of `count_terms`' corpus matrix."""
    from framing.comparison.terms import _matrix

    codes = np.searchsorted(columns.used, stream.codes)
    blocks = [_matrix(stream.owner, codes, stream.n_articles, len(columns.used))]
    if columns.with_bigrams:
        keys, where = stream.bigram_keys(columns.n_words)
        order = np.argsort(columns.bigrams, kind="stable")
        ranked = columns.bigrams[order]
        at = np.minimum(np.searchsorted(ranked, keys), max(len(ranked) - 1, 0))
        hit = ranked[at] == keys if len(ranked) else np.zeros(len(keys), bool)
        blocks.append(_matrix(where[hit], order[at[hit]], stream.n_articles, len(columns.bigrams)))
    matrix = sparse.hstack(blocks, format="csr", dtype=np.int64)
    rows: sparse.csr_matrix = matrix[np.asarray(kept, dtype=np.int64)].tocsr()
    return rows


def column_stats(counts: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """(document frequency, total count) per column of a partition's rows: they add up across partitions."""
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.int64)
    totals = np.asarray(counts.sum(axis=0)).ravel().astype(np.int64)
    return df, totals


def part_tfidf(
    counts: sparse.csr_matrix, selections: list[np.ndarray], idf: np.ndarray, sublinear_tf: bool
) -> sparse.csr_matrix:
    """The partition's L2-normalised TF-IDF rows, as `tfidf_matrix` makes them with the corpus-wide `idf`.

    `selections`: the column selections `tfidf_matrix` makes in turn (n-gram orders, then min/max df).
    """
    from framing.comparison.weighting import weigh

    for columns in selections:
        counts = counts[:, columns].tocsr()
    if counts.shape[1] == 0:
        return sparse.csr_matrix((counts.shape[0], 0), dtype=np.float32)
    matrix = sparse.csr_matrix(counts.astype(np.float64), dtype=np.float64, copy=True)
    weights: sparse.csr_matrix = weigh(matrix, idf, sublinear_tf=sublinear_tf).astype(np.float32).tocsr()
    return weights


def outlet_sums(
    counts: sparse.csr_matrix, outlets: np.ndarray, names: list[str], columns: np.ndarray
) -> sparse.csr_matrix:
    """Outlet x term counts of the partition's rows, over `columns` (one n-gram order): integers, so sums are exact."""
    member = _membership(outlets, names, np.int64)
    summed: sparse.csr_matrix = (member @ counts[:, columns].tocsr()).tocsr()
    return summed


def profile_sums(
    rows: sparse.csr_matrix, outlets: np.ndarray, names: list[str], sizes: np.ndarray
) -> sparse.csr_matrix:
    """The partition's share of each outlet profile: its rows over the outlet's article count (`group_profiles`)."""
    member = _membership(outlets, names, np.float64)
    share: sparse.csr_matrix = (
        sparse.diags(1.0 / np.maximum(sizes, 1)) @ member @ sparse.csr_matrix(rows, dtype=np.float64)
    ).tocsr()
    return share


def _membership(outlets: np.ndarray, names: list[str], dtype: type) -> sparse.csr_matrix:
    codes = pd.Categorical(pd.Series(list(outlets), dtype=object), categories=names).codes
    return sparse.csr_matrix(
        (np.ones(len(codes), dtype), (codes, np.arange(len(codes)))), shape=(len(names), len(codes))
    )
