"""The text `framing lexicon validate --corpus` prints: the per-category table, the doubtful terms, the suggestions.

Categories are printed by their display names (the lexicon's `label:`, else
plain words, as the report shows them: "Russian threat", not
`russian_threat`); the key follows a label that differs from it in the
details, and `category_table` keeps both for `--table`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from framing.reporting.labels import category_labels

if TYPE_CHECKING:
    import pandas as pd

    from framing.lexicons.validate import LexiconValidation

LISTS = ("top3_terms", "never_used", "mostly_negated", "mostly_quoted")
"""Columns holding term lists, written to a table as "; "-joined text."""

HEADERS = (
    "category",
    "entries",
    "hits",
    "per 1k words",
    "articles hit",
    "top-3 share",
    "alpha [95%]",
    "KR-20 [95%]",
    "k",
    "n",
    "",
)
RIGHT = {"entries", "hits", "per 1k words", "articles hit", "top-3 share", "k", "n"}
LISTED = 12  # terms shown per list; the rest are counted


def validation_text(validation: LexiconValidation, suggestions_file: str | None) -> list[str]:
    """Every line to print, in order."""
    lexicon, table = validation.lexicon, validation.table
    lines = [
        f"{lexicon.name} {lexicon.version} on {validation.corpus}: {validation.articles:,} articles, "
        f"{validation.words:,} words",
        "",
    ]
    labels = category_labels([lexicon])
    lines += _aligned([HEADERS] + [_row(row, labels) for row in table.itertuples(index=False)])
    lines += [
        "",
        "alpha: Cronbach's alpha over per-article term rates; KR-20: over presence; both over the k terms "
        "that occur, in n articles, with Feldt's 95% interval (few articles: a wide interval; see the "
        "Lexicons guide).",
    ]
    for row in table.itertuples(index=False):
        lines += _details(row, validation.terms, labels)
    lines += ["", "Suggested terms (more frequent beside the category's terms than elsewhere; nothing was added):"]
    lines += _suggestions(validation, labels)
    if suggestions_file:
        lines.append(f"wrote {suggestions_file}: the suggestions as YAML, with two example sentences each")
    elif not validation.suggestions.empty:
        lines.append("--suggestions FILE.yaml writes them as YAML to paste, with two example sentences each")
    return lines


def _number(value: float, digits: int = 2) -> str:
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"


def category_table(validation: LexiconValidation) -> pd.DataFrame:
    """The per-category table with both the category key and its display `label`, term lists as "; "-joined text."""
    table = validation.table.copy()
    labels = category_labels([validation.lexicon])
    table.insert(
        list(table.columns).index("category") + 1, "label", [labels.get(str(c), str(c)) for c in table["category"]]
    )
    for column in LISTS:
        table[column] = ["; ".join(map(str, terms)) for terms in table[column]]
    return table


def _row(row: object, labels: dict[str, str]) -> tuple[str, ...]:
    get = row.__getattribute__
    return (
        labels.get(str(get("category")), str(get("category"))),
        str(get("entries")),
        str(get("hits")),
        _number(get("per_1000_words"), 1),
        _percent(get("article_share")),
        _percent(get("top3_share")),
        _estimate(row, "alpha"),
        _estimate(row, "kr20"),
        str(get("k")),
        str(get("n")),
        "one word" if get("one_word") else "",
    )


def _estimate(row: object, name: str) -> str:
    """`0.61 [0.12, 0.88]`, or n/a."""
    value = row.__getattribute__(name)
    if math.isnan(value):
        return "n/a"
    low, high = row.__getattribute__(f"{name}_low"), row.__getattribute__(f"{name}_high")
    return f"{_number(value)} [{_number(low)}, {_number(high)}]"


def _percent(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.0%}"


def _aligned(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADERS))]
    return [
        "  ".join(
            cell.rjust(w) if HEADERS[i] in RIGHT else cell.ljust(w) for i, (cell, w) in enumerate(zip(r, widths))
        ).rstrip()
        for r in rows
    ]


def _details(row: object, terms: pd.DataFrame, labels: dict[str, str]) -> list[str]:
    get = row.__getattribute__
    own = terms[terms["category"] == get("category")].set_index("term")
    key = str(get("category"))
    name = labels.get(key, key)
    out = ["", f"{name}:" if name == key else f"{name} ({key}):"]
    if get("top3_terms"):
        out.append("  top terms: " + ", ".join(f"{t} ({own.at[t, 'hits']})" for t in get("top3_terms")))
    for label, listed, column in (
        ("never occur", get("never_used"), None),
        ("mostly negated", get("mostly_negated"), "negated"),
        ("mostly in quotation marks", get("mostly_quoted"), "quoted"),
    ):
        if listed:
            shown = [
                t if column is None else f"{t} ({own.at[t, column]} of {own.at[t, 'hits']})" for t in listed[:LISTED]
            ]
            more = f", and {len(listed) - LISTED} more" if len(listed) > LISTED else ""
            out.append(f"  {label} ({len(listed)}): {', '.join(shown)}{more}")
    return out


def _suggestions(validation: LexiconValidation, labels: dict[str, str]) -> list[str]:
    found = validation.suggestions
    out = []
    for name in validation.lexicon.categories:
        rows = found[found["category"] == name]
        terms = ", ".join(f"{r.term} ({r.count})" for r in rows.itertuples(index=False))
        out.append(f"  {labels.get(name, name)}: {terms or 'none passed the thresholds'}")
    return out
