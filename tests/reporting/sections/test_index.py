"""framing.reporting.sections.index: one row per article with its key scores, linked to its text."""
from __future__ import annotations

import pytest


def test_every_article_has_a_row_with_its_scores(nato_json, nato_scores):
    index = nato_json["index"]
    assert index["total"] == len(index["rows"]) == 5
    assert index["columns"] == ["words", "frame balance", "tone", "loaded words per 1,000", "share quoted"]
    by_doc = nato_scores.table.set_index("doc_id")
    for row in index["rows"]:
        assert row["anchor"].startswith("article-")
        words, balance, tone = row["values"][:3]
        assert words == by_doc.at[row["doc_id"], "words"]
        assert balance == pytest.approx(by_doc.at[row["doc_id"], "frame.military-posture.balance"], abs=1e-4)
        assert tone == pytest.approx(by_doc.at[row["doc_id"], "sentiment"], abs=1e-4)


def test_rows_read_in_outlet_order_and_link_to_the_articles(nato_json, nato_page):
    rows = nato_json["index"]["rows"]
    assert [r["outlet"] for r in rows] == sorted(r["outlet"] for r in rows)
    for row in rows:
        assert f'<tr data-outlet="{row["outlet"]}"><th scope="row"><a href="#{row["anchor"]}">' in nato_page
