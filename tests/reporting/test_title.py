"""framing.reporting.title: the corpus's own title, never its slug; several stories are not "the story"."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from framing.reporting.title import corpus_title, report_title, story_count


def corpus(name, **meta):
    return SimpleNamespace(name=name, meta=meta)


def test_title_from_metadata_then_description_then_words():
    assert corpus_title(corpus("x", title="NATO's eastern flank")) == "NATO's eastern flank"
    assert corpus_title(corpus("x", description="Ten texts on a strike. More here.")) == "Ten texts on a strike"
    assert corpus_title(corpus("election-reform_2024", description="x " * 80)) == "Election reform 2024"


def test_the_bundled_title(nato_json):
    assert nato_json["title"] == "How 5 outlets tell one story: NATO reinforces its eastern flank, March to April 2022"


def test_several_stories_are_counted_without_the_one_article_ones():
    labels = pd.DataFrame({"story": [0, 1, 2], "articles": [5, 3, 1]})
    stories = story_count(SimpleNamespace(story_labels=labels))
    scores = SimpleNamespace(table=pd.DataFrame({"outlet": ["a", "b"]}))
    assert stories == 2
    assert report_title(corpus("c", title="Week 12"), scores, stories) == "How 2 outlets cover 2 stories: Week 12"
