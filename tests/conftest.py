"""Shared fixtures: where the repository and ../shared/data are, and the bundled corpus."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
# A git worktree sits one level deeper than the main checkout: FRAMING_SHARED_DATA points there.
SHARED_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data beside the checkout; tests that need it skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"{SHARED_DATA} is not present")
    return SHARED_DATA


@pytest.fixture(scope="session")
def nato_corpus():
    """The bundled corpus, loaded once per test session."""
    from framing.corpus.model import load_corpus

    return load_corpus("nato-eastern-flank-2022")
