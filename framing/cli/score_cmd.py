"""`framing score`: one row of scores per article, plus the evidence behind them.

Thin: parse, call `framing.score`, write tables via `framing.fileio`, print a
short summary. Heavy imports happen inside the function.
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from framing.cli.engine_options import engine_options, score_with_dask
from framing.cli.options import corpus_column_options, load_corpus_from_options
from framing.cli.summary import lexicons_line

if TYPE_CHECKING:
    import pandas as pd

    from framing.scoring.pipeline import Chunks


@click.command()
@click.argument("source")
@click.option("-l", "--lexicon", "lexicons", multiple=True,
              help="Lexicon name or file; repeat for several (default: every built-in lexicon).")
@click.option("--targets", "targets", default=None,
              help="Targets file (YAML) for stance (default: the corpus' targets.yaml, if any).")
@click.option("-o", "--output", required=True, help="Scores table: .csv, .json, .jsonl or .parquet.")
@click.option("--evidence", default=None, help="Also write the evidence table (same formats).")
@click.option("--raw-csv", is_flag=True,
              help="Write CSV cells as they are (default: text starting with = + - @ gets a leading ').")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--jobs", type=int, default=None, help="Worker processes (default: every core).")
@click.option("--slant", is_flag=True,
              help="Also score sentence slant (slant, slant.share; opt-in: it doubles the time).")
@engine_options
@corpus_column_options
def score(source: str, lexicons: tuple[str, ...], targets: str | None, output: str, evidence: str | None,
          raw_csv: bool, quiet: bool, jobs: int | None, slant: bool, engine: str, scheduler: str | None, workers: int | None,
          **columns: Any) -> None:
    """Score every article of SOURCE for sentiment, frames, stance, loaded language and sourcing.

    SOURCE is a bundled corpus name, a folder of articles or a table. The
    scores table has one row per article; the evidence table one row per
    matched word or phrase, whose start/end slice the article's clean text.
    """
    import contextlib

    import pandas as pd

    from framing.cli.outputs import check_outputs, check_table_names, corpus_input, existing_inputs, output_file
    from framing.errors import FramingError
    from framing.io import OutputSet
    from framing.scoring.pipeline import score_chunks

    if engine == "dask" and slant:
        raise FramingError("--slant runs on the local engine only for now; leave it out with --engine dask")
    if engine == "dask":
        return score_with_dask(source, lexicons, targets, output, evidence, quiet, scheduler, workers, columns)
    # paths first (an existing folder or an input is the real problem), then the format its name asks for
    check_outputs(corpus_input(source) + existing_inputs(*lexicons, targets),
                  [output_file(output, "-o")] + ([output_file(evidence, "--evidence")] if evidence else []))
    check_table_names(output, evidence)
    corpus = load_corpus_from_options(source, **columns)
    progress = not quiet and sys.stderr.isatty()
    tables: list[pd.DataFrame] = []
    evidence_rows = 0
    # the evidence goes to its file chunk by chunk (it is most of the memory); the table is small
    run = score_chunks(corpus, lexicons=list(lexicons) or None, targets=targets, n_jobs=jobs, progress=progress,
                       evidence=bool(evidence), slant=slant)
    # the table and its evidence appear together or not at all
    with OutputSet() as outputs, outputs.stream(evidence, raw_csv=raw_csv) if evidence \
            else contextlib.nullcontext() as stream:
        for part in run:
            tables.append(part["table"])
            if stream is not None:
                stream.write(part["evidence"])
                evidence_rows += len(part["evidence"])
        table = pd.concat(tables, ignore_index=True)
        outputs.write_table(table, output, raw_csv=raw_csv)
    if not quiet:
        click.echo(_summary(table, run, output, evidence, evidence_rows))


def _summary(table: pd.DataFrame, run: Chunks, output: str, evidence: str | None, evidence_rows: int) -> str:
    """What was scored and written: articles, words, outlets, evidence rows, lexicons and targets."""
    lines = [f"scored {len(table)} articles ({int(table['words'].sum()):,} words, "
             f"{table['outlet'].nunique()} outlets) -> {output}"]
    if evidence:
        lines.append(f"{evidence_rows:,} evidence rows -> {evidence}")
    lines.append(lexicons_line(run.lexicons, run.targets))
    return "\n".join(lines)
