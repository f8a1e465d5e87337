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
