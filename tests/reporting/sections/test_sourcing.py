"""framing.reporting.sections.sourcing: quoted share, quotes and named speakers per outlet."""
from __future__ import annotations


def test_quote_counts_and_speakers_match_the_quotes(nato_json, nato_scores):
    rows = {row[0]: row for row in nato_json["sourcing"]["table"]["rows"]}
    for outlet, count in nato_scores.table.groupby("outlet")["quotes.count"].sum().items():
        assert rows[outlet][2] == count
    speakers = {item["outlet"]: dict(item["speakers"]) for item in nato_json["sourcing"]["speakers"]}
    assert speakers["Defense News"]["Jens Stoltenberg"] == 5
    assert "Unattributed overview B" not in speakers  # it quotes no one
