"""Shared fixtures: where the repository and ../shared/data are, and the bundled corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import network_guard
from tests.shared import REPO_ROOT, SHARED_DATA


def pytest_configure(config: pytest.Config) -> None:
    """Block every connection to another machine for the whole run (tests/network_guard.py)."""
    network_guard.block()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A connection attempt fails the run even if the code under test swallowed the error."""
    if network_guard.ATTEMPTS:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print("\nnetwork access attempted during the tests:", *network_guard.ATTEMPTS, sep="\n  ")


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
