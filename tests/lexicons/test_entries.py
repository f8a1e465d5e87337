"""The lexicon data objects and the file reader: frozen, equal by content, escaped, provenance from the bytes."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest

from framing.errors import FramingError
from framing.lexicons.entries import Category, Entry, read_lexicon_file
from framing.lexicons.model import load_lexicon
from tests.lexicons.small_lexicon import GOOD, small_lexicon, write


def test_lexicon_is_frozen(tmp_path):
    lexicon = load_lexicon(write(tmp_path, GOOD))
    with pytest.raises(dataclasses.FrozenInstanceError):
        lexicon.name = "other"


def test_lexicon_is_hashable_and_equal_by_content(tmp_path):
    first, second = load_lexicon(write(tmp_path, GOOD)), load_lexicon(write(tmp_path, GOOD))
    assert first == second and hash(first) == hash(second) and len({first, second}) == 1


def test_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes(GOOD.replace("tests", "t\xe9sts").encode("latin-1"))
    with pytest.raises(FramingError, match="latin.yaml: not UTF-8 text"):
        load_lexicon(path)


def test_repr_html_escapes_untrusted_text(tmp_path):
    lexicon = load_lexicon(write(tmp_path, GOOD.replace("description: protection", "description: <script>x</script>")))
    html = lexicon._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_entries_are_equal_whatever_line_they_came_from():
    assert Entry("threat", line=3) == Entry("threat", line=40)
    assert Entry("threat") != Entry("threat", weight=2.0)


def test_lexicons_with_other_bytes_are_different(tmp_path):
    first = load_lexicon(write(tmp_path, GOOD, "a.yaml"))
    second = load_lexicon(write(tmp_path, GOOD.replace("A small lexicon", "Another small lexicon"), "b.yaml"))
    assert first.name == second.name and first.sha256 != second.sha256 and first != second


def test_entry_count_adds_the_categories_and_a_pattern_counts_none():
    lexicon = small_lexicon({"a": ["one", "two"], "b": ["three"], "c": "scare_quotes"})
    assert lexicon.entry_count() == 3
    assert isinstance(lexicon.categories["c"], Category) and lexicon.categories["c"].entries == ()


def test_repr_html_shows_each_category_and_its_size():
    html = small_lexicon({"a": ["one", "two"], "c": "scare_quotes"})._repr_html_()
    assert html.count("<tr><td>") == 2 and "<td>2</td>" in html and "pattern: scare_quotes" in html


def test_read_lexicon_file_strips_a_bom_and_hashes_the_bytes(tmp_path):
    path = tmp_path / "l.yaml"
    data = "\ufeffname: x\n".encode()
    path.write_bytes(data)
    assert read_lexicon_file(path) == ("name: x\n", hashlib.sha256(data).hexdigest())


def test_read_lexicon_file_falls_back_to_the_given_encoding(tmp_path):
    path = tmp_path / "l.dic"
    path.write_bytes("caf\xe9\n".encode("latin-1"))
    assert read_lexicon_file(path, fallback_encoding="latin-1")[0] == "caf\xe9\n"
    with pytest.raises(FramingError, match=r"l\.dic: not UTF-8 text \(byte 3\); save the file as UTF-8$"):
        read_lexicon_file(path)


def test_a_missing_file_is_one_line(tmp_path):
    with pytest.raises(FramingError, match=r"nothere\.yaml: cannot read lexicon \(No such file or directory\)$"):
        read_lexicon_file(tmp_path / "nothere.yaml")
