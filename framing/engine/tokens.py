"""The comparison's word numbers, found partition by partition on the cluster and joined exactly.

`framing.comparison.terms.tokenize_corpus` numbers words in the order they
first appear in the corpus. Each partition numbers its own words the same
way; joining the partitions in corpus order and giving each word new to the
join the next number reproduces the whole corpus' numbering, so the joined
`Tokens` equal `tokenize_corpus` of all the texts, array for array.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from framing.comparison.terms import Tokens
    from framing.corpus.model import Corpus


def piece_tokens(corpus: Corpus) -> Tokens:
    """One partition's words, as `compare` tokenises its clean text."""
    from framing.comparison.terms import tokenize_corpus

    texts = corpus.articles["clean_text"].fillna("").astype(str).tolist()
    return tokenize_corpus(texts)


def join_tokens(parts: list[Tokens]) -> Tokens:
    """The partitions' tokens as one corpus' (`parts` in corpus order)."""
    from framing.comparison.terms import Tokens

    vocabulary, remaps = join_vocabularies([part.vocabulary for part in parts])
    ids, articles, paragraphs, tables = [], [], [], []
    n_articles = n_paragraphs = 0
    for part, remap in zip(parts, remaps):
        ids.append(remap[part.ids])
        articles.append(part.article + n_articles)
        paragraphs.append(part.paragraph + n_paragraphs)
        tables.append(part.paragraphs.assign(article=part.paragraphs["article"] + n_articles))
        n_articles += part.n_articles
        n_paragraphs += len(part.paragraphs)
    empty = np.zeros(0, np.int64)
    return Tokens(
        np.concatenate([empty, *ids]),
        np.concatenate([empty, *articles]),
        np.concatenate([empty, *paragraphs]),
        vocabulary,
        pd.concat(tables, ignore_index=True).astype(np.int64),
        n_articles,
    )


def join_vocabularies(vocabularies: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
    """The corpus' words in the order they first appear, and per partition its word numbers in the corpus' numbering.

    Only the partitions' distinct words travel, not their tokens: the
    partitioned comparison (`framing.engine.compare`) numbers its counts with these.
    """
    number: dict[str, int] = {}
    remaps = [
        np.fromiter((number.setdefault(w, len(number)) for w in words), dtype=np.int64, count=len(words))
        for words in vocabularies
    ]
    vocabulary = np.empty(len(number), dtype=object)
    vocabulary[:] = list(number)
    return vocabulary, remaps
