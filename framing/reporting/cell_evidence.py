"""The words behind a table cell: for each outlet x category, the sentences whose hits make the number.

A rate per 1,000 words is only a count; a reader should be able to open the
cell and read the words it counted, in their sentences, with a link to the
article. Each cell with hits gets a stable anchor (`<prefix>-<row>-<col>`, by
sorted outlet and category position) that the table cell links to; each list
shows the first `limit` sentences in article and sentence order (so the choice
is stable) and says how many more there are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.reporting.evidence import sentence_bounds
from framing.reporting.highlight import evidence_hits, highlight_excerpt, within

if TYPE_CHECKING:
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores

SENTENCES_PER_CELL = 3
_SLUG = re.compile(r"[^a-z0-9]+")


def anchor_prefix(name: str) -> str:
    """A lexicon name as a fixed, safe anchor prefix ("hits-military-posture")."""
    return "hits-" + (_SLUG.sub("-", name.lower()).strip("-") or "x")


def cell_evidence(
    scores: Scores,
    corpus: Corpus,
    *,
    family: str,
    lexicon: str,
    outlets: Sequence[str],
    categories: Sequence[str],
    article_anchors: dict[str, str],
    classes: dict[tuple[str, str], str],
    limit: int = SENTENCES_PER_CELL,
    labels: dict[str, str] | None = None,
) -> dict[str, Any]:
    """{"cells": [{anchor, outlet, category, label, hits, sentences, more}]}: one entry per cell with hits.

    `labels`: category -> display name (the lexicon's own); plain words for the others.
    """
    from framing.reporting.labels import label

    known = labels or {}

    def name_of(category: str) -> str:
        return known.get(category) or label(category)

    evidence = scores.evidence
    rows = evidence[(evidence["family"] == family) & (evidence["lexicon"] == lexicon)]
    outlet_of = dict(zip(scores.table["doc_id"].astype(str), scores.table["outlet"].astype(str)))
    frame = pd.DataFrame(
        {
            "doc_id": rows["doc_id"].astype(str),
            "sentence": rows["sentence"].astype(int),
            "category": rows["category"].astype(str),
        }
    )
    frame["outlet"] = frame["doc_id"].map(outlet_of)
    frame = frame[frame["outlet"].isin(set(outlets)) & frame["category"].isin(set(categories))]
    counts = frame.groupby(["outlet", "category"], sort=True).size()
    sentences = frame.drop_duplicates().sort_values(["outlet", "category", "doc_id", "sentence"], kind="stable")
    chosen = sentences.groupby(["outlet", "category"], sort=False).head(limit)
    found = sentences.groupby(["outlet", "category"], sort=True).size()
    docs = set(chosen["doc_id"])
    hits = evidence_hits(rows[rows["doc_id"].astype(str).isin(docs)])
    bounds = sentence_bounds(corpus)
    titles = dict(zip(corpus.articles["doc_id"].astype(str), corpus.articles["title"].astype(str)))
    by_cell = {key: group for key, group in chosen.groupby(["outlet", "category"], sort=False)}
    prefix = anchor_prefix(lexicon)
    cells = []
    for i, outlet in enumerate(outlets):
        for j, category in enumerate(categories):
            group = by_cell.get((outlet, category))
            if group is None:
                continue
            anchor = f"{prefix}-{i}-{j}"
            shown = []
            for doc_id, index in zip(group["doc_id"], group["sentence"]):
                text, spans = bounds(doc_id)
                if not 0 <= index < len(spans):
                    continue
                start, end = spans[index]
                marks = [h for h in hits.get(doc_id, []) if h.sentence == index and h.category == category]
                shown.append(
                    {
                        "doc_id": doc_id,
                        "title": titles.get(doc_id, ""),
                        "anchor": article_anchors.get(doc_id),
                        "html": highlight_excerpt(text[start:end], within(marks, start, end), classes),
                    }
                )
            cells.append(
                {
                    "anchor": anchor,
                    "outlet": outlet,
                    "category": category,
                    "label": name_of(category),
                    "hits": int(counts.get((outlet, category), 0)),
                    "sentences": shown,
                    "more": int(found.get((outlet, category), 0)) - len(shown),
                }
            )
    return {"cells": cells}


def cell_anchors(evidence: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(outlet, category) -> the anchor of that cell's sentences."""
    return {(c["outlet"], c["category"]): c["anchor"] for c in evidence["cells"]}


def link_rows(table: dict[str, Any], evidence: dict[str, Any], *, outlets_are_rows: bool) -> dict[str, Any]:
    """`table` with a `links` grid beside its rows: the anchor of each value cell's evidence, or None."""
    anchors = cell_anchors(evidence)
    columns = table["columns"][1:]
    links: list[list[str | None]] = []
    for row in table["rows"]:
        head = str(row[0])
        links.append([None, *[anchors.get((head, str(c)) if outlets_are_rows else (str(c), head)) for c in columns]])
    return {**table, "links": links}


def breakdown_blocks(
    evidence: dict[str, Any] | None,
    outlets: Sequence[str],
    categories: Sequence[str],
    *,
    prefix: str,
    heading: str,
    name: Callable[[str], str] | None = None,
) -> list[dict[str, Any]]:
    """Per outlet (anchor `<prefix>-<i>`), the categories a combined number is made of, each linked to its hits.

    A frame balance or a loaded-language total adds up several categories; its
    cell links here, and each line links on to that category's sentences.
    """
    from framing.reporting.blocks import block, line
    from framing.reporting.labels import label

    name = name or label
    cells = {(c["outlet"], c["category"]): c for c in (evidence or {}).get("cells", [])}
    blocks = []
    for i, outlet in enumerate(outlets):
        lines = []
        for category in categories:
            cell = cells.get((outlet, category))
            hits = cell["hits"] if cell else 0
            lines.append(
                line(f"{name(category)}: {hits} hit{'s' if hits != 1 else ''}", cell["anchor"] if cell else None)
            )
        blocks.append(block(f"{prefix}-{i}", f"{outlet}: {heading}", lines=lines))
    return blocks
