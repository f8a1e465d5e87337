"""The documentation site builds with `mkdocs build --strict`: no broken link, no
page missing from the navigation, no module the API reference cannot find."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mkdocs", reason="the docs extra is not installed (make test installs it)")
pytest.importorskip("mkdocstrings", reason="the docs extra is not installed (make test installs it)")

ROOT = Path(__file__).resolve().parents[1]


def test_the_site_builds_strictly(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env["NO_MKDOCS_2_WARNING"] = "1"  # Material's end-of-life banner, printed on every build
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    assert (site / "index.html").exists()
    assert (site / "reference" / "framing.html").exists()
    for name in ("corpus", "lexicon", "score", "compare", "report", "exercise"):
        assert (site / "cli" / f"{name}.html").exists(), f"cli/{name}.md was not built"
    # the API reference is generated from the docstrings, not empty stubs
    reference = (site / "reference" / "scoring.html").read_text(encoding="utf-8")
    assert "score_chunks" in reference
    # offline: no web fonts or scripts from elsewhere
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in index
