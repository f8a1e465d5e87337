"""The --*-column options every corpus-reading command shares, and the load they feed."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from framing.cli import SUBCOMMANDS, cli
from framing.cli.options import (
    CORPUS_COLUMN_OPTIONS,
    LEXICON_OPTIONS,
    corpus_column_options,
    lexicon_options,
    load_corpus_from_options,
    raw_csv_option,
)
from framing.errors import FramingError
from tests.corpus.fixtures import write_jsonl


@click.command()
@click.argument("source")
@corpus_column_options
def show(source, **columns):
    click.echo(" ".join(f"{k}={v}" for k, v in sorted(columns.items())))


def test_the_options_reach_the_command_with_their_defaults():
    result = CliRunner().invoke(show, ["x"], catch_exceptions=False)
    assert result.output == "date_column=date id_column=None outlet_column=outlet text_column=text title_column=title\n"


def test_the_options_are_listed_in_help_in_their_order():
    help_text = CliRunner().invoke(show, ["--help"]).output
    names = ["--id-column", "--text-column", "--outlet-column", "--title-column", "--date-column"]
    assert [help_text.index(n) for n in names] == sorted(help_text.index(n) for n in names)
    assert len(CORPUS_COLUMN_OPTIONS) == len(names)


@click.command()
@lexicon_options
@raw_csv_option
def scored(lexicons, targets, raw_csv):
    click.echo(f"lexicons={lexicons} targets={targets} raw_csv={raw_csv}")


def test_the_lexicon_and_raw_csv_options_reach_the_command():
    result = CliRunner().invoke(scored, ["-l", "a", "--lexicon", "b.yaml", "--targets", "t.yaml", "--raw-csv"])
    assert result.output == "lexicons=('a', 'b.yaml') targets=t.yaml raw_csv=True\n"
    assert CliRunner().invoke(scored, []).output == "lexicons=() targets=None raw_csv=False\n"
    assert len(LEXICON_OPTIONS) == 2


def _options_of_every_command():
    """(command path, option) for every option of every `framing` command and subcommand."""
    ctx = click.Context(cli)
    for name in sorted(SUBCOMMANDS):
        command = cli.get_command(ctx, name)
        commands = command.commands.items() if isinstance(command, click.Group) else [("", command)]
        for sub, leaf in commands:
            for param in leaf.params:
                if isinstance(param, click.Option):
                    yield f"{name} {sub}".strip(), param


def test_an_option_shared_by_several_commands_is_the_same_everywhere():
    declarations = {}
    for path, option in _options_of_every_command():
        seen = (tuple(option.opts), option.default, option.help, option.metavar, option.multiple, option.is_flag)
        declarations.setdefault(option.opts[-1], {})[path] = seen
    shared = ["--lexicon", "--targets", "--raw-csv"] + [
        o for o in declarations if o.endswith("-column") and o != "--column"
    ]
    for flag in shared:
        assert len(declarations[flag]) >= 2, flag
        assert len(set(declarations[flag].values())) == 1, (flag, declarations[flag])


def test_load_uses_the_columns_given(tmp_path):
    rows = [{"key": "k1", "paper": "Post", "body": "Text here.", "headline": "H", "when": "2022-04-11"}]
    path = write_jsonl(tmp_path / "t.jsonl", rows)
    corpus = load_corpus_from_options(str(path), "key", "body", "paper", "headline", "when")
    article = corpus.articles.iloc[0]
    assert (article["doc_id"], article["outlet"], article["title"], article["text"]) == (
        "k1",
        "Post",
        "H",
        "Text here.",
    )
    assert str(article["date"].date()) == "2022-04-11"


def test_a_named_column_that_is_missing_is_one_line(tmp_path):
    path = write_jsonl(tmp_path / "t.jsonl", [{"outlet": "Post", "text": "Text here."}])
    with pytest.raises(
        FramingError, match=r"t\.jsonl: no column 'body' for the article text \(set it with --text-column\)"
    ):
        load_corpus_from_options(str(path), None, "body", "outlet", "title", "date")
