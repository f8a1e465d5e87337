"""The Makefile: `make report` installs framing's runtime dependencies only; the extras wait for `make test`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def dry_run(target: str, tmp_path: Path) -> list[str]:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    done = subprocess.run(
        ["make", "-n", target, f"VENV={tmp_path / 'venv'}"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def test_make_report_installs_no_extra(tmp_path):
    installs = [line for line in dry_run("report", tmp_path) if "pip install" in line and "--upgrade pip" not in line]
    assert installs and all(line.endswith("install --quiet -e .") for line in installs), installs


def test_make_test_installs_the_test_docs_and_lint_extras(tmp_path):
    lines = dry_run("test", tmp_path)
    assert any("-e '.[test,docs,lint]'" in line for line in lines)
    assert any("pytest" in line for line in lines)
