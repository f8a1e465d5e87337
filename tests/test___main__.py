"""`python -m framing` runs the command line; `--version` prints framing._version.__version__."""

from __future__ import annotations

import subprocess
import sys

from framing._version import __version__


def test_python_dash_m_framing_works():
    result = subprocess.run([sys.executable, "-m", "framing", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_python_dash_m_without_a_command_shows_the_commands():
    result = subprocess.run([sys.executable, "-m", "framing"], capture_output=True, text=True)
    assert "Commands:" in result.stdout + result.stderr
    assert "score" in result.stdout + result.stderr
