"""The CLI tests' way to run a command in-process (exceptions propagate, so a crash shows its traceback)."""
from __future__ import annotations

from click.testing import CliRunner

from framing.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)
