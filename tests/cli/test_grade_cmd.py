"""`framing exercise --answers` then `framing grade`: the teacher's whole loop, and bad files refused cleanly."""

from __future__ import annotations

import csv
import json

import pytest

from tests.cli.runner import run, run_main


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lesson")
    result = run(
        "exercise",
        "-o",
        str(folder / "worksheet.html"),
        "--key",
        str(folder / "key.html"),
        "--answers",
        str(folder / "answers.csv"),
        "--students",
        "6",
    )
    assert result.exit_code == 0, result.output
    assert f"wrote {folder / 'answers.csv'}: 6 students x" in result.output
    return folder


def fill(template, tmp_path, wrong=("S1-A",)):
    """Every student gives the tool's answer, except on the `wrong` items (a planted disagreement)."""
    items = {i["id"]: i for i in json.loads((template / "answers-key.json").read_text(encoding="utf-8"))["items"]}
    with (template / "answers.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        item = items[row["item"]]
        row["answer"] = next(c for c in item["choices"] if c != item["tool"]) if row["item"] in wrong else item["tool"]
    path = tmp_path / "answers.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path, items


def test_exercise_writes_a_template_and_a_key_beside_it(template):
    rows = list(csv.DictReader((template / "answers.csv").open(encoding="utf-8", newline="")))
    key = json.loads((template / "answers-key.json").read_text(encoding="utf-8"))
    assert key["format"] == "framing-answer-key" and key["corpus"] == "nato-eastern-flank-2022"
    assert len(rows) == 6 * len(key["items"])
    assert {row["item"] for row in rows} == {item["id"] for item in key["items"]}
    sheet = (template / "worksheet.html").read_text(encoding="utf-8")
    assert 'class="item-id">S1-A<' in sheet and 'class="item-id">A1<' in sheet


def test_grade_finds_the_planted_disagreement(template, tmp_path):
    answers, items = fill(template, tmp_path)
    (tmp_path / "answers-key.json").write_bytes((template / "answers-key.json").read_bytes())
    out = tmp_path / "class.html"
    result = run("grade", str(answers), "-o", str(out))  # the key is found beside the answers
    assert result.exit_code == 0, result.output
    assert f"wrote {out}: 6 students, {6 * len(items)} answers" in result.output
    assert "task 1 Loaded words: alpha 1.00, kappa 1.00, same answer on 14 of 14" in result.output
    assert "task 3 Stance: alpha 1.00, kappa" in result.output and "same answer on 19 of 20" in result.output
    html = out.read_text(encoding="utf-8")
    first = html.index('id="disagree"')
    assert html.index('class="item-id">S1-A<', first) < html.index('id="items"')
    assert "student 01" not in html


def test_grade_names_students_only_with_names(template, tmp_path):
    answers, _ = fill(template, tmp_path)
    out = tmp_path / "named.html"
    result = run("grade", str(answers), "--key", str(template / "answers-key.json"), "-o", str(out), "--names")
    assert result.exit_code == 0, result.output
    assert "student 01" in out.read_text(encoding="utf-8")


def test_same_answers_give_the_same_page(template, tmp_path):
    answers, _ = fill(template, tmp_path)
    key = str(template / "answers-key.json")
    pages = [tmp_path / "a.html", tmp_path / "b.html"]
    for page in pages:
        assert run("grade", str(answers), "--key", key, "-o", str(page), "--seed", "3").exit_code == 0
    assert pages[0].read_bytes() == pages[1].read_bytes()


def _unknown_item(lines):
    cells = lines[1].split(",")
    lines[1] = ",".join([cells[0], "S9-Z", *cells[2:]])


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_unknown_item, "row 2: unknown item 'S9-Z'"),
        (lambda lines: lines.append(lines[1]), "twice (first in row 2)"),
        (lambda lines: lines.__setitem__(0, lines[0].replace("student,", "pupil,")), "row 1: missing column student"),
    ],
    ids=["unknown item", "twice", "missing column"],
)
def test_a_bad_answers_file_is_one_line_exit_2_and_nothing_written(template, tmp_path, edit, message):
    answers, _ = fill(template, tmp_path)
    lines = answers.read_text(encoding="utf-8").splitlines()
    edit(lines)
    answers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "class.html"
    outcome = run_main("grade", str(answers), "--key", str(template / "answers-key.json"), "-o", str(out))
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith(f"framing: error: {answers}") and message in outcome.stderr
    assert len(outcome.stderr.strip().splitlines()) == 1 and "Traceback" not in outcome.stderr
    assert not out.exists()


def test_grade_never_overwrites_its_inputs(template, tmp_path):
    answers, _ = fill(template, tmp_path)
    before = answers.read_bytes()
    outcome = run_main("grade", str(answers), "--key", str(template / "answers-key.json"), "-o", str(answers))
    assert outcome.exit_code == 2 and answers.read_bytes() == before


def test_grade_without_a_key_says_where_to_find_one(tmp_path):
    answers = tmp_path / "answers.csv"
    answers.write_text("student,item,answer\nana,L1,1\n", encoding="utf-8")
    outcome = run_main("grade", str(answers), "-o", str(tmp_path / "class.html"))
    assert outcome.exit_code == 2 and "answers-key.json: no such answer key; give with --key" in outcome.stderr


def test_exercise_answers_must_be_a_csv(tmp_path):
    outcome = run_main("exercise", "-o", str(tmp_path / "w.html"), "--answers", str(tmp_path / "answers.xlsx"))
    assert outcome.exit_code == 2 and "give it a .csv name" in outcome.stderr
    assert not (tmp_path / "w.html").exists()
