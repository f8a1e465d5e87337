"""Checks every source passes: one-line errors naming the rows, in a fixed order, chunked or whole."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.corpus.readers.validate import MAX_ARTICLE_CHARS, FrameChecks, validate_frame
from framing.errors import FramingError


def frame(ids, outlets=None, texts=None):
    n = len(ids)
    return pd.DataFrame(
        {"doc_id": ids, "outlet": outlets or ["Post"] * n, "text": texts or ["Some text."] * n}, dtype=object
    )


def locate(row: int) -> str:
    return f"t.csv row {row + 1}"


def test_clean_frame_passes():
    validate_frame(frame(["a", "b"]), locate, "t.csv")


def test_empty_corpus_names_the_source():
    with pytest.raises(FramingError, match=r"^t\.csv: no articles found; add article files"):
        validate_frame(frame([]), locate, "t.csv")


def test_missing_outlet_names_at_most_three_rows():
    bad = frame(list("abcde"), outlets=["", " ", "", "Post", ""])
    with pytest.raises(FramingError) as info:
        validate_frame(bad, locate, "t.csv")
    assert str(info.value).startswith("t.csv row 1, t.csv row 2, t.csv row 3 (and 1 more): no outlet;")
    assert "--outlet-column" in str(info.value)


def test_outlet_is_reported_before_text_and_duplicates():
    bad = frame(["a", "a"], outlets=["Post", ""], texts=["", "x"])
    with pytest.raises(FramingError, match=r"^t\.csv row 2: no outlet"):
        validate_frame(bad, locate, "t.csv")


def test_empty_text_and_empty_id():
    with pytest.raises(FramingError, match=r"^t\.csv row 2: the article text is empty"):
        validate_frame(frame(["a", "b"], texts=["x", "  "]), locate, "t.csv")
    with pytest.raises(FramingError, match=r"^t\.csv row 1: the id is empty"):
        validate_frame(frame(["", "b"]), locate, "t.csv")


def test_duplicate_id_names_every_row_it_is_in():
    with pytest.raises(FramingError, match=r"^t\.csv row 1, t\.csv row 3: duplicate id 'a'; ids must be unique"):
        validate_frame(frame(["a", "b", "a"]), locate, "t.csv")


def test_too_long_article_gives_its_size(monkeypatch):
    monkeypatch.setattr("framing.corpus.readers.validate.MAX_ARTICLE_CHARS", 10)
    with pytest.raises(FramingError, match=r"^t\.csv row 2: the article is 0\.0 million characters, more than the 0"):
        validate_frame(frame(["a", "b"], texts=["short", "x" * 11]), locate, "t.csv")
    assert MAX_ARTICLE_CHARS == 50_000_000


def test_chunks_give_the_same_error_as_the_whole_table():
    whole = frame(["a", "b", "c", "b"], outlets=["Post", "Post", "", "Post"])
    with pytest.raises(FramingError) as expected:
        validate_frame(whole, locate, "t.csv")
    checks = FrameChecks()
    checks.add(whole.iloc[:2])
    checks.add(whole.iloc[2:])
    with pytest.raises(FramingError) as chunked:
        checks.raise_first(locate, "t.csv")
    assert (
        str(chunked.value) == str(expected.value) == "t.csv row 3: no outlet; " + str(expected.value).split("; ", 1)[1]
    )


def test_duplicates_across_chunks_are_found_unless_ids_are_row_numbers():
    checks = FrameChecks()
    checks.add(frame(["a", "b"]))
    checks.add(frame(["c", "a"]))
    assert checks.rows == 4
    with pytest.raises(FramingError, match=r"^t\.csv row 1, t\.csv row 4: duplicate id 'a'"):
        checks.raise_first(locate, "t.csv")
    numbered = FrameChecks()
    numbered.add(frame(["a"]), ids=False)
    numbered.add(frame(["a"]), ids=False)
    numbered.raise_first(locate, "t.csv")  # row-number ids cannot repeat: not checked
