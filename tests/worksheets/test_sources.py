"""Choosing and blinding the worksheet's sources: facts read, outlets most unlike, letters seeded, text capped."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from framing.errors import FramingError
from framing.worksheets import sources
from framing.worksheets.blind import Scrubber
from framing.worksheets.sources import (
    blind_order,
    choose_articles,
    facts_frame,
    make_source,
    most_different,
    story_label,
)


def test_no_facts_is_an_empty_frame_with_the_columns():
    for comparison in (None, SimpleNamespace(facts=pd.DataFrame())):
        assert list(facts_frame(comparison).columns) == ["fact", "doc_id", "sentence", "start", "end", "text"]


def test_facts_are_read_under_either_column_name_and_sorted():
    facts = pd.DataFrame(
        {"fact id": [2, 1, 1], "doc_id": ["b", "b", "a"], "sentence index": [4, 1, 0], "sentence text": ["x", "y", "z"]}
    )
    frame = facts_frame(SimpleNamespace(facts=facts))
    assert frame.values.tolist() == [[1, "a", 0, -1, -1, "z"], [1, "b", 1, -1, -1, "y"], [2, "b", 4, -1, -1, "x"]]


def test_a_facts_table_without_its_text_column_names_what_it_looked_for():
    facts = pd.DataFrame({"fact": [1], "doc_id": ["a"], "sentence": [0]})
    with pytest.raises(FramingError, match=r"^comparison.facts: no sentence text column \(looked for text, "):
        facts_frame(SimpleNamespace(facts=facts))


def test_story_label_is_the_stories_label_or_empty():
    labels = pd.DataFrame({"story": [0, 1], "label": ["nato troops", "gas prices"]})
    comparison = SimpleNamespace(stories=pd.Series({"a": 1, "b": 0}), story_labels=labels)
    assert story_label(comparison, "a") == "gas prices" and story_label(comparison, "b") == "nato troops"
    assert story_label(SimpleNamespace(), "a") == ""


def _row(text, title="Troops arrive", date="2022-02-03 10:00"):
    return SimpleNamespace(
        clean_text=text,
        title=title,
        date=pd.Timestamp(date) if date else pd.NaT,
        doc_id=7,
        outlet="Daily Planet",
        author="Lois Lane",
        url="https://dailyplanet.com/x",
    )


def test_make_source_prints_a_repeated_headline_once_and_blinds_names():
    row = _row("Troops arrive\n\nThe Daily Planet says troops arrive.\n\nMore follows.")
    source = make_source(row, "B", Scrubber(outlets=["Daily Planet"]))
    assert (source.letter, source.doc_id, source.date, source.outlet) == ("B", "7", "2022-02-03", "Daily Planet")
    assert "".join(s.text for s in source.title) == "Troops arrive"
    assert ["".join(s.text for s in p) for p in source.paragraphs] == [
        "The [source] says troops arrive.",
        "More follows.",
    ]
    assert source.words == 8 and source.words_hidden == 0  # the headline line is not counted twice


def test_make_source_caps_the_words_shown_and_counts_the_rest(monkeypatch):
    monkeypatch.setattr(sources, "MAX_WORDS_SHOWN", 5)
    source = make_source(_row("one two three\n\nfour five six\n\nseven", date=None), "A", Scrubber())
    assert len(source.paragraphs) == 1 and source.words == 7 and source.words_hidden == 4 and source.date == ""


def test_fewer_than_two_outlets_is_a_clear_error():
    articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["Solo", "Solo"]})
    corpus = SimpleNamespace(articles=articles, name="tiny")
    with pytest.raises(FramingError, match=r"^tiny: a worksheet needs articles from at least 2 outlets .* found 1;"):
        choose_articles(corpus, None, facts_frame(None))


def test_blind_order_is_seeded_and_not_alphabetical():
    ids = [f"{i:03d}-outlet" for i in range(5)]
    assert blind_order(ids, 0) == blind_order(list(reversed(ids)), 0)
    orders = {tuple(blind_order(ids, seed)[i] for i in ids) for seed in range(6)}
    assert len(orders) > 1
    assert sorted(blind_order(ids, 3).values()) == list("ABCDE")


def test_most_different_is_farthest_first():
    import pandas as pd

    names = ["a", "b", "c", "d"]
    sim = pd.DataFrame(
        [[1, 0.9, 0.2, 0.5], [0.9, 1, 0.3, 0.4], [0.2, 0.3, 1, 0.1], [0.5, 0.4, 0.1, 1]], index=names, columns=names
    )
    assert most_different(names, sim, 2) == ["c", "d"]
    assert most_different(names, sim, 3) == ["b", "c", "d"]  # b: max .4 < a: max .5
    assert most_different(names, None, 2) == ["a", "b"]
