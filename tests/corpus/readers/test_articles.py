"""Folders of article files: front matter, verbatim bodies, line endings."""

from __future__ import annotations

from framing.corpus.readers import read_source
from framing.corpus.readers.articles import split_front_matter
from tests.corpus.fixtures import write_folder

STANDARD = ["doc_id", "outlet", "title", "date", "author", "url", "text"]


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
