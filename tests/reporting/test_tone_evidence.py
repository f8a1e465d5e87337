"""Tone blocks: an outlet's articles with their values, its most negative and positive sentences, VADER words marked."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from framing.reporting.tone_evidence import tone_blocks
from framing.scoring.base import EVIDENCE_COLUMNS

SENTENCES = pd.DataFrame(
    {
        "doc_id": ["a", "a", "a", "b", "b", "c"],
        "sentence": [0, 1, 2, 0, 1, 0],
        "start": [0, 10, 30, 0, 12, 0],
        "end": [9, 29, 40, 11, 30, 5],
        "text": ["Bad news.", "A great <success>.", "Neutral.", "Awful war.", "Terrible, sad day.", "Fine."],
        "vader": [-0.5, 0.8, 0.0, -0.7, -0.9, 0.2],
        "subjectivity": [0.6, 0.9, 0.0, 1.0, None, 0.3],
    }
)
EVIDENCE = pd.DataFrame(
    [
        ["a", 1, 12, 17, "great", "sentiment", "vader", "positive", False, 3.1],
        ["b", 1, 12, 20, "Terrible", "sentiment", "vader", "negative", False, -2.1],
    ],
    columns=EVIDENCE_COLUMNS,
)
SCORES = SimpleNamespace(
    table=pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["Alpha", "Alpha", "Beta"],
            "sentiment": [0.1, -0.8, 0.2],
            "subjectivity": [0.5, 1.0, 0.3],
        }
    ),
    sentences=SENTENCES,
    evidence=EVIDENCE,
)
CORPUS = SimpleNamespace(articles=pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["A", "B <b>", "C"]}))


def test_a_block_per_outlet_lists_its_articles_from_lowest_value():
    blocks = tone_blocks(SCORES, CORPUS, ["Alpha", "Beta"], {"b": "article-1"}, "sentiment", "tone")
    assert [b["anchor"] for b in blocks] == ["tone-0", "tone-1"]
    alpha = blocks[0]
    assert alpha["heading"] == "Alpha: sentiment of its 2 articles" and blocks[1]["heading"].endswith("1 article")
    assert alpha["lines"] == [{"text": "B <b>: -0.80", "anchor": "article-1"}, {"text": "A: 0.10", "anchor": None}]
    assert alpha["note"] == "" and alpha["more"] == 0


def test_sentiment_shows_the_most_negative_then_the_most_positive_with_words_marked():
    alpha = tone_blocks(SCORES, CORPUS, ["Alpha"], {}, "sentiment", "tone", per_side=2)[0]
    assert [s["text"] for s in alpha["sentences"]] == [
        "Terrible, sad day.",
        "Awful war.",
        "A great <success>.",
    ]
    terrible, _, great = (str(s["html"]) for s in alpha["sentences"])
    assert terrible.endswith(" (tone -0.90)") and ">Terrible</mark>" in terrible
    assert ">great</mark>" in great and "&lt;success&gt;" in great and "<success>" not in great


def test_subjectivity_shows_the_most_subjective_unmarked_with_a_note():
    alpha = tone_blocks(SCORES, CORPUS, ["Alpha"], {}, "subjectivity", "subj", per_side=1)[0]
    assert [s["text"] for s in alpha["sentences"]] == ["Awful war.", "A great <success>."]
    assert all("<mark" not in str(s["html"]) for s in alpha["sentences"])
    assert str(alpha["sentences"][0]["html"]).endswith("(subjectivity 1.00)")
    assert "TextBlob" in alpha["note"]


def test_articles_beyond_the_limit_are_counted():
    alpha = tone_blocks(SCORES, CORPUS, ["Alpha"], {}, "sentiment", "tone", articles_shown=1)[0]
    assert len(alpha["lines"]) == 1 and alpha["more"] == 1


def test_no_column_no_blocks_and_no_sentences_no_excerpts():
    assert tone_blocks(SCORES, CORPUS, ["Alpha"], {}, "missing", "x") == []
    bare = SimpleNamespace(table=SCORES.table, sentences=None, evidence=EVIDENCE)
    block = tone_blocks(bare, CORPUS, ["Alpha"], {}, "sentiment", "tone")[0]
    assert block["sentences"] == [] and len(block["lines"]) == 2
