"""`framing trends`: coverage and framing per outlet and period, and the changes over time that pass a test."""

from __future__ import annotations

from typing import Any

import click

from framing.cli.options import corpus_column_options, lexicon_options, load_corpus_from_options, raw_csv_option


@click.command()
@click.argument("source")
@click.option("-o", "--output", required=True, help="Trends table: .csv, .json, .jsonl or .parquet.")
@click.option(
    "--freq",
    type=click.Choice(["W", "M", "Q"]),
    default="M",
    show_default=True,
    help="Period: week (Monday to Sunday), month or quarter.",
)
@click.option(
    "--column",
    "columns",
    multiple=True,
    help="Score to follow; repeat for several (default: every score, counts left out).",
)
@click.option(
    "--shifts",
    "shifts_path",
    default=None,
    help="Also write the change-point tests of each outlet and score, and the shifts found (same formats).",
)
@click.option(
    "--min-articles",
    type=click.IntRange(min=2),
    default=3,
    show_default=True,
    help="Articles an outlet needs on each side of a change before it is tested.",
)
@click.option(
    "--permutations",
    type=click.IntRange(min=99),
    default=9999,
    show_default=True,
    help="Shuffles per change-point test; the smallest adjusted p-value is (outlets x scores) / (1 + this).",
)
@lexicon_options
@click.option(
    "--seed", type=click.IntRange(min=0), default=0, show_default=True, help="Seed of the bootstrap and permutations."
)
@raw_csv_option
@corpus_column_options
def trends(
    source: str,
    output: str,
    freq: str,
    columns: tuple[str, ...],
    shifts_path: str | None,
    min_articles: int,
    permutations: int,
    lexicons: tuple[str, ...],
    targets: str | None,
    seed: int,
    raw_csv: bool,
    **options: Any,
) -> None:
    """Per outlet and period: articles, share of coverage, and each score's mean with a 95% interval.

    With --shifts, each outlet's series of each score gets one change-point
    test (the split between periods with the largest before/after difference
    of means, against shuffles of its articles; Holm-adjusted over outlets and
    scores), sides of a change found are searched again, and the articles that
    drive each change are named. Undated articles are counted and
    listed, not placed in any period.
    """
    from framing.cli.outputs import check_outputs, check_table_names, corpus_input, existing_inputs, output_file
    from framing.errors import FramingError
    from framing.io import OutputSet
    from framing.scoring import score
    from framing.stats.trends import default_columns, over_time, shifts

    check_outputs(
        corpus_input(source) + existing_inputs(*lexicons, targets),
        [output_file(output, "-o")] + ([output_file(shifts_path, "--shifts")] if shifts_path else []),
    )
    check_table_names(output, shifts_path)
    corpus = load_corpus_from_options(source, **options)
    scores = score(corpus, lexicons=list(lexicons) or None, targets=targets, evidence=False)
    unknown = [c for c in columns if c not in scores.table.columns]
    if unknown:
        raise FramingError(
            f"{source}: no score column {unknown[0]!r}; the scores are: {', '.join(default_columns(scores.table))}"
        )
    dates = corpus.articles.set_index("doc_id")["date"]
    chosen = list(columns) or None
    table = over_time(scores.table, dates, freq=freq, columns=chosen, seed=seed)
    with OutputSet() as outputs:
        outputs.write_table(table, output, raw_csv=raw_csv)
        found = None
        if shifts_path:
            found = shifts(
                scores.table,
                dates,
                chosen or default_columns(scores.table),
                freq=freq,
                min_articles=min_articles,
                n_perm=permutations,
                seed=seed,
            )
            outputs.write_table(found, shifts_path, raw_csv=raw_csv)
    undated = table.attrs["undated"]
    click.echo(f"{table['start'].nunique()} periods, {table['outlet'].nunique()} outlets -> {output}")
    if found is not None:
        series = found[["outlet", "column"]].drop_duplicates()
        click.echo(
            f"{int(found['shift'].sum())} shifts found by {len(found)} change-point tests in {len(series)} series "
            f"(outlet x score; Holm, 5%) -> {shifts_path}"
        )
    if undated:
        shown = ", ".join(undated[:5]) + (f" and {len(undated) - 5} more" if len(undated) > 5 else "")
        click.echo(f"{len(undated)} undated articles are in no period: {shown}")
