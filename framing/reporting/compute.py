"""The report's slow part in the order that keeps its memory low: compare, then score, then mark the facts.

Why this order: `compare` needs the articles only (the scores' evidence
just marks the frame and loaded words inside its facts, `mark_facts`), and
its working tables are its peak. Run after scoring, that peak sat on top of
the evidence table; run first, with its freed pages given back before the
scoring workers fork, the two peaks no longer add. The scores are then kept
lean (`framing.reporting.lean`) and the facts marked from them: the same `Comparison`
and `Scores` as `compare(corpus, scores=score(corpus))`, value for value.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from framing.reporting.lean import shared_frame

if TYPE_CHECKING:
    from framing.comparison.pipeline import Comparison
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores


def compare_unscored(corpus: Corpus) -> Comparison:
    """`compare(corpus)` with its facts not yet marked, and its freed working memory given back."""
    from framing.comparison.pipeline import compare
    from framing.scoring.pipeline import return_free_memory

    comparison = compare(corpus)
    return_free_memory()
    return comparison


def score_lean(corpus: Corpus, lexicons: Any = None, targets: Any = None) -> Scores:
    """`score(corpus, ...)` with each chunk's tables made lean (`shared_frame`) as its worker returns them.

    So the per-cell objects of the whole evidence table never exist at once:
    only one chunk's. The chunks are joined as `score` joins them, into equal tables.
    """
    from framing.corpus.inputs import as_corpus
    from framing.scoring.pipeline import joined_scores, return_free_memory, score_chunks

    corpus = as_corpus(corpus)
    scores = joined_scores(score_chunks(corpus, lexicons, targets), corpus, each=shared_frame)
    return_free_memory()
    return scores


def mark_scored_facts(comparison: Comparison, scores: Scores) -> Comparison:
    """`comparison` with its facts' frame and loaded words marked from `scores`, as `compare(scores=...)` does."""
    from framing.comparison.pipeline import mark_facts

    return dataclasses.replace(comparison, facts=mark_facts(comparison.facts, scores))


def compute(corpus: Corpus, lexicons: Any = None, targets: Any = None) -> tuple[Scores, Comparison]:
    """Score and compare the corpus (the slow part, done once), in the order above."""
    comparison = compare_unscored(corpus)
    scores = score_lean(corpus, lexicons, targets)
    return scores, mark_scored_facts(comparison, scores)
