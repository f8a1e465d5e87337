"""`ArticleStream`: a table read in two passes gives the articles, clean text and errors of `load_corpus`."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from framing.corpus.model import load_corpus
from framing.corpus.readers.columns import Columns
from framing.corpus.stream import ArticleStream, streamable
from framing.errors import FramingError
from tests.corpus.streams import stream_rows, write_tables

SIZES = (1, 2, 3, 5, 1000)


def streamed(path, rows, **columns) -> pd.DataFrame:
    stream = ArticleStream(path, Columns(**columns), rows=rows).survey()
    return pd.concat(list(stream), ignore_index=True)


@pytest.fixture()
def tables(tmp_path):
    return write_tables(tmp_path)


def test_the_corpus_has_furniture_only_visible_across_chunks(tables):
    reasons = load_corpus(tables["csv"], id_column="id").boilerplate["reason"]
    assert (reasons == "repeated").sum() == 2 + 3 + 3  # the wire-copy sentence is kept


@pytest.mark.parametrize("kind", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize("rows", SIZES)
def test_chunk_size_never_changes_the_clean_articles(tables, kind, rows):
    whole = load_corpus(tables[kind], id_column="id").articles[["doc_id", "outlet", "clean_text"]]
    pd.testing.assert_frame_equal(streamed(tables[kind], rows, id="id"), whole)


@pytest.mark.parametrize("rows", SIZES)
def test_row_numbers_as_ids_span_chunks(tables, rows):
    whole = load_corpus(tables["csv"]).articles["doc_id"].tolist()
    assert streamed(tables["csv"], rows)["doc_id"].tolist() == whole == [f"row-{i:06d}" for i in range(1, 14)]


def test_a_folder_of_parquet_parts_streams_in_order(tables):
    whole = load_corpus(tables["csv"], id_column="id").articles[["doc_id", "outlet", "clean_text"]]
    assert streamable(tables["parts"]) == tables["parts"]
    pd.testing.assert_frame_equal(streamed(tables["parts"], 2, id="id"), whole)


def test_folders_of_articles_and_bundled_names_are_not_streamed(tmp_path):
    (tmp_path / "a.md").write_text("---\noutlet: P\n---\nText.\n", encoding="utf-8")
    assert streamable(tmp_path) is None and streamable("nato-eastern-flank-2022") is None
    assert streamable(tmp_path / "a.md") is None


def errors(path, rows, **columns) -> tuple[str, str]:
    """The error of a whole load and of a streamed survey, for the same table."""
    with pytest.raises(FramingError) as whole:
        load_corpus(path, **{f"{role}_column": name for role, name in columns.items()})
    with pytest.raises(FramingError) as stream:
        ArticleStream(path, Columns(**columns), rows=rows).survey()
    return str(whole.value), str(stream.value)


@pytest.mark.parametrize("rows", (1, 4, 1000))
def test_duplicate_ids_across_chunks_give_the_same_error(tmp_path, rows):
    table = stream_rows()
    table[11]["id"] = table[0]["id"]
    paths = write_tables(tmp_path, table)
    whole, stream = errors(paths["csv"], rows, id="id")
    assert whole == stream and "duplicate id 'n-00'" in stream and "row 1, " in stream and "row 12" in stream


@pytest.mark.parametrize("rows", (1, 4))
def test_problems_in_several_chunks_are_listed_together_and_in_order(tmp_path, rows):
    table = stream_rows()
    for i in (2, 6, 9, 12):
        table[i]["outlet"] = " "
    table[1]["text"] = ""  # checked after the outlets, whatever its chunk
    whole, stream = errors(write_tables(tmp_path, table)["csv"], rows, id="id")
    assert whole == stream and "row 3, " in stream and "(and 1 more): no outlet" in stream


def test_a_missing_column_and_a_late_json_error_are_reported_as_whole(tmp_path):
    paths = write_tables(tmp_path)
    whole, stream = errors(paths["csv"], 2, id="id", outlet="source")
    assert whole == stream and "no column 'source'" in stream
    lines = paths["jsonl"].with_suffix("")
    rows = [json.dumps(row) for row in stream_rows()]
    lines.with_name("b.jsonl").write_text("\n".join(rows[:9] + ["{broken"] + rows[9:]) + "\n", encoding="utf-8")
    whole, stream = errors(lines.with_name("b.jsonl"), 2, id="id")
    assert whole == stream and "line 10: not valid JSON" in stream


def test_text_emptied_by_cleaning_is_found_in_the_second_pass(tmp_path):
    table = stream_rows()
    table[4]["text"] = "Related Content\nOur weekly digest"  # a label, then furniture found elsewhere: nothing left
    path = write_tables(tmp_path, table)["csv"]
    with pytest.raises(FramingError) as whole:
        from framing.corpus.inputs import as_corpus

        as_corpus(path, Columns(id="id"))
    stream = ArticleStream(path, Columns(id="id"), rows=2).survey()
    with pytest.raises(FramingError) as streamed_error:
        list(stream)
    assert (
        str(whole.value)
        == str(streamed_error.value)
        == ("article 'n-04': empty text after cleaning; remove it or check --text-column")
    )


def test_latin1_text_is_decoded_whole_when_utf8_fails_mid_file(tmp_path):
    table = stream_rows()
    table[10]["text"] += " Café São Paulo."
    csv = pd.DataFrame(table).to_csv(index=False)
    path = tmp_path / "latin.csv"
    path.write_bytes(csv.encode("latin-1"))
    whole = load_corpus(path, id_column="id").articles[["doc_id", "outlet", "clean_text"]]
    pd.testing.assert_frame_equal(streamed(path, 2, id="id"), whole)
    assert "Café São Paulo" in whole["clean_text"].iloc[10]


def test_ids_whose_fingerprints_collide_are_told_apart_by_their_text(tmp_path, monkeypatch):
    import framing.corpus.repeats as repeats

    monkeypatch.setattr(repeats, "id_fingerprint", lambda doc_id: 7)  # every id gets one fingerprint
    paths = write_tables(tmp_path, stream_rows())
    assert len(list(ArticleStream(paths["csv"], Columns(id="id"), rows=4).survey())) > 0
    table = stream_rows()
    table[9]["id"] = table[5]["id"]
    (tmp_path / "dup").mkdir()
    whole, stream = errors(write_tables(tmp_path / "dup", table)["csv"], 4, id="id")
    assert whole == stream and "row 6, " in stream and "row 10" in stream
