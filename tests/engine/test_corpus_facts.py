"""Corpus-wide facts from partitions: boilerplate repeated across files is found as in one corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.corpus.model import load_corpus
from framing.corpus.readers.columns import Columns
from framing.corpus.repeats import line_fingerprint
from framing.engine.corpus_facts import gather_facts
from framing.engine.dask_engine import prepare, score_piece
from framing.engine.inputs import find_pieces
from framing.errors import FramingError

BODY = "Troops moved east on {day}, officials said.\nThe alliance met for talks about {day}.\n"
DESK = "Eastern Desk Weekly"  # short, no pattern: furniture only because one outlet repeats it


def _articles(n: int) -> pd.DataFrame:
    """n articles of one outlet, the desk line in the first and the last only."""
    rows = [
        {
            "doc_id": f"a{i}",
            "outlet": "Daily A",
            "title": f"Day {i}",
            "text": f"Headline {i}\n" + BODY.format(day=f"day {i}") + (DESK + "\n" if i in (0, n - 1) else ""),
        }
        for i in range(n)
    ]
    return pd.DataFrame(rows)


def test_a_line_repeated_in_two_partitions_is_boilerplate_as_in_one_corpus(tmp_path, dask_client):
    table = _articles(4)
    table.to_csv(tmp_path / "whole.csv", index=False)
    (tmp_path / "parts").mkdir()
    table.iloc[:2].to_csv(tmp_path / "parts" / "a.csv", index=False)
    table.iloc[2:].to_csv(tmp_path / "parts" / "b.csv", index=False)
    pieces = find_pieces(str(tmp_path / "parts" / "*.csv"))
    facts = gather_facts(pieces, Columns(id="doc_id"), dask_client)
    assert facts.sizes == (2, 2)
    assert line_fingerprint(DESK.lower()) in facts.repeated
    local = load_corpus(tmp_path / "whole.csv", id_column="doc_id").articles
    run = prepare(str(tmp_path / "parts" / "*.csv"), Columns(id="doc_id"), dask_client, ["loaded-language"])
    cleaned = pd.concat([score_piece(item, run)["sentences"] for item in run.items()], ignore_index=True)
    assert DESK not in " ".join(local["clean_text"]) and DESK not in " ".join(cleaned["text"])


def test_without_the_other_partition_the_line_stays(tmp_path, dask_client):
    _articles(4).iloc[:2].to_csv(tmp_path / "a.csv", index=False)
    facts = gather_facts(find_pieces(tmp_path / "a.csv"), Columns(id="doc_id"), dask_client)
    assert line_fingerprint(DESK.lower()) not in facts.repeated


def test_the_first_partition_in_input_order_names_the_error(tmp_path, dask_client):
    for name in ("a", "b", "c"):
        pd.DataFrame({"doc_id": [name], "outlet": ["X"], "body": ["text"]}).to_csv(
            tmp_path / f"{name}.csv", index=False
        )
    with pytest.raises(FramingError, match=r"a\.csv: no column 'text' for the article text"):
        gather_facts(find_pieces(str(tmp_path / "*.csv")), Columns(id="doc_id"), dask_client)


def test_a_source_without_rows_is_one_line(tmp_path, dask_client):
    pd.DataFrame(
        {"doc_id": pd.Series(dtype=str), "outlet": pd.Series(dtype=str), "text": pd.Series(dtype=str)}
    ).to_parquet(tmp_path / "empty.parquet")
    with pytest.raises(FramingError, match=r"empty\.parquet: no articles found"):
        gather_facts(find_pieces(tmp_path / "empty.parquet"), Columns(id="doc_id"), dask_client)
