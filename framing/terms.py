"""Document x term counts (unigrams and bigrams) in one pass, shared by every comparison step.

TF-IDF for stories and similarity and the counts behind distinctive
vocabulary need the same tokens. scikit-learn's CountVectorizer would
tokenise the corpus once per use and build every bigram as a Python string
(most of the time of a 10,000-article comparison); here the words are found
once (one regular expression per article), numbered with `pandas.factorize`,
and bigrams are pairs of word numbers (an int64 key), so only the bigrams a
table shows are ever turned into strings. Stop words are removed before
bigrams are formed, as scikit-learn does. Weighting stays scikit-learn's
(`TfidfTransformer`), see `framing.similarity.tfidf_matrix`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

# A word: letters/digits with inner ' . , - kept (40,000 / 1.5 / combat-ready / u.s), or one character.
WORD = re.compile(r"\w[\w'.,-]*\w|\w")
_POSSESSIVE = re.compile(r"'s\b")


def fold(text: str) -> str:
    """Lower-case, curly apostrophes to ASCII, possessive 's dropped (Russia's -> russia)."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return _POSSESSIVE.sub("", text) if "'s" in text else text


@dataclass(frozen=True)
class TermCounts:
    """Counts (documents x terms, CSR int64), the term strings and each term's n-gram order."""

    matrix: sparse.csr_matrix
    terms: np.ndarray
    ngram: np.ndarray

    def select(self, columns) -> "TermCounts":
        columns = np.asarray(columns, dtype=np.int64)
        return TermCounts(self.matrix[:, columns].tocsr(), self.terms[columns], self.ngram[columns])

    def orders(self, low: int, high: int) -> "TermCounts":
        """Only the n-grams of orders low..high."""
        return self.select(np.flatnonzero((self.ngram >= low) & (self.ngram <= high)))


def stop_word_set(stop_words) -> frozenset:
    if stop_words is None:
        return frozenset()
    if stop_words == "english":
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return frozenset(ENGLISH_STOP_WORDS)
    return frozenset(stop_words)


def count_terms(texts, *, max_ngram: int = 2, stop_words="english", min_bigram_count: int = 2) -> TermCounts:
    """Unigram (and bigram, when max_ngram >= 2) counts of `texts`.

    Bigrams seen fewer than `min_bigram_count` times in the whole corpus are
    dropped: a pair of words said once tells nothing about an outlet and would
    multiply the vocabulary.
    """
    words = [WORD.findall(fold(t)) if isinstance(t, str) else [] for t in texts]
    lengths = np.fromiter((len(w) for w in words), dtype=np.int64, count=len(words))
    flat = pd.Series([w for ws in words for w in ws], dtype=object)
    codes, vocabulary = pd.factorize(flat)
    vocabulary = np.asarray(vocabulary, dtype=object)
    owner = np.repeat(np.arange(len(words)), lengths)
    stops = stop_word_set(stop_words)
    stop = np.fromiter((w in stops for w in vocabulary), dtype=bool, count=len(vocabulary))
    keep = ~stop[codes] if len(codes) else np.zeros(0, bool)
    codes, owner = codes[keep], owner[keep]
    used = np.unique(codes)
    remap = np.full(len(vocabulary), -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    unigrams = _matrix(owner, remap[codes], len(words), len(used))
    blocks, terms, orders = [unigrams], [vocabulary[used]], [np.ones(len(used), np.int8)]
    if max_ngram >= 2 and len(codes) > 1:
        bigrams, names = _bigrams(remap[codes], owner, len(words), vocabulary[used], min_bigram_count)
        blocks.append(bigrams), terms.append(names), orders.append(np.full(len(names), 2, np.int8))
    return TermCounts(sparse.hstack(blocks, format="csr", dtype=np.int64), np.concatenate(terms), np.concatenate(orders))


def _matrix(rows, cols, n_rows, n_cols) -> sparse.csr_matrix:
    matrix = sparse.csr_matrix((np.ones(len(rows), np.int64), (rows, cols)), shape=(n_rows, n_cols))
    matrix.sum_duplicates()
    return matrix


def _bigrams(codes, owner, n_docs, names, min_count):
    same = owner[:-1] == owner[1:]
    first, second, where = codes[:-1][same], codes[1:][same], owner[:-1][same]
    keys = first * np.int64(len(names)) + second
    ids, unique_keys = pd.factorize(keys)
    totals = np.bincount(ids, minlength=len(unique_keys))
    frequent = np.flatnonzero(totals >= min_count)
    remap = np.full(len(unique_keys), -1, dtype=np.int64)
    remap[frequent] = np.arange(len(frequent))
    kept = remap[ids] >= 0
    matrix = _matrix(where[kept], remap[ids][kept], n_docs, len(frequent))
    keys = np.asarray(unique_keys)[frequent]
    left, right = keys // len(names), keys % len(names)
    labels = np.array([f"{a} {b}" for a, b in zip(names[left], names[right])], dtype=object)
    return matrix, labels
