"""Evidence sentences: the words behind a stance cell, shown in their sentence.

A heat-map cell is only a mean; a reader should be able to see which sentences
produced it. For each outlet x target cell this picks the sentences with the
strongest summed evidence weight (ties broken by article and sentence order,
so the choice is stable) and marks the evidence words in them.
"""
from __future__ import annotations

from functools import lru_cache

from framing.report.highlight import evidence_hits, highlight_article, within


def _sentence_bounds(corpus):
    from framing.tokenize import sentence_spans

    clean = dict(zip(corpus.articles["doc_id"].astype(str), corpus.articles["clean_text"].astype(str)))

    @lru_cache(maxsize=None)
    def bounds(doc_id: str):
        return clean.get(doc_id, ""), sentence_spans(clean.get(doc_id, ""))

    return bounds


def stance_evidence(scores, corpus, cells: dict, article_anchors: dict, classes: dict, limit: int) -> list[dict]:
    """One entry per cell: its sentences as safe HTML, strongest mention score first."""
    stance = scores.evidence[scores.evidence["family"] == "stance"]
    hits = evidence_hits(stance)
    outlet_of = dict(zip(scores.table["doc_id"].astype(str), scores.table["outlet"].astype(str)))
    by_cell: dict[tuple[str, str], list] = {}
    for doc_id in sorted(hits):
        for hit in hits[doc_id]:
            by_cell.setdefault((outlet_of.get(doc_id, ""), hit.category), []).append((doc_id, hit))
    bounds = _sentence_bounds(corpus)
    titles = dict(zip(corpus.articles["doc_id"].astype(str), corpus.articles["title"].astype(str)))
    entries = []
    for row in cells["rows"]:
        for cell in row["cells"]:
            found = by_cell.get((row["outlet"], cell["target"]), [])
            entries.append({"anchor": cell["anchor"], "outlet": row["outlet"], "target": cell["target"],
                            "value": cell["value"], "mentions": cell["mentions"],
                            **_sentences(found, bounds, titles, article_anchors, classes, limit)})
    return entries


def _sentences(found, bounds, titles, article_anchors, classes, limit) -> dict:
    """The sentences with the strongest mention scores (by |score|), their marks and a link to the article."""
    sentences: dict[tuple[str, int], list] = {}
    for doc_id, hit in found:
        sentences.setdefault((doc_id, hit.sentence), []).append(hit)

    def score(hits):
        mentions = [h.weight for h in hits if h.lexicon == "stance mention"] or [h.weight for h in hits]
        return sum(mentions) / len(mentions)

    ranked = sorted(((-abs(score(h)), key, score(h)) for key, h in sentences.items()))
    out = []
    for _, (doc_id, index), value in ranked[:limit]:
        text, spans = bounds(doc_id)
        if not 0 <= index < len(spans):
            continue
        start, end = spans[index]
        out.append({"doc_id": doc_id, "title": titles.get(doc_id, ""), "score": round(float(value), 4),
                    "anchor": article_anchors.get(doc_id), "text": text[start:end],
                    "html": highlight_article(text[start:end], within(sentences[(doc_id, index)], start, end), None, classes)})
    return {"sentences": out, "more": max(0, len(ranked) - limit)}
