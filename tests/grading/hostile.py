"""A small class whose student labels, answers-file cells and key texts try to break out of the page."""

from __future__ import annotations

from framing.grading.answers import Answers
from framing.grading.items import STANCE_CHOICES, YES_NO, Item
from framing.grading.key import AnswerKey

SCRIPT = "<script>alert('x')</script>"
NAMES = (f"Ana {SCRIPT}", 'Bo" onmouseover="alert(1)', "</td></tr></table><h1>owned</h1>", '=HYPERLINK("http://evil")')
KEY = AnswerKey(
    corpus=f"c{SCRIPT}",
    seed=0,
    letters=("A", "B"),
    items=(
        Item("L1", "loaded", f"Task 1: is “{SCRIPT}” loaded?", YES_NO, "1", f"the tool marked it: {SCRIPT}"),
        Item("L2", "loaded", "Task 1: is “plain” loaded?", YES_NO, "0", "not marked"),
        Item("S1-A", "stance", "Task 3: how Source A presents <b>NATO</b>", STANCE_CHOICES, "-1", "score -0.3 & <i>"),
        Item("S1-B", "stance", "Task 3: how Source B presents <b>NATO</b>", STANCE_CHOICES, "n", "never mentions"),
    ),
)
ANSWERS = {
    ("L1", "0"): (0, 1, 2),
    ("L1", "1"): (3,),
    ("L2", "1"): (0, 1),
    ("L2", "0"): (2, 3),
    ("S1-A", "2"): (0, 1, 2),
    ("S1-A", "1"): (3,),
    ("S1-B", "n"): (0, 1, 2, 3),
}


def hostile_class() -> tuple[AnswerKey, Answers]:
    values = {(NAMES[s], item): answer for (item, answer), students in ANSWERS.items() for s in students}
    return KEY, Answers(path="hostile.csv", students=NAMES, values=values)
