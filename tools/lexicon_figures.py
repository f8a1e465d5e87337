"""Print, as Markdown, what `framing lexicon validate` finds for each built-in lexicon on the bundled corpus and AllSides.

Why: each lexicon's datasheet (`framing/lexicons/data/<name>.md`, "On real
corpora") quotes these figures; this script is how they are rebuilt after a
lexicon changes:

    python tools/lexicon_figures.py ../shared/data/allsides-10k.jsonl.gz > /tmp/figures.md

Same inputs, same output: the validation is deterministic.
"""

from __future__ import annotations

import argparse
import math

import pandas as pd

from framing.lexicons.model import builtin_lexicons
from framing.lexicons.validate import validate_lexicon

BUNDLED = "nato-eastern-flank-2022"


def figures(lexicon: str, corpus: object, label: str) -> list[str]:
    """One Markdown table: a row per category."""
    result = validate_lexicon(lexicon, corpus, suggestions=3)
    lines = [
        f"{label}: {result.articles:,} articles, {result.words:,} words.",
        "",
        "| category | hits per 1,000 words | articles with a hit | top-3 share | alpha [95%] | KR-20 [95%] "
        "| terms never used | top suggestions |",
        "| --- | ---: | ---: | ---: | --- | --- | ---: | --- |",
    ]
    for row in result.table.itertuples(index=False):
        found = result.suggestions[result.suggestions["category"] == row.category]["term"]
        lines.append(
            f"| {row.category} | {row.per_1000_words:.2f} | {row.article_share:.0%} | {_share(row.top3_share)} "
            f"| {_interval(row.alpha, row.alpha_low, row.alpha_high)} "
            f"| {_interval(row.kr20, row.kr20_low, row.kr20_high)} "
            f"| {len(row.never_used)} of {row.entries} | {', '.join(found) or '-'} |"
        )
    return lines + [""]


def _share(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.0%}"


def _interval(value: float, low: float, high: float) -> str:
    return "-" if math.isnan(value) else f"{value:.2f} [{low:.2f}, {high:.2f}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("allsides", help="../shared/data/allsides-10k.jsonl.gz")
    parser.add_argument("--rows", type=int, default=None, help="Read only the first ROWS articles.")
    args = parser.parse_args()
    allsides = pd.read_json(args.allsides, lines=True, nrows=args.rows, dtype=False)[["outlet", "text"]]
    for name in builtin_lexicons():
        print(f"## {name}\n")
        print("\n".join(figures(name, BUNDLED, f"Bundled corpus `{BUNDLED}`")))
        print("\n".join(figures(name, allsides, "AllSides (`allsides-10k.jsonl.gz`)")))


if __name__ == "__main__":
    main()
