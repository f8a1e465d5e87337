"""Package data found through importlib.resources: the same files from a checkout or a wheel."""

from __future__ import annotations

from pathlib import Path

import pytest

import framing
from framing.resources import data_path, read_data_text

PACKAGE_ROOT = Path(framing.__file__).parent


def test_a_package_s_folder_and_a_file_inside_it():
    assert data_path("framing.lexicons") == PACKAGE_ROOT / "lexicons"
    assert data_path("framing.lexicons", "data") == PACKAGE_ROOT / "lexicons" / "data"
    assert data_path("framing.lexicons", "data").is_dir()


def test_read_data_text_is_the_file_s_utf8_text():
    name = sorted(p.name for p in data_path("framing.lexicons", "data").glob("*.yaml"))[0]
    expected = (PACKAGE_ROOT / "lexicons" / "data" / name).read_text(encoding="utf-8")
    assert read_data_text("framing.lexicons", f"data/{name}") == expected and expected


def test_a_missing_file_is_an_error_naming_it():
    with pytest.raises(FileNotFoundError, match="no-such-file.yaml"):
        read_data_text("framing.lexicons", "data/no-such-file.yaml")


def test_a_missing_package_is_an_import_error():
    with pytest.raises(ModuleNotFoundError, match="framing.nothing"):
        data_path("framing.nothing")
