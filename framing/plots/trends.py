"""Small multiples over time: one panel per outlet, its coverage and one score, intervals shaded.

Why small multiples: outlets publish at different times and rates, and one
chart with a line per outlet becomes a tangle; panels on one shared time axis
let the eye compare both when an outlet wrote (a grey area, its share of each
period's articles) and how (the line, the mean of the score, with its 95%
bootstrap interval shaded). Detected shifts are drawn as a dashed line at
the later period; each can carry a link (`set_url`) to its description.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import matplotlib
import numpy as np

from framing.plots.figures import NARROW, OKABE_ITO, RC, _figure, _title
from framing.stats.matrices import short

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

MAX_TICKS = 6


def over_time(
    trends: pd.DataFrame,
    column: str,
    *,
    label: str | None = None,
    shifts: pd.DataFrame | None = None,
    width: float | None = None,
) -> Figure:
    """Per outlet, coverage share (grey area) and the mean of `column` with its interval (line, shaded), per period.

    `trends`: the table of `Scores.over_time` (outlet, period, share, `column`,
    `column.ci_low`, `column.ci_high`); `shifts`: rows with outlet and after
    (the period a shift lands in) and optionally `url`; `width`: inches (a
    phone's narrow width stacks the panels in one column).
    """
    with matplotlib.rc_context(RC):
        outlets = sorted(trends["outlet"].astype(str).unique())
        periods = sorted(trends["period"].astype(str).unique())
        where = {p: i for i, p in enumerate(periods)}
        narrow = width is not None and width < NARROW
        cols = 1 if narrow else min(3, max(1, len(outlets)))
        rows = int(np.ceil(len(outlets) / cols)) or 1
        fig = _figure(width or 7.0, 0.9 + 1.55 * rows)
        axes = np.atleast_1d(fig.subplots(rows, cols, squeeze=False, sharex=True, sharey=True).ravel())
        step = max(1, int(np.ceil(len(periods) / (MAX_TICKS if not narrow else 4))))
        for ax, outlet in zip(axes, outlets):
            part = trends[trends["outlet"].astype(str) == outlet]
            x = part["period"].astype(str).map(where).to_numpy(dtype=float)
            cover = ax.twinx()
            # coverage as one stepped grey area, not a bar per period: 40 quarters x 9 panels of bars weighed 100 kB
            cover.fill_between(
                x, part["share"].to_numpy(dtype=float), step="mid", color="#cccccc", linewidth=0, zorder=0
            )
            cover.set_ylim(0, 1)
            cover.tick_params(axis="y", labelsize=8, colors="#666666")
            ax.set_zorder(cover.get_zorder() + 1)
            ax.patch.set_visible(False)
            low, high = part[f"{column}.ci_low"].to_numpy(dtype=float), part[f"{column}.ci_high"].to_numpy(dtype=float)
            ax.fill_between(x, low, high, color=OKABE_ITO[4], alpha=0.25, linewidth=0)
            ax.plot(x, part[column].to_numpy(dtype=float), marker="o", markersize=3, color=OKABE_ITO[4], linewidth=1.2)
            ax.axhline(0, color="#000000", linewidth=0.6)
            ax.set_ylim(-1.05, 1.05)
            ax.set_title(short(outlet, 28), loc="left", fontsize=9)
            if shifts is not None and len(shifts):
                for row in shifts[shifts["outlet"].astype(str) == outlet].itertuples(index=False):
                    at = where.get(str(row.after), np.nan)
                    mark = ax.axvline(at, color="#D55E00", linestyle="--", linewidth=1.5)
                    note = ax.text(
                        at,
                        0.98,
                        " shift",
                        transform=ax.get_xaxis_transform(),
                        fontsize=8,
                        color="#A03C00",
                        va="top",
                        ha="left",
                    )
                    if getattr(row, "url", None):  # the line and its word link to the shift's description
                        mark.set_url(str(row.url))
                        note.set_url(str(row.url))
        for ax in axes[len(outlets) :]:
            ax.set_axis_off()
        ticks = list(range(0, len(periods), step))
        for ax in axes[: len(outlets)]:
            ax.set_xticks(
                ticks, [periods[i] for i in ticks], rotation=35, ha="right", rotation_mode="anchor", fontsize=8
            )
        title = (
            f"{label or column} per outlet over time: line and shading the mean and its 95% interval, "
            "grey the outlet's share of each period's articles (right axis); dashed lines mark shifts"
        )
        fig.suptitle(_title(title, width) if narrow else textwrap.fill(title, 95), x=0.01, ha="left", fontsize=10)
        return fig
