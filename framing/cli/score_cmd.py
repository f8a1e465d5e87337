"""`framing score`: one row of scores per article, plus the evidence behind them.

Thin: parse, call `framing.score`, write tables via `framing.fileio`, print a
short summary. Heavy imports happen inside the function.
"""
from __future__ import annotations

import sys

import click

from framing.cli.options import corpus_column_options, load_corpus_from_options


@click.command()
@click.argument("source")
@click.option("-l", "--lexicon", "lexicons", multiple=True,
              help="Lexicon name or file; repeat for several (default: every built-in lexicon).")
@click.option("--targets", "targets", default=None,
              help="Targets file (YAML) for stance (default: the corpus' targets.yaml, if any).")
@click.option("-o", "--output", required=True, help="Scores table: .csv, .json, .jsonl or .parquet.")
@click.option("--evidence", default=None, help="Also write the evidence table (same formats).")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--jobs", type=int, default=None, help="Worker processes (default: every core).")
@corpus_column_options
def score(source, lexicons, targets, output, evidence, quiet, jobs, **columns):
    """Score every article of SOURCE for sentiment, frames, stance, loaded language and sourcing.

    SOURCE is a bundled corpus name, a folder of articles or a table. The
    scores table has one row per article; the evidence table one row per
    matched word or phrase, whose start/end slice the article's clean text.
    """
    from framing.fileio import TABLE_SUFFIXES, write_table
    from framing.errors import FramingError
    from framing.scoring import score as run_score

    for path in filter(None, (output, evidence)):
        if not str(path).lower().endswith(TABLE_SUFFIXES):
            raise FramingError(f"{path}: unknown output format; use one of {', '.join(TABLE_SUFFIXES)}")
    corpus = load_corpus_from_options(source, **columns)
    progress = not quiet and sys.stderr.isatty()
    result = run_score(corpus, lexicons=list(lexicons) or None, targets=targets, n_jobs=jobs, progress=progress)
    write_table(result.table, output)
    if evidence:
        write_table(result.evidence, evidence)
    if not quiet:
        click.echo(_summary(result, output, evidence))


def _summary(result, output, evidence) -> str:
    table = result.table
    lines = [f"scored {len(table)} articles ({int(table['words'].sum()):,} words, "
             f"{table['outlet'].nunique()} outlets) -> {output}"]
    if evidence:
        lines.append(f"{len(result.evidence):,} evidence rows -> {evidence}")
    lines.append("lexicons: " + ", ".join(lex.name for lex in result.lexicons)
                 + ("; targets: " + ", ".join(result.targets.names) if result.targets is not None else "; no targets"))
    return "\n".join(lines)
