"""framing.reporting.cell_evidence: every number in a category table opens the sentences it counted."""

from __future__ import annotations

from framing.reporting.cell_evidence import anchor_prefix, cell_evidence, link_rows


def test_each_cell_lists_its_hits_in_their_sentences(nato_scores, nato_corpus):
    ev = cell_evidence(
        nato_scores,
        nato_corpus,
        family="frame",
        lexicon="military-posture",
        outlets=["Antiwar.com", "Defense News"],
        categories=["defensive", "buildup"],
        article_anchors={"004-antiwar": "article-0"},
        classes={},
    )
    evidence = nato_scores.evidence
    for cell in ev["cells"]:
        doc = "004-antiwar" if cell["outlet"] == "Antiwar.com" else "000-defense-news"
        rows = evidence[
            (evidence["doc_id"] == doc)
            & (evidence["lexicon"] == "military-posture")
            & (evidence["category"] == cell["category"])
        ]
        assert cell["hits"] == len(rows) > 0
        assert 1 <= len(cell["sentences"]) <= 3 and cell["more"] == rows["sentence"].nunique() - len(cell["sentences"])
        assert all("<mark" in str(s["html"]) for s in cell["sentences"])
    antiwar = next(c for c in ev["cells"] if c["outlet"] == "Antiwar.com")
    assert antiwar["anchor"].startswith("hits-military-posture-0-") and antiwar["sentences"][0]["anchor"] == "article-0"


def test_links_follow_the_table_orientation():
    ev = {"cells": [{"outlet": "A", "category": "x", "anchor": "hits-l-0-0"}]}
    by_outlet = {"columns": ["outlet", "x", "y"], "rows": [["A", 1.0, 0.0]]}
    by_category = {"columns": ["frame", "A"], "rows": [["x", 1.0], ["y", 0.0]]}
    assert link_rows(by_outlet, ev, outlets_are_rows=True)["links"] == [[None, "hits-l-0-0", None]]
    assert link_rows(by_category, ev, outlets_are_rows=False)["links"] == [[None, "hits-l-0-0"], [None, None]]


def test_anchor_prefix_is_a_safe_identifier():
    assert anchor_prefix('Bad "name" <x>') == "hits-bad-name-x"
