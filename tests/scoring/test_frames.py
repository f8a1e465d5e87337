"""Frame rates per 1,000 words, contrast balances and their negation rule."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from framing.lexicons.model import load_lexicon
from framing.scoring.frames import FrameScorer, balance

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def scorer():
    """The scorer as (table, evidence)."""
    frames = FrameScorer((load_lexicon(DATA / "tiny-posture.yaml"),))

    def run(arts):
        result = frames(arts)
        return result.table, result.evidence

    return run


def articles(*texts):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "clean_text": list(texts)})


def test_columns_are_namespaced_per_lexicon_category_and_contrast(scorer):
    table, _ = scorer(articles("Deterrence talks."))
    assert list(table.columns) == [
        "doc_id",
        "frame.tiny-posture.defensive",
        "frame.tiny-posture.buildup",
        "frame.tiny-posture.diplomacy",
        "frame.tiny-posture.balance",
    ]


def test_rates_are_weight_sums_per_thousand_words(scorer):
    # 10 words; "collective defense" weighs 2, "deterrence" 1 -> 3 per 10 words = 300 per 1,000
    table, evidence = scorer(articles("Collective defense and deterrence matter to all of us here."))
    row = table.iloc[0]
    assert row["frame.tiny-posture.defensive"] == pytest.approx(300.0)
    assert row["frame.tiny-posture.buildup"] == 0.0
    assert sorted(evidence["text"]) == ["Collective defense", "deterrence"]
    assert set(evidence["family"]) == {"frame"}


def test_balance_is_smoothed_and_signed(scorer):
    table, _ = scorer(articles("Deterrence, deterrence and deterrence.", "A massive buildup.", "Nothing here."))
    bal = table["frame.tiny-posture.balance"].to_numpy()
    assert bal[0] == pytest.approx(3 / 4)  # (3 - 0) / (3 + 0 + 1)
    assert bal[1] == pytest.approx(-2 / 3)  # (0 - 2) / (0 + 2 + 1)
    assert bal[2] == 0.0


def test_negated_hit_counts_for_presence_but_not_for_the_contrast(scorer):
    plain, _ = scorer(articles("This is an escalation of the war."))
    negated, evidence = scorer(articles("This is not an escalation of the war."))
    assert evidence.loc[evidence["text"] == "escalation", "negated"].item()
    # the frame is present either way (a rate of presence) ...
    assert negated["frame.tiny-posture.buildup"].item() > 0
    # ... but a denial is not evidence of buildup framing, nor flipped into defensive framing
    assert plain["frame.tiny-posture.balance"].item() < 0
    assert negated["frame.tiny-posture.balance"].item() == 0.0


def test_evidence_offsets_slice_the_text(scorer):
    texts = ["Allies defend the east. “Deterrence” works,\nsaid nobody; talks stalled amid escalation."]
    _, evidence = scorer(articles(*texts))
    assert len(evidence) == 4
    for row in evidence.itertuples():
        assert texts[0][row.start : row.end] == row.text


@pytest.mark.parametrize("pos, neg", [(0, 0), (1, 0), (0, 1), (5, 5), (100, 0), (0.5, 0.0)])
def test_balance_range(pos, neg):
    value = balance([pos], [neg])[0]
    assert -1 <= value <= 1
    assert np.sign(value) == np.sign(pos - neg)


def test_category_sums_equal_pandas_groupby_for_whole_and_fractional_weights():
    import pandas as pd

    from framing.scoring.frames import category_sums

    for weights in ([1.0, 2.0, 1.0, 3.0, 1.0], [0.1, 0.2, 0.7, 1e-17, 0.3]):
        hits = pd.DataFrame(
            {
                "doc_id": ["b", "a", "b", "c", "b"],
                "category": ["x", "y", "x", "zz", "y"],
                "weight": weights,
                "negated": [False, True, False, False, False],
            }
        )
        for include in (True, False):
            kept = hits if include else hits[~hits["negated"]]
            expected = kept.groupby(["doc_id", "category"], sort=False)["weight"].sum().unstack("category")
            expected = expected.reindex(index=["a", "b", "d"], columns=["x", "y"]).fillna(0.0).astype(float)
            got = category_sums(hits, ["a", "b", "d"], ["x", "y"], include_negated=include)
            assert got.to_numpy().tobytes() == expected.to_numpy().tobytes()
            assert list(got.index) == ["a", "b", "d"] and list(got.columns) == ["x", "y"]


def test_without_evidence_the_rates_stay_and_no_evidence_is_built():
    from framing.scoring.base import ScoringContext

    frames = FrameScorer((load_lexicon(DATA / "tiny-posture.yaml"),))
    arts = articles("NATO deployed troops to deter Russia; a buildup, not an escalation.", "Nothing here.")
    full = frames(arts, ScoringContext.for_articles(arts))
    bare = frames(arts, ScoringContext.for_articles(arts, evidence=False))
    assert len(full.evidence) and bare.evidence.empty
    pd.testing.assert_frame_equal(full.table, bare.table)
