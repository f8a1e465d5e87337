"""The JSON answer key and the CSV template: same bytes each time, read back whole, damage refused in one line."""

from __future__ import annotations

import pytest

from framing.errors import FramingError
from framing.grading.key import (
    TEMPLATE_COLUMNS,
    answer_key,
    key_json,
    key_path_beside,
    read_key,
    student_labels,
    template_frame,
)
from framing.io import FORMULA_STARTS, table_bytes


def test_key_round_trips_through_json(sheet_data, tmp_path):
    key = answer_key(sheet_data)
    path = tmp_path / "k.json"
    path.write_text(key_json(key), encoding="utf-8")
    assert read_key(path) == key
    assert key_json(answer_key(sheet_data)) == key_json(key)
    assert "anchor" not in path.read_text(encoding="utf-8")


def test_template_has_one_row_per_student_and_item_and_is_safe_in_a_spreadsheet(sheet_data):
    key = answer_key(sheet_data)
    frame = template_frame(key, students=4)
    assert tuple(frame.columns) == TEMPLATE_COLUMNS
    assert len(frame) == 4 * len(key.items)
    assert (
        frame["student"].unique().tolist()
        == student_labels(4)
        == ["student 01", "student 02", "student 03", "student 04"]
    )
    assert (frame["answer"] == "").all()
    assert not frame["choices"].str.startswith(FORMULA_STARTS).any()
    assert b"'" not in table_bytes(frame[["choices"]], ".csv")  # nothing needed neutralising


def test_key_beside_the_answers():
    assert key_path_beside("class/9b.csv").as_posix() == "class/9b-key.json"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not a readable answer key"),
        ('{"format": "other"}', "not a framing answer key"),
        ('{"format": "framing-answer-key", "version": 99}', "answer key version 99"),
        (
            '{"format": "framing-answer-key", "version": 1, "corpus": "c", "seed": 0, "letters": [], "items": [{"id": "x"}]}',
            "answer key entry is damaged",
        ),
        (
            '{"format": "framing-answer-key", "version": 1, "corpus": "c", "seed": 0, "letters": [], "items": '
            '[{"id": "L1", "task": "loaded", "prompt": "", "choices": ["1", "0"], "tool": "7", "evidence": ""}]}',
            "answer key entry is damaged",
        ),
    ],
)
def test_a_damaged_key_is_one_line(tmp_path, text, message):
    path = tmp_path / "k.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FramingError) as raised:
        read_key(path)
    assert str(raised.value).startswith(str(path)) and message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_missing_key_says_where_it_comes_from(tmp_path):
    with pytest.raises(FramingError, match="framing exercise --answers"):
        read_key(tmp_path / "none.json")
