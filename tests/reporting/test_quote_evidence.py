"""Quote blocks behind the sourcing numbers: per outlet and per listed speaker, cut, escaped and linked."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from framing.reporting import quote_evidence
from framing.reporting.quote_evidence import QUOTE_CHARACTERS, quote_blocks, quote_frame

LONG = "word " * 80


def tiny_scores(quotes: pd.DataFrame | None):
    table = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["Beta", "Alpha", "Beta"]})
    return SimpleNamespace(table=table, quotes=quotes)


QUOTES = pd.DataFrame(
    {
        "doc_id": ["c", "a", "a", "b"],
        "start": [5, 40, 3, 0],
        "text": ["We <will> act", "Later", LONG.strip(), "Alpha said"],
        "speaker": ["Stoltenberg", None, " Stoltenberg ", "Psaki"],
    }
)
CORPUS = SimpleNamespace(articles=pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["A", "B", "C & co"]}))


def test_quote_frame_orders_by_outlet_article_and_position_and_cleans_speakers():
    frame = quote_frame(tiny_scores(QUOTES))
    assert list(frame.columns) == ["doc_id", "start", "text", "speaker", "outlet"]
    assert list(zip(frame["outlet"], frame["doc_id"], frame["start"])) == [
        ("Alpha", "b", 0),
        ("Beta", "a", 3),
        ("Beta", "a", 40),
        ("Beta", "c", 5),
    ]
    assert frame["speaker"].tolist() == ["Psaki", "Stoltenberg", "", "Stoltenberg"]


def test_no_quotes_is_an_empty_frame_with_the_columns():
    for quotes in (None, QUOTES.iloc[:0]):
        frame = quote_frame(tiny_scores(quotes))
        assert frame.empty and list(frame.columns) == ["doc_id", "start", "text", "speaker", "outlet"]


def test_blocks_per_outlet_and_speaker_with_anchors_in_list_order():
    speakers = [{"outlet": "Beta", "speakers": [("Stoltenberg", 2)]}]
    blocks, anchors = quote_blocks(
        tiny_scores(QUOTES), CORPUS, ["Alpha", "Beta", "Gamma"], speakers, {"c": "article-2"}
    )
    assert [(b["anchor"], b["heading"]) for b in blocks] == [
        ("quotes-0", "Alpha: 1 quote"),
        ("quotes-1", "Beta: 3 quotes"),
        ("quotes-1-0", "Beta quoting Stoltenberg: 2"),
    ]
    assert anchors == {("Beta", "Stoltenberg"): "quotes-1-0"}
    assert blocks[1]["lines"] == [{"text": "quotes of Stoltenberg", "anchor": "quotes-1-0"}]
    beta = blocks[1]["sentences"]
    assert [s["doc_id"] for s in beta] == ["a", "a", "c"] and blocks[1]["more"] == 0
    assert str(beta[1]["html"]) == "(no named speaker) “Later”"
    assert str(beta[2]["html"]) == "Stoltenberg: “We &lt;will&gt; act”" and beta[2]["anchor"] == "article-2"
    assert beta[2]["title"] == "C & co"


def test_long_quotes_are_cut_at_a_word_with_an_ellipsis():
    blocks, _ = quote_blocks(tiny_scores(QUOTES), CORPUS, ["Beta"], [], {})
    shown = str(blocks[0]["sentences"][0]["html"])
    assert shown.startswith("Stoltenberg: “word word") and shown.endswith(" …”")
    assert len(shown) < QUOTE_CHARACTERS + 20 and "word …" in shown
    assert blocks[0]["sentences"][0]["text"] == LONG.strip()  # the JSON keeps the whole quote


def test_a_large_corpus_shows_one_quote_per_block_and_counts_the_rest(monkeypatch):
    import framing.reporting.sections.articles as articles

    monkeypatch.setattr(articles, "FULL_TEXT_LIMIT", 2)
    blocks, _ = quote_blocks(tiny_scores(QUOTES), CORPUS, ["Beta"], [], {})
    assert len(blocks[0]["sentences"]) == 1 and blocks[0]["more"] == 2
    assert quote_evidence.QUOTES_PER_BLOCK == 3
