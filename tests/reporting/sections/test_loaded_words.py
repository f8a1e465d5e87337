"""The report's "Most frequent loaded words per outlet" counts only the classes that load a text."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from framing.reporting.sections.loaded import top_words
from framing.scoring.base import EVIDENCE_COLUMNS
from framing.scoring.loaded import LOADING_CLASSES


def _scores() -> SimpleNamespace:
    rows = [
        ("a", 0, 0, 4, "said", "loaded", "loaded-language", "report_neutral", False, 1.0),
        ("a", 0, 5, 9, "said", "loaded", "loaded-language", "report_neutral", False, 1.0),
        ("a", 0, 10, 17, "claimed", "loaded", "loaded-language", "report_loaded", False, 1.0),
        ("a", 0, 18, 28, "reportedly", "loaded", "loaded-language", "hedges", False, 1.0),
        ("a", 0, 29, 36, "massive", "loaded", "loaded-language", "intensifiers", False, 1.0),
    ]
    return SimpleNamespace(
        table=pd.DataFrame({"doc_id": ["a"], "outlet": ["Daily"]}),
        evidence=pd.DataFrame(rows, columns=EVIDENCE_COLUMNS),
    )


def test_neutral_report_verbs_and_hedges_are_left_out_of_the_loaded_words() -> None:
    listed = top_words(_scores(), "loaded", categories=LOADING_CLASSES)
    assert listed == [{"outlet": "Daily", "words": [["claimed", 1], ["massive", 1]]}]


def test_without_categories_every_hit_of_the_family_counts() -> None:
    listed = top_words(_scores(), "loaded")
    assert listed[0]["words"][0] == ["said", 2]


def test_the_report_section_passes_the_loading_classes(nato_corpus) -> None:
    import framing
    from framing.reporting.sections.loaded import loaded

    scores = framing.score(nato_corpus)
    words = {w for outlet in loaded(scores, {})["top_words"] for w, _ in outlet["words"]}
    assert words and not words & {"said", "says", "told", "reportedly", "may be"}
