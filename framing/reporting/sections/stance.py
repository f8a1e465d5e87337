"""The stance section: the outlet x target heat table, and per cell the sentences that produced it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.reporting.tables import clean_value
from framing.stats import matrices

if TYPE_CHECKING:
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores

EVIDENCE_PER_CELL = 4


def stance_cells(scores: Scores) -> dict[str, Any]:
    """The outlet x target heat table: value, mentions, colour and an anchor per cell."""
    from framing.reporting.charts.colours import colour_at  # not matplotlib: a second of start-up for a colour

    matrix = matrices.stance_matrix(scores)
    targets = list(matrix.columns)
    mentions = {
        t: scores.table.groupby("outlet", sort=True)[f"stance.{t}.mentions"].sum()
        for t in targets
        if f"stance.{t}.mentions" in scores.table
    }
    rows = []
    for i, outlet in enumerate(matrix.index):
        cells = []
        for j, target in enumerate(targets):
            value = clean_value(matrix.loc[outlet, target])
            count = int(mentions[target].get(outlet, 0)) if target in mentions else None
            shade = float(value) if isinstance(value, (int, float)) else None
            colour = colour_at("RdBu", 0.5 + shade / 2) if shade is not None else "#dddddd"
            dark = shade is not None and abs(shade) > 0.55
            cells.append(
                {
                    "target": target,
                    "value": value,
                    "mentions": count,
                    "anchor": f"stance-{i}-{j}",
                    "background": colour,
                    "foreground": "#ffffff" if dark else "#000000",
                }
            )
        rows.append({"outlet": str(outlet), "cells": cells})
    return {"targets": targets, "rows": rows}


def stance(
    scores: Scores, corpus: Corpus, article_anchors: dict[str, str], classes: dict[tuple[str, str], str]
) -> dict[str, Any]:
    """The heat table plus, per cell, the sentences that produced it (strongest first)."""
    from framing.reporting.evidence import stance_evidence

    cells = stance_cells(scores)
    cells["evidence"] = stance_evidence(scores, corpus, cells, article_anchors, classes, EVIDENCE_PER_CELL)
    return cells
