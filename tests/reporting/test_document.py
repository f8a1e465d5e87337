"""The lazy `Report`: nothing computed until asked, once; the re-run command; the page and its JSON twin."""

from __future__ import annotations

import json

import pytest

import framing.reporting.compute as compute_module
from framing.errors import FramingError
from framing.reporting.document import Report, report


def test_a_negative_article_limit_is_refused(nato_corpus):
    with pytest.raises(FramingError, match=r"^max_articles=-1: must be 0 or more$"):
        report(nato_corpus, max_articles=-1)


def test_nothing_is_computed_until_asked_and_then_once(nato_corpus, nato_scores, nato_comparison, monkeypatch):
    calls = []

    def compute(corpus, lexicons=None, targets=None):
        calls.append((corpus, lexicons, targets))
        return nato_scores, nato_comparison

    monkeypatch.setattr(compute_module, "compute", compute)
    lazy = report(nato_corpus)
    assert calls == []
    assert lazy.scores is nato_scores and lazy.comparison is nato_comparison
    assert calls == [(nato_corpus, None, None)]
    assert lazy.data is lazy.data


def test_given_scores_are_compared_not_scored_again(nato_corpus, nato_scores, nato_comparison, monkeypatch):
    import framing.comparison.pipeline as pipeline

    monkeypatch.setattr(compute_module, "compute", lambda *a: pytest.fail("scored again"))
    monkeypatch.setattr(pipeline, "compare", lambda corpus, scores: ("compared", scores))
    assert report(nato_corpus, scores=nato_scores).comparison == ("compared", nato_scores)


def test_the_default_command_is_the_cli_call_of_the_same_report(nato_corpus):
    made = report(nato_corpus, title="Eastern flank", max_articles=5, timestamp=True)
    assert made.command == [
        "framing",
        "report",
        "nato-eastern-flank-2022",
        "--title",
        "Eastern flank",
        "--max-articles",
        "5",
        "--timestamp",
    ]
    assert report(nato_corpus, command=["framing", "report", "x"]).command == ["framing", "report", "x"]


def test_a_bundled_name_is_loaded_as_its_corpus(nato_corpus, nato_scores, nato_comparison):
    made = report("nato-eastern-flank-2022", scores=nato_scores, comparison=nato_comparison)
    assert isinstance(made, Report) and made.corpus.name == nato_corpus.name
    assert repr(made) == f"<Report on 'nato-eastern-flank-2022': {len(nato_corpus)} articles>"


def test_the_output_path_is_in_the_page_and_the_saved_json_only(nato_report, tmp_path):
    assert json.loads(nato_report.json)["provenance"]["command"] == "framing report nato-eastern-flank-2022"
    path = nato_report.save(tmp_path / "my report.html")
    saved = json.loads((tmp_path / "my report.html.json").read_text(encoding="utf-8"))
    assert saved["provenance"]["command"] == f"framing report nato-eastern-flank-2022 -o '{path}'"


def test_the_notebook_view_is_the_embedded_page_in_a_sandboxed_iframe(nato_report):
    shown = nato_report._repr_html_()
    assert shown.startswith('<iframe srcdoc="') and 'sandbox="allow-same-origin"' in shown
    assert "<html" not in shown and "&lt;html" in shown.lower()


def test_save_writes_page_and_json_twin(nato_report, tmp_path):
    path = nato_report.save(tmp_path / "out" / "nato.html")
    twin = tmp_path / "out" / "nato.html.json"
    assert path == tmp_path / "out" / "nato.html" and twin.is_file()
    assert path.stat().st_size < 3_000_000
    data = json.loads(twin.read_text(encoding="utf-8"))
    assert set(data) >= {
        "overview",
        "frames",
        "policy_frames",
        "sentiment",
        "stance",
        "loaded",
        "sourcing",
        "similarity",
        "distinctive",
        "same_fact",
        "syndication",
        "articles",
        "provenance",
    }
    assert "figures" not in data and "html" not in json.dumps(data["articles"]["shown"][0])
    assert "nato.html.json" in path.read_text(encoding="utf-8")
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")], "no temporary files left"
