"""Options several commands share, declared once so their names, defaults and help never drift apart.

Each group is a decorator: `@corpus_column_options` (the `--*-column` options
of every command that reads a corpus), `@lexicon_options` (`-l/--lexicon`
and `--targets`, for every command that scores), `@raw_csv_option` (for every
command that writes CSV tables).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from framing.corpus.model import Corpus

Command = TypeVar("Command", bound=Callable[..., Any])
Decorator = Callable[[Command], Command]

CORPUS_COLUMN_OPTIONS = (
    click.option(
        "--id-column", default=None, help="Column holding a stable article id (default: row number or file name)."
    ),
    click.option("--text-column", default="text", show_default=True, help="Column holding the article text."),
    click.option("--outlet-column", default="outlet", show_default=True, help="Column holding the outlet name."),
    click.option("--title-column", default="title", show_default=True, help="Column holding the headline."),
    click.option("--date-column", default="date", show_default=True, help="Column holding the publication date."),
)

LEXICON_OPTIONS = (
    click.option(
        "-l",
        "--lexicon",
        "lexicons",
        multiple=True,
        metavar="NAME|FILE",
        help="Lexicon name or file; repeat for several (default: every built-in lexicon).",
    ),
    click.option(
        "--targets",
        default=None,
        metavar="FILE",
        help="Targets file (YAML) for stance (default: the corpus' targets.yaml, if any).",
    ),
)

raw_csv_option = click.option(
    "--raw-csv",
    is_flag=True,
    help="Write CSV cells as they are (default: text starting with = + - @ gets a leading ').",
)


def add_options(command: Command, options: tuple[Decorator[Any], ...]) -> Command:
    """`command` with `options` added, listed in --help in the order given."""
    for option in reversed(options):
        command = option(command)
    return command


def corpus_column_options(command: Command) -> Command:
    """Add the --*-column options to a command (they reach it as keyword arguments)."""
    return add_options(command, CORPUS_COLUMN_OPTIONS)


def lexicon_options(command: Command) -> Command:
    """Add -l/--lexicon (as `lexicons`, a tuple) and --targets to a command."""
    return add_options(command, LEXICON_OPTIONS)


def load_corpus_from_options(
    source: str, id_column: str | None, text_column: str, outlet_column: str, title_column: str, date_column: str
) -> Corpus:
    """Load a corpus the way every CLI command does: through the library's one input check."""
    from framing.corpus.inputs import as_corpus
    from framing.corpus.readers.columns import Columns

    return as_corpus(
        source, Columns(id=id_column, text=text_column, outlet=outlet_column, title=title_column, date=date_column)
    )
