"""framing.reporting.sections.distinctive: each outlet's most distinctive words."""

from __future__ import annotations

from framing.reporting.sections.distinctive import distinctive


def test_words_are_positive_and_strongest_first(nato_json):
    lists = nato_json["distinctive"]
    assert [item["outlet"] for item in lists] == sorted(item["outlet"] for item in lists)
    for item in lists:
        values = [v for _, v in item["terms"]]
        assert 0 < len(values) <= 12 and all(v > 0 for v in values)
        assert values == sorted(values, reverse=True)


def test_no_comparison_no_words():
    assert distinctive(None) == []
