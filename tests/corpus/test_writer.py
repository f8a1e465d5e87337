"""Writing a corpus as a folder of article files: loads back, safe file names, never half a folder."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.corpus.model import load_corpus
from framing.corpus.writer import _file_stem, article_file_text, write_article_folder
from framing.errors import FramingError
from tests.corpus.fixtures import write_csv


@pytest.fixture
def table_corpus(tmp_path):
    return load_corpus(write_csv(tmp_path / "t.csv"), id_column="id")


def test_folder_loads_back_with_the_same_articles(tmp_path, table_corpus):
    out = write_article_folder(table_corpus, tmp_path / "out" / "study")
    assert sorted(p.name for p in out.iterdir()) == ["a1.md", "a2.md", "a3.md", "corpus.yaml"]
    again = load_corpus(out)
    cols = ["doc_id", "outlet", "title", "text", "section"]
    assert again.articles[cols].equals(table_corpus.articles[cols])
    assert again.name == "study"
    assert "description: Imported from t.csv." in (out / "corpus.yaml").read_text(encoding="utf-8")
    assert [p.name for p in out.parent.iterdir()] == ["study"]  # no staging folder left


def test_the_same_corpus_gives_the_same_bytes(tmp_path, table_corpus):
    first = write_article_folder(table_corpus, tmp_path / "a")
    second = write_article_folder(table_corpus, tmp_path / "b")
    names = sorted(p.name for p in first.iterdir() if p.name != "corpus.yaml")
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)


def test_article_file_text_skips_empty_fields_and_keeps_the_text_verbatim():
    article = {
        "outlet": "Post",
        "title": "Héadline: with a colon",
        "date": pd.Timestamp("2022-04-11"),
        "author": "",
        "url": "",
        "text": "Line one.\n\n  Line two.",
        "tags": ["a", "b"],
        "empty": None,
    }
    text = article_file_text(article, ["tags", "empty"])
    assert (
        text
        == "---\noutlet: Post\ntitle: 'Héadline: with a colon'\ndate: '2022-04-11'\ntags: a, b\n---\nLine one.\n\n  Line two."
    )


def test_dates_with_a_time_keep_it():
    article = {
        "outlet": "P",
        "title": "",
        "date": pd.Timestamp("2022-04-11 09:30"),
        "author": "",
        "url": "",
        "text": "x",
    }
    assert "date: '2022-04-11T09:30:00'" in article_file_text(article, [])
    article["date"] = pd.NaT
    assert "date" not in article_file_text(article, [])


@pytest.mark.parametrize(
    "doc_id,stem",
    [
        ("story", "story"),
        ("a/b c", "a_b_c"),
        ("README", "id-README"),
        ("con", "id-con"),
        ("_draft", "draft"),
        ("...", "article"),
    ],
)
def test_file_stem_is_safe(doc_id, stem):
    assert _file_stem(doc_id, set()) == stem


def test_file_stems_are_unique_ignoring_case_and_short():
    taken: set[str] = set()
    assert [_file_stem(i, taken) for i in ("Story", "story", "STORY")] == ["Story", "story-2", "STORY-3"]
    long = _file_stem("x" * 300, set())
    assert len(long) == 60 and long.startswith("x" * 47 + "-")
    assert long != _file_stem("x" * 299, set())


def test_refuses_a_non_empty_folder_unless_forced(tmp_path, table_corpus):
    out = tmp_path / "o"
    out.mkdir()
    (out / "keep.md").write_text("mine", encoding="utf-8")
    with pytest.raises(FramingError, match=r"folder is not empty; choose a new folder or pass --force"):
        write_article_folder(table_corpus, out)
    assert (out / "keep.md").read_text(encoding="utf-8") == "mine"
    write_article_folder(table_corpus, out, force=True)
    assert not (out / "keep.md").exists() and (out / "a1.md").is_file()


def test_refuses_a_file_in_the_way(tmp_path, table_corpus):
    path = tmp_path / "o"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(FramingError, match=r"^.*o: exists and is not a folder; choose another output path$"):
        write_article_folder(table_corpus, path)


def test_a_failure_while_writing_leaves_nothing(tmp_path, table_corpus, monkeypatch):
    def explode(*args, **kwargs):
        raise FramingError("boom")

    monkeypatch.setattr("framing.corpus.writer.article_file_text", explode)
    with pytest.raises(FramingError, match="boom"):
        write_article_folder(table_corpus, tmp_path / "o")
    assert list(tmp_path.iterdir()) == [tmp_path / "t.csv"]
