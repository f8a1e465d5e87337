"""The lexicon-check section: how the user's own lexicons behave on this corpus (built-ins have datasheets).

Shown only when the run used a lexicon that is not a built-in one (a file of
the user's, or a built-in name whose file was changed): for each, the table of
`framing.lexicons.validate` (coverage, top-3 share, alpha and KR-20 with their
intervals and `n`), the terms that never occur or are mostly negated or
quoted, and the first suggested terms with one example sentence each, so a
reader can see whether the categories measured anything here before reading
the numbers built on them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.lexicons.model import builtin_lexicons, load_lexicon
from framing.reporting.labels import category_labels
from framing.reporting.tables import relabel, table

if TYPE_CHECKING:
    from framing.corpus.model import Corpus
    from framing.lexicons.model import Lexicon
    from framing.lexicons.validate import LexiconValidation
    from framing.scoring.scores import Scores

SHOWN_SUGGESTIONS = 5
COLUMNS = {
    "category": "category",
    "per_1000_words": "hits per 1,000 words",
    "article_share": "share of articles with a hit",
    "top3_share": "top-3 share of hits",
    "top_terms": "top terms",
    "alpha": "alpha",
    "alpha_95": "alpha 95%",
    "kr20": "KR-20",
    "kr20_95": "KR-20 95%",
    "n": "articles (n)",
}


def user_lexicons(lexicons: tuple[Lexicon, ...] | list[Lexicon]) -> list[Lexicon]:
    """The lexicons that are not a built-in one as shipped (the file's SHA-256 decides, not the name)."""
    shipped = {name: load_lexicon(name).sha256 for name in builtin_lexicons()}
    return [lex for lex in lexicons if shipped.get(lex.name) != lex.sha256]


def lexicon_check(scores: Scores, corpus: Corpus) -> dict[str, Any] | None:
    """Per user lexicon: its check on the corpus; None (the section is left out) when every lexicon is built in."""
    from framing.lexicons.validate import validate_lexicon

    own = user_lexicons(scores.lexicons)
    if not own:
        return None
    return {"lexicons": [_one(validate_lexicon(lexicon, corpus, suggestions=SHOWN_SUGGESTIONS)) for lexicon in own]}


def _one(validation: LexiconValidation) -> dict[str, Any]:
    rows: list[dict[str, Any]] = [{str(k): v for k, v in row.items()} for row in validation.table.to_dict("records")]
    shown = pd.DataFrame(
        [
            {
                **row,
                "top_terms": ", ".join(row["top3_terms"]),
                "alpha_95": _interval(row["alpha_low"], row["alpha_high"]),
                "kr20_95": _interval(row["kr20_low"], row["kr20_high"]),
            }
            for row in rows
        ]
    )
    lexicon = validation.lexicon
    caption = f"{lexicon.name} {lexicon.version} on {validation.articles} articles, {validation.words} words"
    found: list[dict[str, Any]] = [
        {str(k): v for k, v in row.items()} for row in validation.suggestions.to_dict("records")
    ]
    return {
        "name": lexicon.name,
        "table": relabel(table(shown, caption, COLUMNS), category_labels([lexicon]), rows=True),
        "one_word": [row["category"] for row in rows if row["one_word"]],
        "terms": [
            {
                "category": row["category"],
                "never": list(row["never_used"]),
                "negated": list(row["mostly_negated"]),
                "quoted": list(row["mostly_quoted"]),
            }
            for row in rows
            if row["never_used"] or row["mostly_negated"] or row["mostly_quoted"]
        ],
        "suggestions": [
            {
                "category": name,
                "terms": [
                    {
                        "term": r["term"],
                        "count": int(r["count"]),
                        "example": r["example_1"],
                        "doc": str(r["example_1_doc"]),
                    }
                    for r in found
                    if r["category"] == name
                ],
            }
            for name in lexicon.categories
            if any(r["category"] == name for r in found)
        ],
    }


def _interval(low: float, high: float) -> str | None:
    return None if low != low or high != high else f"[{low:.2f}, {high:.2f}]"  # NaN != NaN: undefined
