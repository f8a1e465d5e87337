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
from array import array
from collections.abc import Sized
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import sparse

from framing.text.words import line_spans, term_words

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    import numpy.typing as npt

    from framing.engine.compare_terms import Stream

CHUNK_ARTICLES = 500
"""Articles counted at a time by `count_terms`."""
_POSSESSIVE = re.compile(r"'s\b")


def fold(text: str) -> str:
    """Lower-case, curly apostrophes to ASCII, possessive 's dropped (Russia's -> russia)."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return _POSSESSIVE.sub("", text) if "'s" in text else text


@dataclass(frozen=True)
class Tokens:
    """Every word of a corpus as a number, with the article and paragraph it belongs to.

    Built once (`tokenize_corpus`) and shared: near-duplicate shingles and
    term counts both read it, so the corpus is tokenised a single time and
    no list of ten million word strings is ever held. The three per-word
    arrays are int32 (12 bytes a word in all, held through copy detection and counting).
    `paragraphs` has one row per paragraph: `article` (position), `number`
    (index within the article), `start`, `end` (offsets into the text).
    """

    ids: np.ndarray
    article: np.ndarray
    paragraph: np.ndarray
    vocabulary: np.ndarray
    paragraphs: pd.DataFrame
    n_articles: int


def tokenize_corpus(texts: Iterable[object]) -> Tokens:
    """Split each text into lines (`line_spans`) and words (`term_words` over `fold`ed text) and number the words.

    A text that is not a string (a missing value) counts as empty.
    """
    index: dict[str, int] = {}
    number = index.setdefault
    ids, sizes = array("i"), array("q")  # word numbers as int32: 4 bytes a word of the corpus, not 8
    rows: list[tuple[int, int, int, int]] = []
    for position, text in enumerate(texts):
        text = text if isinstance(text, str) else ""
        for count, (start, end) in enumerate(line_spans(text)):
            words = term_words(fold(text[start:end]))
            ids.extend([number(w, len(index)) for w in words])
            sizes.append(len(words))
            rows.append((position, count, start, end))
    table = pd.DataFrame(rows, columns=["article", "number", "start", "end"], dtype=np.int64)
    lengths = np.frombuffer(sizes, dtype=np.int64) if len(sizes) else np.zeros(0, np.int64)
    paragraph = np.repeat(np.arange(len(table), dtype=np.int32), lengths)
    article = table["article"].to_numpy(np.int32)[paragraph] if len(table) else np.zeros(0, np.int32)
    vocabulary = np.empty(len(index), dtype=object)
    vocabulary[:] = list(index)
    return Tokens(
        np.frombuffer(ids, dtype=np.int32) if len(ids) else np.zeros(0, np.int32),
        article,
        paragraph,
        vocabulary,
        table,
        len(texts) if isinstance(texts, Sized) else int(article.max(initial=-1)) + 1,
    )


@dataclass(frozen=True)
class TermCounts:
    """Counts (documents x terms, CSR int64), the term strings and each term's n-gram order."""

    matrix: sparse.csr_matrix
    terms: np.ndarray
    ngram: np.ndarray

    def select(self, columns: npt.ArrayLike) -> TermCounts:
        """Only the given term columns, in that order."""
        columns = np.asarray(columns, dtype=np.int64)
        return TermCounts(self.matrix[:, columns].tocsr(), self.terms[columns], self.ngram[columns])

    def rows(self, positions: npt.ArrayLike) -> TermCounts:
        """Only the given articles (rows), same columns."""
        return TermCounts(self.matrix[np.asarray(positions, dtype=np.int64)].tocsr(), self.terms, self.ngram)

    def orders(self, low: int, high: int) -> TermCounts:
        """Only the n-grams of orders low..high."""
        return self.select(np.flatnonzero((self.ngram >= low) & (self.ngram <= high)))


def stop_word_set(stop_words: str | Iterable[str] | None) -> frozenset[str]:
    """The stop words to leave out: none, scikit-learn's English list (``"english"``) or the given words."""
    if stop_words is None:
        return frozenset()
    if stop_words == "english":
        from framing.scoring.stopwords import english_stop_words  # read from sklearn's file, not imported

        return english_stop_words()
    return frozenset(stop_words)


def count_terms(
    texts: Iterable[object] | None = None,
    *,
    tokens: Tokens | None = None,
    keep: npt.ArrayLike | None = None,
    max_ngram: int = 2,
    stop_words: str | None = "english",
    min_bigram_count: int = 2,
) -> TermCounts:
    """Unigram (and bigram, when max_ngram >= 2) counts per article.

    Give `texts`, or `tokens` from `tokenize_corpus` (then `keep`, a bool
    per paragraph, can leave paragraphs out, e.g. copies). Bigrams do not
    cross paragraphs. Bigrams seen fewer than `min_bigram_count` times in the
    whole corpus are dropped: a pair of words said once tells nothing about
    an outlet and would multiply the vocabulary.
    """
    if tokens is None:
        if texts is None:
            raise TypeError("count_terms needs texts or tokens")
        tokens = tokenize_corpus(list(texts))
    from framing.engine.compare_terms import (
        Columns,
        part_bigrams,
        part_counts,
        part_stream,
        used_words,
    )

    stops = stop_word_set(stop_words)
    stop = np.fromiter((w in stops for w in tokens.vocabulary), dtype=bool, count=len(tokens.vocabulary))
    kept = np.ones(len(tokens.paragraphs), bool) if keep is None else np.asarray(keep, dtype=bool)
    same = np.arange(len(tokens.vocabulary), dtype=np.int64)  # word numbers are already the corpus' own

    def streams() -> Iterator[Stream]:
        for chunk in _chunks(tokens):
            yield part_stream(chunk, same, stop, kept)

    n_words, used, tables, counted = len(tokens.vocabulary), [np.zeros(0, np.int64)], [], 0
    for number, stream in enumerate(streams()):
        used.append(used_words(stream))
        counted += len(stream.codes)
        if max_ngram >= 2:
            tables.append(part_bigrams(stream, n_words, number))
    with_bigrams = max_ngram >= 2 and counted > 1
    keys = _frequent(tables, min_bigram_count) if with_bigrams else np.zeros(0, np.int64)
    del tables
    columns = Columns(np.unique(np.concatenate(used)), keys, n_words, with_bigrams)
    rows = [part_counts(stream, np.arange(stream.n_articles), columns) for stream in streams()]
    terms, ngram = columns.terms(tokens.vocabulary)
    return TermCounts(sparse.vstack(rows, format="csr", dtype=np.int64), terms, ngram)


def _frequent(tables: list[pd.DataFrame], min_count: int) -> np.ndarray:
    """The bigram keys of the chunks' tables (`part_bigrams`, in chunk order) seen `min_count` times, in column order.

    The tables list each chunk's bigrams in the order they first appear, so
    numbering their keys in turn (`factorize`) orders them by first
    appearance in the corpus, as `frequent_bigrams` does by sorting places,
    without a group-by of every chunk's rows.
    """
    keys = np.concatenate([table["key"].to_numpy(np.int64) for table in tables] + [np.zeros(0, np.int64)])
    counts = np.concatenate([table["count"].to_numpy(np.int64) for table in tables] + [np.zeros(0, np.int64)])
    codes, unique = pd.factorize(keys)
    totals = np.zeros(len(unique), np.int64)
    np.add.at(totals, codes, counts)
    frequent: np.ndarray = np.asarray(unique, dtype=np.int64)[totals >= min_count]
    return frequent


def _chunks(tokens: Tokens) -> Iterator[Tokens]:
    """`tokens` cut into runs of `CHUNK_ARTICLES` whole articles (article positions from 0 in each, paragraphs as they were).

    Why: counted chunk by chunk (the partitioned engine's steps,
    `framing.engine.compare_terms`), the counts equal those of the whole
    corpus, and only one chunk's working arrays exist at once.
    """
    for first in range(0, max(tokens.n_articles, 1), CHUNK_ARTICLES):
        last = min(first + CHUNK_ARTICLES, tokens.n_articles)
        start, end = np.searchsorted(tokens.article, [first, last])
        yield Tokens(
            tokens.ids[start:end],
            tokens.article[start:end] - first,
            tokens.paragraph[start:end],
            tokens.vocabulary,
            tokens.paragraphs,
            last - first,
        )


def _matrix(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int) -> sparse.csr_matrix:
    """Counts of (row, col) pairs as a CSR matrix of the given shape."""
    matrix = sparse.csr_matrix((np.ones(len(rows), np.int64), (rows, cols)), shape=(n_rows, n_cols))
    matrix.sum_duplicates()
    return matrix
