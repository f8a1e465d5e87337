"""The class against the tool: majorities, the disagreements worth discussing, and no names unless asked."""

from __future__ import annotations

import json

from framing.grading.items import TASK
from framing.grading.results import alpha_label, class_results, kappa_label, majority
from tests.grading.classes import synthetic_class
from tests.grading.hostile import NAMES, hostile_class


def test_majority_is_the_mode_or_the_lower_median():
    assert majority([0, 1, 1, 2], "nominal") == 1
    assert majority([2, 0, 0, 2], "nominal") == 0  # a tie: the first in scale order
    assert majority([0, 4, 4, 1], "ordinal") == 1
    assert majority([3], "ordinal") == 3


def test_labels_follow_the_published_thresholds():
    assert [alpha_label(v) for v in (0.85, 0.7, 0.5, None)] == ["reliable", "tentative", "low", "not defined"]
    assert [kappa_label(v) for v in (-0.1, 0.3, 0.5, 0.7, 0.9)] == [
        "poor",
        "fair",
        "moderate",
        "substantial",
        "almost perfect",
    ]


def test_the_items_where_class_and_tool_part_most_come_first_with_evidence_and_a_prompt():
    key, answers = hostile_class()
    results = class_results(key, answers)
    worst = results["disagreements"]
    assert [row["id"] for row in worst] == ["L1", "S1-A", "L2"]
    first = worst[0]
    assert first["majority"] == "0" and first["tool"] == "1" and first["agree"] == 0.25
    assert first["evidence"].startswith("the tool marked it") and first["discuss"]
    stance = {row["id"]: row for row in results["tasks"][1]["rows"]}
    assert stance["S1-A"]["majority"] == "2" and stance["S1-A"]["disagreement"] == (3 * 0.75 + 0.5) / 4
    assert stance["S1-B"]["majority"] == "n" and stance["S1-B"]["disagreement"] == 0
    assert results["tasks"][1]["kappa_items"] == 1  # "not mentioned" is no point on the scale


def test_no_student_label_reaches_the_results_unless_asked():
    key, answers = hostile_class()
    anonymous = json.dumps(class_results(key, answers))
    assert not any(json.dumps(name)[1:-1] in anonymous for name in NAMES)
    named = class_results(key, answers, names=True)["named"]
    assert [row["name"] for row in named] == list(NAMES)
    # the last student: L1 1, L2 0 and S1-B n are the tool's answers, S1-A 1 is not; only S1-B is the majority's
    assert (named[3]["answers"], named[3]["tool"], named[3]["class"]) == (4, 0.75, 0.25)


def test_same_answers_give_the_same_results_and_the_seed_moves_only_the_intervals():
    key, answers, _ = synthetic_class(items=30, students=10, p=0.7, q=0.6, seed=3)
    first, again, other = (class_results(key, answers, seed=s) for s in (1, 1, 2))
    assert first == again
    assert first["tasks"][0]["alpha"] == other["tasks"][0]["alpha"]
    assert first["tasks"][0]["alpha_ci"] != other["tasks"][0]["alpha_ci"]


def test_the_discussion_prompt_follows_the_direction_of_the_disagreement():
    loaded, stance, alike = TASK["loaded"], TASK["stance"], TASK["alike"]
    assert loaded.discussion("1", "0") == loaded.more != loaded.discussion("0", "1") == loaded.less
    assert stance.discussion("2", "-1") == stance.more and stance.discussion("-2", "0") == stance.less
    assert stance.discussion("n", "1") == stance.prompt and alike.discussion("B-D", "A-B") == alike.prompt
    key, answers = hostile_class()
    worst = {row["id"]: row for row in class_results(key, answers)["disagreements"]}
    assert worst["L1"]["discuss"] == loaded.less  # the tool marked it, the class did not underline it
    assert worst["L2"]["discuss"] == loaded.more and worst["S1-A"]["discuss"] == stance.more
