"""Options shared by every command that reads a corpus."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from framing.corpus.model import Corpus

Command = TypeVar("Command", bound=Callable[..., Any])

CORPUS_COLUMN_OPTIONS = (
    click.option(
        "--id-column", default=None, help="Column holding a stable article id (default: row number or file name)."
    ),
    click.option("--text-column", default="text", show_default=True, help="Column holding the article text."),
    click.option("--outlet-column", default="outlet", show_default=True, help="Column holding the outlet name."),
    click.option("--title-column", default="title", show_default=True, help="Column holding the headline."),
    click.option("--date-column", default="date", show_default=True, help="Column holding the publication date."),
)


def corpus_column_options(command: Command) -> Command:
    """Add the --*-column options to a command (they reach it as keyword arguments)."""
    for option in reversed(CORPUS_COLUMN_OPTIONS):
        command = option(command)
    return command


def load_corpus_from_options(
    source: str, id_column: str | None, text_column: str, outlet_column: str, title_column: str, date_column: str
) -> Corpus:
    """Load a corpus the way every CLI command does: through the library's one input check."""
    from framing.corpus.inputs import as_corpus
    from framing.corpus.readers.columns import Columns

    return as_corpus(
        source, Columns(id=id_column, text=text_column, outlet=outlet_column, title=title_column, date=date_column)
    )
