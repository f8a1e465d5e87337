"""Fixtures for the report and plot tests: real scores and comparison of the bundled corpus, once.

Imported by tests/reporting/conftest.py and tests/plots/test_figures.py (not a shared conftest).
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nato_scores(nato_corpus):
    from framing.scoring import score

    return score(nato_corpus)


@pytest.fixture(scope="session")
def nato_comparison(nato_corpus, nato_scores):
    from framing.comparison.pipeline import compare

    return compare(nato_corpus, scores=nato_scores)


@pytest.fixture(scope="session")
def nato_report(nato_corpus, nato_scores, nato_comparison):
    from framing.reporting import report

    return report(nato_corpus, scores=nato_scores, comparison=nato_comparison,
                  command=["framing", "report", "nato-eastern-flank-2022"])


@pytest.fixture(scope="session")
def nato_json(nato_report):
    """The bundled report's JSON twin, parsed: what every section test reads."""
    import json

    return json.loads(nato_report.json)


@pytest.fixture(scope="session")
def nato_page(nato_report):
    """The bundled report's page, as saved at its usual path."""
    return nato_report.render("reports/nato-eastern-flank-2022.html")
