"""Compute -> structure: one `ReportData` per corpus, every registered section, JSON without program-built HTML."""

from __future__ import annotations

import json

import pytest

from framing.reporting import build as build_module
from framing.reporting.build import ReportData, build, lexicon_evidence
from framing.reporting.registry import SECTIONS


@pytest.fixture(scope="module")
def data(nato_corpus, nato_scores, nato_comparison):
    return build(nato_corpus, nato_scores, nato_comparison, command=["framing", "report", "x"], figures=False)


def test_every_registered_section_in_registry_order(data):
    assert list(data.sections) == [section.key for section in SECTIONS]
    assert data.figures == {}
    assert data.overview is data.sections["overview"]


def test_an_unknown_attribute_names_itself():
    with pytest.raises(AttributeError, match=r"^ReportData has no section or field 'nothing'$"):
        ReportData("t", [], {}).nothing  # noqa: B018


def test_the_same_inputs_build_the_same_json(data, nato_corpus, nato_scores, nato_comparison):
    again = build(nato_corpus, nato_scores, nato_comparison, command=["framing", "report", "x"], figures=False)
    assert again.to_json() == data.to_json()


def test_a_title_given_is_the_title(nato_corpus, nato_scores, nato_comparison):
    assert build(nato_corpus, nato_scores, nato_comparison, title="Mine", figures=False).title == "Mine"


def test_json_drops_html_and_svg_at_any_depth_sorts_keys_and_refuses_nan():
    data = ReportData("T", [], {"b": {"html": "<p>", "rows": [{"svg": "<svg/>", "x": 1}]}, "a": 2})
    text = data.to_json()
    assert json.loads(text) == {"a": 2, "b": {"rows": [{"x": 1}]}, "legend": [], "title": "T"}
    assert text.endswith("}\n") and text.index('"a"') < text.index('"b"')
    with pytest.raises(ValueError):
        ReportData("T", [], {"a": float("nan")}).to_json()


def test_lexicon_evidence_has_one_entry_per_lexicon_used(nato_corpus, nato_scores):
    evidence = lexicon_evidence(nato_corpus, nato_scores, {}, {})
    assert list(evidence) == [lex.name for lex in nato_scores.lexicons]
    assert all(entry["cells"] for entry in evidence.values())


def test_the_figures_are_built_unless_switched_off(nato_corpus, nato_scores, nato_comparison, monkeypatch):
    import framing.reporting.figures as figures

    monkeypatch.setattr(figures, "report_figures", lambda scores, comparison, over_time: {"seen": {"n": 1}})
    assert build(nato_corpus, nato_scores, nato_comparison).figures == {"seen": {"n": 1}}


def test_a_large_corpus_gets_one_sentence_per_cell(nato_corpus, nato_scores, nato_comparison, monkeypatch):
    from framing.reporting import report

    monkeypatch.setattr(build_module, "FULL_TEXT_LIMIT", 3)
    data = report(nato_corpus, scores=nato_scores, comparison=nato_comparison).data
    cells = data.frames["evidence"][0]["cells"]
    assert cells and all(len(c["sentences"]) == 1 for c in cells)
    assert any(c["more"] > 0 for c in cells)
