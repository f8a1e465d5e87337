"""Table readers: CSV, JSONL(.gz) and Parquet give the same articles, columns chosen by the user."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

from framing.corpus.readers import Columns, read_source
from tests.corpus.fixtures import ROWS, write_csv, write_jsonl, write_parquet

STANDARD = ["doc_id", "outlet", "title", "date", "author", "url", "text"]


@pytest.mark.parametrize(
    "writer,name",
    [(write_csv, "t.csv"), (write_jsonl, "t.jsonl"), (write_jsonl, "t.jsonl.gz"), (write_parquet, "t.parquet")],
)
def test_every_table_format_gives_the_same_articles(tmp_path, writer, name):
    raw = read_source(writer(tmp_path / name), Columns(id="id"))
    frame = raw.frame
    assert list(frame.columns[:7]) == STANDARD
    assert frame["doc_id"].tolist() == ["a1", "a2", "a3"]
    assert frame["outlet"].tolist() == ["Harbour Gazette", "Valley Post", "Valley Post"]
    assert frame["text"].tolist() == [r["text"] for r in ROWS]
    assert frame["section"].tolist() == ["world", "politics", "world"]
    assert str(frame["date"].dtype) == "datetime64[ns]"
    assert frame["date"].iloc[0] == pd.Timestamp("2022-03-16")
    assert frame["date"].iloc[1] == pd.Timestamp("2022-03-17")  # "March 17, 2022"
    assert pd.isna(frame["date"].iloc[2])
    assert frame["date_raw"].tolist() == ["", "", "not a date"]
    assert raw.name == "t" and raw.files == {}


def test_table_without_id_column_numbers_rows_stably(tmp_path):
    frame = read_source(write_csv(tmp_path / "t.csv")).frame
    assert frame["doc_id"].tolist() == ["row-000001", "row-000002", "row-000003"]
    assert "id" in frame.columns  # not used as the id, so kept as metadata


def test_column_options_pick_other_columns(tmp_path):
    rows = [
        {"key": 7, "paper": "Gazette", "body": "Text one here.", "headline": "H", "published": "2020-01-02"},
        {"key": 8, "paper": "Post", "body": "Text two here.", "headline": "I", "published": "2020-01-03"},
    ]
    path = write_jsonl(tmp_path / "t.jsonl", rows)
    columns = Columns(id="key", text="body", outlet="paper", title="headline", date="published")
    frame = read_source(path, columns).frame
    assert frame["doc_id"].tolist() == ["7", "8"]
    assert frame["title"].tolist() == ["H", "I"]
    assert frame["date"].tolist() == [pd.Timestamp("2020-01-02"), pd.Timestamp("2020-01-03")]
    assert list(frame.columns) == STANDARD  # every source column was used


def test_csv_keeps_leading_zeros_in_ids(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,outlet,text\n007,Post,Some text.\n", encoding="utf-8")
    assert read_source(path, Columns(id="id")).frame["doc_id"].tolist() == ["007"]


@pytest.mark.parametrize("name", ["t.csv", "t.jsonl", "t.jsonl.gz"])
def test_tables_in_a_legacy_encoding_are_decoded(tmp_path, name):
    rows = [{"outlet": "Le Café", "text": "Le café était fermé. Les ministres se sont réunis à Bruxelles. " * 3}]
    path = tmp_path / name
    if name == "t.csv":
        path.write_bytes(pd.DataFrame(rows).to_csv(index=False).encode("cp1252"))
    else:
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("cp1252")
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    frame = read_source(path).frame
    assert frame["outlet"].tolist() == ["Le Café"] and "était fermé" in frame["text"].iloc[0]


@pytest.mark.data
def test_first_200_allsides_rows_load(shared_data, tmp_path):
    with gzip.open(shared_data / "allsides-10k.jsonl.gz", "rt", encoding="utf-8") as handle:
        lines = [next(handle) for _ in range(200)]
    path = tmp_path / "allsides-200.jsonl.gz"
    path.write_bytes(gzip.compress("".join(lines).encode("utf-8"), mtime=0))
    frame = read_source(path, Columns(id="id")).frame
    assert len(frame) == 200 and frame["doc_id"].is_unique
    assert frame["doc_id"].iloc[0] == json.loads(lines[0])["id"]
    assert frame["author"].iloc[0] == json.loads(lines[0])["authors"]  # "authors" column is the author
    assert {"outlet_bias", "topic"} <= set(frame.columns)
    empty_dates = sum(1 for line in lines if not json.loads(line)["date"])
    assert frame["date"].isna().sum() == empty_dates
