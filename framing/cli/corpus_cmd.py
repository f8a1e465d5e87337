"""`framing corpus`: list bundled corpora, summarise a corpus, import a table.

Thin commands: parse, call the library, print. Heavy imports happen inside
the functions so that `framing --help` stays fast.
"""

from __future__ import annotations

import click

from framing.cli.options import corpus_column_options, load_corpus_from_options


def _count(n: int, noun: str) -> str:
    """`n` and its noun, plural unless n is 1: "1 article", "2,300 articles"."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


@click.group()
def corpus() -> None:
    """Bundled corpora, corpus summaries and table import."""


@corpus.command("list")
def list_corpora() -> None:
    """List the bundled corpora (use a name wherever a corpus is expected)."""
    from framing.corpus.model import bundled_corpora, load_corpus

    for name in bundled_corpora():
        loaded = load_corpus(name)
        description = " ".join(str(loaded.meta.get("description", "")).split())
        click.echo(f"{name}\t{_count(len(loaded), 'article')}, {_count(len(loaded.outlets), 'outlet')}\t{description}")


@corpus.command("info")
@click.argument("source")
@corpus_column_options
@click.option(
    "--boilerplate",
    "show_boilerplate",
    is_flag=True,
    help="Also list every line removed as boilerplate, with the reason.",
)
def info(
    source: str,
    id_column: str | None,
    text_column: str,
    outlet_column: str,
    title_column: str,
    date_column: str,
    show_boilerplate: bool,
) -> None:
    """One row per article of SOURCE (bundled name, folder or table).

    Columns: doc_id, outlet, date, title, words, sentences, and the number of
    boilerplate lines removed from the text before analysis.
    """
    from framing.cli.corpus_table import article_rows, boilerplate_rows, format_table, reason_legend

    loaded = load_corpus_from_options(source, id_column, text_column, outlet_column, title_column, date_column)
    click.echo(f"{loaded.name}: {_count(len(loaded), 'article')}, {_count(len(loaded.outlets), 'outlet')}")
    click.echo(format_table(*article_rows(loaded)))
    if show_boilerplate:
        click.echo("")
        click.echo(format_table(*boilerplate_rows(loaded)))
        legend = reason_legend(loaded)
        if legend:
            click.echo("reasons:\n" + legend)


@corpus.command("import")
@click.argument("table")
@click.option("-o", "--output", required=True, help="Folder to create, e.g. corpora/my-study.")
@click.option("--force", is_flag=True, help="Replace the output folder if it already has files.")
@corpus_column_options
def import_table(
    table: str,
    output: str,
    force: bool,
    id_column: str | None,
    text_column: str,
    outlet_column: str,
    title_column: str,
    date_column: str,
) -> None:
    """Turn a CSV/JSONL/Parquet TABLE into a folder of article files.

    One `.md` file per article with YAML front matter, plus `corpus.yaml`, so
    single articles can be read and edited by hand.
    """
    from framing.cli.outputs import check_outputs, corpus_input, output_folder
    from framing.corpus.writer import write_article_folder

    check_outputs(corpus_input(table), [output_folder(output, "-o", replaces=True)], force=force)
    loaded = load_corpus_from_options(table, id_column, text_column, outlet_column, title_column, date_column)
    folder = write_article_folder(loaded, output, force=force)
    click.echo(f"wrote {_count(len(loaded), 'article')} to {folder}")
