"""The sentiment dot plot: a dot per outlet and panel, a tick per article while they are few."""

from __future__ import annotations

from framing.reporting.charts import dots


def test_one_dot_per_outlet_in_each_panel_and_a_tick_per_article(nato_scores):
    svg = dots.sentiment(nato_scores, "se", "Alt")
    outlets = nato_scores.table["outlet"].nunique()
    assert svg.count("<circle") == 2 * outlets
    assert svg.count('stroke="#999999"') == 2 * len(nato_scores.table)


def test_many_articles_leave_out_the_ticks(nato_scores, monkeypatch):
    monkeypatch.setattr(dots, "MAX_TICKS", 2)
    assert 'stroke="#999999"' not in dots.sentiment(nato_scores, "se", "Alt")
