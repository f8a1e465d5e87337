"""A long article scored in segments gives the whole article's results, byte for byte."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.corpus.clean import remove_ranges, removed_utf8
from framing.scoring import segments
from framing.scoring.registry import RunSettings, build_scorers

TABLES = ("table", "evidence", "sentences", "quotes", "stance")
BUNDLED = Path(__file__).resolve().parents[2] / "corpora" / "nato-eastern-flank-2022"


def scored(source: object, evidence: bool) -> dict[str, pd.DataFrame]:
    result = framing.score(source, n_jobs=1, evidence=evidence)
    return {name: getattr(result, name) for name in TABLES}


def segmented_and_whole(monkeypatch, source: object, size: int, evidence: bool):
    """(whole, segmented, number of segments) of `source` scored with articles above `size` bytes cut."""
    monkeypatch.setattr(segments, "SEGMENT", 10**12)
    whole = scored(source, evidence)
    counted: list[int] = []
    score_segments = segments.score_segments

    def counting(scorers, article, data, ranges, *rest):
        counted.append(len(ranges))
        return score_segments(scorers, article, data, ranges, *rest)

    monkeypatch.setattr(segments, "SEGMENT", size)
    monkeypatch.setattr(segments, "score_segments", counting)
    return whole, scored(source, evidence), counted


def assert_identical(whole: dict[str, pd.DataFrame], parts: dict[str, pd.DataFrame]) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(parts[name], whole[name], check_exact=True, obj=name)
        assert parts[name].to_csv() == whole[name].to_csv(), name


@pytest.mark.parametrize(("size", "evidence"), [(300, True), (300, False), (2_000, False)])
def test_bundled_articles_in_segments_score_as_whole(monkeypatch, size, evidence):
    whole, parts, counted = segmented_and_whole(monkeypatch, str(BUNDLED), size, evidence)
    assert len(counted) >= 4 and sum(counted) >= 2 * len(counted)  # several articles, each in several segments
    assert_identical(whole, parts)


@pytest.mark.data
def test_200_allsides_articles_in_segments_score_as_whole(monkeypatch, shared_data):
    """With evidence: every table is compared (a run without it drops rows, tested on the bundled corpus)."""
    rows = []
    with gzip.open(shared_data / "allsides-10k.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("text"):
                rows.append(record)
            if len(rows) == 200:
                break
    articles = pd.DataFrame(
        {
            "doc_id": [f"a{i}" for i in range(len(rows))],
            "outlet": [r.get("outlet") or r.get("source") or "unknown" for r in rows],
            "text": [r["text"] for r in rows],
        }
    )
    whole, parts, counted = segmented_and_whole(monkeypatch, articles, 300, True)
    assert len(counted) >= 150 and sum(counted) >= 1_000
    assert_identical(whole, parts)


SPEAKERS = (
    "NATO Secretary General Jens Stoltenberg said the alliance would meet in the summer.\n\n"
    "Officials spent the week on the plan for the eastern flank of the alliance.\n\n"
    "He said that the allies would “defend every inch of allied territory, and do it together” in the years ahead.\n\n"
    "Analysts doubted that the money would arrive soon enough for the new troops.\n\n"
    "Stoltenberg told reporters that the summit would “shape our security for years to come” in the end.\n\n"
    "The ministers left without a statement.\n"
)


def test_a_pronoun_and_a_surname_resolve_across_segments(monkeypatch):
    article = pd.DataFrame({"doc_id": ["a"], "outlet": ["x"], "text": [SPEAKERS]})
    whole, parts, counted = segmented_and_whole(monkeypatch, article, 60, True)
    assert counted == [6]  # every paragraph its own segment: the speakers are in other segments than the quotes
    assert list(parts["quotes"]["speaker"]) == ["Jens Stoltenberg", "Jens Stoltenberg"]
    assert_identical(whole, parts)


@pytest.mark.parametrize(
    "text",
    [
        "First words here.\n\n“A quote that opens the paragraph,” she said.\n",  # a quote may carry over
        "He met Gen.\n\nSmith said nothing.\n",  # a title: the name may go on
        "Troops moved east,\n\nofficials said.\n",  # no full stop: the sentence may go on
        "The items were: 1. guns.\n\nThen 2. tanks.\n",  # a numbered list may go on
        "One line only, with no blank line at all.",
    ],
)
def test_no_cut_where_a_rule_reads_across(text):
    assert segments.cuts(text.encode(), 1) == [(0, len(text.encode()))]


def test_cuts_cover_the_text_at_safe_paragraph_breaks():
    text = "".join(f"Paragraph {i} tells what the ministers did today.\n\n" for i in range(50)).encode()
    ranges = segments.cuts(text, 200)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text) and len(ranges) > 5
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    assert all(text[first - 2 : first + 1] == b"\n\nP" and first >= 200 for first, _ in ranges[1:])


def test_a_run_with_the_slant_scorer_scores_whole():
    from framing.lexicons.model import load_lexicon

    settings = RunSettings((), load_lexicon("loaded-language"), slant=True)
    assert not segments.segmentable(build_scorers(settings))
    assert segments.segmentable(build_scorers(RunSettings((), load_lexicon("loaded-language"))))


@pytest.mark.parametrize("step", [1, 3, 1000])
def test_removed_utf8_is_the_cut_text_encoded(step):
    text = "Héllo 😀 world\nBy Someone\nmore text ✓ here\n" * 7
    ranges = [(15, 26), (60, 70), (100, 101)]
    assert removed_utf8(text, ranges, step) == remove_ranges(text, ranges).encode()
    assert removed_utf8(text, [], step) == text.encode()
