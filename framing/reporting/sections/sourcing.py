"""The sourcing section: the share of quoted words, the number of quotes and who is quoted."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.reporting.tables import table

if TYPE_CHECKING:
    from framing.scoring.scores import Scores


def sourcing(scores: Scores) -> dict[str, Any]:
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
