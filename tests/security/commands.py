"""The `framing score` command lines the fault and reproducibility tests run (one place, one spelling)."""

from __future__ import annotations

from pathlib import Path


def score_to_files(source: Path, jobs: str = "2") -> tuple[str, ...]:
    """`score SOURCE` with the table and evidence as CSV files in the working folder, quiet, on `jobs` workers."""
    return (
        "score",
        str(source),
        "--id-column",
        "doc_id",
        "-o",
        "scores.csv",
        "--evidence",
        "evidence.csv",
        "--jobs",
        jobs,
        "--quiet",
    )
