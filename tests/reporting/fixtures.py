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

    return report(
        nato_corpus,
        scores=nato_scores,
        comparison=nato_comparison,
        command=["framing", "report", "nato-eastern-flank-2022"],
    )


@pytest.fixture(scope="session")
def nato_json(nato_report):
    """The bundled report's JSON twin, parsed: what every section test reads."""
    import json

    return json.loads(nato_report.json)


@pytest.fixture(scope="session")
def nato_page(nato_report):
    """The bundled report's page, as saved at its usual path."""
    return nato_report.render("reports/nato-eastern-flank-2022.html")


def dated_articles(months: int = 6, per_month: int = 6, shift_at: int = 4, undated: int = 2):
    """A synthetic corpus over `months` months: Alpha's tone turns from bad to good at month `shift_at`, Beta's never.

    Plus `undated` articles without a date, which the over-time section must count and name.
    """
    import pandas as pd

    rows = []
    for month in range(1, months + 1):
        for k in range(per_month):
            tone = "wonderful, excellent, great success" if month >= shift_at else "terrible, awful, disastrous failure"
            rows.append(
                {
                    "doc_id": f"a-{month}-{k}",
                    "outlet": "Alpha",
                    "date": f"2022-{month:02d}-{k + 1:02d}",
                    "title": f"Alpha report {month}.{k}",
                    "text": f"The minister called the plan a {tone} today. Report {month} {k}.",
                }
            )
            rows.append(
                {
                    "doc_id": f"b-{month}-{k}",
                    "outlet": "Beta",
                    "date": f"2022-{month:02d}-{k + 1:02d}",
                    "title": f"Beta report {month}.{k}",
                    "text": f"The minister presented the plan today in the capital. Report {month} {k}.",
                }
            )
    for k in range(undated):
        rows.append(
            {
                "doc_id": f"u-{k}",
                "outlet": "Beta",
                "date": None,
                "title": f"Undated piece {k}",
                "text": "The minister presented the plan. No date was printed.",
            }
        )
    return pd.DataFrame(rows)


@pytest.fixture(scope="session")
def dated_report():
    """The report on `dated_articles()`: six months, a planted shift in Alpha's tone, two undated articles."""
    from framing.reporting import report

    return report(dated_articles(), command=["framing", "report", "dated.csv"])


def off_story(scores):
    """The bundled scores with a tenth of military-posture's hits (plus one in every article): every article is
    still touched and the rate passes the absolute floor, but it is far below the lexicon's rate on its own story,
    as on news about something else."""
    from dataclasses import replace

    import pandas as pd

    evidence = scores.evidence
    frame = evidence.index[evidence["lexicon"] == "military-posture"]
    keep = pd.concat([evidence.drop(index=frame[len(frame) // 10 :]), evidence.loc[frame].groupby("doc_id").head(1)])
    return replace(scores, evidence=keep.drop_duplicates())
