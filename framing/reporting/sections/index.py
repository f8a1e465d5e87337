"""The article index: one row per article (title, outlet, date, story, key scores), linked to its text.

A researcher with hundreds of articles needs a table to scan, sort and search,
not hundreds of pages of text. The rows are plain HTML, so the page reads and
prints without a script; the report's one inline script only adds sorting,
a search box and an outlet filter (see `templates/report.js`). Above
`MAX_ROWS` articles the index lists the first rows (by outlet and date) and
says how many more the JSON file holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.reporting.tables import clean_value

if TYPE_CHECKING:
    from framing.comparison.pipeline import Comparison
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores

MAX_ROWS = 2000
SCORES = {"words": "words", "sentiment": "tone", "loaded": "loaded words per 1,000", "quotes.share": "share quoted"}
"""Score columns shown in the index, when the scores have them, with their plain headers."""


def _balance_column(scores: Scores) -> tuple[str, str] | None:
    """The first frame-balance column and its header, e.g. ("frame.military-posture.balance", "frame balance")."""
    from framing.stats import matrices

    contrasts = matrices.contrast_columns(scores)
    return (contrasts[0][0], "frame balance") if contrasts else None


def article_index(
    corpus: Corpus, scores: Scores, comparison: Comparison | None, anchors: dict[str, str]
) -> dict[str, Any]:
    """{"columns", "rows": [{doc_id, title, outlet, date, story, anchor, values}], "total", "outlets"}."""
    columns = dict(SCORES)
    balance = _balance_column(scores)
    if balance:
        columns = {"words": "words", balance[0]: balance[1], **{k: v for k, v in SCORES.items() if k != "words"}}
    present = [c for c in columns if c in scores.table.columns]
    numbers = scores.table.assign(doc_id=scores.table["doc_id"].astype(str)).set_index("doc_id")
    stories = getattr(comparison, "stories", None)
    story_of = {str(k): int(v) for k, v in stories.items()} if stories is not None and len(stories) else {}
    first_rows = {doc_id: anchor for anchor, doc_id in outlet_rows(corpus).values()}
    rows = []
    for row in _listed(corpus).itertuples(index=False):
        doc_id = str(row.doc_id)
        values = [clean_value(numbers.at[doc_id, c]) if doc_id in numbers.index else None for c in present]
        rows.append(
            {
                "doc_id": doc_id,
                "title": str(row.title),
                "outlet": str(row.outlet),
                "date": clean_value(row.date),
                "story": story_of.get(doc_id),
                "anchor": anchors.get(doc_id),
                "row_id": first_rows.get(doc_id),
                "values": values,
            }
        )
    return {
        "columns": [columns[c] for c in present],
        "rows": rows,
        "total": len(corpus.articles),
        "outlets": sorted(corpus.articles["outlet"].astype(str).unique()),
        "stories": len(set(story_of.values())),
    }


def _listed(corpus: Corpus) -> Any:
    """The articles the index lists, in its order (outlet, date, doc_id)."""
    ordered = corpus.articles.sort_values(["outlet", "date", "doc_id"], kind="stable", na_position="last")
    return ordered.head(MAX_ROWS)


def outlet_rows(corpus: Corpus) -> dict[str, tuple[str, str]]:
    """outlet -> (anchor, doc_id) of its first row in the index, for the overview's counts to link to."""
    listed = _listed(corpus)
    names = sorted(corpus.articles["outlet"].astype(str).unique())
    number = {name: i for i, name in enumerate(names)}
    first = listed.drop_duplicates("outlet")
    return {str(o): (f"index-o{number[str(o)]}", str(d)) for o, d in zip(first["outlet"], first["doc_id"])}
