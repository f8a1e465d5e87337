"""Candidate terms for a category: words of the corpus that keep its members' company.

A word that appears in the sentences where a category's terms occur far more
often than in the other sentences probably belongs to the same register
("troops" beside "deployment"). Far more often is measured as Monroe,
Colaresi & Quinn (2008) do for "Fightin' Words" (the same
`framing.comparison.distinctive.log_odds` and prior): the log-odds ratio of
the word between the category's sentences and all other sentences, smoothed
with an informative Dirichlet prior from the whole corpus, divided by its
standard error. A candidate:

- is a word of at least three characters that starts with a letter and has
  no apostrophe (the tokenizer's clitics "n't" and "'s" are not words), not an
  English stop word, that no entry of the lexicon already matches; or a
  two-word phrase of such words, next to each other in one sentence ("air
  policing", "eastern flank"), that no two-word entry already matches and
  that has no speech verb ("Stoltenberg said" is attribution, not wording;
  the verbs of `scoring/sourcing/data/sourcing.yaml`): many framing terms are
  phrases whose words alone say little;
- occurs at least `min_count` times in the category's sentences, in at least
  two articles (one article repeating a name is not a pattern);
- has z >= `MIN_Z` (1.96, the 5% level; raise it on a large corpus, where many words pass).

Words and phrases are scored each against their own totals (z is a
standardised score, so the two compare) and ranked together. Each comes with
its count, the number of articles and two example sentences (the first in
corpus order, then the first from another article), so a person can judge it.
Nothing is added to the lexicon: `framing.lexicons.snippet` writes them as
YAML to paste.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from framing.comparison.distinctive import PRIOR, PRIOR_MAX, log_odds
from framing.lexicons.match import compile_lexicon
from framing.resources import read_data_text
from framing.scoring.stopwords import english_stop_words

if TYPE_CHECKING:
    from collections.abc import Sequence

    from framing.lexicons.entries import Lexicon
    from framing.lexicons.match import TokenTable

TOP = 20
MIN_COUNT = 3
MIN_ARTICLES = 2
MIN_Z = 1.96  # the 5% level: on a small corpus stricter leaves nothing; raise it on a large one
EXAMPLE_CHARS = 300
COLUMNS = [
    "category",
    "rank",
    "term",
    "count",
    "articles",
    "z",
    "example_1",
    "example_1_doc",
    "example_2",
    "example_2_doc",
]
CANDIDATE = re.compile(r"^[^\W\d_][\w\-]*\w$")  # a word: letters first, no apostrophe (n't, 's are clitics)


def suggest_terms(
    lexicon: Lexicon,
    table: TokenTable,
    hits: pd.DataFrame,
    doc_ids: Sequence[object],
    *,
    top: int = TOP,
    min_count: int = MIN_COUNT,
    min_z: float = MIN_Z,
) -> pd.DataFrame:
    """Up to `top` candidates per category, in the lexicon's category order (see the module docstring).

    `hits` are the lexicon's hits with `doc_id` the text's position in `table`.
    """
    if top <= 0 or len(table) == 0:
        return pd.DataFrame(columns=COLUMNS)
    ids, vocab, index = table.keyed(lexicon.case_sensitive)
    sentence = _token_sentences(table)
    offsets = _sentence_offsets(table)
    ok, phrase_entries = _candidate_vocab(lexicon, vocab, index)
    doc_of = table.doc_of()
    words = table.word_mask() & ok[ids] & ~_inside_hits(table, doc_of, hits)
    counts_all = np.bincount(ids[words], minlength=len(vocab)).astype(float)
    speech = np.fromiter((w.lower() in _speech_verbs() for w in vocab), dtype=bool, count=len(vocab))
    pairs = _Pairs.of(ids, words & ~speech[ids], sentence, len(vocab), phrase_entries)
    ranked = functools.partial(_ranked, top=top, min_count=min_count, min_z=min_z)
    rows = []
    for name in lexicon.categories:
        own = hits[hits["category"] == name]
        marked = np.zeros(int(offsets[-1]), dtype=bool)
        marked[offsets[own["doc_id"].to_numpy(dtype=np.int64)] + own["sentence"].to_numpy(dtype=np.int64)] = True
        inside = words & marked[sentence]
        pairs_inside = marked[sentence[pairs.first]]
        found = [
            (z, count, vocab[t], articles, inside & (ids == t))
            for t, count, articles, z in ranked(ids, inside, doc_of, counts_all)
        ]
        found += [
            (z, count, pairs.term(p, vocab), articles, _at(len(ids), pairs.first[pairs_inside & (pairs.ids == p)]))
            for p, count, articles, z in ranked(pairs.ids, pairs_inside, doc_of[pairs.first], pairs.counts)
        ]
        found.sort(key=lambda c: (-round(c[0], 9), -c[1], c[2]))
        for rank, (z, count, term, articles, where) in enumerate(found[:top], start=1):
            examples = _examples(table, where, sentence, offsets, doc_ids)
            rows.append([name, rank, term, count, articles, round(z, 2), *examples])
    return pd.DataFrame(rows, columns=COLUMNS)


class _Pairs:
    """Two candidate words side by side in one sentence, numbered as one key each (first id x vocabulary + second)."""

    def __init__(self, first: np.ndarray, keys: np.ndarray, size: int) -> None:
        self.first = first  # token position of each pair's first word
        self.keys, self.ids = np.unique(keys, return_inverse=True)  # ids: each pair's number among the distinct keys
        self.ids = self.ids.astype(np.int64)
        self.counts = np.bincount(self.ids, minlength=len(self.keys)).astype(float)
        self.size = size

    @classmethod
    def of(
        cls, ids: np.ndarray, words: np.ndarray, sentence: np.ndarray, size: int, taken: set[tuple[int, int]]
    ) -> _Pairs:
        first = np.flatnonzero(words[:-1] & words[1:] & (sentence[:-1] == sentence[1:]))
        keys = ids[first].astype(np.int64) * size + ids[first + 1]
        if taken:
            known = np.array(sorted(a * size + b for a, b in taken), dtype=np.int64)
            new = ~np.isin(keys, known)
            first, keys = first[new], keys[new]
        return cls(first, keys, size)

    def term(self, pair: int, vocab: list[str]) -> str:
        key = int(self.keys[pair])
        return f"{vocab[key // self.size]} {vocab[key % self.size]}"


def _inside_hits(table: TokenTable, doc_of: np.ndarray, hits: pd.DataFrame) -> np.ndarray:
    """True for tokens inside any entry's hit: "shore" of a "shore up" hit is the entry, not a candidate."""
    if hits.empty or len(table) == 0:
        return np.zeros(len(table), dtype=bool)
    width = int(max(len(text) for text in table.texts)) + 1
    keys = doc_of.astype(np.int64) * width + table.starts  # sorted: texts in order, tokens in order within each
    docs = hits["doc_id"].to_numpy(dtype=np.int64) * width
    lo = np.searchsorted(keys, docs + hits["start"].to_numpy(dtype=np.int64), side="left")
    hi = np.searchsorted(keys, docs + hits["end"].to_numpy(dtype=np.int64), side="left")
    depth = np.zeros(len(table) + 1, dtype=np.int64)
    np.add.at(depth, lo, 1)
    np.add.at(depth, hi, -1)
    return np.cumsum(depth[:-1]) > 0


@functools.lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    import yaml

    data = yaml.safe_load(read_data_text("framing.scoring.sourcing.data", "sourcing.yaml"))
    return frozenset(str(verb).lower() for verb in data["speech_verbs"])


def _at(length: int, positions: np.ndarray) -> np.ndarray:
    mask = np.zeros(length, dtype=bool)
    mask[positions] = True
    return mask


def _ranked(
    ids: np.ndarray,
    inside: np.ndarray,
    doc_of: np.ndarray,
    counts_all: np.ndarray,
    *,
    top: int,
    min_count: int,
    min_z: float,
) -> list[tuple[int, int, int, float]]:
    """(term id, count, articles, z) of the best candidates, by z, then count, then id."""
    size = len(counts_all)
    counts_in = np.bincount(ids[inside], minlength=size).astype(float)
    if counts_in.sum() == 0:
        return []
    n, n_in = counts_all.sum(), counts_in.sum()
    seen = np.flatnonzero(counts_all > 0)  # the prior of a word the corpus never has is zero: no odds
    z = np.full(size, -np.inf)
    z[seen] = log_odds(
        counts_in[seen],
        counts_all[seen] - counts_in[seen],
        counts_all[seen],
        min(PRIOR * n, PRIOR_MAX),
        totals=(n_in, n - n_in, n),
    )[1]
    pairs = np.unique(doc_of[inside].astype(np.int64) * size + ids[inside])
    articles = np.bincount(pairs % size, minlength=size)
    keep = np.flatnonzero((counts_in >= min_count) & (articles >= MIN_ARTICLES) & (z >= min_z))
    order = np.lexsort((keep, -counts_in[keep], -np.round(z[keep], 9)))[:top]
    return [(int(t), int(counts_in[t]), int(articles[t]), float(z[t])) for t in keep[order]]


def _candidate_vocab(
    lexicon: Lexicon, vocab: list[str], index: dict[str, int]
) -> tuple[np.ndarray, set[tuple[int, int]]]:
    """Vocabulary words that may be proposed (word-like, no stop word, no entry matches), and two-word entries' ids."""
    stop = english_stop_words()
    ok = np.fromiter(
        (len(w) >= 3 and CANDIDATE.match(w) is not None and w not in stop for w in vocab),
        dtype=bool,
        count=len(vocab),
    )
    single, phrases = compile_lexicon(lexicon, vocab, index)
    ok[[int(t) for t, *_ in single]] = False
    taken = {(int(a), int(b)) for *_, id_sets in phrases if len(id_sets) == 2 for a in id_sets[0] for b in id_sets[1]}
    return ok, taken


def _sentence_offsets(table: TokenTable) -> np.ndarray:
    """Where each text's sentences start in one numbering of all sentences (last item: the total)."""
    sizes = [len(table.sentence_starts(d)) for d in range(len(table.texts))]
    return np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)


def _token_sentences(table: TokenTable) -> np.ndarray:
    """The sentence (in the one numbering of `_sentence_offsets`) of every token."""
    offsets = _sentence_offsets(table)
    out = np.zeros(len(table), dtype=np.int64)
    for d in range(len(table.texts)):
        lo, hi = int(table.doc_start[d]), int(table.doc_start[d + 1])
        local = np.searchsorted(table.sentence_starts(d), table.starts[lo:hi], side="right") - 1
        out[lo:hi] = offsets[d] + np.maximum(local, 0)
    return out


def _examples(
    table: TokenTable,
    where_mask: np.ndarray,
    sentence: np.ndarray,
    offsets: np.ndarray,
    doc_ids: Sequence[object],
) -> list[object]:
    """[sentence, doc id, sentence, doc id]: the first sentence with the term, then the first from another article."""
    where = np.flatnonzero(where_mask)
    docs = table.doc_of()[where]
    first = int(where[0])
    other = np.flatnonzero(docs != docs[0])
    later = np.flatnonzero(sentence[where] != sentence[first])
    second = int(where[other[0]]) if len(other) else int(where[later[0]]) if len(later) else None
    out: list[object] = []
    for position in (first, second):
        if position is None:
            out.extend(["", ""])
            continue
        d = int(table.doc_of()[position])
        local = int(sentence[position] - offsets[d])
        start, end = table.sentence_span(d, local)
        out.extend([_excerpt(table.texts[d][start:end]), doc_ids[d]])
    return out


def _excerpt(text: str) -> str:
    """One line of text: whitespace runs become one space, long sentences are cut with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= EXAMPLE_CHARS else line[: EXAMPLE_CHARS - 1].rstrip() + "\u2026"
