"""The `framing` command: a click group whose subcommands load on demand.

Subcommand modules (`framing/cli/<name>_cmd.py`) import only click at module
level and the heavy libraries inside their functions, so `framing --help`
answers at once. Bad input (`FramingError`) becomes one line on stderr and
exit code 2, without a traceback.
"""

from __future__ import annotations

import importlib
import signal
import sys
from typing import TYPE_CHECKING, NoReturn

import click

from framing._version import __version__
from framing.errors import FramingError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from sys import UnraisableHookArgs
    from types import FrameType

# command name -> (module, attribute)
SUBCOMMANDS = {
    "corpus": ("framing.cli.corpus_cmd", "corpus"),
    "lexicon": ("framing.cli.lexicon_cmd", "lexicon"),
    "score": ("framing.cli.score_cmd", "score"),
    "compare": ("framing.cli.compare_cmd", "compare"),
    "report": ("framing.cli.report_cmd", "report"),
    "exercise": ("framing.cli.exercise_cmd", "exercise"),
    "trends": ("framing.cli.trends_cmd", "trends"),
    "grade": ("framing.cli.grade_cmd", "grade"),
}


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when it is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return self._load(name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        if name not in SUBCOMMANDS:
            return None
        module_name, attribute = SUBCOMMANDS[name]
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="framing")
def cli() -> None:
    """Show how different news outlets frame the same story.

    Start with `framing corpus list`, then `framing report` for the bundled
    NATO eastern-flank corpus.
    """


class Terminated(BaseException):
    """SIGTERM, raised where the program is, so every atomic writer discards its temporary file on the way out."""


def _terminate(signum: int, frame: FrameType | None) -> NoReturn:
    raise Terminated()


def _passed_on(previous: Callable[[UnraisableHookArgs], object]) -> Callable[[UnraisableHookArgs], None]:
    """An unraisable-exception hook that raises Ctrl-C and SIGTERM again instead of dropping them.

    Python ignores an exception raised in a garbage-collector callback or a
    finaliser; a signal that lands there (dask's driver registers collector
    callbacks) would be lost and the run would finish as if never
    interrupted. The signal is sent again, so it is raised at the next point
    outside such a callback: a moment later, from another thread, since a
    handler that ran in this hook would be dropped as well.
    """
    import os
    import threading

    def send_again(signum: int) -> None:
        resend = threading.Timer(0.05, os.kill, (os.getpid(), signum))
        resend.daemon = True
        resend.start()

    def hook(unraisable: UnraisableHookArgs) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            send_again(signal.SIGINT)
        elif isinstance(unraisable.exc_value, Terminated):
            send_again(signal.SIGTERM)
        else:
            previous(unraisable)

    return hook


def _stop_scoring_workers() -> None:
    """Stop scoring worker processes that an interrupted run leaves (see `stop_running_workers`)."""
    pipeline = sys.modules.get("framing.scoring.pipeline")  # not imported: no workers to stop
    if pipeline is not None:
        pipeline.stop_running_workers()


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the CLI; turn bad input into a one-line error and exit code 2.

    Ctrl-C and SIGTERM end the run with one line and the shell's codes 130
    and 143; outputs are written atomically, so an interrupted run leaves
    nothing behind.
    """
    import threading

    main_thread = threading.current_thread() is threading.main_thread()  # only it may set handlers
    previous = signal.signal(signal.SIGTERM, _terminate) if main_thread else None
    previous_hook = sys.unraisablehook
    if main_thread:
        sys.unraisablehook = _passed_on(previous_hook)
    try:
        cli.main(args=argv, prog_name="framing", standalone_mode=False)
    except FramingError as exc:
        click.echo(f"framing: error: {exc}", err=True)
        sys.exit(2)
    except (click.exceptions.Abort, KeyboardInterrupt):  # click turns Ctrl-C into Abort
        _stop_scoring_workers()
        click.echo("framing: interrupted; nothing written", err=True)
        sys.exit(130)
    except Terminated:
        _stop_scoring_workers()
        click.echo("framing: terminated; nothing written", err=True)
        sys.exit(143)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
            sys.unraisablehook = previous_hook
    sys.exit(0)
