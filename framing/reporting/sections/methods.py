"""The methods section: what it needs from the data is each lexicon's own description."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.reporting.labels import label

if TYPE_CHECKING:
    from framing.scoring.scores import Scores


def methods(scores: Scores) -> dict[str, Any]:
    """Each lexicon used: name, version, description, source, licence and its categories."""
    return {
        "lexicons": [
            {
                "name": lex.name,
                "version": str(lex.version),
                "description": str(lex.description),
                "source": str(lex.source),
                "licence": str(lex.licence),
                "categories": [
                    {
                        "name": n,
                        "label": label(n, c.label or None),
                        "description": str(c.description),
                        "terms": len(c.entries),
                    }
                    for n, c in lex.categories.items()
                ],
            }
            for lex in scores.lexicons
        ]
    }
