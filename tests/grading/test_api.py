"""`framing.grade`: the class page's figures as tables, from the same files `framing grade` reads."""

from __future__ import annotations

import pytest

import framing
from framing.errors import FramingError
from framing.grading.answers import read_answers
from framing.grading.key import answer_key, key_json, read_key, template_frame
from framing.grading.page import render_class_page
from framing.grading.results import class_results


@pytest.fixture()
def lesson(sheet_data, tmp_path):
    """A filled template beside its key: everyone gives the tool's answer except on S1-A."""
    key = answer_key(sheet_data)
    (tmp_path / "answers-key.json").write_text(key_json(key), encoding="utf-8")
    frame = template_frame(key, students=5)
    tools = {item.id: item for item in key.items}
    frame["answer"] = [
        next(c for c in tools[i].choices if c != tools[i].tool) if i == "S1-A" else tools[i].tool for i in frame["item"]
    ]
    path = tmp_path / "answers.csv"
    frame.to_csv(path, index=False)
    return path


def test_grade_finds_the_key_beside_the_answers_and_gives_task_and_item_tables(lesson):
    grades = framing.grade(lesson)
    items = grades.items
    assert items.loc["S1-A", "agree"] == 0.0 and items.loc["S1-A", "majority"] != items.loc["S1-A", "tool"]
    others = items.drop(index="S1-A")
    assert (others["agree"] == 1.0).all() and (others["majority"] == others["tool"]).all()
    tasks = grades.tasks
    assert list(tasks.index) == sorted(tasks.index) and tasks["n_items"].sum() == len(items)
    assert grades.students.empty  # nobody named unless asked


def test_the_tables_and_the_page_are_the_cli_results(lesson, tmp_path):
    key = read_key(tmp_path / "answers-key.json")
    expected = class_results(key, read_answers(lesson, key), seed=3, names=True)
    grades = framing.grade(lesson, tmp_path / "answers-key.json", seed=3, names=True)
    assert grades.results == expected
    assert grades.html() == render_class_page(expected)
    assert list(grades.students["name"]) == [f"student {n:02d}" for n in range(1, 6)]
    out = grades.save(tmp_path / "class.html")
    assert out.read_text(encoding="utf-8") == grades.html()


def test_a_missing_key_is_a_framing_error(tmp_path):
    answers = tmp_path / "answers.csv"
    answers.write_text("student,item,task,question,choices,answer\n", encoding="utf-8")
    with pytest.raises(FramingError, match="answers-key.json"):
        framing.grade(answers)
