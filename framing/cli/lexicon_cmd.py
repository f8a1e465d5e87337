"""`framing lexicon`: list, show, validate and import lexicons.

Thin commands: parse, call framing.lexicon / framing.dic, print. Heavy
imports (yaml, numpy, the tokenizer) happen inside the functions so that
`framing --help` stays fast. Bad files raise FramingError, which the
`framing` entry point turns into one line and exit code 2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from framing.cli.options import corpus_column_options

if TYPE_CHECKING:
    from framing.lexicons.model import Entry, Lexicon


@click.group()
def lexicon() -> None:
    """Built-in and custom lexicons: list, show, validate, import .dic files."""


@lexicon.command("list")
def list_lexicons() -> None:
    """List the built-in lexicons (use a name wherever a lexicon is expected)."""
    from framing.lexicons.model import builtin_lexicons, load_lexicon

    for name in builtin_lexicons():
        loaded = load_lexicon(name)
        click.echo(
            f"{name}\t{len(loaded.categories)} categories, {loaded.entry_count()} entries\t"
            f"{' '.join(loaded.description.split())}"
        )


@lexicon.command("show")
@click.argument("name_or_file")
@click.option("--entries", "show_entries", is_flag=True, help="Also print every entry of every category.")
def show(name_or_file: str, show_entries: bool) -> None:
    """Categories with entry counts, and contrasts, of a built-in NAME or a FILE (.yaml or .dic)."""
    from framing.lexicons.model import load_lexicon

    loaded = load_lexicon(name_or_file)
    click.echo(f"{loaded.name} {loaded.version}: {' '.join(loaded.description.split())}")
    click.echo(f"source: {loaded.source}")
    if loaded.citation:
        click.echo(f"citation: {loaded.citation}")
    click.echo(f"licence: {loaded.licence}")
    click.echo(f"family: {loaded.family}")
    click.echo(f"file: {loaded.path}\nsha256: {loaded.sha256}")
    if loaded.case_sensitive:
        click.echo("matching: case-sensitive")
    click.echo("categories:")
    width = max(len(name) for name in loaded.categories)
    for category in loaded.categories.values():
        count = f"pattern {category.pattern}" if category.pattern else f"{len(category.entries)} entries"
        click.echo(
            f"  {category.name:<{width}}  {category.colour}  {count:>12}  {' '.join(category.description.split())}"
        )
        if show_entries and category.entries:
            import textwrap

            click.echo(
                textwrap.fill(
                    ", ".join(_entry_text(e) for e in category.entries),
                    width=100,
                    initial_indent="    ",
                    subsequent_indent="    ",
                    break_on_hyphens=False,
                )
            )
    if loaded.contrasts:
        click.echo("contrasts:")
        for contrast in loaded.contrasts:
            click.echo(f"  {contrast.name}: {contrast.positive} (+) vs {contrast.negative} (-)")


def _entry_text(entry: Entry) -> str:
    """An entry as shown by --entries: its term, with its weight when it is not 1."""
    return entry.term if entry.weight == 1.0 else f"{entry.term} ({entry.weight:g})"


@lexicon.command("validate")
@click.argument("file_or_name")
@click.option(
    "--corpus",
    default=None,
    metavar="SOURCE",
    help="Also check the lexicon on this corpus (folder, table or bundled name): coverage, consistency, "
    "doubtful terms and suggested terms.",
)
@click.option(
    "--suggestions",
    "suggestions_path",
    default=None,
    metavar="FILE.yaml",
    help="Write the suggested terms as a YAML snippet to paste, e.g. suggestions.yaml (needs --corpus).",
)
@click.option(
    "--table",
    "table_path",
    default=None,
    metavar="FILE",
    help="Write the per-category table, with each category's key and label, as .csv, .json, .jsonl or .parquet "
    "(needs --corpus).",
)
@click.option(
    "--top",
    type=click.IntRange(0, 100),
    default=20,
    show_default=True,
    metavar="N",
    help="Suggested terms per category at most (0: none).",
)
@click.option(
    "--min-count",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    metavar="N",
    help="Times a suggested term occurs in the category's sentences at least.",
)
@click.option(
    "--min-z",
    type=float,
    default=1.96,
    show_default=True,
    metavar="Z",
    help="Log-odds z-score a suggested term reaches at least.",
)
@corpus_column_options
def validate(
    file_or_name: str,
    corpus: str | None,
    suggestions_path: str | None,
    table_path: str | None,
    top: int,
    min_count: int,
    min_z: float,
    **options: Any,
) -> None:
    """Check a lexicon FILE (.yaml or .dic) or built-in NAME: errors exit 2 with the line; warnings are listed.

    With --corpus, also per category: hits per 1,000 words, share of articles
    hit, share of the top 3 terms, Cronbach's alpha and KR-20, terms that
    never occur or are mostly negated or quoted, and suggested terms.
    """
    from framing.errors import FramingError
    from framing.io import TABLE_SUFFIXES
    from framing.lexicons.check import lexicon_warnings
    from framing.lexicons.model import load_lexicon

    if suggestions_path and not corpus:
        raise FramingError(f"{suggestions_path}: --suggestions needs --corpus (the corpus the terms come from)")
    if table_path and not corpus:
        raise FramingError(f"{table_path}: --table needs --corpus (the corpus the numbers come from)")
    if table_path and not table_path.lower().endswith(TABLE_SUFFIXES):
        raise FramingError(f"{table_path}: --table writes a table; give a name ending in {', '.join(TABLE_SUFFIXES)}")
    if suggestions_path and not suggestions_path.lower().endswith((".yaml", ".yml")):
        raise FramingError(f"{suggestions_path}: --suggestions writes YAML; give a file name ending in .yaml")
    loaded = load_lexicon(file_or_name)
    warnings = lexicon_warnings(loaded)
    for warning in warnings:
        click.echo(f"warning: {warning}")
    click.echo(
        f"{file_or_name}: valid {loaded.family} lexicon: {len(loaded.categories)} categories, "
        f"{loaded.entry_count()} entries, {len(loaded.contrasts)} contrasts, "
        f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
    )
    if corpus:
        _validate_on_corpus(
            loaded,
            file_or_name,
            corpus,
            suggestions_path,
            table_path,
            top=top,
            min_count=min_count,
            min_z=min_z,
            options=options,
        )


def _validate_on_corpus(
    loaded: Lexicon,
    file_or_name: str,
    corpus: str,
    suggestions_path: str | None,
    table_path: str | None,
    *,
    top: int,
    min_count: int,
    min_z: float,
    options: dict[str, Any],
) -> None:
    """The --corpus part of `validate`: compute, write the snippet and the table (together), print the table."""
    from framing.cli.lexicon_table import category_table, validation_text
    from framing.cli.options import load_corpus_from_options
    from framing.cli.outputs import check_outputs, corpus_input, existing_inputs, output_file
    from framing.io import OutputSet
    from framing.lexicons.snippet import suggestions_yaml
    from framing.lexicons.validate import validate_lexicon

    outputs = [output_file(suggestions_path, "--suggestions")] if suggestions_path else []
    outputs += [output_file(table_path, "--table")] if table_path else []
    if outputs:
        check_outputs(corpus_input(corpus) + existing_inputs(file_or_name), outputs)
    articles = load_corpus_from_options(corpus, **options)
    validation = validate_lexicon(loaded, articles, suggestions=top, min_count=min_count, min_z=min_z)
    with OutputSet() as written:  # both files appear, or neither
        if suggestions_path:
            written.write_text(suggestions_path, suggestions_yaml(validation))
        if table_path:
            written.write_table(category_table(validation), table_path)
    click.echo("")
    for line in validation_text(validation, suggestions_path):
        click.echo(line)
    if table_path:
        click.echo(f"wrote {table_path}: the per-category table, with each category's key and label")


@lexicon.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, help="YAML file to write, e.g. my-lexicon.yaml.")
@click.option("--name", default=None, help="Lexicon name (default: the file name without .dic).")
@click.option("--description", default=None, help="One-line description to store in the lexicon.")
@click.option("--licence", "licence", default=None, help="Licence of the original dictionary, e.g. CC-BY-4.0.")
@click.option("--source", default=None, help="Where the dictionary comes from (citation or URL).")
def import_dic(
    file: str, output: str, name: str | None, description: str | None, licence: str | None, source: str | None
) -> None:
    """Convert a LIWC-style FILE.dic (LIWC, quanteda, Moral Foundations) to our YAML format."""
    import dataclasses
    from pathlib import Path

    from framing.cli.outputs import check_outputs, existing_inputs, output_file
    from framing.io import atomic_write_text
    from framing.lexicons.check import lexicon_warnings
    from framing.lexicons.dic import lexicon_to_yaml, read_dic
    from framing.lexicons.model import parse_lexicon

    check_outputs(existing_inputs(file), [output_file(output, "-o")])
    loaded = read_dic(file, name=name, description=description)
    changes: dict[str, Any] = {k: v for k, v in (("licence", licence), ("source", source)) if v}
    loaded = dataclasses.replace(loaded, **changes)
    text = lexicon_to_yaml(loaded)
    parse_lexicon(text, path=Path(output))  # what we write must load again
    atomic_write_text(output, text)
    for warning in lexicon_warnings(loaded):
        click.echo(f"warning: {warning}")
    click.echo(f"wrote {output}: {len(loaded.categories)} categories, {loaded.entry_count()} entries")
