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


def test_each_off_diagonal_cell_links_to_its_pair_s_words(nato_json, nato_comparison):
    t = nato_json["similarity"]["table"]
    blocks = {b["anchor"]: b for b in nato_json["similarity"]["evidence"]}
    names = [row[0] for row in t["rows"]]
    assert len(blocks) == len(names) * (len(names) - 1) // 2
    for i, links in enumerate(t["links"]):
        assert links[0] is None and links[1 + i] is None  # an outlet against itself says nothing
        for j, anchor in enumerate(links[1:]):
            if i == j:
                continue
            assert anchor == t["links"][j][1 + i], "both halves of the matrix open the same pair"
            a, b = sorted((names[i], names[j]), key=names.index)
            assert blocks[anchor]["heading"] == f"{a} and {b}: similarity {t['rows'][i][1 + j]:.2f}"


def test_pair_words_are_shared_or_set_apart_and_never_said(nato_json, nato_comparison):
    table, outlets, terms = nato_comparison.counts[1]
    count = {(o, str(t)): int(table[outlets.index(o), k]) for o in outlets for k, t in enumerate(terms)}
    for block in nato_json["similarity"]["evidence"]:
        a, b = block["heading"].split(": similarity")[0].split(" and ", 1)
        shared, apart_a, apart_b = block["words"]
        assert shared["terms"], block["heading"]
        for term, both in shared["terms"]:
            assert both == f"{count[(a, term)]} / {count[(b, term)]}" and count[(a, term)] and count[(b, term)]
        for term, n in apart_a["terms"]:
            assert count[(a, term)] == n
        for term, n in apart_b["terms"]:
            assert count[(b, term)] == n
        words = {t for w in block["words"] for t, _ in w["terms"]}
        assert not words & {"said", "says", "told", "mr"}
