"""The contract every scorer keeps: articles and a shared context in, one `ScorerResult` out.

A scorer is a small frozen dataclass of parameters with no hidden state,
called on a DataFrame of articles (`doc_id`, `clean_text`) and a
`ScoringContext` (the chunk's shared tokenization, whether evidence is
wanted, and the results of the scorers it `requires`). It returns its
per-article columns, its evidence rows and any extra tables (sentences,
quotes ...). The pipeline iterates the registry in `framing.scoring.registry`,
so adding a scorer is one module plus one line there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import pandas as pd

from framing.lexicons.match import TokenTable
from framing.scoring.chunk_tokens import chunk_table

# The evidence table: one row per hit, whatever the family (offsets slice clean_text).
EVIDENCE_COLUMNS = ["doc_id", "sentence", "start", "end", "text", "family", "lexicon", "category", "negated", "weight"]
# Evidence families in the order rows that share a span are listed.
EVIDENCE_FAMILIES = ("frame", "loaded", "stance", "sentiment", "quote", "slant")


def empty_evidence() -> pd.DataFrame:
    """An evidence table with no rows (and the right columns)."""
    return pd.DataFrame(columns=EVIDENCE_COLUMNS)


@dataclass(frozen=True)
class ScorerResult:
    """What one scorer gives for a chunk of articles.

    `table`: one row per article, `doc_id` first, then the scorer's columns;
    `evidence`: rows in `EVIDENCE_COLUMNS`; `extras`: named extra tables
    (e.g. `sentences`, `quotes`, `stance`), gathered across chunks into `Scores`.
    """

    table: pd.DataFrame
    evidence: pd.DataFrame = field(default_factory=empty_evidence)
    extras: dict[str, pd.DataFrame] = field(default_factory=dict)


@dataclass
class ScoringContext:
    """What the scorers of one chunk share: its tokens, the evidence switch, earlier results."""

    tokens: TokenTable
    evidence: bool = True
    results: dict[str, ScorerResult] = field(default_factory=dict)
    # one segment of a long article (`framing.scoring.segments`): per-sentence rows are kept without evidence
    segment: bool = False

    @classmethod
    def for_articles(cls, articles: pd.DataFrame, evidence: bool = True, segment: bool = False) -> ScoringContext:
        return cls(chunk_table(articles["clean_text"]), evidence, segment=segment)


@runtime_checkable
class Scorer(Protocol):
    """A family of scores: `name` (its key in the results), `requires` (scorers it reads), `__call__`."""

    @property
    def name(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    def __call__(self, articles: pd.DataFrame, context: ScoringContext | None = None) -> ScorerResult: ...


def context_for(articles: pd.DataFrame, context: ScoringContext | None) -> ScoringContext:
    """The given context, or a fresh one when a scorer is called on its own."""
    return context if context is not None else ScoringContext.for_articles(articles)
