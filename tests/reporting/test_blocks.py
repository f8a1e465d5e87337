"""framing.reporting.blocks: evidence blocks and the links grid a table's cells read."""

from __future__ import annotations

from markupsafe import Markup

from framing.reporting.blocks import block, excerpt, line, link_cells, link_rows_to


def _table():
    return {"caption": "c", "columns": ["outlet", "a", "b"], "rows": [["X", 1, 2], ["Y", 3, 4]]}


def test_link_cells_asks_for_every_value_cell_and_never_the_row_head():
    asked = []
    linked = link_cells(_table(), lambda i, j: asked.append((i, j)) or f"c-{i}-{j}")
    assert asked == [(0, 1), (0, 2), (1, 1), (1, 2)]
    assert linked["links"] == [[None, "c-0-1", "c-0-2"], [None, "c-1-1", "c-1-2"]]
    assert "links" not in _table()  # the input is not changed


def test_link_rows_to_links_a_whole_row_or_none_of_it():
    linked = link_rows_to(_table(), {"X": "x-block"})
    assert linked["links"] == [[None, "x-block", "x-block"], [None, None, None]]


def test_a_block_keeps_what_it_is_given_and_never_counts_below_zero():
    made = block(
        "a-0",
        "heading",
        lines=[line("one", "t")],
        sentences=[excerpt("d", "T", "s", Markup("<b>s</b>"), None)],
        more=-3,
    )
    assert made["more"] == 0 and made["lines"] == [{"text": "one", "anchor": "t"}]
    assert made["sentences"][0]["text"] == "s" and made["words"] == [] and made["note"] == ""


def test_blocks_render_escaped_with_their_anchor():
    from framing.templating import environment

    template = environment().from_string(
        '{% from "_macros.html" import evidence_blocks %}{{ evidence_blocks(b, "s") }}'
    )
    hostile = block(
        "x-1", "<script>h</script>", lines=[line("<i>l</i>", "y")], words=[{"label": "<b>w</b>", "terms": [["<t>", 2]]}]
    )
    page = template.render(b=[hostile])
    assert '<div class="evidence" id="x-1">' in page and '<a href="#y">&lt;i&gt;l&lt;/i&gt;</a>' in page
    assert "<script>" not in page and "&lt;t&gt;" in page and "<b>" not in page
