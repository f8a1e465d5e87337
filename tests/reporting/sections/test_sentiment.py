"""framing.reporting.sections.sentiment: sentiment and subjectivity per outlet."""
from __future__ import annotations

import pytest


def test_json_numbers_match_the_scores(nato_json, nato_scores):
    for key in ("sentiment", "subjectivity"):
        rows = {row[0]: row for row in nato_json["sentiment"][key]["rows"]}
        for outlet, value in nato_scores.table.groupby("outlet")[key].mean().items():
            assert rows[outlet][2] == pytest.approx(value, abs=1e-4)
