"""The highlight legend: one CSS class and colour per lexicon category, plus stance words.

The marks in the article text, the legend chips, the no-script switches and
the per-class CSS all come from the entries built here, so they always agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from framing.lexicons.model import LOADED_LANGUAGE
from framing.reporting.charts.bars import category_colours
from framing.reporting.highlight import MarkStyles
from framing.reporting.labels import label

if TYPE_CHECKING:
    from framing.lexicons.model import Lexicon

FAMILY_STYLE = {
    "frame": "solid underline",
    "loaded": "wavy underline",
    "stance": "double underline",
    "slant": "dashed underline",
}
STANCE_COLOUR = "#CC79A7"
SLANT_COLOUR = "#882255"

LegendEntry = dict[str, Any]
"""{css, group, lexicon, category, label, colour, family, style, description}."""


def legend(lexicons: Iterable[Lexicon], slant: bool = False) -> list[LegendEntry]:
    """One entry per lexicon category (CSS class k0, k1 …) plus stance words (and slant words when scored)."""
    entries: list[LegendEntry] = []
    for number, lexicon in enumerate(lexicons):
        family = "loaded" if lexicon.family == LOADED_LANGUAGE else "frame"
        colours = category_colours(lexicon)
        for name, category in lexicon.categories.items():
            entries.append(
                {
                    "css": f"k{len(entries)}",
                    "group": f"lx{number}",
                    "lexicon": lexicon.name,
                    "category": name,
                    "label": label(name, getattr(category, "label", "") or None),
                    "colour": colours[name],
                    "family": family,
                    "style": FAMILY_STYLE[family],
                    "description": str(getattr(category, "description", "") or ""),
                }
            )
    entries.append(
        {
            "css": "k-stance",
            "group": "lx-stance",
            "lexicon": "stance",
            "category": "targets and strong cues",
            "label": "targets and strong cues",
            "colour": STANCE_COLOUR,
            "family": "stance",
            "style": FAMILY_STYLE["stance"],
            "description": "each mention of a target (with its stance score) and the words that pushed "
            "a stance score most (weight at least 0.5)",
        }
    )
    if not slant:
        return entries
    entries.append(
        {
            "css": "k-slant",
            "group": "lx-slant",
            "lexicon": "slant",
            "category": "biased-word",
            "label": "biased word",
            "colour": SLANT_COLOUR,
            "family": "slant",
            "style": FAMILY_STYLE["slant"],
            "description": "words the slant model expects experts to mark as carrying bias (framing.sentence_slant)",
        }
    )
    return entries


def legend_classes(entries: list[LegendEntry]) -> MarkStyles:
    """(lexicon, category) -> the CSS classes of its marks, with each category's display name for tooltips."""
    kept = [e for e in entries if e["family"] != "stance"]
    return MarkStyles(
        {(e["lexicon"], e["category"]): f"{e['css']} {e['group']}" for e in kept},
        {(e["lexicon"], e["category"]): e["label"] for e in kept},
    )


def legend_groups(entries: list[LegendEntry]) -> list[dict[str, Any]]:
    """One switch per lexicon (and stance): [{group, lexicon, family}] in legend order."""
    groups: dict[str, dict[str, Any]] = {}
    for entry in entries:
        groups.setdefault(
            entry["group"],
            {"group": entry["group"], "lexicon": entry["lexicon"], "family": entry["family"], "style": entry["style"]},
        )
    return list(groups.values())
