"""The scorer contract: evidence columns, the result's defaults, the shared context and the protocol check."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from framing.scoring.base import (
    EVIDENCE_COLUMNS,
    EVIDENCE_FAMILIES,
    Scorer,
    ScorerResult,
    ScoringContext,
    context_for,
    empty_evidence,
)

ARTICLES = pd.DataFrame({"doc_id": ["a", "b"], "clean_text": ["NATO moved troops.", "Moscow said no."]})


def test_empty_evidence_has_the_columns_and_no_rows():
    frame = empty_evidence()
    assert list(frame.columns) == EVIDENCE_COLUMNS and frame.empty
    assert EVIDENCE_COLUMNS[:4] == ["doc_id", "sentence", "start", "end"]
    assert empty_evidence() is not frame  # each result gets its own


def test_every_scoring_family_is_listed_once():
    assert len(set(EVIDENCE_FAMILIES)) == len(EVIDENCE_FAMILIES)
    assert {"frame", "loaded", "stance", "sentiment", "quote"} <= set(EVIDENCE_FAMILIES)


def test_a_result_defaults_to_no_evidence_and_no_extras():
    first, second = ScorerResult(ARTICLES[["doc_id"]]), ScorerResult(ARTICLES[["doc_id"]])
    assert list(first.evidence.columns) == EVIDENCE_COLUMNS and first.evidence.empty
    assert first.extras == {} and first.extras is not second.extras


def test_the_context_tokenizes_the_articles_clean_text_once():
    context = ScoringContext.for_articles(ARTICLES, evidence=False)
    assert context.evidence is False and context.results == {}
    assert context.tokens.texts == list(ARTICLES["clean_text"])
    assert len(context.tokens.doc_start) == 3  # one boundary per article, plus the end


def test_context_for_keeps_a_given_context_and_makes_one_otherwise():
    context = ScoringContext.for_articles(ARTICLES)
    assert context_for(ARTICLES, context) is context
    fresh = context_for(ARTICLES, None)
    assert fresh is not context and fresh.evidence is True and fresh.results == {}


@dataclass(frozen=True)
class Counting:
    name: str = "counting"
    requires: tuple[str, ...] = ()

    def __call__(self, articles: pd.DataFrame, context: ScoringContext | None = None) -> ScorerResult:
        return ScorerResult(articles[["doc_id"]].assign(**{"counting.n": articles["clean_text"].str.len()}))


def test_the_protocol_accepts_a_scorer_and_refuses_a_plain_function():
    assert isinstance(Counting(), Scorer)
    assert not isinstance(lambda articles, context=None: None, Scorer)
    assert Counting()(ARTICLES).table["counting.n"].tolist() == [18, 15]
