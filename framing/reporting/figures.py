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

PHONE_WIDTH = 4.0
"""Inches of a figure drawn for a phone: at 390 px a 9 pt label is about 10 px."""
_TAG = re.compile(r"<[^>]*>")
_ID = re.compile(r'(\bid=")([^"]+)(")')
_REF = re.compile(r'(url\(#|href="#)([^)"]+)')


def _prefix_ids(tag: str, prefix: str) -> str:
    tag = _ID.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}{m.group(3)}", tag)
    return _REF.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", tag)


def _link_or_prefixed(tag: str, prefix: str) -> str:
    """A tag with its ids prefixed; a link (an artist's `set_url`, always "#anchor" of this page) kept as
    it points, in the same window."""
    if tag.startswith("<a "):
        return tag.replace(' target="_blank"', "")
    return _prefix_ids(tag, prefix)


def figure_svg(figure: Figure, name: str, alt: str, css: str = "figure-svg") -> Markup:
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
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = _TAG.sub(lambda m: _link_or_prefixed(m.group(0), f"{name}-"), svg)
    head, rest = svg.split(">", 1)
    head = re.sub(r'\s(width|height)="[^"]*"', "", head, count=2)
    opening = Markup(
        '{head} role="img" aria-labelledby="{name}-title" class="{css}"><title id="{name}-title">{alt}</title>'
    ).format(head=Markup(head), name=name, alt=alt, css=css)
    return opening + Markup(rest.strip())


def _figure_specs(scores: Scores, comparison: Comparison | None) -> list[tuple[str, str, Callable[..., Figure]]]:
    """(name, alt text, function of `width`) for each figure; alt text says where the numbers are."""
    from framing import plots
    from framing.reporting.sections.common import frame_lexicons, policy_lexicon
    from framing.stats import matrices

    specs: list[tuple[str, str, Callable[..., Figure]]] = []
    if matrices.contrast_columns(scores):
        specs.append(
            (
                "frame-balance",
                "Horizontal bars: mean frame balance per outlet with 95% intervals; "
                "the numbers are in the table below.",
                functools.partial(plots.frame_balance, scores),
            )
        )
    for index, lexicon in enumerate(frame_lexicons(scores)):
        specs.append(
            (
                f"frame-categories-{index}",
                f"Grouped bars: hits per 1,000 words of each {lexicon.name} "
                "category per outlet; the numbers are in the table below.",
                functools.partial(plots.frame_categories, scores, lexicon),
            )
        )
    policy = policy_lexicon(scores)
    if policy is not None:
        frames_as_rows = len(policy.categories) > len(matrices.top_outlets(scores.table))
        layout = (
            "policy frames (rows) by outlet (columns)" if frames_as_rows else "outlets (rows) by policy frame (columns)"
        )
        specs.append(
            (
                "policy-frames",
                f"Heat map of {layout}, hits per 1,000 words written in each cell.",
                functools.partial(plots.policy_frames_heatmap, scores, policy),
            )
        )
    specs.append(
        (
            "sentiment",
            "Dot plots: mean sentiment and subjectivity per outlet with 95% intervals, "
            "single articles as ticks; the numbers are in the tables below.",
            functools.partial(plots.sentiment, scores),
        )
    )
    if any(c.startswith("loaded.") for c in scores.table.columns):
        specs.append(
            (
                "loaded-language",
                "Heat map of loaded-language cues per 1,000 words by outlet and "
                "cue class, values written in each cell; the numbers are also in the table below.",
                functools.partial(plots.loaded_language, scores),
            )
        )
    if comparison is not None and len(getattr(comparison, "outlet_similarity", ())) > 1:
        specs.append(
            (
                "similarity",
                "Heat map of how alike the outlets' words are, ordered by the clustering "
                "tree drawn at its left; values written in each cell.",
                functools.partial(plots.similarity_heatmap, comparison, matrices.top_outlets(scores.table)),
            )
        )
    return specs


def _over_time_spec(section: dict[str, Any] | None) -> list[tuple[str, str, Callable[..., Figure]]]:
    """The over-time small multiples, when the section is shown, drawn from the section's own numbers."""
    if not section:
        return []
    import pandas as pd

    from framing import plots

    column = section["column"]
    trends = pd.DataFrame(section["trends"]).rename(
        columns={"mean": column, "low": f"{column}.ci_low", "high": f"{column}.ci_high"}
    )
    shifts = pd.DataFrame(
        [{"outlet": s["outlet"], "after": s["after"], "url": "#" + s["anchor"]} for s in section["shifts"]],
        columns=["outlet", "after", "url"],
    )
    alt = (
        f"Small multiples, one panel per outlet: {section['name']} per {section['period_name']} with its 95% "
        "interval shaded, and the outlet's share of each period's articles as a grey area; dashed lines mark "
        "the shifts listed below; the numbers are in the table below."
    )
    return [
        ("over-time", alt, functools.partial(plots.over_time, trends, column, label=section["name"], shifts=shifts))
    ]


def report_figures(
    scores: Scores, comparison: Comparison | None, over_time: dict[str, Any] | None = None, *, narrow: bool = True
) -> dict[str, dict[str, Any]]:
    """name -> {"alt", "svg", "narrow"} for every figure: drawn for a page, and again for a phone.

    The CSS shows one of the two (`narrow` below 40rem), so a phone gets labels it can read
    rather than the page figure shrunk to a third of its size. `narrow=False` (the report of a
    large corpus, whose figures are big) draws each once; a phone then shrinks the page drawing.
    """
    return {
        name: {
            "alt": alt,
            "svg": figure_svg(make(), name, alt),
            "narrow": figure_svg(make(width=PHONE_WIDTH), f"{name}-narrow", alt, "figure-svg narrow")
            if narrow
            else None,
        }
        for name, alt, make in _figure_specs(scores, comparison) + _over_time_spec(over_time)
    }
