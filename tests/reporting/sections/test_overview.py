"""framing.reporting.sections.overview: the corpus, its outlets, dates and lengths."""

from __future__ import annotations


def test_overview_counts_outlets_dates_and_words(nato_json, nato_scores, nato_corpus):
    o = nato_json["overview"]
    assert (o["articles"], o["outlets"]) == (5, 5)
    assert (o["first_date"], o["last_date"]) == ("2022-03-16", "2022-04-11")
    assert o["undated"] == int(nato_corpus.articles["date"].isna().sum()) == 2
    words = nato_scores.table["words"]
    assert (o["words_min"], o["words_max"]) == (int(words.min()), int(words.max()))
    assert o["table"]["columns"] == ["outlet", "articles", "mean words per article", "first date", "last date"]
    assert [row[1] for row in o["table"]["rows"]] == [1] * 5


def test_overview_is_on_the_page_first(nato_page):
    assert nato_page.index('<section id="overview"') < nato_page.index('<section id="frames"')
    assert "<dt>Articles</dt><dd>5 from 5 outlets</dd>" in nato_page
