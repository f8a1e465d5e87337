"""framing.reporting.sections.articles: every shown article in full, marked, capped round-robin."""

from __future__ import annotations

import html
import re


def test_articles_are_all_shown_with_marks_and_greyed_boilerplate(nato_corpus, nato_page):
    assert nato_page.count('<article class="doc"') == len(nato_corpus.articles)
    assert nato_page.count('class="boilerplate"') >= len(nato_corpus.boilerplate)
    assert nato_page.count('<mark class="hl') > 50
    assert 'tabindex="0"' in nato_page and "data-tip=" in nato_page


def test_article_cap_says_how_many_are_not_shown(nato_corpus, nato_scores, nato_comparison):
    from framing.reporting import report

    capped = report(nato_corpus, scores=nato_scores, comparison=nato_comparison, max_articles=2).html
    assert capped.count('<article class="doc"') == 2
    assert "Showing 2 of 5 articles" in capped and "3 articles are not shown" in capped


def test_a_large_corpus_shows_excerpts_not_full_texts(nato_corpus, nato_scores, nato_comparison, monkeypatch):
    from framing.reporting import report
    from framing.reporting.sections import articles

    monkeypatch.setattr(articles, "FULL_TEXT_LIMIT", 3)
    data = report(nato_corpus, scores=nato_scores, comparison=nato_comparison).data.articles
    assert data["excerpts"] and len(data["shown"]) == 5
    for item in data["shown"]:
        text = nato_corpus.articles.set_index("doc_id").at[item["doc_id"], "clean_text"]
        shown = str(item["html"])
        plain = html.unescape(re.sub(r"<[^>]+>", "", shown))
        assert plain.endswith(" …") and text.startswith(plain[:-2]) and len(plain) < len(text)
        assert 'class="boilerplate"' not in shown and "<mark" in shown
