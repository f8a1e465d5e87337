"""The CLI tests' way to run a command in-process (exceptions propagate, so a crash shows its traceback)."""

from __future__ import annotations

from dataclasses import dataclass

from click.testing import CliRunner

from framing.cli import cli, main


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@dataclass(frozen=True)
class Outcome:
    """What the real entry point did: exit code, stdout and stderr, apart."""

    exit_code: int
    stdout: str
    stderr: str


def run_main(*args: str) -> Outcome:
    """Run `framing.cli.main` (the real entry point, which turns FramingError into one line and exit 2)."""
    with CliRunner().isolation() as (out, err, _):
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        return Outcome(code, out.getvalue().decode(), err.getvalue().decode())
