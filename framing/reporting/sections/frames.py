"""The frame-balance section: each contrast per outlet with intervals, and every category's rate."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.reporting.blocks import link_rows_to
from framing.reporting.cell_evidence import breakdown_blocks, link_rows
from framing.reporting.coverage import coverage_warnings
from framing.reporting.labels import category_labels, label, labeller
from framing.reporting.sections.common import frame_lexicons, interval_table, outlets
from framing.reporting.tables import Table, relabel, table
from framing.stats import matrices

if TYPE_CHECKING:
    from framing.lexicons.model import Lexicon
    from framing.scoring.scores import Scores


def frames(scores: Scores, evidence: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Each contrast (e.g. balance) per outlet with intervals, and category rates per lexicon, linked to their hits."""
    every = outlets(scores)
    name = labeller(scores.lexicons)
    contrasts = []
    for k, (column, c) in enumerate(matrices.contrast_columns(scores)):
        lexicon = column[len("frame.") : -len(c.name) - 1]
        blocks = breakdown_blocks(
            evidence.get(lexicon),
            every,
            [c.positive, c.negative],
            prefix=f"balance-{k}",
            heading=f"the hits behind its {label(c.name)}",
            name=name,
        )
        shown = interval_table(
            scores, column, f"{label(c.name)}: mean per outlet (+1 {name(c.positive)}, −1 {name(c.negative)})"
        )
        contrasts.append(
            {
                "name": label(c.name),
                "positive": name(c.positive),
                "negative": name(c.negative),
                "description": c.description,
                "evidence": blocks,
                "table": link_rows_to(shown, {o: b["anchor"] for o, b in zip(every, blocks)}),
            }
        )
    lexicons = frame_lexicons(scores)
    return {
        "contrasts": contrasts,
        "lexicons": [lex.name for lex in lexicons],
        "categories": [category_table(scores, lex, evidence.get(lex.name)) for lex in lexicons],
        "evidence": [evidence.get(lex.name) for lex in lexicons],
        "warnings": coverage_warnings(scores),  # said here too: a reader may come to the figure first
    }


def category_table(scores: Scores, lexicon: Lexicon, evidence: dict[str, Any] | None = None) -> Table:
    """Mean hits per 1,000 words of each category of `lexicon`, per outlet; each cell links to its hits."""
    matrix = matrices.category_matrix(scores, lexicon, outlets(scores)).reset_index()
    shown = table(matrix, f"{lexicon.name}: mean hits per 1,000 words")
    if evidence is not None:
        shown = link_rows(shown, evidence, outlets_are_rows=True)
    return relabel(shown, category_labels([lexicon]))
