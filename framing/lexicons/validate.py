"""A lexicon checked on the user's own corpus: coverage, concentration, consistency, dead and doubtful terms.

A lexicon that loads cleanly can still measure little on a given corpus: a
category whose hits are one word measures that word; terms that never occur
add nothing; terms that are mostly negated ("not a threat") or mostly inside
quotation marks (someone else's words) count against what the category means.
Per category, on the corpus' cleaned text (the text the scores read):

- coverage: hits per 1,000 words, and the share of articles with a hit;
- concentration: the share of hits from the top 3 terms; `one_word` when a
  single term gives at least half of them;
- consistency: Cronbach's alpha over per-article term rates and KR-20 over
  presence (`framing.lexicons.consistency`), each with its 95% interval
  (Feldt), and the `k` terms and `n` articles they rest on;
- terms that never occur, and terms whose hits are mostly negated or quoted
  (more than half, of at least `MIN_HITS` hits).

Suggested new terms come from `framing.lexicons.suggest`; nothing is added to
the lexicon. Same lexicon and corpus, same tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from framing.lexicons import consistency
from framing.lexicons.match import TokenTable, match
from framing.lexicons.model import load_lexicon
from framing.lexicons.suggest import MIN_COUNT, MIN_Z, TOP, suggest_terms
from framing.lexicons.term_hits import with_terms

if TYPE_CHECKING:
    from framing.lexicons.entries import Category, Lexicon

MIN_HITS = 2  # a term needs this many hits before "mostly negated / quoted" is said of it
MOSTLY = 0.5  # more than this share of its hits
ONE_WORD_SHARE = 0.5  # a category whose top term gives at least this share of its hits is flagged
TABLE_COLUMNS = [
    "lexicon",
    "category",
    "entries",
    "hits",
    "per_1000_words",
    "article_share",
    "top3_terms",
    "top3_share",
    "one_word",
    "alpha",
    "alpha_low",
    "alpha_high",
    "kr20",
    "kr20_low",
    "kr20_high",
    "k",
    "n",
    "never_used",
    "mostly_negated",
    "mostly_quoted",
]
TERM_COLUMNS = ["category", "term", "hits", "articles", "negated", "quoted"]


@dataclass(frozen=True)
class LexiconValidation:
    """What `validate_lexicon` found: one row per category, one per entry, and the suggested terms."""

    lexicon: Lexicon
    corpus: str
    articles: int
    words: int
    table: pd.DataFrame
    terms: pd.DataFrame
    suggestions: pd.DataFrame


def validate_lexicon(
    lexicon: str | Lexicon, corpus: Any, *, suggestions: int = TOP, min_count: int = MIN_COUNT, min_z: float = MIN_Z
) -> LexiconValidation:
    """Check `lexicon` (a name, a file or a Lexicon) on `corpus` (anything `framing.score` accepts).

    Args:
        suggestions: at most this many suggested terms per category (0: none).
        min_count: a suggested term occurs at least this often in the category's sentences.
        min_z: and its log-odds z-score is at least this.

    Raises:
        FramingError: an unknown or broken lexicon, or a corpus that cannot be read.
    """
    from framing.corpus.inputs import as_corpus

    loaded = load_lexicon(lexicon)
    source = as_corpus(corpus)
    articles = source.articles
    table = TokenTable.from_texts(articles["clean_text"]).segment_sentences()
    hits = with_terms(loaded, table, match(loaded, table.texts, range(len(table.texts)), tokens=table))
    words = table.word_counts()
    terms = _term_table(loaded, hits)
    rows = [
        _category_row(loaded, category, hits[hits["category"] == category.name], terms, words)
        for category in loaded.categories.values()
    ]
    found = suggest_terms(
        loaded, table, hits, list(articles["doc_id"]), top=suggestions, min_count=min_count, min_z=min_z
    )
    return LexiconValidation(
        lexicon=loaded,
        corpus=str(source.name),
        articles=len(articles),
        words=int(words.sum()),
        table=pd.DataFrame(rows, columns=TABLE_COLUMNS),
        terms=terms,
        suggestions=found,
    )


def _term_table(lexicon: Lexicon, hits: pd.DataFrame) -> pd.DataFrame:
    """One row per entry (in file order): hits, articles with a hit, negated and quoted hits."""
    grouped = hits.groupby(["category", "term"], sort=False).agg(
        hits=("term", "size"), articles=("doc_id", "nunique"), negated=("negated", "sum"), quoted=("quoted", "sum")
    )
    found: dict[tuple[str, str], list[int]] = {
        key: [int(v) for v in values] for key, values in zip(grouped.index, grouped.to_numpy().tolist())
    }
    rows = []
    for category in lexicon.categories.values():
        listed = [e.term for e in category.entries] or [category.pattern or ""]
        rows += [
            [category.name, term, *found.get((category.name, term), [0, 0, 0, 0])] for term in dict.fromkeys(listed)
        ]
    return pd.DataFrame(rows, columns=TERM_COLUMNS)


def _category_row(
    lexicon: Lexicon, category: Category, hits: pd.DataFrame, terms: pd.DataFrame, words: np.ndarray
) -> list[Any]:
    own = terms[terms["category"] == category.name]
    by_count = own[own["hits"] > 0].sort_values(["hits", "term"], ascending=[False, True], kind="stable")
    total = len(hits)
    top = by_count.head(3)
    top_share = float(top["hits"].sum() / total) if total else float("nan")
    one_word = bool(total) and float(by_count["hits"].iloc[0] / total) >= ONE_WORD_SHARE and category.pattern is None
    rates, presence = _article_matrix(hits, own["term"].tolist(), words)
    doubtful = own[(own["hits"] >= MIN_HITS) & (category.pattern is None)]  # a pattern's hits are quoted by design
    return [
        lexicon.name,
        category.name,
        len(category.entries),
        total,
        float(total / words.sum() * 1000) if words.sum() else float("nan"),
        float(hits["doc_id"].nunique() / len(words)) if len(words) else float("nan"),
        tuple(top["term"]),
        top_share,
        one_word,
        *_with_interval(consistency.cronbach_alpha(rates), len(words), consistency.varying_items(rates)),
        *_with_interval(consistency.kr20(presence), len(words), consistency.varying_items(presence)),
        consistency.varying_items(presence),
        len(words),
        tuple(own.loc[own["hits"] == 0, "term"]) if category.pattern is None else (),
        tuple(doubtful.loc[doubtful["negated"] / doubtful["hits"] > MOSTLY, "term"]),
        tuple(doubtful.loc[doubtful["quoted"] / doubtful["hits"] > MOSTLY, "term"]),
    ]


def _with_interval(estimate: float, n: int, k: int) -> tuple[float, float, float]:
    """An estimate and its 95% Feldt interval."""
    return (estimate, *consistency.feldt_interval(estimate, n, k))


def _article_matrix(hits: pd.DataFrame, terms: list[str], words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(articles x terms rates per 100 words, articles x terms presence) of one category."""
    counts = np.zeros((len(words), len(terms)))
    column = {term: j for j, term in enumerate(terms)}
    np.add.at(counts, (hits["doc_id"].to_numpy(dtype=np.int64), hits["term"].map(column).to_numpy(dtype=np.int64)), 1)
    rates = counts / np.maximum(words, 1)[:, None] * 100
    return rates, counts > 0
