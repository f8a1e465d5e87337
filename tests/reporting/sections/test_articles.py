"""framing.reporting.sections.articles: every shown article in full, marked, capped round-robin."""
from __future__ import annotations


def test_articles_are_all_shown_with_marks_and_greyed_boilerplate(nato_corpus, nato_page):
    assert nato_page.count('<article class="doc"') == len(nato_corpus.articles)
    assert nato_page.count('class="boilerplate"') >= len(nato_corpus.boilerplate)
    assert nato_page.count("<mark class=\"hl") > 50
    assert 'tabindex="0"' in nato_page and "data-tip=" in nato_page


def test_article_cap_says_how_many_are_not_shown(nato_corpus, nato_scores, nato_comparison):
    from framing.reporting import report

    capped = report(nato_corpus, scores=nato_scores, comparison=nato_comparison, max_articles=2).html
    assert capped.count('<article class="doc"') == 2
    assert "Showing 2 of 5 articles" in capped and "3 articles are not shown" in capped
