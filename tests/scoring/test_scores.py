"""`framing.score`: the table, the evidence, parallel chunks, per-outlet means, errors, HTML."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.errors import FramingError
from framing.lexicons.model import load_lexicon
from framing.scoring import pipeline
from framing.scoring.pipeline import Pipeline
from framing.scoring.registry import RunSettings

DATA = Path(__file__).parent / "data"
TINY = [str(DATA / "tiny-posture.yaml"), str(DATA / "tiny-loaded.yaml")]
TEXTS = [
    "NATO will defend every inch. “We are ready to defend the east,” Jens Stoltenberg said.",
    "A massive buildup along the border is an escalation, critics claimed.",
    "Talks resumed. Nobody expects a breakthrough, officials said on Tuesday.",
    "The alliance is not planning an escalation, he said. Deterrence works.",
]


def fake_corpus(texts, outlets=None):
    outlets = outlets or ["A", "B", "A", "C"][: len(texts)]
    articles = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": outlets, "clean_text": texts})
    return articles  # a DataFrame of articles is a corpus to every entry point


@pytest.fixture(scope="module")
def tiny_scores():
    return framing.score(fake_corpus(TEXTS), lexicons=TINY, slant=True)  # every family, the opt-in one too


def test_table_has_one_row_per_article_with_namespaced_columns(tiny_scores):
    table = tiny_scores.table
    assert table["doc_id"].tolist() == ["d0", "d1", "d2", "d3"]
    assert table.columns[:4].tolist() == ["doc_id", "outlet", "words", "sentiment"]
    for column in (
        "sentiment.vader",
        "sentiment.textblob",
        "subjectivity",
        "frame.tiny-posture.defensive",
        "frame.tiny-posture.balance",
        "loaded",
        "loaded.count",
        "loaded.report_loaded",
        "quotes.share",
        "quotes.count",
        "quotes.speakers",
    ):
        assert column in table.columns
    assert not any(c.startswith("frame.loaded-language") for c in table.columns)
    assert table.loc[0, "quotes.speakers"] == "Jens Stoltenberg"
    assert table.loc[1, "frame.tiny-posture.balance"] < 0 < table.loc[0, "frame.tiny-posture.balance"]


def test_evidence_rows_slice_clean_text_for_every_family(tiny_scores):
    evidence = tiny_scores.evidence
    assert set(evidence["family"]) == {"frame", "loaded", "sentiment", "quote", "slant"}
    assert evidence.columns.tolist() == [
        "doc_id",
        "sentence",
        "start",
        "end",
        "text",
        "family",
        "lexicon",
        "category",
        "negated",
        "weight",
    ]
    texts = dict(zip(tiny_scores.table["doc_id"], TEXTS))
    for row in evidence.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text


def test_side_tables(tiny_scores):
    assert tiny_scores.quotes.columns.tolist() == [
        "doc_id",
        "start",
        "end",
        "text",
        "speaker",
        "speaker_start",
        "speaker_end",
    ]
    assert set(tiny_scores.sentences["doc_id"]) == {"d0", "d1", "d2", "d3"}
    assert [lex.name for lex in tiny_scores.lexicons] == ["tiny-posture", "loaded-language"]
    assert tiny_scores.targets is None and tiny_scores.stance.empty


def test_stance_columns_and_evidence_with_a_targets_file():
    scores = framing.score(fake_corpus(TEXTS), lexicons=TINY, targets=DATA / "tiny-targets.yaml")
    table = scores.table
    assert table["stance.NATO.mentions"].tolist() == [1, 0, 0, 1]  # "NATO", "The alliance"
    assert table["stance.Russia.mentions"].tolist() == [0, 0, 0, 0]
    assert np.isnan(table.loc[1, "stance.NATO"]) and -1 <= table.loc[0, "stance.NATO"] <= 1
    stance = scores.evidence[scores.evidence["family"] == "stance"]
    assert set(stance["category"]) == {"NATO"} and set(stance["lexicon"]) <= {
        "mention",
        "cue",
        "function-word",
        "frame",
    }
    assert stance.loc[stance["lexicon"] == "mention", "text"].tolist() == ["NATO", "The alliance"]
    assert scores.stance.columns.tolist() == ["doc_id", "target", "mentions", "score", "label"]


def test_parallel_chunks_give_the_same_result_as_one_process_and_as_the_chunks_themselves(monkeypatch):
    corpus = fake_corpus(TEXTS * 3, outlets=list("ABCD") * 3)
    one = framing.score(corpus, lexicons=TINY, n_jobs=1)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN", 2)
    monkeypatch.setattr(pipeline, "CHUNK", 5)
    many = framing.score(corpus, lexicons=TINY, n_jobs=2)
    run = pipeline.score_chunks(corpus, lexicons=TINY, n_jobs=2)
    parts = list(run)
    assert len(parts) == 3 and [lex.name for lex in run.lexicons] == [lex.name for lex in one.lexicons]
    for key in ("table", "evidence", "quotes", "sentences"):
        pd.testing.assert_frame_equal(getattr(one, key), getattr(many, key))
        pd.testing.assert_frame_equal(pipeline._concat([p[key] for p in parts]), getattr(one, key))


def test_without_evidence_the_table_is_the_same_and_the_big_tables_are_empty():
    corpus = fake_corpus(TEXTS, outlets=list("ABCD"))
    full = framing.score(corpus, lexicons=TINY, n_jobs=1)
    lean = framing.score(corpus, lexicons=TINY, n_jobs=1, evidence=False)
    pd.testing.assert_frame_equal(lean.table, full.table)
    assert lean.evidence.empty and list(lean.evidence.columns) == list(full.evidence.columns)
    assert lean.sentences.empty and list(lean.sentences.columns) == list(full.sentences.columns)
    pd.testing.assert_frame_equal(lean.quotes, full.quotes)


def test_by_outlet_means_and_seeded_bootstrap(tiny_scores):
    outlets = tiny_scores.by_outlet()
    assert outlets["outlet"].tolist() == ["A", "B", "C"]
    assert outlets["n_articles"].tolist() == [2, 1, 1]
    a = outlets.iloc[0]
    assert a["sentiment"] == pytest.approx(tiny_scores.table.loc[[0, 2], "sentiment"].mean())
    assert a["sentiment.ci_low"] <= a["sentiment"] <= a["sentiment.ci_high"]
    assert np.isnan(outlets.iloc[1]["sentiment.ci_low"])  # one article: no interval
    pd.testing.assert_frame_equal(outlets, tiny_scores.by_outlet())  # seeded


def test_html_view_escapes_untrusted_text():
    scores = framing.score(
        fake_corpus(["Deterrence works, he said.", "A buildup."], outlets=["<script>alert(1)</script>", "B & C"]),
        lexicons=TINY,
    )
    html = scores._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "B &amp; C" in html
    assert "frame.tiny-posture.balance" in html


@pytest.mark.parametrize("texts", [[], ["Fine text.", "   \n "]])
def test_empty_input_is_a_clear_error(texts):
    with pytest.raises(FramingError, match="text is empty|no articles"):
        framing.score(fake_corpus(texts, outlets=["A"] * len(texts)), lexicons=TINY)


def test_same_input_same_output(tiny_scores, tmp_path):
    from framing.io import write_table

    again = framing.score(fake_corpus(TEXTS), lexicons=TINY, slant=True)
    write_table(tiny_scores.table, tmp_path / "a.csv")
    write_table(again.table, tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


# ---------------------------------------------------------------- properties

WORDS = [
    "NATO",
    "Russia",
    "defend",
    "deterrence",
    "massive",
    "buildup",
    "escalation",
    "not",
    "no",
    "talks",
    "claimed",
    "said",
    "he",
    "good",
    "terrible",
    "war",
    "peace",
    "Stoltenberg",
    "may",
    "U.S.",
    "150%",
    "Russia’s",
    "don't",
    "“",
    "”",
    '"',
    ",",
    ".",
    "!",
    "?",
    "\n\n",
    "\n",
    "—",
    "(",
    ")",
    "’",
    "é",
    "🙂",
]


@st.composite
def article_text(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
    text = " ".join(words)
    return text if text.strip(' \n“”",.!?—()’') else "NATO " + text


def _tiny_targets():
    from framing.scoring.stance.targets import load_targets

    return load_targets(DATA / "tiny-targets.yaml")


PIPE = Pipeline.from_settings(RunSettings((load_lexicon(TINY[0]),), load_lexicon(TINY[1]), _tiny_targets()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_text(), min_size=1, max_size=3))
def test_property_spans_slice_text_and_scores_stay_in_range(texts):
    articles = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "clean_text": texts})
    out = PIPE(articles)
    by_id = dict(zip(articles["doc_id"], texts))
    for row in out["evidence"].itertuples():
        assert by_id[row.doc_id][row.start : row.end] == row.text
    for q in out["quotes"].itertuples():
        assert by_id[q.doc_id][q.start : q.end] == q.text
    table = out["table"]
    for column in ("sentiment", "sentiment.vader", "sentiment.textblob", "frame.tiny-posture.balance"):
        assert table[column].between(-1, 1).all(), column
    for column in ("stance.NATO", "stance.Russia"):  # NaN when the target is not mentioned
        assert table[column].dropna().between(-1, 1).all(), column
        assert (table[column].isna() == (table[f"{column}.mentions"] == 0)).all()
    for column in ("subjectivity", "quotes.share", "sentiment.negative_share", "sentiment.positive_share"):
        assert table[column].between(0, 1).all(), column
    rates = [c for c in table.columns if c.startswith(("frame.", "loaded")) and not c.endswith("balance")]
    assert (table[rates] >= 0).all().all()


def test_one_lexicon_by_itself_and_lexicon_objects():
    one = framing.score(fake_corpus(TEXTS[:2], outlets=["A", "B"]), lexicons=TINY[0])
    assert "frame.tiny-posture.balance" in one.table.columns
    assert [lex.name for lex in one.lexicons] == ["tiny-posture", "loaded-language"]  # built-in loaded-language
    objects = framing.score(fake_corpus(TEXTS[:2], outlets=["A", "B"]), lexicons=[load_lexicon(p) for p in TINY])
    pd.testing.assert_frame_equal(objects.table[one.table.columns[:8]], one.table[one.table.columns[:8]])
    with pytest.raises(FramingError, match="empty list"):
        framing.score(fake_corpus(TEXTS[:1], outlets=["A"]), lexicons=[])


def test_scorers_give_the_same_numbers_alone_and_in_the_pipeline(tiny_scores):
    from framing.scoring.sourcing.attribution import SourcingScorer

    articles = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(TEXTS))], "clean_text": TEXTS})
    alone = SourcingScorer()(articles).table
    for column in ("quotes.share", "quotes.count", "quotes.speakers"):
        assert alone[column].tolist() == tiny_scores.table[column].tolist()
