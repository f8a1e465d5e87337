"""Structure the score-based sections: Scores (and the corpus) in, plain dicts out.

Each function returns exactly what its template shows, as JSON-ready values;
no HTML is made here except the program-built evidence sentences.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from framing.lexicons.model import FRAMES, of_family
from framing.reporting.tables import clean_value, table
from framing.stats import matrices

POLICY_LEXICON = "policy-frames"
EVIDENCE_PER_CELL = 4


def _outlets(scores) -> list[str]:
    return sorted(scores.table["outlet"].astype(str).unique())


def _whole(value):
    return None if value != value else int(round(float(value)))


def overview(corpus, scores) -> dict:
    """The story, the outlets, the dates and the article lengths."""
    articles = corpus.articles
    words = scores.table.set_index("doc_id")["words"].reindex(articles["doc_id"]).to_numpy(dtype=float)
    frame = pd.DataFrame({"outlet": articles["outlet"].astype(str), "date": articles["date"], "words": words})
    per_outlet = frame.groupby("outlet", sort=True).agg(
        articles=("words", "size"), words=("words", "mean"), first=("date", "min"), last=("date", "max")).reset_index()
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
        "table": table(per_outlet, "Articles per outlet", {
            "outlet": "outlet", "articles": "articles", "words": "mean words per article",
            "first": "first date", "last": "last date"}),
    }


def _interval_table(scores, column: str, caption: str) -> dict:
    stats = matrices.outlet_means(scores, column)
    return table(stats, caption, {"outlet": "outlet", "n": "articles", "mean": "mean",
                                  "low": "95% low", "high": "95% high"})


def frames(scores) -> dict:
    """Each contrast (e.g. balance) per outlet with intervals, and category rates per lexicon."""
    contrasts = [{"name": c.name, "positive": c.positive, "negative": c.negative, "description": c.description,
                  "table": _interval_table(scores, column, f"{c.name}: mean per outlet (+1 {c.positive}, −1 {c.negative})")}
                 for column, c in matrices.contrast_columns(scores)]
    lexicons = frame_lexicons(scores)
    return {"contrasts": contrasts, "lexicons": [lex.name for lex in lexicons],
            "categories": [category_table(scores, lex) for lex in lexicons]}


def frame_lexicons(scores) -> list:
    """The frames-family lexicons that get category bars (policy frames have their own section)."""
    return [lex for lex in of_family(scores.lexicons, FRAMES) if lex.name != POLICY_LEXICON]


def category_table(scores, lexicon) -> dict:
    """Mean hits per 1,000 words of each category of `lexicon`, per outlet."""
    matrix = matrices.category_matrix(scores, lexicon, _outlets(scores)).reset_index()
    return table(matrix, f"{lexicon.name}: mean hits per 1,000 words")


def policy_frames(scores) -> dict | None:
    """Outlets x policy frames, with frames as rows when there are more frames than outlets (as in the figure)."""
    lexicon = next((lex for lex in scores.lexicons if lex.name == POLICY_LEXICON), None)
    if lexicon is None:
        return None
    matrix = matrices.category_matrix(scores, lexicon, matrices.top_outlets(scores.table))
    caption = f"{lexicon.name}: mean hits per 1,000 words"
    if matrix.shape[1] > matrix.shape[0]:
        return table(matrix.T.reset_index(names="frame"), caption)
    return table(matrix.reset_index(), caption)


def sentiment(scores) -> dict:
    table_ = _interval_table(scores, "sentiment", "Sentiment per outlet (−1 … +1)")
    subjectivity = _interval_table(scores, "subjectivity", "Subjectivity per outlet (0 … 1)")
    return {"sentiment": table_, "subjectivity": subjectivity}


def loaded(scores) -> dict:
    """The `loaded` total per outlet, each cue class's rate, and the words behind them."""
    totals = scores.table.groupby("outlet", sort=True).agg(
        **{k: v for k, v in {"loaded": ("loaded", "mean"), "count": ("loaded.count", "sum")}.items()
           if v[0] in scores.table.columns}).reset_index()
    classes = matrices.loaded_matrix(scores, matrices.top_outlets(scores.table))
    oriented = classes.T.reset_index(names="cue class") if classes.shape[1] > classes.shape[0] else classes.reset_index()
    return {"totals": table(totals, "Loaded-language total per outlet (evaluative classes only)",
                            {"outlet": "outlet", "loaded": "mean cues per 1,000 words", "count": "cues in all articles"}),
            "classes": table(oriented, "Every cue class: mean per 1,000 words"),
            "top_words": top_words(scores, "loaded")}


def top_words(scores, family: str, per_outlet: int = 8) -> list[dict]:
    """Most frequent evidence words of one family per outlet: outlet -> [(word, count)]."""
    evidence = scores.evidence
    evidence = evidence[evidence["family"] == family]
    if evidence.empty:
        return []
    outlet = scores.table.set_index("doc_id")["outlet"]
    words = pd.DataFrame({"outlet": evidence["doc_id"].map(outlet).astype(str),
                          "word": evidence["text"].astype(str).str.lower()})
    counts = words.groupby(["outlet", "word"]).size().rename("count").reset_index()
    counts = counts.sort_values(["outlet", "count", "word"], ascending=[True, False, True])
    return [{"outlet": name, "words": [[w, int(n)] for w, n in zip(group["word"], group["count"])][:per_outlet]}
            for name, group in counts.groupby("outlet", sort=True)]


def sourcing(scores) -> dict:
    """Share of quoted words, number of quotes and who is quoted, per outlet."""
    wanted = [c for c in ("quotes.share", "quotes.count") if c in scores.table.columns]
    agg = {c: ("mean" if c == "quotes.share" else "sum") for c in wanted}
    per_outlet = scores.table.groupby("outlet", sort=True).agg(agg).reset_index()
    headers = {"outlet": "outlet", "quotes.share": "mean share of words in quotes", "quotes.count": "quotes"}
    speakers = []
    quotes = getattr(scores, "quotes", None)
    if quotes is not None and len(quotes) and "speaker" in quotes.columns:
        outlet = scores.table.set_index("doc_id")["outlet"]
        named = quotes.assign(outlet=quotes["doc_id"].map(outlet).astype(str), speaker=quotes["speaker"].fillna("").astype(str))
        named = named[named["speaker"].str.strip() != ""]
        counts = named.groupby(["outlet", "speaker"]).size().rename("quotes").reset_index()
        counts = counts.sort_values(["outlet", "quotes", "speaker"], ascending=[True, False, True])
        speakers = [{"outlet": name, "speakers": [[s, int(n)] for s, n in zip(g["speaker"], g["quotes"])][:8]}
                    for name, g in counts.groupby("outlet", sort=True)]
    return {"table": table(per_outlet, "Quotation per outlet", headers), "speakers": speakers}


def stance_cells(scores) -> dict:
    """The outlet x target heat table: value, mentions, colour and an anchor per cell."""
    import matplotlib

    matrix = matrices.stance_matrix(scores)
    targets = list(matrix.columns)
    mentions = {t: scores.table.groupby("outlet", sort=True)[f"stance.{t}.mentions"].sum()
                for t in targets if f"stance.{t}.mentions" in scores.table}
    cmap = matplotlib.colormaps["RdBu"]
    rows = []
    for i, outlet in enumerate(matrix.index):
        cells = []
        for j, target in enumerate(targets):
            value = clean_value(matrix.loc[outlet, target])
            count = int(mentions[target].get(outlet, 0)) if target in mentions else None
            colour = matplotlib.colors.to_hex(cmap(0.5 + value / 2)) if value is not None else "#dddddd"
            dark = value is not None and abs(value) > 0.55
            cells.append({"target": target, "value": value, "mentions": count, "anchor": f"stance-{i}-{j}",
                          "background": colour, "foreground": "#ffffff" if dark else "#000000"})
        rows.append({"outlet": str(outlet), "cells": cells})
    return {"targets": targets, "rows": rows}


def stance(scores, corpus, article_anchors: dict[str, str], classes: dict) -> dict:
    """The heat table plus, per cell, the sentences that produced it (strongest first)."""
    from framing.reporting.evidence import stance_evidence

    cells = stance_cells(scores)
    cells["evidence"] = stance_evidence(scores, corpus, cells, article_anchors, classes, EVIDENCE_PER_CELL)
    return cells
