"""The hostile pages, built once for the whole security suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.security.pages import hostile_pages


@pytest.fixture(scope="session")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return hostile_pages(tmp_path_factory.mktemp("hostile"))
