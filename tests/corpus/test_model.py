"""The Corpus object and load_corpus: shape, provenance, filtering, display, validation."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.corpus.model import Corpus, bundled_corpora, bundled_corpus_path, load_corpus
from framing.errors import FramingError
from tests.corpus.fixtures import article_file, write_csv, write_folder
from tests.shared import SHARED_SEEDS

SEEDS = SHARED_SEEDS
COLUMNS = ["doc_id", "outlet", "title", "date", "author", "url", "text", "clean_text"]


def test_bundled_corpus_is_listed_and_found():
    assert "nato-eastern-flank-2022" in bundled_corpora()
    path = bundled_corpus_path("nato-eastern-flank-2022")
    assert (path / "corpus.yaml").is_file() and (path / "README.md").is_file()
    with pytest.raises(FramingError, match="not a bundled corpus; bundled corpora are: nato-eastern-flank-2022"):
        bundled_corpus_path("nope")


def test_bundled_corpus_outlets_authors_dates(nato_corpus):
    a = nato_corpus.articles.set_index("doc_id")
    assert len(nato_corpus) == 5
    assert a.loc["000-defense-news", "outlet"] == "Defense News"
    assert a.loc["000-defense-news", "author"] == "Sebastian Sprenger"
    assert a.loc["000-defense-news", "contributors"] == "Joe Gould"
    assert a.loc["001-washington-examiner", "outlet"] == "Washington Examiner"
    assert a.loc["001-washington-examiner", "author"] == ""
    assert a.loc["004-antiwar", ["outlet", "author"]].tolist() == ["Antiwar.com", "Kyle Anzalone"]
    assert a.loc["004-antiwar", "date"] == pd.Timestamp("2022-04-11")
    assert a.loc["001-washington-examiner", "date"] == pd.Timestamp("2022-03-16")
    assert a.loc["000-defense-news", "date"] == pd.Timestamp("2022-03-16")
    assert pd.isna(a.loc["002-unattributed-a", "date"]) and pd.isna(a.loc["003-unattributed-b", "date"])
    for doc_id in a.index:
        assert a.loc[doc_id, "date_note"] and a.loc[doc_id, "note"]
    assert "Telegraph" in a.loc["002-unattributed-a", "note"]
    assert nato_corpus.meta["name"] == nato_corpus.name == "nato-eastern-flank-2022"
    assert {"description", "source", "licence"} <= set(nato_corpus.meta)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_bundled_texts_are_the_seeds_verbatim(nato_corpus):
    for article in nato_corpus:
        assert article.text == (SEEDS / article.seed).read_text(encoding="utf-8")


def test_articles_columns_and_types(nato_corpus):
    articles = nato_corpus.articles
    assert list(articles.columns[:8]) == COLUMNS
    assert str(articles["date"].dtype) == "datetime64[ns]"
    assert articles["doc_id"].is_unique
    assert list(nato_corpus.boilerplate.columns) == ["doc_id", "start", "end", "line", "reason"]
    assert set(nato_corpus.files) == set(articles["doc_id"])
    assert all(p.is_file() for p in nato_corpus.files.values())


def test_len_iter_outlets(nato_corpus):
    records = list(nato_corpus)
    assert len(records) == len(nato_corpus) == 5
    assert records[0].doc_id == "000-defense-news" and records[0].outlet == "Defense News"
    assert nato_corpus.outlets == sorted(nato_corpus.articles["outlet"])


def test_filter_returns_a_new_corpus(nato_corpus):
    march = nato_corpus.filter(start="2022-03-01", end="2022-03-31")
    assert isinstance(march, Corpus) and march is not nato_corpus
    assert march.articles["doc_id"].tolist() == ["000-defense-news", "001-washington-examiner"]
    assert set(march.boilerplate["doc_id"]) == set(march.articles["doc_id"])
    assert set(march.files) == set(march.articles["doc_id"])
    assert len(nato_corpus) == 5  # the original is untouched
    one = nato_corpus.filter(outlets="Antiwar.com")
    assert one.articles["doc_id"].tolist() == ["004-antiwar"]
    two = nato_corpus.filter(outlets=["Defense News", "Antiwar.com"], mask=nato_corpus.articles["date"].notna())
    assert len(two) == 2
    masked = nato_corpus.filter(mask=nato_corpus.articles["date"].isna())
    assert masked.articles["doc_id"].tolist() == ["002-unattributed-a", "003-unattributed-b"]


def test_filter_end_day_includes_the_whole_day(tmp_path):
    (tmp_path / "t.csv").write_text(
        "outlet,text,date\nP,Evening news.,2022-03-31T18:45:00\nP,Next day.,2022-04-01\n", encoding="utf-8"
    )
    corpus = load_corpus(tmp_path / "t.csv")
    assert len(corpus.filter(end="2022-03-31")) == 1
    assert len(corpus.filter(end="2022-03-31 12:00")) == 0
    assert len(corpus.filter(start=pd.Timestamp("2022-04-01", tz="UTC"))) == 1


def test_filter_rejects_unknown_outlets_and_bad_masks(nato_corpus):
    with pytest.raises(FramingError, match="no outlet 'Pravda'; outlets are: Antiwar.com"):
        nato_corpus.filter(outlets="Pravda")
    with pytest.raises(FramingError, match="expected 5 True/False values"):
        nato_corpus.filter(mask=[True, False])


def test_repr_html_is_compact_and_escaped(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "x.md").write_text(
        article_file("<script>alert(1)</script> & Co", "One two three.\n", title='"<b>bold</b>"', date="2022-01-02"),
        encoding="utf-8",
    )
    html = load_corpus(folder)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;bold" in html
    assert "<th>outlet</th><th>date</th><th>title</th><th>words</th>" in html
    assert "2022-01-02" in html and ">3</td>" in html


def test_repr_html_shows_at_most_30_rows(tmp_path):
    rows = "".join(f"r{i},Post,Text number {i}.\n" for i in range(45))
    (tmp_path / "t.csv").write_text("id,outlet,text\n" + rows, encoding="utf-8")
    html = load_corpus(tmp_path / "t.csv", id_column="id")._repr_html_()
    assert html.count("<tr><td>Post</td>") == 30 and "… and 15 more articles" in html


def test_articles_cannot_be_changed_through_the_property(nato_corpus):
    frame = nato_corpus.articles
    frame["outlet"] = "changed"
    assert "changed" not in nato_corpus.outlets


def test_word_counts_use_clean_text(nato_corpus):
    words = nato_corpus.word_counts()
    assert list(words.index) == nato_corpus.articles["doc_id"].tolist()
    assert 300 < words["004-antiwar"] < 400


def test_load_folder_keeps_meta_and_targets(tmp_path):
    folder = write_folder(tmp_path / "study")
    assert load_corpus(folder).targets_path is None
    (folder / "targets.yaml").write_text("targets: []\n", encoding="utf-8")
    corpus = load_corpus(str(folder))
    assert corpus.targets_path == folder / "targets.yaml"
    assert corpus.name == "tiny-study" and corpus.meta["licence"] == "CC0"
    assert corpus.source_path == folder


def test_load_table_with_column_options(tmp_path):
    corpus = load_corpus(write_csv(tmp_path / "t.csv"), id_column="id")
    assert corpus.articles["doc_id"].tolist() == ["a1", "a2", "a3"]
    assert corpus.files == {} and corpus.targets_path is None and corpus.name == "t"
    assert list(corpus.articles.columns[:8]) == COLUMNS


def test_an_exported_corpus_loads_again(tmp_path, nato_corpus):
    from framing.io import write_table

    path = write_table(nato_corpus.articles, tmp_path / "export.jsonl")
    again = load_corpus(path, id_column="doc_id")
    assert again.articles["clean_text"].tolist() == nato_corpus.articles["clean_text"].tolist()
    assert again.articles["outlet"].tolist() == nato_corpus.articles["outlet"].tolist()


def test_loading_twice_gives_identical_frames(tmp_path):
    path = write_csv(tmp_path / "t.csv")
    pd.testing.assert_frame_equal(load_corpus(path).articles, load_corpus(path).articles)


@pytest.mark.parametrize(
    "files,message",
    [
        ({"a.md": article_file(outlet=None)}, r"a\.md: no 'outlet' in the front matter"),
        ({"a.md": article_file(text="  \n\n")}, r"a\.md: the article text is empty"),
        ({"a.md": "---\noutlet: X\ntitle: [unclosed\n---\ntext"}, r"a\.md line \d: malformed front matter"),
        (
            {"a.md": "---\noutlet: X\ntext without end"},
            r"a\.md line 1: the front matter opened with '---' is never closed",
        ),
        (
            {"a.md": "---\noutlet: X\ndate: last Tuesday\n---\nText."},
            r"a\.md line 3: cannot read the date 'last Tuesday'",
        ),
        ({"a.md": article_file(id="same"), "b.md": article_file(id="same")}, r"a\.md, .*b\.md: duplicate id 'same'"),
        ({}, r"no articles found"),
        (
            {"a.md": article_file(id="x"), "b.md": article_file()},
            r"b\.md: no 'id' in the front matter for the article id",
        ),
    ],
)
def test_folder_validation_errors_name_the_file(tmp_path, files, message):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(FramingError, match=message) as error:
        load_corpus(tmp_path, id_column="id")
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    "csv,options,message",
    [
        ("outlet,text\nPost,One.\n,Two.\n", {}, r"t\.csv row 2: no outlet"),
        ("outlet,text\nPost,One.\nPost,   \n", {}, r"t\.csv row 2: the article text is empty"),
        (
            "id,outlet,text\n1,P,One.\n2,P,Two.\n1,P,Three.\n",
            {"id_column": "id"},
            r"t\.csv row 1, .*row 3: duplicate id '1'",
        ),
        ("outlet,text\nP,One.\n", {"text_column": "body"}, r"t\.csv: no column 'body' .*the columns are: outlet, text"),
        (
            "outlet,text\nP,One.\n",
            {"id_column": "key"},
            r"no column 'key' for the article id \(set it with --id-column\)",
        ),
        ("outlet,text\n", {}, r"t\.csv: no articles found"),
    ],
)
def test_table_validation_errors_name_the_row(tmp_path, csv, options, message):
    path = tmp_path / "t.csv"
    path.write_text(csv, encoding="utf-8")
    with pytest.raises(FramingError, match=message):
        load_corpus(path, **options)


def test_unknown_source_and_unsupported_suffix(tmp_path):
    with pytest.raises(FramingError, match=r"nope: no such file or folder, and not a bundled corpus"):
        load_corpus(tmp_path / "nope")
    doc = tmp_path / "a.docx"
    doc.write_bytes(b"PK")
    with pytest.raises(FramingError, match=r"a\.docx: unsupported file type '\.docx'"):
        load_corpus(doc)
