"""`framing report`: one self-contained HTML report (and its JSON twin) for a corpus.

Thin: parse, build the `Report`, save, print the path written. The exact
command (with every option that differs from its default) goes into the
report's provenance, so running it again reproduces the same file.
"""

from __future__ import annotations

import re
from typing import Any

import click

from framing.cli.engine_options import engine_options
from framing.cli.options import corpus_column_options, lexicon_options, load_corpus_from_options

DEFAULT_CORPUS = "nato-eastern-flank-2022"
DEFAULT_MAX_ARTICLES = 200


@click.command()
@click.argument("source", required=False, default=DEFAULT_CORPUS)
@click.option("-o", "--output", default=None, help="HTML file to write (default: reports/<corpus name>.html).")
@lexicon_options
@click.option("--title", default=None, help="Title of the report (default: from the corpus name).")
@click.option(
    "--timestamp", is_flag=True, help="Record the creation time (then two runs are no longer byte-identical)."
)
@click.option(
    "--max-articles",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_ARTICLES,
    show_default=True,
    help="Show at most this many articles in full; the rest are counted.",
)
@click.option("--quiet", is_flag=True, help="No progress lines on stderr (shown only on a terminal anyway).")
@engine_options
@corpus_column_options
def report(
    source: str,
    output: str | None,
    lexicons: tuple[str, ...],
    targets: str | None,
    title: str | None,
    timestamp: bool,
    max_articles: int,
    quiet: bool,
    engine: str,
    scheduler: str | None,
    workers: int | None,
    **columns: Any,
) -> None:
    """Write an offline HTML report on SOURCE (default: the bundled nato-eastern-flank-2022).

    SOURCE is a bundled corpus name, a folder of articles or a table. Beside the
    report, FILE.json holds every number in it.
    """
    from framing.cli.engine_options import dask_report_inputs, engine_inputs
    from framing.cli.outputs import corpus_input, existing_inputs
    from framing.cli.progress import Phases
    from framing.reporting import report as make_report
    from framing.reporting.compute import compare_unscored, mark_scored_facts, score_lean

    phases = Phases("report", quiet=quiet)
    phases.step("reading the articles")
    scores: Any  # Scores here, ClusterScores from the dask engine
    if engine == "dask":  # the files first, then the cluster: a bad -o costs no scoring run
        inputs = engine_inputs(source)
        if output:
            _check_report_outputs(output, inputs + existing_inputs(*lexicons, targets))
        phases.step("scoring and comparing on the cluster")
        corpus, scores, comparison = dask_report_inputs(source, columns, scheduler, workers, lexicons, targets)
    else:
        inputs = corpus_input(source)
        corpus = load_corpus_from_options(source, **columns)
    output = output or f"reports/{safe_name(corpus.name)}.html"
    _check_report_outputs(output, inputs + existing_inputs(*lexicons, targets))
    if engine != "dask":  # what `Report` would compute itself (reporting.compute.compute), phase by phase
        phases.step("comparing the outlets")
        comparison = compare_unscored(corpus)
        phases.step(f"scoring {len(corpus.articles):,} articles")
        scores = score_lean(corpus, lexicons=list(lexicons) or None, targets=targets)
        comparison = mark_scored_facts(comparison, scores)
    command = rerun_command(click.get_current_context())
    result = make_report(
        corpus,
        lexicons=list(lexicons) or None,
        targets=targets,
        title=title,
        timestamp=timestamp,
        max_articles=max_articles,
        command=command,
        scores=scores,
        comparison=comparison,
    )
    phases.step("building and writing the page")
    path = result.save(output)
    click.echo(str(path))


def _check_report_outputs(output: str, inputs: list[Any]) -> None:
    """The page and its JSON twin (Report.save writes FILE.json beside FILE) must not overwrite an input."""
    from framing.cli.outputs import check_outputs, output_file

    check_outputs(inputs, [output_file(output, "-o"), output_file(f"{output}.json", "-o (its .json twin)")])


def safe_name(name: str) -> str:
    """A file name from a corpus name: letters, digits, dot, dash and underscore only."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", str(name)).strip(".-")
    return cleaned or "report"


def rerun_command(ctx: click.Context) -> list[str]:
    """The arguments that make this report again: every option the user gave, except -o.

    (`Report.save` adds `-o FILE`.) Options left at their defaults stay out, so
    the command is as short as what was typed, and as exact.
    """
    from click.core import ParameterSource

    args = ["framing", "report", ctx.params["source"]]
    for param in ctx.command.params:
        if not isinstance(param, click.Option) or param.name in (
            "output",
            "quiet",
        ):  # -o is added by save; --quiet changes no byte
            continue
        if ctx.get_parameter_source(param.name) in (ParameterSource.DEFAULT, None):
            continue
        flag, value = max(param.opts, key=len), ctx.params[param.name]
        if param.is_flag:
            args += [flag] if value else []
        elif param.multiple:
            for item in value:
                args += [flag, str(item)]
        else:
            args += [flag, str(value)]
    return args
