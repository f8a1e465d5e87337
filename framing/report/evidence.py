"""Evidence sentences: the words behind a stance cell, shown in their sentence.

A heat-map cell is only a mean; a reader should be able to see which sentences
produced it. For each outlet x target cell this picks the sentences with the
strongest summed evidence weight (ties broken by article and sentence order,
so the choice is stable) and marks the evidence words in them.
"""
from __future__ import annotations

from functools import lru_cache

from framing.report.highlight import highlight_article


def _sentence_bounds(corpus):
    from framing.tokenize import sentence_spans

    clean = dict(zip(corpus.articles["doc_id"].astype(str), corpus.articles["clean_text"].astype(str)))

    @lru_cache(maxsize=None)
    def bounds(doc_id: str):
        return clean.get(doc_id, ""), sentence_spans(clean.get(doc_id, ""))

    return bounds


def stance_evidence(scores, corpus, cells: dict, article_anchors: dict, classes: dict, limit: int) -> list[dict]:
    """One entry per cell with mentions: its sentences as safe HTML, strongest first."""
    evidence = scores.evidence
    evidence = evidence[evidence["family"] == "stance"].copy()
    evidence["doc_id"] = evidence["doc_id"].astype(str)
    outlet_of = scores.table.assign(doc_id=scores.table["doc_id"].astype(str)).set_index("doc_id")["outlet"].astype(str)
    evidence["outlet"] = evidence["doc_id"].map(outlet_of)
    bounds = _sentence_bounds(corpus)
    titles = dict(zip(corpus.articles["doc_id"].astype(str), corpus.articles["title"].astype(str)))
    entries = []
    for row in cells["rows"]:
        for cell in row["cells"]:
            hits = evidence[(evidence["outlet"] == row["outlet"]) & (evidence["category"].astype(str) == cell["target"])]
            entries.append({"anchor": cell["anchor"], "outlet": row["outlet"], "target": cell["target"],
                            "value": cell["value"], "mentions": cell["mentions"],
                            **_sentences(hits, bounds, titles, article_anchors, classes, limit)})
    return entries


def _sentences(hits, bounds, titles, article_anchors, classes, limit) -> dict:
    """The sentences with the strongest mention scores (by |score|), their marks and a link to the article."""
    if hits.empty:
        return {"sentences": [], "more": 0}
    mentions = hits[hits["lexicon"] == "mention"]
    scored = (mentions if len(mentions) else hits).groupby(["doc_id", "sentence"], sort=True)["weight"].mean()
    scored = scored.rename("score").reset_index()
    scored["strength"] = -scored["score"].abs()
    chosen = scored.sort_values(["strength", "doc_id", "sentence"], kind="stable").head(limit)
    sentences = []
    for doc_id, index, score in zip(chosen["doc_id"], chosen["sentence"], chosen["score"]):
        text, spans = bounds(doc_id)
        if not 0 <= int(index) < len(spans):
            continue
        start, end = spans[int(index)]
        rows = hits[(hits["doc_id"] == doc_id) & (hits["sentence"] == index)]
        rows = rows.assign(start=rows["start"] - start, end=rows["end"] - start)
        rows = rows[(rows["start"] >= 0) & (rows["end"] <= end - start)]
        sentences.append({"doc_id": doc_id, "title": titles.get(doc_id, ""), "score": round(float(score), 4),
                          "anchor": article_anchors.get(doc_id), "text": text[start:end],
                          "html": highlight_article(text[start:end], rows, None, classes)})
    return {"sentences": sentences, "more": max(0, len(scored) - limit)}
