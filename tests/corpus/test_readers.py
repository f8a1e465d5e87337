"""Readers on real files: folders with front matter, CSV, JSONL(.gz), Parquet, saved HTML pages."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

from framing.corpus.readers import Columns, read_source
from framing.corpus.readers.articles import split_front_matter
from framing.corpus.readers.dates import parse_date, parse_date_column
from framing.corpus.readers.decode import decode_bytes
from framing.errors import FramingError
from tests.corpus.fixtures import HTML_PAGE, ROWS, article_file, write_csv, write_folder, write_jsonl, write_parquet

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


def test_folder_of_article_files(tmp_path):
    raw = read_source(write_folder(tmp_path / "study"))
    frame = raw.frame
    assert frame["doc_id"].tolist() == ["a-gazette", "b-post"]  # sorted by file name; README skipped
    assert frame["text"].iloc[0] == "NATO ministers met on Wednesday.\n"
    assert frame["author"].iloc[0] == "Maria Lind"
    assert list(frame.columns) == STANDARD + ["language", "date_note"]
    assert frame["date_note"].tolist() == ["from the dateline", ""]
    assert raw.meta == {"name": "tiny-study", "description": "Two articles.", "licence": "CC0"}
    assert raw.name == "tiny-study"
    assert raw.files["b-post"].name == "b-post.md"


def test_front_matter_body_is_verbatim(tmp_path):
    meta, body = split_front_matter("---\noutlet: X\n---\n date 2022 line\n\nSecond.", "f.md")
    assert meta == {"outlet": "X"} and body == " date 2022 line\n\nSecond."


def test_crlf_and_bom_are_normalised(tmp_path):
    path = tmp_path / "f" / "a.md"
    path.parent.mkdir()
    path.write_bytes(b"\xef\xbb\xbf---\r\noutlet: X\r\n---\r\nLine one.\r\nLine two.\r\n")
    assert read_source(path.parent).frame["text"].iloc[0] == "Line one.\nLine two.\n"


def test_legacy_encoding_is_detected(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    text = article_file("Le Monde", "Le café était fermé. Les ministres se sont réunis à Bruxelles.\n" * 3)
    (folder / "a.txt").write_bytes(text.encode("cp1252"))
    assert "café était fermé" in read_source(folder).frame["text"].iloc[0]


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


def test_html_outlet_falls_back_to_the_canonical_host(tmp_path):
    page = HTML_PAGE.replace('<meta property="og:site_name" content="The Harbour Gazette">', "")
    (tmp_path / "p.html").write_text(page.replace(" | The Harbour Gazette", ""), encoding="utf-8")
    assert read_source(tmp_path).frame["outlet"].tolist() == ["harbourgazette.example"]


def test_utf16_with_bom_is_read(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_bytes(article_file("Post", "Plain text.\n").encode("utf-16"))
    assert read_source(folder).frame["text"].iloc[0] == "Plain text.\n"


def test_saved_html_page_via_trafilatura(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "baltic-bases.html").write_text(HTML_PAGE, encoding="utf-8")
    raw = read_source(tmp_path / "pages")
    article = raw.frame.iloc[0]
    assert article["doc_id"] == "baltic-bases"
    assert article["outlet"] == "The Harbour Gazette"
    assert article["title"] == "Baltic states ask for permanent NATO bases"
    assert article["author"] == "Maria Lind"
    assert article["date"] == pd.Timestamp("2022-04-12")
    assert article["url"] == "https://harbourgazette.example/world/2022/04/12/baltic-bases"
    assert "A tripwire is not a defence" in article["text"]
    for furniture in ("cookies", "Storm closes harbour", "All rights reserved", "Home"):
        assert furniture not in article["text"]


def test_saved_pages_skip_drafts_and_readmes_like_article_files(tmp_path):
    (tmp_path / "pages").mkdir()
    for name in ("baltic-bases.html", "_draft.html", "README.html", ".hidden.html"):
        (tmp_path / "pages" / name).write_text(HTML_PAGE, encoding="utf-8")
    raw = read_source(tmp_path / "pages")
    assert raw.frame["doc_id"].tolist() == ["baltic-bases"]


def test_html_outlet_from_og_site_name_when_sitename_is_missing():
    from framing.corpus.readers.html import _site_name

    assert _site_name('<meta content="Valley &amp; Post" property="og:site_name">') == "Valley & Post"


def test_decode_rejects_binary_and_names_the_file():
    with pytest.raises(FramingError, match=r"^x\.bin: this is a binary file"):
        decode_bytes(b"\x89PNG\x00\x00\xff\xfe\x00", "x.bin")


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2022-04-11", "2022-04-11"),
        ("2022-04-11T23:30:00+02:00", "2022-04-11 23:30:00"),
        ("April 11, 2022", "2022-04-11"),
        ("11 April 2022", "2022-04-11"),
        ("12/1/16", "2016-12-01"),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_forms(value, expected):
    result = parse_date(value)
    assert pd.isna(result) if expected is None else result == pd.Timestamp(expected)


@pytest.mark.parametrize("value", ["5", "March", "garbage", "2022-13-45"])
def test_parse_date_never_guesses_incomplete_dates(value):
    assert parse_date(value) is None


def test_parse_date_column_keeps_raw_text_of_bad_dates():
    dates, raw = parse_date_column(pd.Series(["2022-04-11", "", "8/9/19", "soon"]))
    assert dates.tolist()[0] == pd.Timestamp("2022-04-11") and dates.tolist()[2] == pd.Timestamp("2019-08-09")
    assert raw.tolist() == ["", "", "", "soon"]


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
