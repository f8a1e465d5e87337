"""Every CSV framing writes is safe to open in a spreadsheet (OWASP CSV injection), and --raw-csv is not.

A corpus carries the OWASP payloads in every text column (id, outlet, title,
author, text); `framing score --evidence` and `framing compare` run on it
through the real entry point, and every CSV they write is read back with the
csv module: no cell that is not a number may begin with = + - @, a tab or a
carriage return. The same run with --raw-csv must differ from the safe one
only by those apostrophes, so numbers (a -0.5 balance) are never touched.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from framing.comparison.pipeline import TABLES
from framing.io import TableStream, spreadsheet_safe, table_bytes, write_table
from tests.cli.runner import run_main

DATA = Path(__file__).resolve().parents[1] / "scoring" / "data"
TINY = ["-l", str(DATA / "tiny-posture.yaml"), "-l", str(DATA / "tiny-loaded.yaml")]

PAYLOADS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "=1+1", "\t=1+1", "\r=1+1", "-"]
FORMULA = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
# every CSV the two commands write: scores, evidence and the ten compare tables
CSV_FILES = ["scores.csv", "evidence.csv"] + [f"compare/{name}.csv" for name in TABLES]
SENTENCES = [
    "NATO will deploy more troops to the eastern flank, officials said.",
    "Critics claimed the massive buildup is an escalation that threatens Russia.",
    "The alliance said deterrence works and will keep working.",
    "Ministers met in Brussels to discuss the defence of Poland and the Baltic states.",
]


def payload_corpus() -> pd.DataFrame:
    """16 articles, two per outlet; each text column starts with a payload, and so do some sentences."""
    rows = []
    for i in range(16):

        def p(k: int, i: int = i) -> str:  # the payload k places on
            return PAYLOADS[(i + k) % len(PAYLOADS)]

        body = " ".join(SENTENCES[(i + j) % 4] for j in range(3))
        rows.append(
            {
                "id": f"{p(0)} a{i}",
                "outlet": PAYLOADS[i % len(PAYLOADS)],
                "title": f"{p(1)} NATO troops",
                "author": p(2),
                "date": f"2022-03-{i + 1:02d}",
                "text": f"{p(3)} {body}\n\n{p(4)} {SENTENCES[i % 4]}",
            }
        )
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """{"safe"|"raw": {file label: path}} of every CSV score --evidence and compare write, both ways."""
    folder = tmp_path_factory.mktemp("csv-safety")
    corpus = folder / "payloads.jsonl"
    payload_corpus().to_json(corpus, orient="records", lines=True)
    out: dict[str, dict[str, Path]] = {}
    for mode, extra in (("safe", []), ("raw", ["--raw-csv"])):
        target = folder / mode
        scored = run_main(
            "score",
            str(corpus),
            *TINY,
            "-o",
            str(target / "scores.csv"),
            "--evidence",
            str(target / "evidence.csv"),
            "--quiet",
            "--jobs",
            "1",
            "--id-column",
            "id",
            *extra,
        )
        assert scored.exit_code == 0, scored.stderr
        compared = run_main(
            "compare", str(corpus), "-o", str(target / "compare"), "--quiet", "--id-column", "id", *extra
        )
        assert compared.exit_code == 0, compared.stderr
        out[mode] = {path.relative_to(target).as_posix(): path for path in sorted(target.rglob("*.csv"))}
    return out


def cells(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_every_table_is_written(written: dict[str, dict[str, Path]]) -> None:
    assert set(written["safe"]) == set(CSV_FILES) == set(written["raw"])


@pytest.mark.parametrize("name", CSV_FILES)
def test_no_cell_can_start_a_formula(written: dict[str, dict[str, Path]], name: str) -> None:
    rows = cells(written["safe"][name])
    bad = [cell for row in rows for cell in row if cell.startswith(FORMULA) and not NUMBER.fullmatch(cell)]
    assert bad == []


@pytest.mark.parametrize("name", CSV_FILES)
def test_safe_differs_from_raw_only_by_apostrophes(written: dict[str, dict[str, Path]], name: str) -> None:
    """Cell by cell: equal, or the raw cell is formula-like text and the safe one is it with a leading '."""
    safe, raw = cells(written["safe"][name]), cells(written["raw"][name])
    assert [len(row) for row in safe] == [len(row) for row in raw]
    for safe_row, raw_row in zip(safe, raw):
        for s, r in zip(safe_row, raw_row):
            if r.startswith(FORMULA) and not NUMBER.fullmatch(r):
                assert s == "'" + r
            else:
                assert s == r


def test_payloads_reach_the_tables(written: dict[str, dict[str, Path]]) -> None:
    """The test above is not vacuous: raw tables carry the payloads, safe ones carry them neutralised."""
    raw_scores = cells(written["raw"]["scores.csv"])
    safe_scores = cells(written["safe"]["scores.csv"])
    raw_cells = {cell for row in raw_scores for cell in row}
    safe_cells = {cell for row in safe_scores for cell in row}
    assert '=HYPERLINK("http://x","y")' in raw_cells and '\'=HYPERLINK("http://x","y")' in safe_cells
    assert "-2+3 a2" in raw_cells and "'-2+3 a2" in safe_cells  # a doc_id
    # outlet names are column headers of outlet_similarity
    assert cells(written["safe"]["compare/outlet_similarity.csv"])[0][1:] == [
        "'" + name for name in cells(written["raw"]["compare/outlet_similarity.csv"])[0][1:]
    ]
    untouched = [
        name
        for name, path in written["safe"].items()
        if not any(cell.startswith("'") for row in cells(path) for cell in row)
    ]
    assert untouched == ["compare/story_labels.csv"]  # every other table had payload cells to neutralise
    negatives = [cell for row in safe_scores[1:] for cell in row if NUMBER.fullmatch(cell) and cell.startswith("-")]
    assert negatives  # some balance is negative, and it stays a plain number


def test_json_and_parquet_are_unchanged(tmp_path: Path) -> None:
    corpus = tmp_path / "payloads.jsonl"
    payload_corpus().to_json(corpus, orient="records", lines=True)
    result = run_main(
        "score",
        str(corpus),
        *TINY,
        "-o",
        str(tmp_path / "s.parquet"),
        "--evidence",
        str(tmp_path / "e.jsonl"),
        "--quiet",
        "--jobs",
        "1",
        "--id-column",
        "id",
    )
    assert result.exit_code == 0, result.stderr
    scores = pd.read_parquet(tmp_path / "s.parquet")
    ids = payload_corpus()["id"].str.strip()  # the reader strips the tab and CR of an id
    assert scores["doc_id"].tolist() == ids.tolist() and '=HYPERLINK("http://x","y") a0' in set(ids)
    evidence = pd.read_json(tmp_path / "e.jsonl", lines=True, dtype=False)
    assert len(evidence) and set(evidence["doc_id"]) <= set(ids) and not evidence["doc_id"].str.startswith("'").any()


FRAME = pd.DataFrame(
    {
        "text": ["=1+1", "-", "-0.5", "plain", None, "\tx", "@SUM(1)", "+7"],
        "balance": [-0.5, -1.0, 0.0, 2.5, -3.0, 1.0, -2.0, 0.5],
        "count": [-1, 2, 3, 4, 5, 6, 7, 8],
        "outlet": pd.Categorical(["@x", "b", "b", "b", "b", "b", "b", "b"]),
        "label": pd.array(["+x", None, "a", "b", "c", "d", "e", "f"], dtype="string"),
    }
)


def test_text_cells_and_headers_are_neutralised_and_numbers_kept() -> None:
    safe = spreadsheet_safe(FRAME.rename(columns={"count": "=count"}))
    assert safe["text"].tolist()[:4] == ["'=1+1", "'-", "-0.5", "plain"]
    assert safe["text"].tolist()[5:] == ["'\tx", "'@SUM(1)", "+7"]
    assert safe["outlet"].tolist()[0] == "'@x" and safe["label"].tolist()[0] == "'+x"
    assert list(safe.columns) == ["text", "balance", "'=count", "outlet", "label"]
    assert safe["balance"].tolist() == FRAME["balance"].tolist() and safe["'=count"].tolist() == FRAME["count"].tolist()
    assert FRAME["text"].tolist()[0] == "=1+1"  # the caller's frame is not changed
    clean = FRAME.iloc[2:4]
    assert spreadsheet_safe(clean) is clean  # nothing to change: no copy
    assert table_bytes(FRAME, ".csv", raw_csv=True) == FRAME.to_csv(index=False, lineterminator="\n").encode()


@pytest.mark.parametrize("raw_csv", [False, True])
def test_streamed_csv_equals_whole_table(tmp_path: Path, raw_csv: bool) -> None:
    """TableStream neutralises (or not) exactly as write_table does, however the table is cut."""
    whole = write_table(FRAME, tmp_path / "whole.csv", raw_csv=raw_csv)
    with TableStream(tmp_path / "streamed.csv", raw_csv=raw_csv) as stream:
        for start in range(0, len(FRAME), 3):
            stream.write(FRAME.iloc[start : start + 3])
    assert (tmp_path / "streamed.csv").read_bytes() == whole.read_bytes()
    assert ("'=1+1" in whole.read_text()) is not raw_csv


def test_mixed_object_columns_touch_only_text() -> None:
    """Object columns holding numbers, None, lists or no text at all: only the formula-like strings change."""
    frame = pd.DataFrame(
        {"mixed": pd.Series([1, "=x", None, -2.5, ["-l"]], dtype=object), "empty": pd.Series([None] * 5, dtype=object)}
    )
    safe = spreadsheet_safe(frame)
    assert safe["mixed"].tolist() == [1, "'=x", None, -2.5, ["-l"]]
    assert safe["empty"].tolist() == [None] * 5
    assert table_bytes(frame, ".csv") == b"mixed,empty\n1,\n'=x,\n,\n-2.5,\n['-l'],\n"
