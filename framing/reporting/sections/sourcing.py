"""The sourcing section: the share of quoted words, the number of quotes and who is quoted, linked to the quotes."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.reporting.blocks import link_rows_to
from framing.reporting.quote_evidence import quote_blocks, quote_frame
from framing.reporting.sections.common import outlets
from framing.reporting.tables import table

if TYPE_CHECKING:
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores

SPEAKERS_PER_OUTLET = 8


def sourcing(scores: Scores, corpus: Corpus, article_anchors: dict[str, str]) -> dict[str, Any]:
    """Share of quoted words, number of quotes and who is quoted, per outlet, each number linked to its quotes."""
    wanted = [c for c in ("quotes.share", "quotes.count") if c in scores.table.columns]
    agg = {c: ("mean" if c == "quotes.share" else "sum") for c in wanted}
    per_outlet = scores.table.groupby("outlet", sort=True).agg(agg).reset_index()
    headers = {"outlet": "outlet", "quotes.share": "mean share of words in quotes", "quotes.count": "quotes"}
    named = quote_frame(scores)
    named = named[named["speaker"] != ""]
    counts = named.groupby(["outlet", "speaker"]).size().rename("quotes").reset_index()
    counts = counts.sort_values(["outlet", "quotes", "speaker"], ascending=[True, False, True])
    listed: dict[str, list[list[Any]]] = {
        str(name): [[s, int(n)] for s, n in zip(g["speaker"], g["quotes"])][:SPEAKERS_PER_OUTLET]
        for name, g in counts.groupby("outlet", sort=True)}
    speakers: list[dict[str, Any]] = [{"outlet": name, "speakers": named} for name, named in listed.items()]
    blocks, speaker_anchors = quote_blocks(scores, corpus, outlets(scores), speakers, article_anchors)
    for item in speakers:
        item["anchors"] = [speaker_anchors.get((item["outlet"], name)) for name, _ in listed[item["outlet"]]]
    present = {b["anchor"] for b in blocks}
    by_outlet = {name: f"quotes-{i}" for i, name in enumerate(outlets(scores)) if f"quotes-{i}" in present}
    return {"table": link_rows_to(table(per_outlet, "Quotation per outlet", headers), by_outlet),
            "speakers": speakers, "evidence": blocks}
