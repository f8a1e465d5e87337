"""framing.reporting.sections.same_fact: facts side by side, and the omission matrix."""
from __future__ import annotations

from framing.reporting.sections.same_fact import MAX_FACTS, example


def test_each_fact_is_told_by_several_outlets(nato_json):
    same = nato_json["same_fact"]
    assert 0 < len(same["facts"]) <= MAX_FACTS and same["total"] >= len(same["facts"])
    for fact in same["facts"]:
        assert len({v["outlet"] for v in fact["versions"]}) >= 2
        assert fact["label"].startswith(f"Fact {fact['fact']}: told by ")


def test_omission_matrix_marks_every_outlet(nato_json):
    omissions = nato_json["same_fact"]["omissions"]
    outlets = omissions["columns"][3:]
    assert len(outlets) == 5
    for row in omissions["rows"]:
        assert set(row[3:]) <= {"✓", "✗"} and row[3:].count("✓") == row[1]


def test_long_examples_are_cut_at_a_word():
    text = "“" + "word " * 40 + "end.”"
    cut = example(text)
    assert cut.endswith(" …”") and len(cut) < 150 and "wor …" not in cut and "……" not in cut
    assert example("A short one.") == "A short one."
