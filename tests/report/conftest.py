"""The report tests' fixtures (see fixtures.py)."""
from tests.report.fixtures import nato_comparison, nato_report, nato_scores  # noqa: F401  (pytest fixtures, found by name)
