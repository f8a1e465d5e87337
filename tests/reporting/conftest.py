"""The report tests' fixtures (see fixtures.py)."""

from tests.reporting.fixtures import (  # noqa: F401
    dated_report,
    nato_comparison,
    nato_json,
    nato_page,
    nato_report,
    nato_scores,
)
