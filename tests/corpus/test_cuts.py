"""`LineCuts`: the survey's verdicts cut the same lines as classifying them again in the second pass."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.corpus.clean import detect_boilerplate, remove_ranges, surveyed_lines
from framing.corpus.cuts import LineCuts
from framing.corpus.model import load_corpus
from framing.corpus.readers.columns import Columns
from framing.corpus.repeats import RepeatCounter
from framing.corpus.stream import ArticleStream
from tests.corpus.streams import stream_rows, write_tables


@pytest.fixture()
def tables(tmp_path):
    return write_tables(tmp_path)


def surveyed(path, rows: int, limit: int | None = None) -> ArticleStream:
    stream = ArticleStream(path, Columns(id="id"), rows=rows)
    if limit is not None:
        import framing.corpus.cuts as cuts

        original = cuts.LIMIT
        cuts.LIMIT = limit
        try:
            return stream.survey()
        finally:
            cuts.LIMIT = original
    return stream.survey()


@pytest.mark.parametrize("rows", [1, 2, 5, 1000])
def test_the_kept_verdicts_give_the_articles_a_second_classification_gives(tables, rows):
    stream = surveyed(tables["jsonl"], rows)
    assert stream.cuts is not None
    kept = pd.concat(list(stream), ignore_index=True)
    stream.cuts = None  # the second pass classifies every line again
    again = pd.concat(list(stream), ignore_index=True)
    pd.testing.assert_frame_equal(kept, again, check_exact=True)
    whole = load_corpus(tables["jsonl"], id_column="id").articles[["doc_id", "outlet", "clean_text"]]
    pd.testing.assert_frame_equal(kept, whole)


def test_past_the_limit_nothing_is_kept_and_the_articles_are_the_same(tables):
    held = pd.concat(list(surveyed(tables["csv"], 2)), ignore_index=True)
    stream = surveyed(tables["csv"], 2, limit=3)
    assert stream.cuts is None
    pd.testing.assert_frame_equal(pd.concat(list(stream), ignore_index=True), held)


def test_ranges_are_the_lines_detect_boilerplate_removes():
    rows = stream_rows()
    texts, outlets = [r["text"] for r in rows], [r["outlet"] for r in rows]
    texts[1] = "Advertisement\n" + texts[1] + "\nRead more: the ministers' full statement\n"  # pattern lines too
    authors = [""] * len(rows)
    counter, cuts = RepeatCounter(), LineCuts()
    for low in range(0, len(rows), 4):  # added in chunks, as the survey adds them
        part = slice(low, low + 4)
        found, docs, prints = surveyed_lines(texts[part], outlets[part], authors[part])
        counter.add_rows(found)
        cuts.add(docs, prints)
    repeated = counter.furniture()
    cuts.settle(repeated)
    ids = [str(i) for i in range(len(rows))]
    expected = detect_boilerplate(ids, texts, outlets, authors, repeated)
    assert (expected["reason"] == "repeated").any() and (expected["reason"] != "repeated").any()
    for first in range(0, len(rows), 3):
        got = list(cuts.ranges(first, 3))
        for offset, ranges in enumerate(got):
            mine = expected[expected["doc_id"] == ids[first + offset]]
            assert ranges == list(zip(mine["start"], mine["end"]))
            assert remove_ranges(texts[first + offset], ranges) == remove_ranges(
                texts[first + offset], list(zip(mine["start"], mine["end"]))
            )


def test_ranges_before_settle_is_a_programming_error():
    with pytest.raises(RuntimeError):
        list(LineCuts().ranges(0, 1))
