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
        opening = (
            f'<tr data-outlet="{row["outlet"]}" id="{row["row_id"]}">'
            if row["row_id"]
            else f'<tr data-outlet="{row["outlet"]}">'
        )
        assert opening + f'<th scope="row"><a href="#{row["anchor"]}">' in nato_page
        numbers = nato_page.split(opening, 1)[1].split("</tr>", 1)[0]
        assert numbers.count(f'<a href="#{row["anchor"]}">') == 1 + len(row["values"]), (
            "each score links to its article"
        )


def test_each_outlet_s_first_row_is_the_overview_s_link_target(nato_json):
    first = {row["outlet"]: row["row_id"] for row in reversed(nato_json["index"]["rows"]) if row["row_id"]}
    assert len(first) == nato_json["overview"]["outlets"]
    links = nato_json["overview"]["table"]["links"]
    for row, linked in zip(nato_json["overview"]["table"]["rows"], links):
        assert linked[0] is None and set(linked[1:]) == {first[row[0]]}
