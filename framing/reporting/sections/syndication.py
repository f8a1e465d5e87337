"""The syndication section: pairs of near-identical articles or paragraphs (wire copy, republication)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.reporting.sections.common import comparison_frame
from framing.reporting.tables import records

if TYPE_CHECKING:
    from framing.comparison.pipeline import Comparison


def syndication(comparison: Comparison | None, anchors: dict[str, str]) -> list[dict[str, Any]]:
    """Pairs of near-identical articles or paragraphs, each linked to its shown articles."""
    pairs = comparison_frame(comparison, "duplicates")
    out: list[dict[str, Any]] = []
    for row in records(pairs):
        entry: dict[str, Any] = dict(row)
        entry["anchor_a"] = anchors.get(str(row.get("doc_a", "")))
        entry["anchor_b"] = anchors.get(str(row.get("doc_b", "")))
        out.append(entry)
    return out
