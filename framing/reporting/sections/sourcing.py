"""The sourcing section: the share of quoted words, the number of quotes and who is quoted, linked to the quotes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.reporting.blocks import link_rows_to
from framing.reporting.quote_evidence import quote_blocks, quote_frame
from framing.reporting.sections.common import outlets
from framing.reporting.tables import table
from framing.stats.matrices import top_outlets

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
    from framing.reporting.sections.articles import FULL_TEXT_LIMIT

    shown = SPEAKERS_PER_OUTLET if len(corpus.articles) <= FULL_TEXT_LIMIT else 3  # a large corpus lists the top 3
    listed: dict[str, list[list[Any]]] = {
        str(name): [[s, int(n)] for s, n in zip(g["speaker"], g["quotes"])][:shown]
        for name, g in counts.groupby("outlet", sort=True)
    }
    speakers: list[dict[str, Any]] = [{"outlet": name, "speakers": named} for name, named in listed.items()]
    linked = outlets(scores) if len(corpus.articles) <= FULL_TEXT_LIMIT else top_outlets(scores.table)  # as sentiment
    blocks, speaker_anchors = quote_blocks(scores, corpus, linked, speakers, article_anchors)
    for item in speakers:
        item["anchors"] = [speaker_anchors.get((item["outlet"], name)) for name, _ in listed[item["outlet"]]]
    present = {b["anchor"] for b in blocks}
    by_outlet = {name: f"quotes-{i}" for i, name in enumerate(linked) if f"quotes-{i}" in present}
    return {
        "table": link_rows_to(table(per_outlet, "Quotation per outlet", headers), by_outlet),
        "speakers": speakers,
        "evidence": blocks,
    }
