"""The worksheet tests' fixtures: the bundled corpus analysed once, and its worksheet."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def analysed(nato_corpus):
    import framing

    scores = framing.score(nato_corpus)
    return nato_corpus, scores, framing.compare(nato_corpus, scores=scores)


@pytest.fixture(scope="session")
def sheet(analysed):
    from framing.worksheets.worksheet import exercise

    corpus, scores, comparison = analysed
    return exercise(corpus, scores=scores, comparison=comparison)
