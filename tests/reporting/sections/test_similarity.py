"""framing.reporting.sections.similarity: the cosine matrix, groups of alike outlets, stories."""
from __future__ import annotations

import pytest

from framing.reporting.sections.similarity import similarity


def test_matrix_is_the_comparison_s_and_symmetric(nato_json, nato_comparison):
    t = nato_json["similarity"]["table"]
    names = [row[0] for row in t["rows"]]
    assert t["columns"][1:] == names
    for i, row in enumerate(t["rows"]):
        assert row[1 + i] == pytest.approx(1.0)
        for j, value in enumerate(row[1:]):
            assert value == pytest.approx(nato_comparison.outlet_similarity.loc[names[i], names[j]], abs=1e-4)


def test_groups_of_one_are_counted_not_listed(nato_json):
    s = nato_json["similarity"]
    assert all(len(c["outlets"]) >= 2 for c in s["clusters"])
    assert s["alone"] + sum(len(c["outlets"]) for c in s["clusters"]) == 5


def test_no_comparison_no_section():
    assert similarity(None, ["a"]) is None
