"""The quotes behind the sourcing numbers: an outlet's quotes, and each named speaker's.

The quote share and count of an outlet, and the count next to each speaker,
are made of quotes the sourcing scorer found; a reader should read them. Each
outlet gets a block (`quotes-<i>`) with its first quotes in article order and
each speaker a block (`quotes-<i>-<j>`, in the order the section lists the
speakers) with theirs, every quote linked to its article when it is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd
from markupsafe import escape

from framing.reporting.blocks import Block, block, excerpt, line

if TYPE_CHECKING:
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores

QUOTES_PER_BLOCK = 3
QUOTE_CHARACTERS = 240


def quote_frame(scores: Scores) -> pd.DataFrame:
    """Every quote with its outlet and speaker ("" when unnamed), in outlet, article and position order."""
    quotes = getattr(scores, "quotes", None)
    columns = ["doc_id", "start", "text", "speaker", "outlet"]
    if quotes is None or not len(quotes):
        return pd.DataFrame(columns=columns)
    outlet_of = dict(zip(scores.table["doc_id"].astype(str), scores.table["outlet"].astype(str)))
    speaker = quotes["speaker"].fillna("").astype(str).str.strip() if "speaker" in quotes else ""
    frame = pd.DataFrame(
        {
            "doc_id": quotes["doc_id"].astype(str),
            "start": quotes["start"].astype(int),
            "text": quotes["text"].astype(str),
            "speaker": speaker,
        }
    )
    frame["outlet"] = frame["doc_id"].map(outlet_of)
    return frame.sort_values(["outlet", "doc_id", "start"], kind="stable")[columns]


def _shown(quotes: pd.DataFrame, titles: dict[str, str], anchors: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for doc_id, text, speaker in zip(quotes["doc_id"], quotes["text"], quotes["speaker"]):
        cut = text if len(text) <= QUOTE_CHARACTERS else text[:QUOTE_CHARACTERS].rsplit(" ", 1)[0] + " …"
        said = f"{speaker}: " if speaker else "(no named speaker) "
        out.append(excerpt(doc_id, titles.get(doc_id, ""), text, escape(f"{said}“{cut}”"), anchors.get(doc_id)))
    return out


def quote_blocks(
    scores: Scores,
    corpus: Corpus,
    outlets: Sequence[str],
    speakers: list[dict[str, Any]],
    article_anchors: dict[str, str],
) -> tuple[list[Block], dict[tuple[str, str], str]]:
    """The outlet blocks and speaker blocks, and (outlet, speaker) -> anchor for the speaker list's links.

    A large corpus (more than `FULL_TEXT_LIMIT` articles) shows one quote per block, with the count of the rest.
    """
    from framing.reporting.sections.articles import FULL_TEXT_LIMIT

    per_block = QUOTES_PER_BLOCK if len(corpus.articles) <= FULL_TEXT_LIMIT else 1
    quotes = quote_frame(scores)
    titles = dict(zip(corpus.articles["doc_id"].astype(str), corpus.articles["title"].astype(str)))
    by_outlet = {name: part for name, part in quotes.groupby("outlet", sort=True)}
    listed = {item["outlet"]: [name for name, _ in item["speakers"]] for item in speakers}
    blocks: list[Block] = []
    speaker_anchors: dict[tuple[str, str], str] = {}
    for i, outlet in enumerate(outlets):
        part = by_outlet.get(outlet)
        if part is None:
            continue
        named = listed.get(outlet, [])
        lines = [line(f"quotes of {name}", f"quotes-{i}-{j}") for j, name in enumerate(named)]
        blocks.append(
            block(
                f"quotes-{i}",
                f"{outlet}: {len(part)} quote{'s' if len(part) != 1 else ''}",
                lines=lines,
                sentences=_shown(part.head(per_block), titles, article_anchors),
                more=len(part) - per_block,
            )
        )
        for j, name in enumerate(named):
            theirs = part[part["speaker"] == name]
            speaker_anchors[(outlet, name)] = f"quotes-{i}-{j}"
            blocks.append(
                block(
                    f"quotes-{i}-{j}",
                    f"{outlet} quoting {name}: {len(theirs)}",
                    sentences=_shown(theirs.head(per_block), titles, article_anchors),
                    more=len(theirs) - per_block,
                )
            )
    return blocks, speaker_anchors
