"""framing.reporting.sections.over_time: coverage and the main contrast per outlet and period, with the shifts."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from framing.reporting.sections.over_time import MIN_PERIODS, frequency, measure
from tests.reporting.fixtures import dated_articles, off_story


@pytest.fixture(scope="module")
def section(dated_report):
    return json.loads(dated_report.json)["over_time"]


def test_the_bundled_corpus_has_too_few_periods_and_no_section(nato_json, nato_scores, nato_corpus):
    dates = nato_corpus.articles.set_index("doc_id")["date"]
    assert frequency(nato_scores, dates) == (None, 2)  # three dated articles in two weeks
    assert nato_json["over_time"] is None


def test_months_weeks_or_quarters_by_how_long_the_dates_run(nato_scores):
    table = nato_scores.table
    weeks = pd.Series(pd.to_datetime([f"2022-03-{d:02d}" for d in (1, 8, 15, 22, 29)]), index=table["doc_id"])
    assert frequency(nato_scores, weeks) == ("W", 5)
    years = pd.Series(
        pd.to_datetime(["2019-01-05", "2020-02-05", "2021-03-05", "2022-04-05", "2023-05-05"]), index=table["doc_id"]
    )
    assert frequency(nato_scores, years) == ("Q", 5)
    three = pd.Series(
        pd.to_datetime(["2022-01-05", "2022-02-05", "2022-03-05", "2022-01-06", None]), index=table["doc_id"]
    )
    assert frequency(nato_scores, three)[0] is None and MIN_PERIODS == 4


def test_the_planted_shift_is_found_at_its_month_and_linked_to_the_articles_that_drive_it(section):
    assert (section["freq"], section["periods"], section["panels"]) == ("M", 6, ["Alpha", "Beta"])
    assert section["column"] == "sentiment", "military-posture scores no article here, so the tone is drawn"
    assert [(s["outlet"], s["before"], s["after"]) for s in section["shifts"]] == [("Alpha", "2022-03", "2022-04")]
    shift = section["shifts"][0]
    assert shift["difference"] > 0.5 and shift["p_adjusted"] <= 0.05
    assert [d["text"] for d in shift["drivers"]] == ["Alpha report 4.0", "Alpha report 4.1", "Alpha report 4.2"]
    assert all(d["anchor"].startswith("article-") for d in shift["drivers"])


def test_undated_articles_are_counted_and_named(section):
    assert section["undated"] == {"count": 2, "named": ["Undated piece 0", "Undated piece 1"]}


def test_the_table_is_the_trends_and_each_row_opens_its_articles(section, dated_report):
    trends = dated_report.scores.over_time("M", columns=["sentiment"])
    rows, links = section["table"]["rows"], section["table"]["links"]
    assert len(rows) == len(trends) == 12
    blocks = {b["anchor"]: b for b in section["evidence"]}
    for row, linked, (_, expected) in zip(rows, links, trends.iterrows()):
        assert row[0] == f"{expected['outlet']} · {expected['period']}"
        assert row[1] == expected["articles"] and row[2] == pytest.approx(expected["share"], abs=1e-4)
        assert row[3] == pytest.approx(expected["sentiment"], abs=1e-4)
        assert linked[0] is None and len(set(linked[1:])) == 1
        block = blocks[linked[1]]
        assert block["heading"] == f"{expected['outlet']}, {expected['period']}: 6 articles"
        assert len(block["lines"]) == 6 and all(item["anchor"] for item in block["lines"])


def test_a_frame_contrast_is_drawn_when_its_lexicon_scores_the_corpus(nato_scores):
    assert measure(nato_scores) == ("frame.military-posture.balance", "balance (+1 defensive, −1 buildup)")


def test_the_page_shows_the_figure_the_shift_and_the_undated_note(dated_report):
    page = dated_report.html
    part = page[page.index('<section id="over-time"') : page.index("</section>", page.index('<section id="over-time"'))]
    assert 'aria-labelledby="over-time-title"' in part
    assert "over-time-narrow-title" not in part, "74 articles: a large corpus gets one drawing per figure"
    assert '<li id="shift-0"><span class="outlet">Alpha</span>: from -0.46 in 2022-01–2022-03 (18 articles)' in part
    assert 'href="#shift-0"' in part, "the figure's dashed line links to the shift"
    assert "2 articles have no date and are not in the figure: Undated piece 0; Undated piece 1." in part


def test_no_shift_is_claimed_without_one():
    from framing.reporting import report

    steady = dated_articles(shift_at=99)
    section = json.loads(report(steady).json)["over_time"]
    assert section["shifts"] == [] and section["periods"] == 6


def test_a_lexicon_written_for_another_story_is_not_drawn_over_time(nato_scores):
    """A tenth of military-posture's home rate (yet every article touched): the figure follows the tone instead."""
    assert measure(nato_scores)[0] == "frame.military-posture.balance"
    assert measure(off_story(nato_scores))[0] == "sentiment"
