"""A user's own loaded-language lexicon, under a name of its own, works end to end.

The lexicon's family is a field of its file (`family: loaded-language`), not
its name: a copy of the built-in loaded-language lexicon renamed
`newsroom-spin` must give the same scores, the same report legend and the
same worksheet as the built-in, with only the lexicon's name changed.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

import framing
from framing.lexicons.model import builtin_path

OWN = "newsroom-spin"
FRAMES = ["military-posture", "policy-frames"]


@pytest.fixture(scope="module")
def own_lexicon(tmp_path_factory):
    text = builtin_path("loaded-language").read_text(encoding="utf-8")
    assert "name: loaded-language\n" in text
    path = tmp_path_factory.mktemp("lexicons") / "spin-cues.yaml"
    path.write_text(text.replace("name: loaded-language\n", f"name: {OWN}\n", 1), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def runs(nato_corpus, own_lexicon):
    builtin = framing.score(nato_corpus, lexicons=[*FRAMES, "loaded-language"])
    own = framing.score(nato_corpus, lexicons=[*FRAMES, own_lexicon])
    return builtin, own, framing.compare(nato_corpus, scores=builtin)


def test_own_loaded_lexicon_feeds_the_loaded_columns(runs):
    builtin, own, _ = runs
    assert [lex.name for lex in own.lexicons] == [*FRAMES, OWN]
    assert not [c for c in own.table.columns if c.startswith(f"frame.{OWN}")]  # not scored as frames
    pd.testing.assert_frame_equal(own.table, builtin.table)
    assert own.table["loaded"].sum() > 0


def test_own_loaded_lexicon_evidence_is_loaded_family_under_its_own_name(runs):
    builtin, own, _ = runs
    mine = own.evidence[own.evidence["lexicon"] == OWN]
    assert len(mine) and set(mine["family"]) == {"loaded"}
    renamed = own.evidence.assign(lexicon=own.evidence["lexicon"].replace(OWN, "loaded-language"))
    pd.testing.assert_frame_equal(renamed, builtin.evidence)


def test_report_marks_own_lexicon_as_loaded_language(nato_corpus, runs):
    builtin, own, comparison = runs
    data = framing.report(nato_corpus, scores=own, comparison=comparison).data
    legend = [e for e in data.legend if e["lexicon"] == OWN]
    assert legend and {e["family"] for e in legend} == {"loaded"} and {e["style"] for e in legend} == {"wavy underline"}
    assert OWN not in data.sections["frames"]["lexicons"]
    reference = framing.report(nato_corpus, scores=builtin, comparison=comparison).data
    # the same section, its evidence anchors named after the lexicon (hits-<lexicon>-...)
    mine = json.dumps(data.sections["loaded"], sort_keys=True, default=str)
    # tooltips name the lexicon in words ("newsroom spin ›")
    assert OWN in mine and mine.replace(OWN, "loaded-language").replace(
        OWN.replace("-", " "), "loaded language"
    ) == json.dumps(reference.sections["loaded"], sort_keys=True, default=str)
    assert data.figures.keys() == reference.figures.keys()


def test_worksheet_is_the_same_with_own_lexicon(nato_corpus, runs):
    builtin, own, comparison = runs
    mine = framing.exercise(nato_corpus, scores=own, comparison=comparison)
    reference = framing.exercise(nato_corpus, scores=builtin, comparison=comparison)
    assert mine.html == reference.html
    assert OWN in mine.key_html
    assert mine.key_html.replace(OWN, "loaded-language") == reference.key_html


def test_two_loaded_language_lexicons_are_an_error(nato_corpus, own_lexicon):
    with pytest.raises(framing.FramingError, match=f"loaded-language and {OWN} are both loaded-language lexicons"):
        framing.score(nato_corpus, lexicons=["loaded-language", own_lexicon])


def test_own_policy_frames_lexicon_is_found_by_its_family_not_its_name(nato_corpus, tmp_path):
    text = builtin_path("policy-frames").read_text(encoding="utf-8")
    assert "family: policy-frames" in text
    path = tmp_path / "topics.yaml"
    path.write_text(text.replace("name: policy-frames\n", "name: topic-frames\n", 1), encoding="utf-8")
    own = framing.score(nato_corpus, lexicons=["military-posture", path, "loaded-language"])
    assert [c for c in own.table.columns if c.startswith("frame.topic-frames.")]  # scored as frames are
    data = framing.report(nato_corpus, scores=own).data
    assert data.sections["policy_frames"] is not None and data.sections["policy_frames"]["table"]["rows"]
    assert data.sections["policy_frames"]["table"]["caption"].startswith("topic-frames:")
    assert "topic-frames" not in data.sections["frames"]["lexicons"]
    assert "policy-frames" in data.figures
