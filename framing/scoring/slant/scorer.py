"""`SlantScorer`: per-article `slant` and `slant.share`, per-sentence `slant` and `slant.words`, word evidence.

Each sentence (`framing.text.tokenize.sentence_spans`, the sentiment
scorer's sentences) gets the slant model's probability; the article's
`slant` is their mean and `slant.share` the share of sentences flagged as
biased. The words the model names become evidence rows of family `slant`
(weight: the word's strength, its probability times the sentence's), and the sentence table gains `slant` and
`slant.words` ((start, end) offsets into the article's clean text).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from framing.scoring.base import EVIDENCE_COLUMNS, ScorerResult, ScoringContext
from framing.scoring.slant.model import SentenceSlant, SlantModel, shipped_model
from framing.text.tokenize import sentence_spans

FAMILY = "slant"
CATEGORY = "biased-word"


@dataclass(frozen=True)
class SlantScorer:
    """Articles (doc_id, clean_text) -> `slant`, `slant.share`, slant evidence and sentence columns."""

    model: SlantModel = field(default_factory=shipped_model)
    name: str = "slant"
    requires: tuple[str, ...] = ("sentiment",)  # its sentence table gains the slant columns

    def __call__(self, articles: pd.DataFrame, context: ScoringContext | None = None) -> ScorerResult:
        doc_ids = list(articles["doc_id"])
        texts = [str(t) for t in articles["clean_text"]]
        spans = [sentence_spans(text) for text in texts]
        slants = iter(self.model.score([text[s:e] for text, doc in zip(texts, spans) for s, e in doc]))
        per_doc = [[next(slants) for _ in doc] for doc in spans]
        table = pd.DataFrame(
            {
                "doc_id": doc_ids,
                "slant": [_mean([s.probability for s in doc]) for doc in per_doc],
                "slant.share": [_mean([float(s.biased) for s in doc]) for doc in per_doc],
            }
        )
        wanted = context is None or context.evidence
        evidence = pd.DataFrame(
            _evidence_rows(doc_ids, texts, spans, per_doc) if wanted else [], columns=EVIDENCE_COLUMNS
        )
        extras = {}
        sentiment = context.results.get("sentiment") if context is not None else None
        if sentiment is not None and "sentences" in sentiment.extras:
            extras["sentences"] = _with_slant(sentiment.extras["sentences"], spans, per_doc)
        return ScorerResult(table, evidence, extras)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _evidence_rows(
    doc_ids: list[object], texts: list[str], spans: list[list[tuple[int, int]]], per_doc: list[list[SentenceSlant]]
) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for doc_id, text, doc_spans, doc in zip(doc_ids, texts, spans, per_doc):
        for index, ((offset, _), slant) in enumerate(zip(doc_spans, doc)):
            for (start, end), strength in zip(slant.words, slant.strengths):
                rows.append(
                    (
                        doc_id,
                        index,
                        offset + start,
                        offset + end,
                        text[offset + start : offset + end],
                        FAMILY,
                        FAMILY,
                        CATEGORY,
                        False,
                        strength,
                    )
                )
    return rows


def _with_slant(
    sentences: pd.DataFrame, spans: list[list[tuple[int, int]]], per_doc: list[list[SentenceSlant]]
) -> pd.DataFrame:
    """The sentiment scorer's sentence table (same sentences, same order) plus `slant`, `slant.words`."""
    out: pd.DataFrame = sentences.copy()
    if not len(sentences):
        out["slant"] = pd.Series(dtype=float)
        out["slant.words"] = pd.Series(dtype=object)
        return out
    flat = [(offset, slant) for doc_spans, doc in zip(spans, per_doc) for (offset, _), slant in zip(doc_spans, doc)]
    if len(flat) != len(sentences):
        raise ValueError("slant: the sentence table and the slant sentences differ; both must use sentence_spans")
    out["slant"] = [slant.probability for _, slant in flat]
    out["slant.words"] = pd.Series(
        [tuple((offset + s, offset + e) for s, e in slant.words) for offset, slant in flat],
        index=out.index,
        dtype=object,
    )
    return out
