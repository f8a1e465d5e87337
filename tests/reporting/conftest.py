"""The report tests' fixtures (see fixtures.py)."""
from tests.reporting.fixtures import nato_comparison, nato_json, nato_page, nato_report, nato_scores  # noqa: F401
