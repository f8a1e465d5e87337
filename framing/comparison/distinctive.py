"""Distinctive vocabulary: what words set one outlet apart from the others.

"Fightin' Words" (Monroe, Colaresi & Quinn 2008, Political Analysis 16(4)):
the log-odds ratio of a term between an outlet (i) and all other outlets
(j), smoothed with an informative Dirichlet prior built from the whole
corpus, divided by its approximate standard deviation:

    alpha_w = alpha0 * y_w / n              (corpus rate of w times prior size alpha0)
    delta_w = log((y_iw + alpha_w) / (n_i + alpha0 - y_iw - alpha_w))
            - log((y_jw + alpha_w) / (n_j + alpha0 - y_jw - alpha_w))
    z_w     = delta_w / sqrt(1 / (y_iw + alpha_w) + 1 / (y_jw + alpha_w))

The prior pulls rare words toward the corpus rate, so a word said twice by
one outlet does not outrank a word it says fifty times more often than
everyone else. alpha0 = min(`prior` * n, `prior_max`): a tenth of the corpus
for small corpora, at most 1,000 pseudo-words for large ones. Unigrams and
bigrams are scored as separate models (each with its own n), English stop
words removed; terms are marked with the framing-lexicon categories they
belong to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import sparse

from framing.comparison.terms import TermCounts, count_terms

if TYPE_CHECKING:
    from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence

    import numpy.typing as npt

    from framing.lexicons.model import Lexicon

    # one n-gram order: (outlet x term counts CSR, sorted outlet names, the terms)
    OutletCounts = tuple[sparse.csr_matrix, list[str], np.ndarray]

PRIOR = 0.1
PRIOR_MAX = 1000.0
TOP_N = 20
MIN_COUNT = 2
COLUMNS = ["outlet", "term", "ngram", "rank", "count", "count_rest", "delta", "z", "lexicon", "category"]


def log_odds(
    counts_i: npt.ArrayLike,
    counts_j: npt.ArrayLike,
    prior_counts: npt.ArrayLike,
    alpha0: float,
    *,
    totals: tuple[float, float, float] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(delta, z) of the prior-smoothed log-odds ratio for each term (arrays of equal length).

    `totals` = (n_i, n_j, n) when the arrays hold only some of the terms
    (otherwise they are summed from the arrays).
    """
    y_i, y_j = np.asarray(counts_i, float), np.asarray(counts_j, float)
    y = np.asarray(prior_counts, float)
    n_i, n_j, n = totals if totals is not None else (y_i.sum(), y_j.sum(), y.sum())
    alpha = alpha0 * y / n
    odds_i = (y_i + alpha) / (n_i + alpha0 - y_i - alpha)
    odds_j = (y_j + alpha) / (n_j + alpha0 - y_j - alpha)
    delta = np.log(odds_i) - np.log(odds_j)
    variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
    return delta, delta / np.sqrt(variance)


def outlet_counts(
    counts: TermCounts, outlets: Iterable[str], *, ngram: int, min_count: int = MIN_COUNT
) -> OutletCounts:
    """(outlet x term count matrix CSR, sorted outlet names, terms) for the n-grams of one order."""
    order = counts.orders(ngram, ngram)
    labels = pd.Series(list(outlets), dtype=object)
    names = sorted(labels.unique())
    codes = pd.Categorical(labels, categories=names).codes
    member = sparse.csr_matrix(
        (np.ones(len(codes), np.int64), (codes, np.arange(len(codes)))), shape=(len(names), len(codes))
    )
    by_outlet = (member @ order.matrix).tocsr()
    total = np.asarray(by_outlet.sum(axis=0)).ravel()
    keep = np.flatnonzero(total >= min_count)
    return by_outlet[:, keep].tocsr(), names, order.terms[keep]


def count_tables(
    texts: Iterable[object] | None,
    outlets: Collection[str],
    *,
    ngrams: Sequence[int] = (1, 2),
    stop_words: str = "english",
    min_count: int = MIN_COUNT,
    counts: TermCounts | None = None,
) -> dict[int, OutletCounts]:
    """{ngram order: (outlet x term counts, outlet names, terms)}: count once, contrast many ways."""
    if counts is None:
        counts = count_terms(texts, max_ngram=max(ngrams), stop_words=stop_words, min_bigram_count=min_count)
    return {n: outlet_counts(counts, outlets, ngram=n, min_count=min_count) for n in ngrams}


def distinctive_terms(
    texts: Iterable[object] | None = None,
    outlets: Collection[str] | None = None,
    *,
    top_n: int = TOP_N,
    ngrams: Sequence[int] = (1, 2),
    prior: float = PRIOR,
    prior_max: float = PRIOR_MAX,
    stop_words: str = "english",
    min_count: int = MIN_COUNT,
    lexicons: Iterable[Lexicon] | None = None,
    counts: dict[int, OutletCounts] | None = None,
    groups: Mapping[str, Hashable] | None = None,
) -> pd.DataFrame:
    """Top `top_n` terms per outlet and n-gram order by z (outlet vs all others), most distinctive first.

    Needs at least two outlets; with one outlet there is nobody to differ from
    and the table is empty. `lexicons`: Lexicon objects whose categories mark
    terms. `counts`: tables from `count_tables` (instead of texts/outlets).
    `groups`: {outlet: group} to contrast groups of outlets (e.g. clusters)
    instead; the `outlet` column then holds the group.
    """
    if counts is None:
        if outlets is None:
            raise TypeError("distinctive_terms needs texts and outlets, or counts")
        counts = count_tables(texts, outlets, ngrams=ngrams, stop_words=stop_words, min_count=min_count)
    frames: list[pd.DataFrame] = []
    for ngram, (table, outlet_names, terms) in sorted(counts.items()):
        names: Sequence[Hashable] = outlet_names
        if groups is not None:
            table, names = _merge_rows(table, outlet_names, groups)
        if len(names) < 2 or table.shape[1] == 0:
            continue
        frames.extend(_one_order(table, names, terms, ngram, top_n, prior, prior_max))
    result = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS[:-2])
    return mark_lexicon_terms(result, lexicons or [])[COLUMNS]


def pairwise_terms(
    counts: dict[int, OutletCounts],
    a: str,
    b: str,
    *,
    top_n: int = TOP_N,
    prior: float = PRIOR,
    prior_max: float = PRIOR_MAX,
    lexicons: Iterable[Lexicon] | None = None,
) -> pd.DataFrame:
    """What sets outlet `a` apart from outlet `b` and back: Fightin' Words on the two outlets alone.

    `counts`: tables from `count_tables`. The prior comes from the two outlets' own counts.
    """
    frames: list[pd.DataFrame] = []
    for ngram, (table, names, terms) in sorted(counts.items()):
        missing = [name for name in (a, b) if name not in names]
        if missing:
            from framing.errors import FramingError

            raise FramingError(f"no outlet {missing[0]!r} in this comparison; outlets are: {', '.join(names)}")
        pair = table[[names.index(a), names.index(b)]]
        used = np.flatnonzero(np.asarray(pair.sum(axis=0)).ravel() > 0)
        frames.extend(_one_order(pair[:, used].tocsr(), [a, b], terms[used], ngram, top_n, prior, prior_max))
    result = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS[:-2])
    return mark_lexicon_terms(result, lexicons or [])[COLUMNS]


def _merge_rows(
    table: sparse.csr_matrix, names: Sequence[str], groups: Mapping[str, Hashable]
) -> tuple[sparse.csr_matrix, list[Hashable]]:
    """Sum the count rows of outlets that share a group."""
    labels = [groups[name] for name in names]
    merged = sorted(set(labels), key=str)
    codes = [merged.index(label) for label in labels]
    member = sparse.csr_matrix(
        (np.ones(len(codes), np.int64), (codes, np.arange(len(codes)))), shape=(len(merged), len(codes))
    )
    return (member @ table).tocsr(), merged


def _one_order(
    counts: sparse.csr_matrix,
    names: Sequence[Hashable],
    terms: np.ndarray,
    ngram: int,
    top_n: int,
    prior: float,
    prior_max: float,
) -> list[pd.DataFrame]:
    """One table per outlet (row of `counts`): its `top_n` terms of this n-gram order against all the others."""
    total = np.asarray(counts.sum(axis=0)).ravel().astype(float)
    alpha0 = min(prior * total.sum(), prior_max)
    frames: list[pd.DataFrame] = []
    sizes = np.asarray(counts.sum(axis=1)).ravel().astype(float)
    for row, outlet in enumerate(names):
        # Only terms the outlet uses can have z > 0: for an absent term the
        # prior pulls the outlet's rate to the corpus rate, below the others'.
        start, end = counts.indptr[row], counts.indptr[row + 1]
        cols, own = counts.indices[start:end], counts.data[start:end].astype(float)
        rest = total[cols] - own
        delta, z = log_odds(own, rest, total[cols], alpha0, totals=(sizes[row], total.sum() - sizes[row], total.sum()))
        best = _top(np.arange(len(cols)), z, terms[cols], top_n)
        frames.append(
            pd.DataFrame(
                {
                    "outlet": pd.array([outlet] * len(best), dtype=object),
                    "term": pd.array([str(terms[cols[b]]) for b in best], dtype=object),
                    "ngram": np.full(len(best), ngram, dtype=np.int64),
                    "rank": np.arange(1, len(best) + 1, dtype=np.int64),
                    "count": own[best].astype(np.int64),
                    "count_rest": rest[best].astype(np.int64),
                    "delta": np.round(delta[best], 4),
                    "z": np.round(z[best], 4),
                }
            )
        )
    return frames


def _top(cols: np.ndarray, z: np.ndarray, terms: np.ndarray, top_n: int) -> list[int]:
    """The `top_n` columns with the highest positive z (ties: alphabetical term)."""
    cols = cols[z[cols] > 0]
    if len(cols) > top_n:
        cutoff = np.partition(z[cols], len(cols) - top_n)[len(cols) - top_n]
        cols = cols[z[cols] >= cutoff]
    return sorted(cols, key=lambda c: (-z[c], str(terms[c])))[:top_n]


def mark_lexicon_terms(table: pd.DataFrame, lexicons: Iterable[Lexicon]) -> pd.DataFrame:
    """Add `lexicon` and `category`: the framing-lexicon categories a term belongs to.

    A term matches an entry when it equals it (`military buildup`) or when a
    wildcard entry (`escalat*`) is a prefix of it. Only whole terms count: a
    bigram is not marked for one of its words, which would tag "stoltenberg
    said" as reporting language. Several matches are joined with "; ".
    """
    index = _LexiconIndex(lexicons)
    matches = [index.categories(term) for term in table["term"]]
    out = table.copy()
    out["lexicon"] = pd.array(["; ".join(sorted({name for name, _ in found})) for found in matches], dtype=object)
    out["category"] = pd.array(
        ["; ".join(f"{name}.{category}" for name, category in found) for found in matches], dtype=object
    )
    return out


class _LexiconIndex:
    """Exact entries in a dict, wildcard entries as prefixes: one pass over the lexicons."""

    def __init__(self, lexicons: Iterable[Lexicon]) -> None:
        self.exact: dict[str, set[tuple[str, str]]] = {}
        self.prefixes: list[tuple[str, tuple[str, str]]] = []
        for lexicon in lexicons:
            for category in lexicon.categories.values():
                for entry in category.entries:
                    text, key = entry.term.lower(), (lexicon.name, category.name)
                    if entry.wildcard or text.endswith("*"):
                        self.prefixes.append((text.rstrip("*"), key))
                    else:
                        self.exact.setdefault(text, set()).add(key)

    def categories(self, term: str) -> list[tuple[str, str]]:
        found = set(self.exact.get(term, set()))
        found |= {key for prefix, key in self.prefixes if term.startswith(prefix) and " " not in term[len(prefix) :]}
        return sorted(found)


def builtin_lexicons_or_none() -> list[Lexicon]:
    """The built-in framing lexicons, or [] when they cannot be loaded."""
    try:
        from framing.lexicons.model import builtin_lexicons, load_lexicon

        return [load_lexicon(name) for name in builtin_lexicons()]
    except (ImportError, OSError):
        return []
