"""The lines every scoring command prints when it is done: what was scored, where it went, from which lexicons."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def lexicons_line(lexicons: Iterable[Any], targets: Any) -> str:
    """`lexicons: a, b; targets: X, Y` (or `; no targets`), as the local and dask engines both report it."""
    named = "; targets: " + ", ".join(targets.names) if targets is not None else "; no targets"
    return "lexicons: " + ", ".join(lexicon.name for lexicon in lexicons) + named


def scored_lines(
    counts: dict[str, int],
    output: str,
    evidence: str | None,
    run: Any,
    partitions: int | None = None,
) -> str:
    """`framing score`'s summary for either engine.

    `counts` holds `articles`, `words`, `outlets` (how many) and `evidence`
    (rows); `run` has the `lexicons` and `targets` it used; `partitions` is
    said only by the dask engine.
    """
    parts = f" in {partitions} partitions" if partitions is not None else ""
    lines = [
        f"scored {counts['articles']} articles ({counts['words']:,} words, {counts['outlets']} outlets){parts} -> {output}"
    ]
    if evidence:
        lines.append(f"{counts['evidence']:,} evidence rows -> {evidence}")
    lines.append(lexicons_line(run.lexicons, run.targets))
    return "\n".join(lines)
