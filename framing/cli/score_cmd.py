"""`framing score`: one row of scores per article, plus the evidence behind them.

Thin: parse, score chunk by chunk (a table is streamed: `framing.corpus.stream`),
write the tables as the chunks come (`framing.io.OutputSet`), print a short summary. Heavy imports happen inside the function.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from framing.cli.engine_options import engine_options, score_with_dask
from framing.cli.options import corpus_column_options, lexicon_options, load_corpus_from_options, raw_csv_option
from framing.cli.summary import lexicons_line

if TYPE_CHECKING:
    from framing.io import OutputSet
    from framing.scoring.pipeline import Chunks, StreamChunks


@click.command()
@click.argument("source")
@lexicon_options
@click.option("-o", "--output", required=True, help="Scores table: .csv, .json, .jsonl or .parquet.")
@click.option("--evidence", default=None, help="Also write the evidence table (same formats).")
@raw_csv_option
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--jobs", type=int, default=None, help="Worker processes (default: every core).")
@click.option(
    "--slant", is_flag=True, help="Also score sentence slant (slant, slant.share; opt-in: it doubles the time)."
)
@engine_options
@corpus_column_options
def score(
    source: str,
    lexicons: tuple[str, ...],
    targets: str | None,
    output: str,
    evidence: str | None,
    raw_csv: bool,
    quiet: bool,
    jobs: int | None,
    slant: bool,
    engine: str,
    scheduler: str | None,
    workers: int | None,
    **columns: Any,
) -> None:
    """Score every article of SOURCE for sentiment, frames, stance, loaded language and sourcing.

    SOURCE is a bundled corpus name, a folder of articles or a table. The
    scores table has one row per article; the evidence table one row per
    matched word or phrase, whose start/end slice the article's clean text.
    """
    from framing.cli.outputs import check_outputs, check_table_names, corpus_input, existing_inputs, output_file
    from framing.errors import FramingError
    from framing.io import OutputSet

    if engine == "dask" and slant:
        raise FramingError("--slant runs on the local engine only for now; leave it out with --engine dask")
    if engine == "dask":
        return score_with_dask(source, lexicons, targets, output, evidence, quiet, scheduler, workers, columns)
    # paths first (an existing folder or an input is the real problem), then the format its name asks for
    check_outputs(
        corpus_input(source) + existing_inputs(*lexicons, targets),
        [output_file(output, "-o")] + ([output_file(evidence, "--evidence")] if evidence else []),
    )
    check_table_names(output, evidence)
    progress = not quiet and sys.stderr.isatty()
    run = _run(
        source,
        columns,
        lexicons=list(lexicons) or None,
        targets=targets,
        n_jobs=jobs,
        progress=progress,
        evidence=bool(evidence),
        slant=slant,
        extras=False,  # only the table and its evidence are written
    )
    # the table and its evidence go to their files chunk by chunk, and appear together or not at all
    with OutputSet() as outputs:
        totals = _write(run, outputs, output, evidence, raw_csv)
    if not quiet:
        click.echo(_summary(totals, run, output, evidence))


def _run(source: str, columns: dict[str, Any], **options: Any) -> Chunks | StreamChunks:
    """The scoring run: a table (or folder of Parquet parts) is streamed, anything else loaded whole first."""
    from framing.corpus.readers.columns import Columns
    from framing.corpus.stream import ArticleStream, streamable
    from framing.scoring.pipeline import score_chunks, score_stream

    path = streamable(source)
    if path is None:
        return score_chunks(load_corpus_from_options(source, **columns), **options)
    names = Columns(
        id=columns["id_column"],
        text=columns["text_column"],
        outlet=columns["outlet_column"],
        title=columns["title_column"],
        date=columns["date_column"],
    )
    return score_stream(ArticleStream(path, names), **options)


def _write(
    run: Chunks | StreamChunks, outputs: OutputSet, output: str, evidence: str | None, raw_csv: bool
) -> dict[str, Any]:
    """Write every chunk's table and evidence; return the counts the summary shows.

    A Parquet scores table is written once at the end (one row group, as
    small as the table is); every other format is streamed.
    """
    import contextlib

    import pandas as pd

    whole = output.lower().endswith(".parquet")
    tables: list[pd.DataFrame] = []
    totals: dict[str, Any] = {"articles": 0, "words": 0, "outlets": set(), "evidence": 0}
    with contextlib.ExitStack() as streams:
        table_stream = None if whole else streams.enter_context(outputs.stream(output, raw_csv=raw_csv))
        evidence_stream = streams.enter_context(outputs.stream(evidence, raw_csv=raw_csv)) if evidence else None
        for part in run:
            table = part["table"]
            totals["articles"] += len(table)
            totals["words"] += int(table["words"].sum())
            totals["outlets"].update(table["outlet"].unique().tolist())
            if table_stream is None:
                tables.append(table)
            else:
                table_stream.write(table)
            if evidence_stream is not None:
                evidence_stream.write(part["evidence"])
                totals["evidence"] += len(part["evidence"])
    if whole:
        outputs.write_table(pd.concat(tables, ignore_index=True), output, raw_csv=raw_csv)
    return totals


def _summary(totals: dict[str, Any], run: Chunks | StreamChunks, output: str, evidence: str | None) -> str:
    """What was scored and written: articles, words, outlets, evidence rows, lexicons and targets."""
    lines = [
        f"scored {totals['articles']} articles ({totals['words']:,} words, "
        f"{len(totals['outlets'])} outlets) -> {output}"
    ]
    if evidence:
        lines.append(f"{totals['evidence']:,} evidence rows -> {evidence}")
    lines.append(lexicons_line(run.lexicons, run.targets))
    return "\n".join(lines)
