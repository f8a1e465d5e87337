"""Structure the comparison sections: similarity, vocabulary, same facts, syndication.

Comparison in, plain dicts out. A comparison table that is missing or empty
gives an empty section with its explanation rather than an error, because a
corpus of one outlet (or one story) is still worth a report.
"""
from __future__ import annotations

import pandas as pd

from framing.report.highlight import highlight_article
from framing.report.tables import clean_value, records, table


def _frame(comparison, name: str) -> pd.DataFrame:
    value = getattr(comparison, name, None) if comparison is not None else None
    return value if isinstance(value, pd.DataFrame) else pd.DataFrame()


def similarity(comparison) -> dict | None:
    """The outlet x outlet cosine matrix and the flat clusters with their shared words."""
    matrix = _frame(comparison, "outlet_similarity")
    if matrix.empty:
        return None
    square = matrix.astype(float).reset_index(names="outlet")
    clusters = _frame(comparison, "outlet_clusters")
    listed = []
    if not clusters.empty:
        for cluster, group in clusters.groupby("cluster", sort=True):
            shared = str(group["shared_terms"].iloc[0]) if "shared_terms" in group else ""
            listed.append({"cluster": int(cluster), "outlets": [str(o) for o in group["outlet"]], "shared_terms": shared})
    stories = _frame(comparison, "story_labels")
    return {"table": table(square, "Cosine similarity of the outlets' TF-IDF profiles (1 = same word use)"),
            "clusters": listed, "stories": records(stories) if not stories.empty else []}


def distinctive(comparison, per_outlet: int = 12) -> list[dict]:
    """Each outlet's most distinctive words, strongest first."""
    terms = _frame(comparison, "distinctive_terms")
    if terms.empty:
        return []
    score = next((c for c in ("z", "score", "keyness") if c in terms.columns), None)
    out = []
    for outlet, group in terms.groupby("outlet", sort=True):
        if score:
            group = group[group[score] > 0].sort_values([score, "term"], ascending=[False, True], kind="stable")
        out.append({"outlet": str(outlet),
                    "terms": [[str(t), clean_value(v)] for t, v in zip(group["term"].head(per_outlet),
                              (group[score] if score else pd.Series([None] * len(group))).head(per_outlet))]})
    return out


def _sentence_html(corpus, scores, classes, doc_id, start, end):
    """The sentence clean_text[start:end] of one article with its frame/loaded words marked."""
    texts = corpus.articles.set_index(corpus.articles["doc_id"].astype(str))["clean_text"]
    text = str(texts.get(str(doc_id), ""))[int(start):int(end)]
    hits = scores.evidence[(scores.evidence["doc_id"].astype(str) == str(doc_id))
                           & (scores.evidence["start"] >= int(start)) & (scores.evidence["end"] <= int(end))]
    hits = hits.assign(start=hits["start"] - int(start), end=hits["end"] - int(start))
    return text, highlight_article(text, hits, None, classes)


def same_fact(comparison, corpus, scores, classes) -> dict:
    """Facts reported by several outlets, each outlet's sentence side by side, and the omission matrix."""
    facts = _frame(comparison, "facts")
    items = []
    if not facts.empty and {"fact", "doc_id", "start", "end"} <= set(facts.columns):
        outlets = corpus.articles.set_index(corpus.articles["doc_id"].astype(str))["outlet"].astype(str)
        for fact, group in facts.groupby("fact", sort=True):
            label = str(group["label"].iloc[0]) if "label" in group else f"fact {fact}"
            versions = []
            for row in group.sort_values(["doc_id", "start"]).itertuples(index=False):
                text, html = _sentence_html(corpus, scores, classes, row.doc_id, row.start, row.end)
                versions.append({"doc_id": str(row.doc_id), "outlet": str(outlets.get(str(row.doc_id), "")),
                                 "text": text, "html": html})
            items.append({"fact": clean_value(fact), "label": label, "versions": versions})
    omissions = _frame(comparison, "omissions")
    return {"facts": items, "omissions": table(omissions, "Which outlet reports which fact") if not omissions.empty else None}


def syndication(comparison, anchors: dict) -> list[dict]:
    """Pairs of near-identical articles (shared wire copy or republication)."""
    pairs = _frame(comparison, "duplicates")
    out = []
    for row in records(pairs):
        row["anchor_a"] = anchors.get(str(row.get("doc_id_a", row.get("a", ""))))
        row["anchor_b"] = anchors.get(str(row.get("doc_id_b", row.get("b", ""))))
        out.append(row)
    return out
