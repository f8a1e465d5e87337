"""`framing compare`: stories, outlet similarity, distinctive words, same facts, copies.

Thin: parse, call `framing.compare`, write each table via `framing.fileio`
(atomically), print a short summary. Heavy imports happen inside the function.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from framing.cli.engine_options import engine_options
from framing.cli.options import corpus_column_options, load_corpus_from_options, raw_csv_option

if TYPE_CHECKING:
    from pathlib import Path


@click.command()
@click.argument("source")
@click.option("-o", "--output", "output_dir", required=True, help="Folder for the tables (created if missing).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "parquet"]),
    default="csv",
    show_default=True,
    help="File format of the tables.",
)
@click.option(
    "--stories",
    "n_stories",
    type=click.IntRange(min=1),
    default=None,
    help="Group articles into exactly N stories (default: by similarity threshold).",
)
@click.option(
    "--story-threshold",
    type=click.FloatRange(0, 1),
    default=None,
    help="Mean cosine an article group needs to be one story (default: 0.1 at 5 articles, rising to 0.22 from about 300).",
)
@click.option(
    "--align-threshold",
    type=click.FloatRange(0, 1),
    default=None,
    help="Mean cosine sentences need to count as the same fact (default 0.45).",
)
@click.option(
    "--outlet-scope",
    type=click.Choice(["corpus", "story"]),
    default="corpus",
    show_default=True,
    help="Compare outlet profiles over the whole corpus or within each shared story.",
)
@click.option(
    "--mark-words",
    is_flag=True,
    help="Score the corpus first and mark frame and loaded-language words in the facts table (slower).",
)
@click.option("--force", is_flag=True, help="Write into OUTPUT even if it already holds files (never over an input).")
@raw_csv_option
@click.option("--quiet", is_flag=True, help="No summary.")
@engine_options
@corpus_column_options
def compare(
    source: str,
    output_dir: str,
    fmt: str,
    n_stories: int | None,
    story_threshold: float | None,
    align_threshold: float | None,
    outlet_scope: str,
    mark_words: bool,
    force: bool,
    raw_csv: bool,
    quiet: bool,
    engine: str,
    scheduler: str | None,
    workers: int | None,
    **columns: Any,
) -> None:
    """Compare how the outlets of SOURCE tell the same stories; write one table per aspect to OUTPUT.

    Tables: stories, story_labels, article_similarity, outlet_similarity,
    outlet_clusters, linkage, distinctive_terms, facts, omissions, duplicates.
    """
    from pathlib import Path

    from framing.cli.engine_options import dask_compare, engine_inputs
    from framing.cli.outputs import check_folder_files, check_outputs, corpus_input, output_folder
    from framing.comparison.pipeline import TABLES
    from framing.comparison.pipeline import compare as run_compare
    from framing.io import OutputSet

    folder = Path(output_dir)
    inputs = engine_inputs(source) + corpus_input(source) if engine == "dask" else corpus_input(source)
    check_outputs(inputs, [output_folder(folder, "-o")], force=force)
    check_folder_files(inputs, [folder / f"{name}.{fmt}" for name in TABLES])
    options: dict[str, Any] = {"n_stories": n_stories, "outlet_scope": outlet_scope}
    if story_threshold is not None:
        options["story_threshold"] = story_threshold
    if align_threshold is not None:
        options["align_threshold"] = align_threshold
    if engine == "dask":  # compared on the cluster, partition by partition
        result = dask_compare(source, columns, scheduler, workers, mark_words=mark_words, **options)
    else:
        corpus = load_corpus_from_options(source, **columns)
        if mark_words:
            from framing.scoring import score

            options["scores"] = score(corpus)
        result = run_compare(corpus, **options)
    with OutputSet(folder) as outputs:  # a new folder appears whole; in an existing one, the tables together
        for name, table in result.tables().items():
            outputs.write_table(table, folder / f"{name}.{fmt}", raw_csv=raw_csv)
    if not quiet:
        click.echo(summary_text(result.summary(), folder, fmt))


def summary_text(summary: dict[str, Any], folder: Path, fmt: str) -> str:
    """The few lines a reader needs first: sizes, closest and farthest outlets, facts, copies."""
    lines = [
        f"{summary['articles']} articles, {summary['outlets']} outlets, {summary['stories']} stories "
        f"({summary['multi_outlet_stories']} covered by more than one outlet)",
    ]
    for key, label in (("most_similar", "most similar"), ("least_similar", "least similar")):
        pair = summary[key]
        if pair:
            lines.append(f"{label}: {pair['a']} ~ {pair['b']} (cosine {pair['similarity']:.3f})")
    lines.append(f"facts aligned across outlets: {summary['facts']}")
    lines.append(
        f"duplicates found: {summary['duplicate_articles']} article copies, "
        f"{summary['duplicate_paragraphs']} copied paragraphs"
    )
    lines.append(f"tables ({fmt}) -> {folder}")
    return "\n".join(lines)
