"""framing.reporting.sections.loaded: the evaluative total, each cue class, the words behind them."""

from __future__ import annotations

import pytest

from framing.reporting.sections.loaded import top_words


def test_totals_are_the_outlet_means(nato_json, nato_scores):
    rows = {row[0]: row for row in nato_json["loaded"]["totals"]["rows"]}
    for outlet, value in nato_scores.table.groupby("outlet")["loaded"].mean().items():
        assert rows[outlet][1] == pytest.approx(value, abs=1e-4)


def test_top_words_are_counted_from_the_evidence(nato_scores):
    words = top_words(nato_scores, "loaded")
    evidence = nato_scores.evidence[nato_scores.evidence["family"] == "loaded"]
    outlet_of = dict(zip(nato_scores.table["doc_id"], nato_scores.table["outlet"]))
    for item in words:
        mine = evidence[evidence["doc_id"].map(outlet_of) == item["outlet"]]["text"].str.lower()
        counts = [n for _, n in item["words"]]
        assert counts == sorted(counts, reverse=True)
        for word, n in item["words"]:
            assert (mine == word).sum() == n


def test_each_total_links_to_its_evaluative_classes_only(nato_json):
    from framing.scoring.loaded import LOADING_CLASSES

    totals = nato_json["loaded"]["totals"]
    blocks = {b["anchor"]: b for b in nato_json["loaded"]["total_evidence"]}
    cells = {(c["outlet"], c["category"]): c for c in nato_json["loaded"]["evidence"]["cells"]}
    for row, links in zip(totals["rows"], totals["links"]):
        lines = blocks[links[1]]["lines"]
        assert len(lines) == len(LOADING_CLASSES)
        linked = [item["anchor"] for item in lines if item["anchor"]]
        assert linked == [cells[(row[0], c)]["anchor"] for c in LOADING_CLASSES if (row[0], c) in cells]
        assert sum(cells[(row[0], c)]["hits"] for c in LOADING_CLASSES if (row[0], c) in cells) == row[2]
