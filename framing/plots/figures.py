"""Figures for scores and comparisons: functions in, matplotlib `Figure` out, no I/O.

Each function builds a fresh `matplotlib.figure.Figure` without pyplot, so it
never opens a window, never changes a notebook's backend and leaves no global
state; a notebook user can restyle the result or draw on its axes. Colours are
colour-blind safe (Okabe–Ito for categories, cividis for magnitudes, PuOr /
RdBu for signed values, both readable in grayscale), and every figure repeats
its numbers or uses hatching, so it survives a black-and-white printer.
Outlet labels are corpus text: maths parsing is off so a `$` stays a `$`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

if TYPE_CHECKING:
    from collections.abc import Iterable

    from framing.comparison.pipeline import Comparison
    from framing.lexicons.model import Lexicon
    from framing.scoring.scores import Scores

from framing.lexicons.entries import LOADED_LANGUAGE
from framing.reporting.charts.bars import OKABE_ITO, category_colours
from framing.reporting.charts.grid import linkage_of
from framing.reporting.labels import category_labels, label, labeller
from framing.stats.matrices import (
    MAX_OUTLETS,
    category_matrix,
    contrast_columns,
    lexicon_named,
    loaded_matrix,
    outlet_means,
    short,
    stance_matrix,
    top_outlets,
)

HATCHES = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")
MAX_DOTS = 2000
NARROW = 5.0
"""Figures narrower than this many inches (a phone: the report draws them 4 inches wide) stack their panels,
put legends below, wrap titles and leave out cell numbers that would not fit (the tables have them)."""
CELL_TEXT_INCHES = 0.36  # a heat-map cell narrower than this gets no number written in it
RC: dict[Any, Any] = {
    "text.parse_math": False,
    "font.size": 9,
    "axes.titlesize": 10,
    "font.family": "sans-serif",
    "svg.hashsalt": "framing",
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _figure(width: float, height: float) -> Figure:
    # figures are built without pyplot, so no backend is chosen and none is changed: a notebook keeps its own
    return Figure(figsize=(width, height), layout="constrained")


def _labels(values: Iterable[object], limit: int = 30) -> list[str]:
    return [short(v, limit) for v in values]


def _narrow(width: float | None) -> bool:
    return width is not None and width < NARROW


def _name_limit(width: float | None) -> int:
    """How many characters of an outlet or category name a row label keeps: most names whole on a page."""
    return 30 if _narrow(width) else 44


def _title(text: str, width: float | None, per_inch: float = 10.0) -> str:
    """`text` wrapped to fit a narrow figure (about 10 characters of 10 pt per inch), as it is otherwise."""
    if not _narrow(width):
        return text
    import textwrap

    assert width is not None
    return "\n".join(textwrap.fill(part, max(12, int(width * per_inch))) for part in text.split("\n"))


def _axis_label(text: str, width: float | None) -> str:
    """An axis label, wrapped on a narrow figure to the width its axes get beside the outlet names."""
    return _title(text, None if width is None else width - 2.0, per_inch=11.0)


def _heading(fig: Figure, ax: Any, text: str, width: float | None) -> None:
    """The figure's title: over the axes on a page, over the whole (narrow) figure on a phone."""
    if _narrow(width):
        fig.suptitle(_title(text, width), x=0.02, ha="left", fontsize=10)
    else:
        ax.set_title(text, loc="left")


def interval_arms(stats: pd.DataFrame) -> np.ndarray:
    """The error bar's two arms, never negative.

    When every article of an outlet has the same score, the bootstrap bounds
    and the mean can differ in the last bit (sums in another order), and
    matplotlib refuses a negative arm of -1e-17.
    """
    arms = np.array([stats["mean"] - stats["low"], stats["high"] - stats["mean"]], dtype=float)
    clipped: np.ndarray = np.clip(arms, 0.0, None)
    return clipped


def _cap_note(table: pd.DataFrame, shown: list[str]) -> str:
    total = table["outlet"].nunique()
    return f"\n({len(shown)} of {total} outlets: those with most articles)" if total > len(shown) else ""


def frame_balance(scores: Scores, *, width: float | None = None) -> Figure:
    """Each outlet's mean frame balance (e.g. defensive +1 vs buildup -1), with 95% intervals.

    `width` (inches, default 6.4): below `NARROW` the figure is laid out for a phone.
    """
    with matplotlib.rc_context(RC):
        table, pairs = scores.table, contrast_columns(scores)
        outlets = top_outlets(table)
        fig = _figure(width or 6.4, 0.9 + 0.28 * len(outlets) * max(1, len(pairs)) + (0.4 if _narrow(width) else 0))
        axes = fig.subplots(max(1, len(pairs)), 1, squeeze=False)[:, 0]
        if not pairs:
            axes[0].text(0.5, 0.5, "no lexicon with a contrast was scored", ha="center", transform=axes[0].transAxes)
        cmap = matplotlib.colormaps["PuOr"]
        for ax, (column, contrast) in zip(axes, pairs):
            stats = outlet_means(scores, column, outlets).sort_values(["mean", "outlet"], na_position="first")
            y = np.arange(len(stats))
            ax.barh(
                y,
                stats["mean"].fillna(0),
                color=[cmap(0.5 + v / 2) for v in stats["mean"].fillna(0)],
                edgecolor="#333333",
                linewidth=0.6,
            )
            ax.errorbar(
                stats["mean"], y, xerr=interval_arms(stats), fmt="none", ecolor="#000000", elinewidth=1, capsize=2
            )
            ax.set_yticks(y, [f"{short(o, _name_limit(width))} (n={n})" for o, n in zip(stats["outlet"], stats["n"])])
            ax.axvline(0, color="#000000", linewidth=0.8)
            ax.set_xlim(-1.05, 1.05)
            name = labeller(scores.lexicons)
            ax.set_xlabel(
                _axis_label(
                    f"← more {name(contrast.negative)} · {label(contrast.name)} · more {name(contrast.positive)} →",
                    width,
                )
            )
        _heading(fig, axes[0], "Frame balance per outlet, mean with 95% interval" + _cap_note(table, outlets), width)
        return fig


def frame_categories(
    scores: Scores, lexicon: str | Lexicon = "military-posture", *, width: float | None = None
) -> Figure:
    """Mean frequency (per 1,000 words) of each category of one lexicon, per outlet (`width` as in `frame_balance`)."""
    with matplotlib.rc_context(RC):
        lexicon = lexicon_named(scores, lexicon)
        outlets = top_outlets(scores.table)
        matrix = category_matrix(scores, lexicon, outlets)
        colours = category_colours(lexicon)
        names = category_labels([lexicon])
        legend_rows = (len(matrix.columns) + 1) // 2 if _narrow(width) else 0
        fig = _figure(width or 6.4, 1.2 + 0.22 * len(outlets) * max(1, len(matrix.columns)) / 2 + 0.2 * legend_rows)
        ax = fig.subplots()
        height = 0.8 / max(1, len(matrix.columns))
        y = np.arange(len(matrix))
        for index, category in enumerate(matrix.columns):
            ax.barh(
                y + index * height - 0.4 + height / 2,
                matrix[category],
                height=height,
                label=names[category],
                color=colours[category],
                hatch=None if _narrow(width) else HATCHES[index % len(HATCHES)],
                edgecolor="#333333",
                linewidth=0.4,
            )  # hatching is for print, which shows the page drawing
        ax.set_yticks(y, _labels(matrix.index, _name_limit(width)))
        ax.invert_yaxis()
        ax.set_xlabel("mean hits per 1,000 words")
        if _narrow(width):
            fig.legend(title=lexicon.name, loc="outside lower center", ncols=2, fontsize=8, frameon=False)
        else:
            ax.legend(title=lexicon.name, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
        _heading(fig, ax, f"{lexicon.name}: categories per outlet" + _cap_note(scores.table, outlets), width)
        return fig


def _heatmap(
    matrix: pd.DataFrame,
    title: str,
    cmap: str,
    label: str,
    centre: float | None = None,
    fmt: str = ".1f",
    width: float | None = None,
) -> Figure:
    """An annotated heat map (NaN cells grey), with text colour picked for contrast.

    At a narrow `width` the colour bar goes below and cells too narrow for their number stay unwritten.
    """
    values = matrix.to_numpy(dtype=float)
    natural = 2.2 + 0.8 * max(3, matrix.shape[1])
    narrow = _narrow(width) and (width or natural) < natural
    fig = _figure(width if narrow and width else natural, 1.4 + 0.3 * max(2, matrix.shape[0]) + (0.8 if narrow else 0))
    ax = fig.subplots()
    if values.size == 0:
        ax.text(0.5, 0.5, "nothing to show", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(title, loc="left")
        return fig
    finite = values[np.isfinite(values)]
    if centre is not None:
        bound = max(float(np.abs(finite).max()) if finite.size else 1.0, 1e-9)
        vmin, vmax = centre - bound, centre + bound
    else:
        vmin, vmax = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        vmax = vmax if vmax > vmin else vmin + 1.0
    colormap = matplotlib.colormaps[cmap].with_extremes(bad="#dddddd")
    image = ax.imshow(np.ma.masked_invalid(values), cmap=colormap, vmin=vmin, vmax=vmax, aspect="auto")
    written = not narrow or ((width or natural) - 2.4) / max(1, matrix.shape[1]) >= CELL_TEXT_INCHES
    for (i, j), value in np.ndenumerate(values):
        if np.isfinite(value) and written:
            r, g, b, _ = colormap((value - vmin) / (vmax - vmin))
            ink = "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 0.5 else "#ffffff"
            ax.text(j, i, format(value, fmt), ha="center", va="center", fontsize=8, color=ink, in_layout=False)
    ax.set_xticks(range(matrix.shape[1]), _labels(matrix.columns, 24), rotation=35, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(matrix.shape[0]), _labels(matrix.index, _name_limit(width)))
    ax.spines[:].set_visible(False)
    ax.tick_params(length=0)
    if narrow:
        fig.colorbar(image, ax=ax, label=label, shrink=0.8, location="bottom")
    else:
        fig.colorbar(image, ax=ax, label=label, shrink=0.8)
    _heading(fig, ax, title, width if narrow else None)
    return fig


def policy_frames_heatmap(
    scores: Scores, lexicon: str | Lexicon | None = None, *, width: float | None = None
) -> Figure:
    """Outlets x policy frames, mean hits per 1,000 words, as an annotated heat map (`width` as in `frame_balance`).

    `lexicon` defaults to the scores' lexicon of the policy-frames family (its
    `family:` field decides), else the built-in `policy-frames`.
    """
    from framing.lexicons.model import POLICY_FRAMES, of_family

    if lexicon is None:
        lexicon = next(iter(of_family(getattr(scores, "lexicons", ()) or (), POLICY_FRAMES)), "policy-frames")
    with matplotlib.rc_context(RC):
        lexicon = lexicon_named(scores, lexicon)
        outlets = top_outlets(scores.table)
        matrix = category_matrix(scores, lexicon, outlets).rename(columns=category_labels([lexicon]))
        if matrix.shape[1] > matrix.shape[0]:  # the longer list reads better down the page
            matrix = matrix.T
        title = f"{lexicon.name} per outlet" + _cap_note(scores.table, outlets)
        return _heatmap(matrix, title, "cividis", "mean hits per 1,000 words", width=width)


def sentiment(scores: Scores, *, width: float | None = None) -> Figure:
    """Mean sentiment and subjectivity per outlet with 95% intervals, articles as dots.

    At a narrow `width` (see `frame_balance`) the two panels stack.
    """
    with matplotlib.rc_context(RC):
        table = scores.table
        outlets = top_outlets(table)
        narrow = _narrow(width)
        fig = _figure(width or 7.0, (2 if narrow else 1) * (1.0 + 0.3 * len(outlets)) + (0.4 if narrow else 0))
        axes = fig.subplots(2, 1, sharey=True) if narrow else fig.subplots(1, 2, sharey=True)
        order = outlet_means(scores, "sentiment", outlets).sort_values(["mean", "outlet"])["outlet"].tolist()
        position = {o: i for i, o in enumerate(order)}
        specs = (
            ("sentiment", "sentiment (−1 negative … +1 positive)", (-1, 1), OKABE_ITO[4]),
            ("subjectivity", "subjectivity (0 factual … 1 opinion)", (0, 1), OKABE_ITO[5]),
        )
        for ax, (column, label, limits, colour) in zip(axes, specs):
            stats = outlet_means(scores, column, outlets)
            y = stats["outlet"].map(position).to_numpy(dtype=float)
            dots = table[table["outlet"].isin(outlets)]
            if len(dots) > MAX_DOTS or (
                narrow and len(dots) > MAX_DOTS / 10
            ):  # ticks say no more than the interval and weigh the file
                dots = dots.iloc[:0]
            ax.scatter(dots[column], dots["outlet"].map(position), s=9, color="#999999", marker="|", zorder=1)
            ax.errorbar(
                stats["mean"],
                y,
                xerr=interval_arms(stats),
                fmt="o",
                color=colour,
                ecolor="#000000",
                elinewidth=1,
                capsize=2,
                zorder=2,
            )
            ax.set_xlim(*limits)
            ax.set_xlabel(_axis_label(label, width))
            ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        axes[0].set_yticks(range(len(order)), _labels(order, _name_limit(width)))
        if narrow:
            axes[1].tick_params(labelleft=True)
        axes[0].axvline(0, color="#000000", linewidth=0.8)
        fig.suptitle(
            _title(
                "Sentiment and subjectivity per outlet: mean, 95% interval, articles as ticks"
                + _cap_note(table, outlets),
                width,
            ),
            x=0.02,
            ha="left",
            fontsize=10,
        )
        return fig


def stance_heatmap(scores: Scores, *, width: float | None = None) -> Figure:
    """Outlets x targets, mean stance (−1 against … +1 for); grey where never mentioned (`width` as in `frame_balance`)."""
    with matplotlib.rc_context(RC):
        outlets = top_outlets(scores.table)
        matrix = stance_matrix(scores, outlets)
        title = "Stance toward each target, mean over articles mentioning it" + _cap_note(scores.table, outlets)
        return _heatmap(matrix, title, "RdBu", "stance (−1 … +1)", centre=0, fmt=".2f", width=width)


def loaded_language(scores: Scores, *, width: float | None = None) -> Figure:
    """Loaded-language cues per 1,000 words, outlets x cue classes, as an annotated heat map (`width` as in `frame_balance`)."""
    with matplotlib.rc_context(RC):
        outlets = top_outlets(scores.table)
        loaded_lexicons = [lex for lex in scores.lexicons if lex.family == LOADED_LANGUAGE]
        matrix = loaded_matrix(scores, outlets).rename(columns=category_labels(loaded_lexicons))
        if matrix.shape[1] > matrix.shape[0]:
            matrix = matrix.T
        title = "Loaded-language cues per 1,000 words" + _cap_note(scores.table, outlets)
        return _heatmap(matrix, title, "cividis", "mean cues per 1,000 words", width=width)


def similarity_heatmap(
    comparison: Comparison, outlets: Iterable[str] | None = None, *, width: float | None = None
) -> Figure:
    """Outlet-by-outlet similarity with the clustering dendrogram beside it.

    `outlets`: draw only these (e.g. the ones with most articles); the tree is
    then re-clustered on them, as the comparison's tree covers all outlets.
    `width` as in `frame_balance`: narrow cells get no number written in them.
    """
    from scipy.cluster import hierarchy

    with matplotlib.rc_context(RC):
        matrix = comparison.outlet_similarity.astype(float)
        if outlets is not None:
            keep = [o for o in matrix.index if o in set(outlets)]
            matrix = matrix.loc[keep, keep]
        size = len(matrix)
        natural = min(4.2 + 0.42 * size, 9.5)
        narrow = _narrow(width) and (width or natural) < natural
        fig = _figure(width if narrow and width else natural, min(2.6 + 0.36 * size, 10.0) + (1.0 if narrow else 0))
        tree_ax, heat_ax = fig.subplots(1, 2, width_ratios=[1.0, max(1.5, 0.4 * size)])
        order = list(range(size))
        linkage = linkage_of(comparison, matrix)
        if linkage is not None:
            tree = hierarchy.dendrogram(
                linkage,
                ax=tree_ax,
                orientation="left",
                no_labels=True,
                color_threshold=0,
                above_threshold_color="#333333",
            )
            order = tree["leaves"][::-1]
        tree_ax.set_axis_off()
        ordered = matrix.iloc[order, order]
        image = heat_ax.imshow(ordered.to_numpy(), cmap="cividis", vmin=0, vmax=1, aspect="auto")
        heat_ax.set_xticks(range(size), _labels(ordered.columns, 24), rotation=60, ha="right", rotation_mode="anchor")
        heat_ax.set_yticks(range(size), _labels(ordered.index, 24))
        heat_ax.yaxis.tick_right()
        heat_ax.spines[:].set_visible(False)
        cell = ((width or natural) - 2.8) / max(1, size * 1.4) if narrow else 1.0
        if size <= 15 and cell >= CELL_TEXT_INCHES * 0.75:
            for (i, j), value in np.ndenumerate(ordered.to_numpy()):
                heat_ax.text(
                    j,
                    i,
                    f"{value:.2f}",
                    ha="center",
                    va="center",
                    fontsize=8 if narrow else 7,
                    in_layout=False,
                    color="#000000" if value > 0.55 else "#ffffff",
                )
        fig.colorbar(image, ax=heat_ax, label="cosine similarity", location="top", shrink=0.6)
        fig.suptitle("Outlet similarity, clustered", x=0.0, ha="left", fontsize=10)
        return fig


def distinctive_terms(comparison: Comparison, per_outlet: int = 8) -> Figure:
    """The most distinctive terms of each outlet (bar length = distinctiveness score)."""
    with matplotlib.rc_context(RC):
        terms = comparison.distinctive_terms
        score_column = next((c for c in ("z", "score", "keyness", "weight", "log_odds") if c in terms), None)
        outlets = sorted(terms["outlet"].unique())[:MAX_OUTLETS]
        cols = min(3, max(1, len(outlets)))
        rows = int(np.ceil(len(outlets) / cols)) or 1
        fig = _figure(2.6 * cols, 0.4 + 0.22 * per_outlet * rows)
        axes = np.atleast_1d(fig.subplots(rows, cols, squeeze=False).ravel())
        for ax, outlet in zip(axes, outlets):
            top = terms[terms["outlet"] == outlet]
            top = (
                top.sort_values([score_column, "term"], ascending=[False, True]).head(per_outlet)
                if score_column
                else top.head(per_outlet)
            )
            values = top[score_column].to_numpy(dtype=float) if score_column else np.ones(len(top))
            ax.barh(range(len(top)), values, color=OKABE_ITO[4])
            ax.set_yticks(range(len(top)), top["term"])
            ax.invert_yaxis()
            ax.set_title(short(outlet, 26), loc="left", fontsize=9)
            ax.tick_params(axis="x", labelsize=7)
        for ax in axes[len(outlets) :]:
            ax.set_axis_off()
        fig.suptitle("Distinctive vocabulary per outlet", x=0.0, ha="left", fontsize=10)
        return fig
