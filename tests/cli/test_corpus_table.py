"""The plain-text tables of `framing corpus info`: one row per article, removed lines, aligned columns."""

from __future__ import annotations

import pandas as pd

from framing.cli.corpus_table import _short, article_rows, boilerplate_rows, format_table, reason_legend
from framing.corpus.inputs import as_corpus


def small_corpus():
    frame = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "outlet": ["Post", "Gazette"],
            "title": ["A  headline\nover two lines", "T" * 60],
            "date": ["2022-04-11", ""],
            "text": ["One sentence here. And a second one.", "Just one sentence."],
        }
    )
    return as_corpus(frame)


def test_article_rows_give_date_short_title_words_sentences_and_removed_lines():
    header, rows = article_rows(small_corpus())
    assert header == ("doc_id", "outlet", "date", "title", "words", "sentences", "boilerplate")
    assert rows[0] == ("a", "Post", "2022-04-11", "A headline over two lines", "7", "2", "0")
    assert rows[1][2] == "" and rows[1][3] == "T" * 47 + "…" and rows[1][4:] == ("3", "1", "0")


def test_no_boilerplate_is_said_in_one_row():
    corpus = small_corpus()
    assert boilerplate_rows(corpus) == (
        ("doc_id", "reason", "removed line"),
        [("-", "-", "no boilerplate lines found")],
    )
    assert reason_legend(corpus) == ""


def test_boilerplate_rows_and_the_legend_of_the_reasons_used(nato_corpus):
    _, rows = boilerplate_rows(nato_corpus)
    used = sorted({reason for _, reason, _ in rows})
    assert len(rows) == len(nato_corpus.boilerplate) and all(len(line) <= 90 for _, _, line in rows)
    legend = reason_legend(nato_corpus).splitlines()
    assert [line.split(":")[0].strip() for line in legend] == used


def test_short_puts_text_on_one_line_and_cuts_it():
    assert _short("a\n b\tc", 10) == "a b c"
    assert _short("abcdefghij", 5) == "abcd…"
    assert _short(None, 10) == "None"


def test_format_table_aligns_text_left_and_numbers_right():
    table = format_table(("name", "n"), [("alpha", "7"), ("b", "123")])
    assert table.splitlines() == ["name     n", "alpha    7", "b      123"]


def test_format_table_without_rows_is_the_header():
    assert format_table(("doc_id", "words"), []) == "doc_id  words"
