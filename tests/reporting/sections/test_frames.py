"""framing.reporting.sections.frames: each contrast per outlet, every category's rate."""

from __future__ import annotations

import pytest

from framing.templating import number


def test_balance_table_is_the_outlet_means_and_on_the_page(nato_json, nato_scores, nato_page):
    balance = nato_json["frames"]["contrasts"][0]
    assert (balance["positive"], balance["negative"]) == ("defensive", "buildup")
    assert balance["table"]["columns"][:3] == ["outlet", "articles", "mean"]
    means = nato_scores.table.groupby("outlet")["frame.military-posture.balance"].mean()
    for row in balance["table"]["rows"]:
        assert row[2] == pytest.approx(means[row[0]], abs=1e-4)
        assert f">{number(row[2])}<" in nato_page


def test_category_rates_cover_the_frame_lexicon_only(nato_json):
    frames = nato_json["frames"]
    assert frames["lexicons"] == ["military-posture"]
    columns = frames["categories"][0]["columns"]
    assert columns[0] == "outlet" and "defensive" in columns and "buildup" in columns


def test_each_balance_row_links_to_the_hits_of_its_two_categories(nato_json):
    balance = nato_json["frames"]["contrasts"][0]
    blocks = {b["anchor"]: b for b in balance["evidence"]}
    cells = {(c["outlet"], c["category"]): c for c in nato_json["frames"]["evidence"][0]["cells"]}
    for row, links in zip(balance["table"]["rows"], balance["table"]["links"]):
        assert links[0] is None and len(set(links[1:])) == 1
        block = blocks[links[1]]
        assert block["heading"] == f"{row[0]}: the hits behind its balance"
        for item, category in zip(block["lines"], ("defensive", "buildup")):
            cell = cells.get((row[0], category))
            assert item["text"].startswith(f"{category}: {cell['hits'] if cell else 0} hit")
            assert item["anchor"] == (cell["anchor"] if cell else None)
