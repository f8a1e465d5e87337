"""The wheel holds every module and data file of framing/ (a new subpackage cannot silently vanish)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def package_files() -> set[str]:
    """Every file under framing/ (bundled corpora through the framing/corpora link), as wheel paths."""
    root = REPO / "framing"
    found = set()
    for path in root.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            found.add("framing/" + path.relative_to(root).as_posix())
    return found


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    # offline: the build uses the setuptools and wheel installed beside the tests
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("framing_toolkit-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return {name for name in archive.namelist() if name.startswith("framing/")}


def test_every_module_and_data_file_is_in_the_wheel(wheel_names):
    missing = package_files() - wheel_names
    assert not missing, sorted(missing)


def test_the_wheel_has_the_bundled_corpus_and_the_type_marker(wheel_names):
    assert "framing/py.typed" in wheel_names
    assert "framing/corpora/nato-eastern-flank-2022/corpus.yaml" in wheel_names
    assert "framing/lexicons/data/military-posture.yaml" in wheel_names
