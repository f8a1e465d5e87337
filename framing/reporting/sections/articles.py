"""The article section: every shown article in full, marked up.

Large corpora would make an unreadable, unopenable page, so at most
`max_articles` are shown, picked round-robin across outlets (in outlet, date,
doc_id order) so that every outlet is represented; the section says how many
are left out. Highlight classes come from `framing.reporting.legend`, so the
marks in the text and the legend always agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pandas as pd
from markupsafe import Markup

from framing.reporting.evidence import sentence_bounds
from framing.reporting.highlight import (
    ARTICLE_FAMILIES,
    Hit,
    evidence_hits,
    highlight_article,
    highlight_excerpt,
    marked_evidence,
    within,
)
from framing.reporting.tables import clean_value, table

if TYPE_CHECKING:
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores

FULL_TEXT_LIMIT = 25
"""Corpora with more articles than this show each article as an excerpt (its lead), so the page stays readable."""
LEAD_SENTENCES = 3

STANDARD_COLUMNS = {"doc_id", "outlet", "title", "date", "author", "url", "text", "clean_text"}
MARK_COLUMNS = ["start", "end", "text", "family", "lexicon", "category", "weight", "negated"]


def pick_articles(articles: pd.DataFrame, limit: int) -> pd.DataFrame:
    """Up to `limit` articles, round-robin over outlets, shown in outlet/date order."""
    ordered: pd.DataFrame = articles.sort_values(["outlet", "date", "doc_id"], kind="stable", na_position="last")
    if len(ordered) <= limit:
        return ordered
    turn = ordered.groupby("outlet", sort=True).cumcount()
    chosen = ordered.assign(_turn=turn).sort_values(["_turn", "outlet", "date", "doc_id"], kind="stable").head(limit)
    picked: pd.DataFrame = ordered.loc[ordered.index.isin(chosen.index)]
    return picked


def anchors(shown: pd.DataFrame) -> dict[str, str]:
    """doc_id -> the page anchor of its article."""
    return {str(doc_id): f"article-{i}" for i, doc_id in enumerate(shown["doc_id"])}


SUMMARY = {
    "words": "words",
    "frame.military-posture.balance": "frame balance",
    "sentiment": "sentiment",
    "subjectivity": "subjectivity",
    "loaded": "loaded cues per 1,000 words",
    "quotes.share": "share quoted",
}


def notes(row: dict[str, Any], limit: int = 2000) -> list[list[str]]:
    """Extra metadata columns of an article (corpus notes), as [name, text] pairs."""
    pairs = []
    for key in sorted(set(row) - STANDARD_COLUMNS):
        value = clean_value(row[key])
        if value not in (None, "") and not isinstance(value, bool):
            pairs.append([str(key), str(value)[:limit]])
    return pairs


def article_section(corpus: Corpus, scores: Scores, classes: dict[tuple[str, str], str], limit: int) -> dict[str, Any]:
    """The shown articles (with their highlighted HTML) and how many are not shown."""
    shown = pick_articles(corpus.articles, limit)
    ids = anchors(shown)
    marked = marked_evidence(scores.evidence, ARTICLE_FAMILIES)
    evidence = scores.evidence.iloc[0:0] if marked is None else marked
    evidence = evidence.assign(doc_id=evidence["doc_id"].astype(str))
    evidence = evidence[evidence["doc_id"].isin(set(ids))]  # only the articles shown
    by_doc = dict(tuple(evidence.groupby("doc_id", sort=False)))
    hits_by_doc = evidence_hits(evidence, ARTICLE_FAMILIES)
    boiler = corpus.boilerplate.assign(doc_id=corpus.boilerplate["doc_id"].astype(str))
    boiler_by_doc = dict(tuple(boiler.groupby("doc_id", sort=False)))
    numbers = scores.table.assign(doc_id=scores.table["doc_id"].astype(str)).set_index("doc_id")
    excerpts = len(corpus.articles) > FULL_TEXT_LIMIT
    bounds = sentence_bounds(corpus)
    items = []
    row: Any  # pandas-stubs types itertuples fields as any scalar
    for row in shown.itertuples(index=False):
        doc_id = str(row.doc_id)
        hits = by_doc.get(doc_id)
        summary = [
            {"label": label, "value": clean_value(numbers.at[doc_id, column])}
            for column, label in SUMMARY.items()
            if column in numbers.columns and doc_id in numbers.index
        ]
        marks = (
            hits.sort_values(["start", "end", "family", "lexicon", "category"])[MARK_COLUMNS]
            if hits is not None
            else None
        )
        items.append(
            {
                "anchor": ids[doc_id],
                "doc_id": doc_id,
                "outlet": str(row.outlet),
                "title": str(row.title),
                "date": clean_value(row.date),
                "author": str(row.author),
                "url": str(row.url),
                "summary": summary,
                "notes": notes(row._asdict()),
                "marks": table(
                    marks if marks is not None else pd.DataFrame(columns=MARK_COLUMNS), "evidence marked in the text"
                ),
                "html": lead(doc_id, hits_by_doc.get(doc_id, []), bounds, classes)
                if excerpts
                else highlight_article(row.text, hits_by_doc.get(doc_id, []), boiler_by_doc.get(doc_id), classes),
            }
        )
    return {
        "shown": items,
        "total": len(corpus.articles),
        "hidden": len(corpus.articles) - len(items),
        "limit": limit,
        "excerpts": excerpts,
        "lead_sentences": LEAD_SENTENCES,
        "full_text_limit": FULL_TEXT_LIMIT,
    }


def lead(
    doc_id: str,
    hits: list[Hit],
    bounds: Callable[[str], tuple[str, list[tuple[int, int]]]],
    classes: dict[tuple[str, str], str],
) -> Markup:
    """The article's first `LEAD_SENTENCES` sentences of cleaned text, marked like the full text."""
    text, spans = bounds(doc_id)
    if not spans:
        return highlight_excerpt(text, [], classes)
    end = spans[min(LEAD_SENTENCES, len(spans)) - 1][1]
    more = Markup(" …") if end < len(text.rstrip()) else Markup("")
    return highlight_excerpt(text[:end], within(hits, 0, end), classes) + more
