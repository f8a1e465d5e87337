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


def test_a_tick_links_to_the_outlet_s_sentence_and_a_cross_to_nothing(nato_json, nato_page):
    omissions = nato_json["same_fact"]["omissions"]
    versions = {v["anchor"]: (f["fact"], v["outlet"]) for f in nato_json["same_fact"]["facts"] for v in f["versions"]}
    ticks = 0
    for row, links in zip(omissions["rows"], omissions["links"]):
        for outlet, value, anchor in zip(omissions["columns"][3:], row[3:], links[3:]):
            if value == "✗":
                assert anchor is None
            elif anchor is not None:
                ticks += 1
                assert versions[anchor] == (row[0], outlet)
                assert f'<blockquote class="version" id="{anchor}">' in nato_page
    assert ticks == sum(row[3:].count("✓") for row in omissions["rows"]) > 0
