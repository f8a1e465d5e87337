"""The same-fact section: one fact in each outlet's words, side by side, and who leaves which fact out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd
from markupsafe import Markup

from framing.reporting.blocks import link_cells
from framing.reporting.highlight import Hit, evidence_hits, highlight_excerpt, within
from framing.reporting.sections.common import comparison_frame
from framing.reporting.tables import Table, clean_value, table

if TYPE_CHECKING:
    from framing.comparison.pipeline import Comparison
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores

MAX_FACTS = 15
MAX_OMISSION_ROWS = 30


def _sentence_html(text: str, start: int, hits: list[Hit] | None, classes: dict[tuple[str, str], str]) -> Markup:
    """One sentence (clean_text[start:start+len(text)]) with the evidence words inside it marked."""
    return highlight_excerpt(text, within(hits or [], start, start + len(text)), classes)


def same_fact(
    comparison: Comparison | None, corpus: Corpus, scores: Scores, classes: dict[tuple[str, str], str]
) -> dict[str, Any]:
    """The facts told by most outlets, each outlet's sentence side by side, and the omission matrix."""
    facts = comparison_frame(comparison, "facts")
    items = []
    if not facts.empty:
        reach = facts.groupby("fact", sort=True)["outlet"].nunique()
        chosen = sorted(reach.sort_values(ascending=False, kind="stable").index[:MAX_FACTS])
        docs = set(facts.loc[facts["fact"].isin(chosen), "doc_id"].astype(str))
        by_doc = evidence_hits(scores.evidence[scores.evidence["doc_id"].astype(str).isin(docs)])
        for fact in chosen:
            group = facts[facts["fact"] == fact].sort_values(["outlet", "doc_id", "start"], kind="stable")
            versions = [
                {
                    "doc_id": str(row.doc_id),
                    "outlet": str(row.outlet),
                    "text": str(row.text),
                    "similarity": clean_value(row.similarity),
                    "anchor": f"fact-{fact}-{n}",
                    "html": _sentence_html(str(row.text), int(row.start), by_doc.get(str(row.doc_id)), classes),
                }
                for n, row in enumerate(group.itertuples(index=False))
            ]
            items.append(
                {
                    "fact": clean_value(fact),
                    "label": f"Fact {fact}: told by {reach[fact]} outlets",
                    "versions": versions,
                }
            )
    omissions = omission_table(comparison_frame(comparison, "omissions"))
    return {
        "facts": items,
        "total": int(facts["fact"].nunique()) if not facts.empty else 0,
        "omissions": link_told(omissions, items) if omissions is not None else None,
    }


def link_told(omissions: Table, items: list[dict[str, Any]]) -> Table:
    """Each ✓ of a fact shown above links to that outlet's sentence telling it (its first, if several), its count to the fact."""
    first: dict[tuple[Any, str], str] = {}
    for item in items:
        for version in item["versions"]:
            first.setdefault((item["fact"], version["outlet"]), version["anchor"])
    columns, rows = omissions["columns"], omissions["rows"]
    shown = {item["fact"] for item in items}

    def anchor(i: int, j: int) -> str | None:
        fact = rows[i][0]
        if columns[j] == "outlets":
            return f"fact-{fact}" if fact in shown else None
        return first.get((fact, str(columns[j]))) if rows[i][j] == "✓" else None

    return link_cells(omissions, anchor)


def example(text: str, limit: int = 140) -> str:
    """A fact's example sentence for a table cell: cut at a word if long, stray quotation marks closed."""
    from framing.text.excerpt import open_quote_ellipses

    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    prefix, suffix = open_quote_ellipses(text)
    return prefix + text + suffix


def omission_table(omissions: pd.DataFrame) -> Table | None:
    """Facts (rows, most widely told first) x outlets: ✓ tells it, ✗ leaves it out."""
    if omissions.empty:
        return None
    fixed = [c for c in ("fact", "story", "outlets", "example") if c in omissions.columns]
    outlets = [c for c in omissions.columns if c not in fixed][:25]
    rows = omissions.sort_values(["outlets", "fact"], ascending=[False, True], kind="stable").head(MAX_OMISSION_ROWS)
    shown = rows[["fact", "outlets", *outlets]].copy()
    if "example" in rows:
        shown.insert(2, "example", [example(text) for text in rows["example"].astype(str)])
    shown = shown.astype({c: object for c in outlets})
    for column in outlets:
        shown[column] = rows[column].map(lambda told: "✓" if told is True else "✗")
    caption = f"Which outlet tells which fact (✓ tells it, ✗ leaves it out); {len(rows)} of {len(omissions)} facts"
    return table(shown, caption)
