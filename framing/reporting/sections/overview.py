"""The overview section: the corpus, its outlets, dates and article lengths."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from framing.reporting.blocks import link_rows_to
from framing.reporting.sections.index import outlet_rows
from framing.reporting.tables import clean_value, table

if TYPE_CHECKING:
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores


def _whole(value: float) -> int | None:
    return None if value != value else int(round(float(value)))


def overview(corpus: Corpus, scores: Scores) -> dict[str, Any]:
    """The story, the outlets, the dates and the article lengths."""
    articles = corpus.articles
    words = scores.table.set_index("doc_id")["words"].reindex(articles["doc_id"]).to_numpy(dtype=float)
    frame = pd.DataFrame({"outlet": articles["outlet"].astype(str), "date": articles["date"], "words": words})
    per_outlet = (
        frame.groupby("outlet", sort=True)
        .agg(articles=("words", "size"), words=("words", "mean"), first=("date", "min"), last=("date", "max"))
        .reset_index()
    )
    per_outlet["words"] = per_outlet["words"].round().astype("Int64")
    dates = articles["date"].dropna()
    meta = corpus.meta or {}
    return {
        "name": str(corpus.name),
        "description": str(meta.get("description", "") or ""),
        "source": str(meta.get("source", "") or ""),
        "licence": str(meta.get("licence", meta.get("license", "")) or ""),
        "articles": len(articles),
        "outlets": int(frame["outlet"].nunique()),
        "first_date": clean_value(dates.min()) if len(dates) else None,
        "last_date": clean_value(dates.max()) if len(dates) else None,
        "undated": int(articles["date"].isna().sum()),
        "words_median": _whole(np.nanmedian(words)) if len(words) else None,
        "words_min": _whole(np.nanmin(words)) if len(words) else None,
        "words_max": _whole(np.nanmax(words)) if len(words) else None,
        "table": link_rows_to(
            table(
                per_outlet,
                "Articles per outlet",
                {
                    "outlet": "outlet",
                    "articles": "articles",
                    "words": "mean words per article",
                    "first": "first date",
                    "last": "last date",
                },
            ),
            {o: a for o, (a, _) in outlet_rows(corpus).items()},
        ),
    }
