"""The over-time section: per outlet and period, coverage and the main frame contrast, with the shifts found.

Shown only when the dated articles fall into at least `MIN_PERIODS` periods:
fewer points make no trend, and the section would invite reading one into
noise. The period is a month; a week when fewer than four months hold
articles, a quarter when the dates run over more than `MAX_MONTHS` months. The numbers come from
`framing.stats.trends` (`over_time`: share of the period's coverage and the
mean with a seeded bootstrap interval; `shifts`: one change-point test per
outlet, Holm-adjusted over the outlets), the same functions as `framing trends`.
Each table row links to the period's articles, each shift to the articles
that moved most; undated articles are counted and named, never dropped
silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.reporting.blocks import Block, block, line, link_cells, two_decimals
from framing.reporting.coverage import coverage
from framing.reporting.labels import label, labeller
from framing.reporting.tables import clean_value, table
from framing.stats import matrices
from framing.stats.trends import dated
from framing.stats.trends import over_time as trends_over_time
from framing.stats.trends import shifts as trend_shifts

if TYPE_CHECKING:
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores

MIN_PERIODS = 4
MAX_MONTHS = 36
MAX_PANELS = 6
ARTICLES_PER_PERIOD = 6
UNDATED_NAMED = 50


def measure(scores: Scores) -> tuple[str, str]:
    """The column drawn over time and its plain name: the first frame contrast that scores at least
    half of the articles, of a lexicon that fits the corpus (`coverage`: one written for another story
    has no trend to show), else the tone."""
    unfit = {c["lexicon"] for c in coverage(scores) if c["low"]}
    for column, contrast in matrices.contrast_columns(scores):
        lexicon = column[len("frame.") : -len(contrast.name) - 1]
        if lexicon in unfit:
            continue
        sides = [f"frame.{lexicon}.{c}" for c in (contrast.positive, contrast.negative)]
        if all(c in scores.table for c in sides) and (scores.table[sides].fillna(0).sum(axis=1) > 0).mean() >= 0.5:
            name = labeller(scores.lexicons)
            return column, f"{label(contrast.name)} (+1 {name(contrast.positive)}, −1 {name(contrast.negative)})"
    return "sentiment", "tone (−1 negative … +1 positive)"


def frequency(scores: Scores, dates: pd.Series) -> tuple[str | None, int]:
    """The period ("W", "M" or "Q") and how many periods hold dated articles; None when fewer than MIN_PERIODS."""
    monthly = dated(scores.table, dates, "M")[0]
    months = monthly["period"].nunique()
    spanned = 0
    if len(monthly):
        first, last = pd.Period(min(monthly["period"]), "M"), pd.Period(max(monthly["period"]), "M")
        spanned = (last.year - first.year) * 12 + last.month - first.month + 1
    freq = "Q" if spanned > MAX_MONTHS else "M" if months >= MIN_PERIODS else "W"
    count = int(dated(scores.table, dates, freq)[0]["period"].nunique())
    return (freq if count >= MIN_PERIODS else None), count


def over_time(scores: Scores, corpus: Corpus, article_anchors: dict[str, str]) -> dict[str, Any] | None:
    """The figure's data, the table behind it, the shifts and the undated articles; None below MIN_PERIODS."""
    if "date" not in corpus.articles.columns or "sentiment" not in scores.table.columns:
        return None
    dates = corpus.articles.assign(doc_id=corpus.articles["doc_id"].astype(str)).set_index("doc_id")["date"]
    table_ = scores.table.assign(doc_id=scores.table["doc_id"].astype(str), outlet=scores.table["outlet"].astype(str))
    freq, count = frequency(scores, dates)
    if freq is None:
        return None
    column, name = measure(scores)
    panels = matrices.top_outlets(dated(table_, dates, freq)[0], MAX_PANELS)  # those with most dated articles
    trends = trends_over_time(table_, dates, freq=freq, columns=[column])
    trends = trends[trends["outlet"].isin(panels)].reset_index(drop=True)
    found = trend_shifts(table_, dates, [column], freq=freq)
    found = found[found["shift"] & found["outlet"].isin(panels)].reset_index(drop=True)
    titles = dict(zip(corpus.articles["doc_id"].astype(str), corpus.articles["title"].astype(str)))
    undated = [str(d) for d in trends.attrs.get("undated", [])]
    blocks = _period_blocks(table_, dates, freq, trends, column, titles, article_anchors, panels)
    shown = table(
        trends.assign(row=[f"{o} · {p}" for o, p in zip(trends["outlet"], trends["period"])]),
        f"{name}: mean per outlet and {_PERIOD_NAMES[freq]}, with its 95% interval",
        {
            "row": f"outlet · {_PERIOD_NAMES[freq]}",
            "articles": "articles",
            "share": "share of the period's articles",
            column: "mean",
            f"{column}.ci_low": "95% low",
            f"{column}.ci_high": "95% high",
        },
    )
    shown = link_cells(shown, lambda i, _j: blocks[i]["anchor"])
    return {
        "freq": freq,
        "period_name": _PERIOD_NAMES[freq],
        "periods": count,
        "column": column,
        "name": name,
        "panels": panels,
        "trends": _points(trends, column),
        "table": shown,
        "evidence": blocks,
        "shifts": _shift_items(found, titles, article_anchors),
        "undated": {"count": len(undated), "named": [titles.get(d) or d for d in undated[:UNDATED_NAMED]]},
    }


_PERIOD_NAMES = {"W": "week", "M": "month", "Q": "quarter"}


def _points(trends: pd.DataFrame, column: str) -> list[dict[str, Any]]:
    """The figure's points: outlet, period, start, share, mean, low, high (JSON-ready)."""
    return [
        {
            "outlet": str(o),
            "period": str(p),
            "start": str(s),
            "articles": int(n),
            "share": clean_value(sh),
            "mean": clean_value(m),
            "low": clean_value(lo),
            "high": clean_value(hi),
        }
        for o, p, s, n, sh, m, lo, hi in zip(
            trends["outlet"],
            trends["period"],
            trends["start"],
            trends["articles"],
            trends["share"],
            trends[column],
            trends[f"{column}.ci_low"],
            trends[f"{column}.ci_high"],
        )
    ]


def _period_blocks(
    table_: pd.DataFrame,
    dates: pd.Series,
    freq: str,
    trends: pd.DataFrame,
    column: str,
    titles: dict[str, str],
    article_anchors: dict[str, str],
    panels: list[str],
) -> list[Block]:
    """One block per row of `trends` (anchor `time-<panel>-<row>`): that outlet and period's articles and values."""
    frame, _ = dated(table_, dates, freq)
    groups = {key: part for key, part in frame.groupby(["outlet", "period"], sort=True)}
    blocks = []
    for k, (outlet, period) in enumerate(zip(trends["outlet"], trends["period"])):
        part = groups[(outlet, period)].sort_values(["doc_id"], kind="stable")
        lines = [
            line(f"{titles.get(d) or d}: {two_decimals(v)}", article_anchors.get(d))
            for d, v in zip(part["doc_id"], part[column])
        ][:ARTICLES_PER_PERIOD]
        blocks.append(
            block(
                f"time-{panels.index(outlet)}-{k}",
                f"{outlet}, {period}: {len(part)} article{'s' if len(part) != 1 else ''}",
                lines=lines,
                more=len(part) - len(lines),
            )
        )
    return blocks


def _shift_items(found: pd.DataFrame, titles: dict[str, str], article_anchors: dict[str, str]) -> list[dict[str, Any]]:
    """Each detected shift as plain data, with the articles that drive it (linked when shown)."""
    items = []
    for k, row in enumerate(found.itertuples(index=False)):
        drivers = [line(titles.get(d) or d, article_anchors.get(d)) for d in str(row.drivers).split() if d]
        items.append(
            {
                "anchor": f"shift-{k}",
                "outlet": str(row.outlet),
                "before": str(row.before),
                "after": str(row.after),
                "before_from": str(row.before_from),
                "after_to": str(row.after_to),
                "mean_before": clean_value(row.mean_before),
                "mean_after": clean_value(row.mean_after),
                "difference": clean_value(row.difference),
                "articles_before": clean_value(row.articles_before),
                "articles_after": clean_value(row.articles_after),
                "p_adjusted": clean_value(row.p_adjusted),
                "drivers": drivers,
            }
        )
    return items
