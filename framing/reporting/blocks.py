"""Evidence blocks: the words behind a number that is not one outlet x category count.

A mean tone, a quote count, a similarity or a frame balance is made of other
things (articles and their toned sentences, quotes, shared words, category
hits). Each such number's table cell links to one block with a stable anchor,
and the block lists what made the number: `lines` (each an item, maybe linked
to its own evidence), `words` (labelled word lists with counts) and
`sentences` (safe HTML excerpts linked to their article). The blocks sit in a
closed `<details>`; a browser opens it when a link lands inside, so the page
reads without a script. `link_cells` adds the links grid `_table.html` reads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup

Block = dict[str, Any]
"""{"anchor", "heading", "lines": [{"text", "anchor"}], "words": [{"label", "terms"}], "sentences", "more", "note"}."""


def block(
    anchor: str,
    heading: str,
    *,
    lines: Sequence[dict[str, Any]] = (),
    words: Sequence[dict[str, Any]] = (),
    sentences: Sequence[dict[str, Any]] = (),
    more: int = 0,
    note: str = "",
) -> Block:
    """One evidence block; `more` counts the sentences (or items) not shown."""
    return {
        "anchor": anchor,
        "heading": heading,
        "lines": list(lines),
        "words": list(words),
        "sentences": list(sentences),
        "more": max(0, int(more)),
        "note": note,
    }


def line(text: str, anchor: str | None = None) -> dict[str, Any]:
    """One item of a block, linked to `anchor` when it has one."""
    return {"text": text, "anchor": anchor}


def excerpt(doc_id: str, title: str, text: str, html: Markup, anchor: str | None) -> dict[str, Any]:
    """One sentence of a block: its text (for the JSON), its safe HTML and a link to its article (when shown)."""
    return {"doc_id": doc_id, "title": title, "text": text, "html": html, "anchor": anchor}


def two_decimals(value: object) -> str:
    """A value as a block line shows it: two decimals, or "no value"."""
    from framing.reporting.tables import clean_value

    cleaned = clean_value(value)
    return f"{cleaned:.2f}" if isinstance(cleaned, (int, float)) else "no value"


def link_cells(table: dict[str, Any], anchor_of: Callable[[int, int], str | None]) -> dict[str, Any]:
    """`table` with a `links` grid: `anchor_of(row, column)` for each value cell (columns from 1), else None."""
    width = len(table["columns"])
    links = [[None, *[anchor_of(i, j) for j in range(1, width)]] for i in range(len(table["rows"]))]
    return {**table, "links": links}


def link_rows_to(table: dict[str, Any], anchor_of_head: dict[str, str]) -> dict[str, Any]:
    """`table` with every value cell of a row linked to the block of that row's first cell (its outlet)."""
    heads = [str(row[0]) for row in table["rows"]]
    return link_cells(table, lambda i, _j: anchor_of_head.get(heads[i]))
