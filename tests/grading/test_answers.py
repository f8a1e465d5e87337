"""Reading the filled-in template: what teachers type is understood, and every bad file is one line naming its row."""

from __future__ import annotations

import pytest

from framing.errors import FramingError
from framing.grading.answers import read_answers
from framing.grading.items import STANCE_CHOICES, YES_NO, Item
from framing.grading.key import AnswerKey

KEY = AnswerKey(
    corpus="c",
    seed=0,
    letters=("A", "B", "C"),
    items=(
        Item("L1", "loaded", "underlined?", YES_NO, "1", "marked"),
        Item("F1", "fact", "stronger?", ("A", "B", "same"), "A", "more marks"),
        Item("S1-A", "stance", "stance", STANCE_CHOICES, "-1", "score"),
        Item("A1", "alike", "pair", ("A-B", "A-C", "B-C"), "A-C", "similarity"),
        Item("A2", "alike", "odd", ("A", "B", "C"), "B", "lowest"),
    ),
)
HEADER = "student,item,task,prompt,choices,answer\n"


def write(tmp_path, body, header=HEADER, encoding="utf-8"):
    path = tmp_path / "answers.csv"
    path.write_bytes((header + body).encode(encoding))
    return path


@pytest.mark.parametrize(
    ("item", "typed", "read"),
    [
        ("L1", "yes", "1"),
        ("L1", "x", "1"),
        ("L1", "0", "0"),
        ("L1", "No", "0"),
        ("L1", "1.0", "1"),
        ("F1", "b", "B"),
        ("F1", "Same", "same"),
        ("F1", "=", "same"),
        ("S1-A", "+2", "2"),
        ("S1-A", "-1", "-1"),
        ("S1-A", "−2", "-2"),
        ("S1-A", "1.0", "1"),
        ("S1-A", "N", "n"),
        ("S1-A", "'-1", "-1"),
        ("A1", "c-a", "A-C"),
        ("A1", "AC", "A-C"),
        ("A1", "B and C", "B-C"),
        ("A2", " c ", "C"),
    ],
)
def test_answers_are_read_the_way_teachers_type_them(tmp_path, item, typed, read):
    answers = read_answers(write(tmp_path, f'ana,{item},,,,"{typed}"\n'), KEY)
    assert answers.values == {("ana", item): read}


def test_blank_answers_and_lines_are_no_answer_and_extra_columns_are_ignored(tmp_path):
    path = write(tmp_path, "ana,L1,,,,1,extra\n,,,,,\nbo,L1,,,,\nbo,f1,,,,A\n")
    answers = read_answers(path, KEY)
    assert answers.values == {("ana", "L1"): "1", ("bo", "F1"): "A"}
    assert answers.students == ("ana", "bo")
    assert answers.for_item("L1") == {"ana": "1"}


ERRORS = [
    ("unknown item", "ana,L1,,,,1\nana,Z9,,,,1\n", HEADER, "row 3: unknown item 'Z9'"),
    ("twice", "ana,L1,,,,1\nbo,L1,,,,0\nana,l1,,,,0\n", HEADER, "row 4: 'ana' answers item L1 twice (first in row 2)"),
    (
        "stance out of range",
        "ana,S1-A,,,,3\n",
        HEADER,
        "row 2: item S1-A answer '3' is not one of -2, -1, 0, 1, 2 or n",
    ),
    ("half a rating", "ana,S1-A,,,,1.5\n", HEADER, "row 2: item S1-A answer '1.5'"),
    ("tick out of range", "ana,L1,,,,2\n", HEADER, "row 2: item L1 answer '2' is not one of 1 (yes) or 0 (no)"),
    ("letter not on the sheet", "ana,F1,,,,C\n", HEADER, "row 2: item F1 answer 'C' is not one of A, B, same"),
    ("pair of one source", "ana,A1,,,,A-A\n", HEADER, "row 2: item A1 answer 'A-A'"),
    ("no student", "ana,L1,,,,1\n,L1,,,,1\n", HEADER, "row 3: no student"),
    ("missing column", "ana,L1,1\n", "student,item,value\n", "row 1: missing column answer"),
    ("missing columns", "1\n", "answer\n", "row 1: missing columns student, item"),
    ("nothing typed in", "ana,L1,,,,\n", HEADER, "no answers typed in yet"),
    ("empty file", "", "", "the file is empty"),
]


@pytest.mark.parametrize(("case", "body", "header", "message"), ERRORS, ids=[case[0] for case in ERRORS])
def test_bad_answer_files_are_one_line_naming_the_row(tmp_path, case, body, header, message):
    path = write(tmp_path, body, header)
    with pytest.raises(FramingError) as raised:
        read_answers(path, KEY)
    text = str(raised.value)
    assert text.startswith(f"{path}") and message in text
    assert "\n" not in text


def test_hostile_cells_stay_on_one_line_in_the_message(tmp_path):
    path = write(tmp_path, 'ana,"L1\n<script>alert(1)</script>",,,,1\n')
    with pytest.raises(FramingError) as raised:
        read_answers(path, KEY)
    assert "\n" not in str(raised.value) and "unknown item" in str(raised.value)


def test_a_file_that_is_not_utf8_or_missing_is_one_line(tmp_path):
    with pytest.raises(FramingError, match="not UTF-8"):
        read_answers(write(tmp_path, "Zoë,L1,,,,1\n", encoding="latin-1"), KEY)
    with pytest.raises(FramingError, match="no such answers file"):
        read_answers(tmp_path / "none.csv", KEY)


def test_a_spreadsheets_byte_order_mark_is_not_part_of_the_header(tmp_path):
    path = write(tmp_path, "ana,L1,,,,1\n", encoding="utf-8-sig")
    assert read_answers(path, KEY).values == {("ana", "L1"): "1"}
