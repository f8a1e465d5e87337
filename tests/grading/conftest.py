"""Fixtures for the grading tests: the bundled corpus' worksheet data, built once."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def sheet_data(nato_corpus):
    from framing.worksheets.worksheet import exercise

    return exercise(nato_corpus).data
