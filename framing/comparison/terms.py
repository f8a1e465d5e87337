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
    from collections.abc import Iterable

    import numpy.typing as npt

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
    no list of ten million word strings is ever held.
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
    ids, sizes = array("q"), array("q")
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
    paragraph = np.repeat(np.arange(len(table)), lengths)
    article = table["article"].to_numpy()[paragraph] if len(table) else np.zeros(0, np.int64)
    vocabulary = np.empty(len(index), dtype=object)
    vocabulary[:] = list(index)
    return Tokens(
        np.frombuffer(ids, dtype=np.int64) if len(ids) else np.zeros(0, np.int64),
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
    stops = stop_word_set(stop_words)
    stop = np.fromiter((w in stops for w in tokens.vocabulary), dtype=bool, count=len(tokens.vocabulary))
    use = ~stop[tokens.ids] if len(tokens.ids) else np.zeros(0, bool)
    if keep is not None:
        use &= np.asarray(keep, dtype=bool)[tokens.paragraph]
    codes, owner, paragraph = tokens.ids[use], tokens.article[use], tokens.paragraph[use]
    used = np.unique(codes)
    remap = np.full(len(tokens.vocabulary), -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    codes = remap[codes]
    n_docs = tokens.n_articles
    blocks, terms, orders = (
        [_matrix(owner, codes, n_docs, len(used))],
        [tokens.vocabulary[used]],
        [np.ones(len(used), np.int8)],
    )
    if max_ngram >= 2 and len(codes) > 1:
        bigrams, names = _bigrams(codes, owner, paragraph, n_docs, tokens.vocabulary[used], min_bigram_count)
        blocks.append(bigrams)
        terms.append(names)
        orders.append(np.full(len(names), 2, np.int8))
    return TermCounts(
        sparse.hstack(blocks, format="csr", dtype=np.int64), np.concatenate(terms), np.concatenate(orders)
    )


def _matrix(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int) -> sparse.csr_matrix:
    """Counts of (row, col) pairs as a CSR matrix of the given shape."""
    matrix = sparse.csr_matrix((np.ones(len(rows), np.int64), (rows, cols)), shape=(n_rows, n_cols))
    matrix.sum_duplicates()
    return matrix


def _bigrams(
    codes: np.ndarray, owner: np.ndarray, paragraph: np.ndarray, n_docs: int, names: np.ndarray, min_count: int
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Article x bigram counts of adjacent words in one paragraph seen `min_count` times, and their labels."""
    same = paragraph[:-1] == paragraph[1:]
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
