"""A small corpus whose boilerplate only shows across many articles, written as CSV / JSONL.gz / Parquet."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

BODIES = [
    "Allied ministers met in Brussels on Wednesday to discuss the eastern flank.",
    "Officials said more troops may be sent to the Baltic states this spring.",
    "The summit in Madrid will decide on a new strategic concept for the alliance.",
    "Finland and Sweden have asked to join after decades of neutrality.",
    "Poland wants a permanent base and more air defence on its border.",
    "Critics warned that the buildup could be seen as an escalation.",
    "The battlegroups in Romania and Bulgaria are being enlarged.",
    "Defence spending rose in most member states for the eighth year.",
    "A ceasefire was not on the agenda of the meeting in Vilnius.",
    "Germany said it would lead a brigade in Lithuania from next year.",
    "The alliance held its largest exercise in the north since the Cold War.",
    "Ministers also discussed supplies of ammunition and fuel.",
]


def stream_rows() -> list[dict[str, str]]:
    """Articles of two outlets; furniture lines repeat across articles far apart in the table."""
    rows = []
    for i, body in enumerate(BODIES):
        outlet = "Harbour Gazette" if i % 2 else "Valley Post"
        lines = [f"Headline number {i}", body, f"It was meeting number {i} of the year."]
        if i in (1, 7):  # twice in one outlet: furniture
            lines.append("Sign in to keep reading the desk")
        if i in (0, 5, 10):  # three times overall, across outlets: furniture
            lines.append("Our weekly digest")
        if i in (1, 5, 9):  # sentence-like, three times in one outlet: furniture
            lines.append("The Harbour Gazette is funded by its readers across the region.")
        if i in (2, 3, 11):  # sentence-like across outlets: wire copy, kept
            lines.append("The statement was issued by the alliance late on Tuesday.")
        rows.append(
            {
                "id": f"n-{i:02d}",
                "outlet": outlet,
                "title": f"Story {i}",
                "date": f"2022-03-{i + 1:02d}",
                "author": "",
                "text": "\n".join(lines),
            }
        )
    rows.append({**rows[3], "id": "n-copy"})  # an identical text counts once
    return rows


def write_tables(folder: Path, rows: list[dict[str, str]] | None = None) -> dict[str, Path]:
    """The rows as CSV, JSONL.gz, one Parquet file (row groups of 4) and a folder of Parquet parts."""
    frame = pd.DataFrame(rows or stream_rows())
    paths = {
        "csv": folder / "a.csv",
        "jsonl": folder / "a.jsonl.gz",
        "parquet": folder / "a.parquet",
        "parts": folder / "parts",
    }
    frame.to_csv(paths["csv"], index=False)
    frame.to_json(paths["jsonl"], orient="records", lines=True, compression="gzip")
    frame.to_parquet(paths["parquet"], row_group_size=4)
    paths["parts"].mkdir()
    for k, start in enumerate(range(0, len(frame), 5)):
        frame.iloc[start : start + 5].to_parquet(paths["parts"] / f"part-{k}.parquet")
    return paths
