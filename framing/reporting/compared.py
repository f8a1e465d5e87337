"""Structure the comparison sections: similarity, vocabulary, same facts, syndication.

Comparison in, plain dicts out. A comparison table that is missing or empty
gives an empty section with its explanation rather than an error, because a
corpus of one outlet (or one story) is still worth a report.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from framing.reporting.highlight import evidence_hits, highlight_excerpt, within
from framing.reporting.tables import clean_value, records, table


def _frame(comparison, name: str) -> pd.DataFrame:
    value = getattr(comparison, name, None) if comparison is not None else None
    return value if isinstance(value, pd.DataFrame) else pd.DataFrame()


def similarity(comparison, outlets: list[str]) -> dict | None:
    """The outlet x outlet cosine matrix (for `outlets`, those with most articles) and the clusters."""
    matrix = _frame(comparison, "outlet_similarity")
    if matrix.empty:
        return None
    keep = [o for o in matrix.index if o in set(outlets)]
    square = matrix.loc[keep, keep].astype(float).reset_index(names="outlet")
    caption = "Cosine similarity of the outlets' TF-IDF profiles (1 = same word use)"
    if len(keep) < len(matrix):
        caption += f"; the {len(keep)} outlets with most articles, of {len(matrix)}"
    clusters = _frame(comparison, "outlet_clusters")
    listed, alone = [], 0
    cluster: Any  # a groupby key: pandas-stubs types it as any scalar
    if not clusters.empty:
        for cluster, group in clusters.groupby("cluster", sort=True):
            if len(group) < 2:
                alone += 1
                continue
            shared = str(group["shared_terms"].iloc[0]) if "shared_terms" in group else ""
            listed.append({"cluster": int(cluster), "outlets": [str(o) for o in group["outlet"]], "shared_terms": shared})
    stories = _frame(comparison, "story_labels")
    return {"table": table(square, caption),
            "clusters": listed, "alone": alone, "stories": records(stories) if not stories.empty else []}


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


MAX_FACTS = 15
MAX_OMISSION_ROWS = 30


def _sentence_html(text, start, hits, classes):
    """One sentence (clean_text[start:start+len(text)]) with the evidence words inside it marked."""
    return highlight_excerpt(text, within(hits or [], start, start + len(text)), classes)


def same_fact(comparison, corpus, scores, classes) -> dict:
    """The facts told by most outlets, each outlet's sentence side by side, and the omission matrix."""
    facts = _frame(comparison, "facts")
    items = []
    if not facts.empty:
        reach = facts.groupby("fact", sort=True)["outlet"].nunique()
        chosen = sorted(reach.sort_values(ascending=False, kind="stable").index[:MAX_FACTS])
        docs = set(facts.loc[facts["fact"].isin(chosen), "doc_id"].astype(str))
        by_doc = evidence_hits(scores.evidence[scores.evidence["doc_id"].astype(str).isin(docs)])
        for fact in chosen:
            group = facts[facts["fact"] == fact].sort_values(["outlet", "doc_id", "start"], kind="stable")
            versions = [{"doc_id": str(row.doc_id), "outlet": str(row.outlet), "text": str(row.text),
                         "similarity": clean_value(row.similarity),
                         "html": _sentence_html(str(row.text), int(row.start), by_doc.get(str(row.doc_id)), classes)}
                        for row in group.itertuples(index=False)]
            items.append({"fact": clean_value(fact), "label": f"Fact {fact}: told by {reach[fact]} outlets",
                          "versions": versions})
    return {"facts": items, "total": int(facts["fact"].nunique()) if not facts.empty else 0,
            "omissions": omission_table(_frame(comparison, "omissions"))}


def _example(text: str, limit: int = 140) -> str:
    """A fact's example sentence for a table cell: cut at a word if long, stray quotation marks closed."""
    from framing.text.excerpt import open_quote_ellipses

    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    prefix, suffix = open_quote_ellipses(text)
    return prefix + text + suffix


def omission_table(omissions: pd.DataFrame) -> dict | None:
    """Facts (rows, most widely told first) x outlets: ✓ tells it, ✗ leaves it out."""
    if omissions.empty:
        return None
    fixed = [c for c in ("fact", "story", "outlets", "example") if c in omissions.columns]
    outlets = [c for c in omissions.columns if c not in fixed][:25]
    rows = omissions.sort_values(["outlets", "fact"], ascending=[False, True], kind="stable").head(MAX_OMISSION_ROWS)
    shown = rows[["fact", "outlets", *outlets]].copy()
    if "example" in rows:
        shown.insert(2, "example", [_example(text) for text in rows["example"].astype(str)])
    shown = shown.astype({c: object for c in outlets})
    for column in outlets:
        shown[column] = rows[column].map(lambda told: "✓" if told is True else "✗")
    caption = f"Which outlet tells which fact (✓ tells it, ✗ leaves it out); {len(rows)} of {len(omissions)} facts"
    return table(shown, caption)


def syndication(comparison, anchors: dict) -> list[dict]:
    """Pairs of near-identical articles or paragraphs (wire copy, republication)."""
    pairs = _frame(comparison, "duplicates")
    out = []
    for row in records(pairs):
        row["anchor_a"] = anchors.get(str(row.get("doc_a", "")))
        row["anchor_b"] = anchors.get(str(row.get("doc_b", "")))
        out.append(row)
    return out
