"""The text `framing lexicon validate --corpus` prints: the per-category table, the doubtful terms, the suggestions."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from framing.lexicons.validate import LexiconValidation

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
    lines += _aligned([HEADERS] + [_row(row) for row in table.itertuples(index=False)])
    lines += [
        "",
        "alpha: Cronbach's alpha over per-article term rates; KR-20: over presence; both over the k terms "
        "that occur, in n articles, with Feldt's 95% interval (few articles: a wide interval; see the "
        "Lexicons guide).",
    ]
    for row in table.itertuples(index=False):
        lines += _details(row, validation.terms)
    lines += ["", "Suggested terms (more frequent beside the category's terms than elsewhere; nothing was added):"]
    lines += _suggestions(validation)
    if suggestions_file:
        lines.append(f"wrote {suggestions_file}: the suggestions as YAML, with two example sentences each")
    elif not validation.suggestions.empty:
        lines.append("--suggestions FILE.yaml writes them as YAML to paste, with two example sentences each")
    return lines


def _number(value: float, digits: int = 2) -> str:
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"


def _row(row: object) -> tuple[str, ...]:
    get = row.__getattribute__
    return (
        str(get("category")),
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


def _details(row: object, terms: pd.DataFrame) -> list[str]:
    get = row.__getattribute__
    own = terms[terms["category"] == get("category")].set_index("term")
    out = ["", f"{get('category')}:"]
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


def _suggestions(validation: LexiconValidation) -> list[str]:
    found = validation.suggestions
    out = []
    for name in validation.lexicon.categories:
        rows = found[found["category"] == name]
        terms = ", ".join(f"{r.term} ({r.count})" for r in rows.itertuples(index=False))
        out.append(f"  {name}: {terms or 'none passed the thresholds'}")
    return out
