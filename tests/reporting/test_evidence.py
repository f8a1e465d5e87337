"""Evidence sentences behind each stance cell: strongest first, stable ties, marks only for that target."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from framing.reporting.evidence import sentence_bounds, stance_evidence, strongest_sentences
from framing.scoring.base import EVIDENCE_COLUMNS

TEXTS = {
    "a": "NATO acts. Russia <threatens> NATO. Nothing here.",
    "b": "NATO defends. Troops in Ukraine.",
}


def row(doc, sentence, start, end, lexicon, target, weight):
    return [doc, sentence, start, end, TEXTS[doc][start:end], "stance", lexicon, target, False, weight]


@pytest.fixture
def tiny():
    evidence = pd.DataFrame(
        [
            row("a", 0, 0, 4, "mention", "NATO", 0.2),
            row("a", 1, 11, 17, "mention", "Russia", -0.9),
            row("a", 1, 18, 29, "cue", "Russia", -1.5),
            row("a", 1, 30, 34, "mention", "NATO", -0.6),
            row("b", 0, 0, 4, "mention", "NATO", 0.6),
            row("b", 0, 5, 12, "cue", "NATO", 0.8),
            row("b", 1, 24, 31, "place", "Ukraine", 0.0),
            ["b", 0, 0, 4, "NATO", "frame", "military-posture", "defensive", False, 1.0],
        ],
        columns=EVIDENCE_COLUMNS,
    )
    table = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["One", "One"]})
    articles = pd.DataFrame({"doc_id": list(TEXTS), "clean_text": list(TEXTS.values()), "title": ["A <1>", "B"]})
    return SimpleNamespace(evidence=evidence, table=table), SimpleNamespace(articles=articles)


def test_strongest_sentences_rank_by_absolute_score_then_article_and_sentence(tiny):
    scores, _ = tiny
    chosen = strongest_sentences(scores, limit=2)
    nato = chosen[chosen["target"] == "NATO"]
    # |0.6| twice (a/1 and b/0: ties go by doc_id), then 0.2 is cut by the limit
    assert list(zip(nato["doc_id"], nato["sentence"], nato["score"])) == [("a", 1, -0.6), ("b", 0, 0.6)]
    assert nato["found"].tolist() == [3, 3]


def test_a_sentence_s_score_is_its_mentions_mean_not_its_cues(tiny):
    scores, _ = tiny
    russia = strongest_sentences(scores, limit=5).query("target == 'Russia'")
    assert russia["score"].tolist() == [-0.9]


def test_a_place_only_sentence_is_kept_and_flagged(tiny):
    scores, _ = tiny
    ukraine = strongest_sentences(scores, limit=5).query("target == 'Ukraine'")
    assert ukraine["place"].tolist() == [True] and ukraine["score"].tolist() == [0.0]


def test_sentence_bounds_split_each_article_once_and_know_no_stranger(tiny):
    _, corpus = tiny
    bounds = sentence_bounds(corpus)
    text, spans = bounds("a")
    assert text == TEXTS["a"] and [text[s:e] for s, e in spans][:2] == ["NATO acts.", "Russia <threatens> NATO."]
    assert bounds("a") is bounds("a")
    assert bounds("zzz") == ("", [])


def test_stance_evidence_one_entry_per_cell_escaped_and_linked(tiny):
    scores, corpus = tiny
    cells = {
        "rows": [
            {
                "outlet": "One",
                "cells": [
                    {"target": "NATO", "anchor": "st-0-0", "value": 0.07, "mentions": 3},
                    {"target": "Russia", "anchor": "st-0-1", "value": -0.9, "mentions": 1},
                    {"target": "Absent", "anchor": "st-0-2", "value": None, "mentions": 0},
                ],
            }
        ]
    }
    entries = stance_evidence(scores, corpus, cells, {"a": "article-0"}, {}, limit=2)
    assert [e["anchor"] for e in entries] == ["st-0-0", "st-0-1", "st-0-2"]
    nato, russia, absent = entries
    assert nato["more"] == 1 and [s["doc_id"] for s in nato["sentences"]] == ["a", "b"]
    first = nato["sentences"][0]
    assert first["text"] == "Russia <threatens> NATO." and first["anchor"] == "article-0" and first["title"] == "A <1>"
    assert "&lt;threatens&gt;" in first["html"] and "<threatens>" not in first["html"]
    # only this cell's target is marked: Russia and its cue stay plain text
    assert first["html"].count("<mark") == 1 and ">NATO</mark>." in first["html"]
    assert nato["sentences"][1]["anchor"] is None
    assert russia["sentences"][0]["score"] == -0.9 and russia["more"] == 0
    assert absent == {**absent, "sentences": [], "more": 0}


def test_a_sentence_naming_a_target_only_as_a_place_says_it_is_not_scored(nato_scores, nato_page):
    from framing.reporting.evidence import strongest_sentences

    chosen = strongest_sentences(nato_scores, limit=10)
    places = chosen[chosen["place"]]
    # Antiwar.com: '... launch a "special military operation" in Ukraine.' names Ukraine as a place
    assert ((places["doc_id"] == "004-antiwar") & (places["target"] == "Ukraine")).any(), chosen
    assert (places["score"] == 0).all()
    assert not chosen[~chosen["place"]].empty
    assert "(named as a place: not scored)" in nato_page
