"""Matplotlib figures as inline SVG that is the same, byte for byte, on every run.

Matplotlib's SVG names its clip paths and glyphs with hashes salted by
`svg.hashsalt` and writes a creation date into the metadata; both are pinned
here. Text stays text (`svg.fonttype = "none"`): smaller, searchable, and the
browser draws it with a local sans-serif font, so nothing is fetched. Each
figure's ids get a per-figure prefix, because several SVGs share one HTML
document and `axes_1` or a clip path must not resolve into another figure.
"""
from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from framing.comparison.pipeline import Comparison
    from framing.scoring.scores import Scores

SVG_RC: dict[Any, Any] = {
    "svg.hashsalt": "framing",
    "svg.fonttype": "none",
    "svg.image_inline": True,
    "path.simplify": True,
    "text.parse_math": False,
}

_TAG = re.compile(r"<[^>]*>")
_ID = re.compile(r'(\bid=")([^"]+)(")')
_REF = re.compile(r'(url\(#|href="#)([^)"]+)')


def _prefix_ids(tag: str, prefix: str) -> str:
    tag = _ID.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}{m.group(3)}", tag)
    return _REF.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", tag)


def figure_svg(figure: Figure, name: str, alt: str) -> Markup:
    """Render `figure` as an inline `<svg>` element and close it.

    `name` (a fixed identifier chosen by the program, not user text) prefixes
    every id; `alt` becomes the SVG's accessible name. The result is
    program-built markup (matplotlib escapes the text it draws), hence Markup.
    """
    import matplotlib

    if not re.fullmatch(r"[a-z][a-z0-9-]*", name):
        raise ValueError(f"figure name {name!r} must be a lower-case identifier")
    buffer = io.StringIO()
    with matplotlib.rc_context(SVG_RC):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = _TAG.sub(lambda m: _prefix_ids(m.group(0), f"{name}-"), svg)
    head, rest = svg.split(">", 1)
    head = re.sub(r'\s(width|height)="[^"]*"', "", head, count=2)
    opening = Markup('{head} role="img" aria-labelledby="{name}-title" class="figure-svg">'
                     '<title id="{name}-title">{alt}</title>').format(head=Markup(head), name=name, alt=alt)
    return opening + Markup(rest.strip())


def _figure_specs(scores: Scores, comparison: Comparison | None) -> list[tuple[str, str, Callable[[], Figure]]]:
    """(name, alt text, function) for each figure; alt text says where the numbers are."""
    from framing import plots
    from framing.reporting.sections.common import frame_lexicons, policy_lexicon
    from framing.stats import matrices

    specs: list[tuple[str, str, Callable[[], Figure]]] = []
    if matrices.contrast_columns(scores):
        specs.append(("frame-balance", "Horizontal bars: mean frame balance per outlet with 95% intervals; "
                      "the numbers are in the table below.", lambda: plots.frame_balance(scores)))
    for index, lexicon in enumerate(frame_lexicons(scores)):
        specs.append((f"frame-categories-{index}", f"Grouped bars: hits per 1,000 words of each {lexicon.name} "
                      "category per outlet; the numbers are in the table below.",
                      functools.partial(plots.frame_categories, scores, lexicon)))
    policy = policy_lexicon(scores)
    if policy is not None:
        specs.append(("policy-frames", "Heat map of policy frames (columns) by outlet (rows), hits per 1,000 "
                      "words written in each cell.", functools.partial(plots.policy_frames_heatmap, scores, policy)))
    specs.append(("sentiment", "Dot plots: mean sentiment and subjectivity per outlet with 95% intervals, "
                  "single articles as ticks; the numbers are in the tables below.", lambda: plots.sentiment(scores)))
    if any(c.startswith("loaded.") for c in scores.table.columns):
        specs.append(("loaded-language", "Heat map of loaded-language cues per 1,000 words by outlet and "
                      "cue class, values written in each cell; the numbers are also in the table below.", lambda: plots.loaded_language(scores)))
    if comparison is not None and len(getattr(comparison, "outlet_similarity", ())) > 1:
        specs.append(("similarity", "Heat map of cosine similarity between outlets, ordered by the clustering "
                      "tree drawn at its left; values written in each cell.",
                      lambda: plots.similarity_heatmap(comparison, matrices.top_outlets(scores.table))))
    return specs


def report_figures(scores: Scores, comparison: Comparison | None) -> dict[str, dict[str, Any]]:
    """name -> {"alt", "svg"} for every figure the report shows."""
    return {name: {"alt": alt, "svg": figure_svg(make(), name, alt)} for name, alt, make in _figure_specs(scores, comparison)}
