"""`Scores`: the tables `framing.score` returns, per-outlet means with bootstrap intervals, and an HTML view.

Every number in `.table` is backed by rows of `.evidence` whose `start:end`
offsets slice the article's `clean_text` to exactly the evidence `text`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.stats.bootstrap import outlet_means

if TYPE_CHECKING:
    from framing.lexicons.entries import Lexicon
    from framing.scoring.stance.targets import Targets

# Columns shown by the HTML view, when present (frame balances and stance scores are added).
SUMMARY = ("doc_id", "outlet", "words", "sentiment", "subjectivity", "loaded", "quotes.share", "quotes.speakers")


@dataclass(frozen=True, eq=False)
class Scores:
    """Result of `framing.score(corpus)`.

    - `table`: one row per article (doc_id, outlet, words, sentiment*, subjectivity,
      frame.<lexicon>.<category|contrast>, stance.<target>[.mentions], loaded*, quotes.*).
    - `evidence`: one row per hit (doc_id, sentence, start, end, text, family, lexicon,
      category, negated, weight); family is frame, loaded, stance, sentiment or quote.
    - `sentences`: per-sentence sentiment (VADER compound, TextBlob polarity, subjectivity).
    - `quotes`: one row per quotation (doc_id, start, end, text, speaker, speaker_start, speaker_end).
    - `stance`: long form (doc_id, target, mentions, score, label).
    - `lexicons`: the `Lexicon` objects used; `targets`: the `Targets` used (or None).
    """

    table: pd.DataFrame
    evidence: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    stance: pd.DataFrame
    lexicons: tuple[Lexicon, ...]
    targets: Targets | None = None
    dates: pd.Series | None = None  # doc_id -> publication date (NaT when undated), for `over_time`

    def __len__(self) -> int:
        return len(self.table)

    def by_outlet(self, *, n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
        """Mean of every numeric score per outlet, with a seeded bootstrap CI where n_articles >= 2."""
        return outlet_means(self.table, n_boot=n_boot, seed=seed, level=level)

    def over_time(
        self,
        freq: str = "M",
        by: str = "outlet",
        columns: list[str] | None = None,
        *,
        n_boot: int = 1000,
        seed: int = 0,
        level: float = 0.95,
    ) -> pd.DataFrame:
        """Per outlet (or `by` column) and period (W, M or Q): articles, share of the period's coverage,
        and each score's mean with a seeded bootstrap interval. Undated articles are listed in
        `result.attrs["undated"]`. See `framing.stats.trends`."""
        from framing.stats.trends import over_time

        if self.dates is None:
            raise ValueError("these scores carry no dates: score a corpus with a date column")
        return over_time(
            self.table, self.dates, freq=freq, by=by, columns=columns, n_boot=n_boot, seed=seed, level=level
        )

    def shifts(self, columns: list[str], freq: str = "M", by: str = "outlet", **options: Any) -> pd.DataFrame:
        """Changes of each outlet's score over time: one change-point test per outlet and score, Holm-adjusted."""
        from framing.stats.trends import shifts

        if self.dates is None:
            raise ValueError("these scores carry no dates: score a corpus with a date column")
        return shifts(self.table, self.dates, columns, freq=freq, by=by, **options)

    def summary_columns(self) -> list[str]:
        extra = [
            c
            for c in self.table.columns
            if (c.startswith("frame.") and _is_contrast(c, self.lexicons))
            or (c.startswith("stance.") and not c.endswith(".mentions"))
        ]
        wanted = [c for c in SUMMARY if c in self.table.columns]
        return wanted[:5] + extra + wanted[5:]

    def _repr_html_(self, max_rows: int = 20) -> str:
        shown = self.table[self.summary_columns()].head(max_rows).round(3)
        caption = (
            f"{len(self.table)} articles, {self.table['outlet'].nunique()} outlets, "
            f"{len(self.evidence)} evidence rows" + (f" (first {max_rows} shown)" if len(self.table) > max_rows else "")
        )
        return (
            f"<div class='framing-scores'><p><b>Scores</b>: {escape(caption)}</p>"
            f"{shown.to_html(index=False, escape=True, na_rep='', border=0)}</div>"
        )


def _is_contrast(column: str, lexicons: tuple[Lexicon, ...]) -> bool:
    return any(column == f"frame.{lex.name}.{c.name}" for lex in lexicons for c in lex.contrasts)
