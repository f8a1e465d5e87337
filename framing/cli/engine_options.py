"""`--engine`, `--scheduler`, `--workers` and the dask branches of `framing score`, `compare` and `report`.

`score_cmd` hands the run over here when `--engine dask` is given: the
source is read in partitions, scored on the cluster and written as
partitioned Parquet folders (`-o scores/`, `--evidence evidence/`).
`compare` is computed on the cluster (`dask_compare`, partition by
partition); so is `report`'s comparison (`dask_report_inputs`), which also
gathers the corpus and scores its sections read, then renders as with the local engine.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from framing.cli.options import add_options
from framing.cli.summary import scored_lines

if TYPE_CHECKING:
    import pandas as pd

    from framing.comparison.pipeline import Comparison
    from framing.engine.compare import ReportInputs
    from framing.engine.dask_engine import DaskRun

Command = TypeVar("Command", bound=Callable[..., Any])

ENGINE_OPTIONS = (
    click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="local: worker processes on this machine; dask: partitions on a dask cluster "
        "(-o and --evidence are then folders of Parquet parts).",
    ),
    click.option(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="With --engine dask: a running scheduler (tcp://host:8786); default: a LocalCluster for the run.",
    ),
    click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=None,
        help="With --engine dask and no --scheduler: LocalCluster worker processes (default: one per core).",
    ),
)


def engine_options(command: Command) -> Command:
    """Add --engine, --scheduler and --workers to a command."""
    return add_options(command, ENGINE_OPTIONS)


def source_columns(columns: dict[str, Any]) -> Any:
    """The `--*-column` options (`id_column`, ...) as the `Columns` the readers take."""
    from framing.corpus.readers.columns import Columns

    return Columns(**{role.removesuffix("_column"): name for role, name in columns.items()})


def engine_inputs(source: str) -> list[Path]:
    """Every file a dask run reads from SOURCE (outputs must not be any of them); FramingError if none.

    Also the first thing a dask command does: without dask it says what to install.
    """
    from framing.engine.cluster import require_dask
    from framing.engine.inputs import find_pieces

    require_dask()
    return sorted({p.path for p in find_pieces(source)})


def dask_report_inputs(
    source: str,
    columns: dict[str, Any],
    scheduler: str | None,
    workers: int | None,
    lexicons: tuple[str, ...] = (),
    targets: str | None = None,
) -> ReportInputs:
    """`framing report --engine dask`: SOURCE's corpus and scores from a cluster, compared there partition by partition."""
    from framing.engine.cluster import dask_client
    from framing.engine.compare import gather_for_report

    with dask_client(scheduler, None, workers) as client:
        return gather_for_report(
            source, source_columns(columns), client, lexicons=list(lexicons) or None, targets=targets
        )


def dask_compare(
    source: str, columns: dict[str, Any], scheduler: str | None, workers: int | None, **options: Any
) -> Comparison:
    """`framing compare --engine dask`: the comparison computed on a cluster, partition by partition."""
    from framing.engine.cluster import dask_client
    from framing.engine.compare import compare_on_cluster

    with dask_client(scheduler, None, workers) as client:
        return compare_on_cluster(source, source_columns(columns), client, **options)


def score_with_dask(
    source: str,
    lexicons: tuple[str, ...],
    targets: str | None,
    output: str,
    evidence: str | None,
    quiet: bool,
    scheduler: str | None,
    workers: int | None,
    columns: dict[str, Any],
) -> None:
    """`framing score --engine dask`: score SOURCE's partitions on a cluster into Parquet folders."""
    from framing.cli.outputs import check_outputs, existing_inputs, output_folder
    from framing.engine.cluster import dask_client
    from framing.engine.dask_engine import prepare, score_to_folders

    outputs = [output_folder(output, "-o", replaces=True)]
    outputs += [output_folder(evidence, "--evidence", replaces=True)] if evidence else []
    inputs = engine_inputs(source) + existing_inputs(source, *lexicons, targets)
    check_outputs(inputs, outputs, force=all(_ours(o.path) for o in outputs))
    cols = source_columns(columns)
    with dask_client(scheduler, None, workers) as client:
        run = prepare(source, cols, client, list(lexicons) or None, targets, evidence=bool(evidence))
        counts = score_to_folders(run, client, Path(output), Path(evidence) if evidence else None)
    if not quiet:
        click.echo(_summary(counts, run, output, evidence))


def _ours(folder: Path) -> bool:
    """True for a folder an earlier dask run wrote (only part files), which a new run may replace."""
    import re

    return not folder.is_dir() or all(re.fullmatch(r"part\.\d{5}\.parquet", p.name) for p in folder.iterdir())


def _summary(counts: pd.DataFrame, run: DaskRun, output: str, evidence: str | None) -> str:
    """The local engine's summary lines, from the per-partition counts."""
    outlets = {o for joined in counts["outlets"] for o in joined.split("\x1f") if o}
    totals = {name: int(counts[name].sum()) for name in ("articles", "words", "evidence")}
    return scored_lines({**totals, "outlets": len(outlets)}, output, evidence, run, partitions=len(counts))
