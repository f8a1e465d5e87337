"""Loaded-language classes per 1,000 words, and which classes make up `loaded`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing.lexicons.model import load_lexicon
from framing.scoring.base import ScorerResult, ScoringContext
from framing.scoring.loaded import LoadedScorer

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def scorer():
    """The scorer as (table, evidence); `quotes=` runs it after a sourcing result that found them."""
    loaded = LoadedScorer(load_lexicon(DATA / "tiny-loaded.yaml"))

    def run(arts, quotes=None):
        context = ScoringContext.for_articles(arts)
        if quotes is not None:
            context.results["sourcing"] = ScorerResult(arts[["doc_id"]], extras={"quotes": quotes})
        result = loaded(arts, context)
        return result.table, result.evidence

    return run


def articles(*texts):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "clean_text": list(texts)})


def test_every_class_gets_a_column(scorer):
    table, _ = scorer(articles("He said it."))
    assert list(table.columns) == [
        "doc_id",
        "loaded",
        "loaded.count",
        "loaded.hedges",
        "loaded.report_neutral",
        "loaded.report_loaded",
        "loaded.intensifiers",
        "loaded.scare_quotes",
    ]


def test_neutral_report_verbs_and_hedges_do_not_load_a_text(scorer):
    table, evidence = scorer(articles("Officials said the talks may reportedly resume, he told us."))
    row = table.iloc[0]
    assert row["loaded.report_neutral"] > 0 and row["loaded.hedges"] > 0
    assert row["loaded"] == 0.0 and row["loaded.count"] == 0
    assert len(evidence) == 4  # still shown as evidence


def test_loaded_total_counts_loaded_verbs_intensifiers_and_scare_quotes(scorer):
    # 11 words: claimed, massive, and the scare-quoted “tripwire” (no report verb near it)
    text = "The massive “tripwire” force is small. Moscow claimed otherwise, officials said."
    table, evidence = scorer(articles(text))
    row = table.iloc[0]
    assert row["loaded.count"] == 3
    assert row_words(text) == 11
    assert row["loaded"] == pytest.approx(3 / 11 * 1000)
    assert set(evidence["category"]) == {"report_loaded", "intensifiers", "scare_quotes", "report_neutral"}
    for hit in evidence.itertuples():
        assert text[hit.start : hit.end] == hit.text


def test_negated_loaded_words_still_count(scorer):
    table, evidence = scorer(articles("It was not a massive force."))
    assert evidence["negated"].any()
    assert table["loaded.count"].item() == 1


def row_words(text):
    from framing.lexicons.match import word_counts

    return int(word_counts([text])[0])


def test_only_the_outlets_own_words_count(scorer):
    from framing.scoring.sourcing.attribution import SourcingScorer

    text = (
        "Officials made a massive claim. “It is absolutely outlandish and desperately wrong,” Smith said. "
        "NATO has “hundreds of thousands” of troops on alert, Smith said. The “tripwire” force is small."
    )
    arts = articles(text)
    quotes = SourcingScorer()(arts).extras["quotes"]
    assert quotes["speaker"].tolist() == ["Smith", "Smith"]
    everything, _ = scorer(arts)
    own, evidence = scorer(arts, quotes=quotes)
    # "outlandish", "desperately" are Smith's; "hundreds of thousands" is his quotation, not a scare quote
    assert sorted(evidence["text"]) == ["massive", "said", "said", "“tripwire”"]
    assert own["loaded.count"].item() == 2 and everything["loaded.count"].item() == 5
    quoted = 7 + 3  # words inside the two quotations
    assert own["loaded"].item() == pytest.approx(2 / (row_words(text) - quoted) * 1000)


def test_spans_by_doc_sorts_each_articles_quotations():
    import pandas as pd

    from framing.scoring.loaded import _spans_by_doc

    quotes = pd.DataFrame({"doc_id": ["b", "a", "b", "b"], "start": [50, 7, 3, 20], "end": [60, 9, 10, 30]})
    spans = _spans_by_doc(quotes)
    assert list(spans) == ["b", "a"]
    assert spans["b"][0].tolist() == [3, 20, 50] and spans["b"][1].tolist() == [10, 30, 60]
    assert spans["a"][0].tolist() == [7] and spans["a"][1].tolist() == [9]


def test_quoted_words_equal_a_running_count_of_the_words():
    import numpy as np

    from framing.lexicons.match import TokenTable
    from framing.scoring.loaded import _quoted_words

    texts = ["One, two “three four” five “six” — seven eight.", "", "“Nine ten eleven,” twelve said."]
    tokens = TokenTable.from_texts(texts)
    spans = {"a": (np.array([9, 28]), np.array([19, 31])), "c": (np.array([1]), np.array([16]))}
    expected = []
    for d in range(3):
        lo, hi = tokens.doc_start[d], tokens.doc_start[d + 1]
        running = np.concatenate(([0], np.cumsum(tokens.word_mask()[lo:hi])))
        starts, ends = spans.get("abc"[d], (np.zeros(0, int), np.zeros(0, int)))
        at = tokens.starts[lo:hi]
        expected.append(int((running[np.searchsorted(at, ends)] - running[np.searchsorted(at, starts)]).sum()))
    assert _quoted_words(tokens, ["a", "b", "c"], spans).tolist() == expected == [3, 0, 3]


def test_without_evidence_the_rates_stay_and_no_evidence_is_built():
    arts = articles("A massive, outlandish claim, desperately made.", "Nothing here.")
    loaded = LoadedScorer(load_lexicon(DATA / "tiny-loaded.yaml"))
    full = loaded(arts, ScoringContext.for_articles(arts))
    bare = loaded(arts, ScoringContext.for_articles(arts, evidence=False))
    assert len(full.evidence) and bare.evidence.empty
    pd.testing.assert_frame_equal(full.table, bare.table)
