"""The class's reading against the tool's: per task and per item, as plain data for the class page.

Per task: Krippendorff's alpha among the students (nominal, or ordinal for the
stance ratings) with its bootstrap interval; Cohen's kappa between the class's
majority answer and the tool's over the task's items (linearly weighted for
stance), with its interval; how many items the majority and the tool answer
alike. Per item: the answers' spread, the majority, the tool's answer and
evidence, the share of students who agree with the tool and that share
corrected for chance (`agreement.item_agreement`). Alpha and kappa need two
items at least: on one item they are 0 (or 1) whatever the answers. "Not mentioned" is no point
on the stance scale, so stance statistics leave those answers out; the ranking
of disagreements counts "not mentioned" against a rating as a full disagreement.

Students are named only when the teacher asks (`names=True`); otherwise the
data holds no student label at all, so no page built from it can show one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from framing.grading import agreement
from framing.grading.items import NOT_MENTIONED, TASK, TASKS

if TYPE_CHECKING:
    from framing.grading.answers import Answers
    from framing.grading.items import Item
    from framing.grading.key import AnswerKey

DISAGREEMENTS = 6


@dataclass(frozen=True)
class Scale:
    """A task's answer categories in scale order, as codes 0..k-1."""

    categories: tuple[str, ...]

    @classmethod
    def of(cls, items: list[Item]) -> Scale:
        seen: dict[str, None] = {}
        for item in items:
            for choice in item.choices:
                if not (item.task == "stance" and choice == NOT_MENTIONED):
                    seen.setdefault(choice)
        return cls(tuple(seen))

    def code(self, value: str) -> int | None:
        return self.categories.index(value) if value in self.categories else None


def alpha_label(value: float | None) -> str:
    """Krippendorff's (2004) reading: at least 0.80 reliable, 0.667 tentative, below that low."""
    if value is None:
        return "not defined"
    return "reliable" if value >= 0.8 else "tentative" if value >= 0.667 else "low"


def kappa_label(value: float | None) -> str:
    """Landis and Koch's (1977) words for a kappa."""
    if value is None:
        return "not defined"
    for bound, word in ((0.0, "poor"), (0.2, "slight"), (0.4, "fair"), (0.6, "moderate"), (0.8, "substantial")):
        if value <= bound:
            return word
    return "almost perfect"


def majority(codes: list[int], metric: str) -> int:
    """The class's answer: the most frequent (ties: the first in scale order) or, for ratings, the lower median."""
    if metric == "ordinal":
        return sorted(codes)[(len(codes) - 1) // 2]
    counts = np.bincount(codes)
    return int(np.argmax(counts))


def _disagreement(answer: str, tool: str, item: Item) -> float:
    if item.task != "stance":
        return float(answer != tool)
    if NOT_MENTIONED in (answer, tool):
        return float(answer != tool)
    return abs(int(answer) - int(tool)) / 4


def _item_rows(items: list[Item], answers: Answers, scale: Scale, metric: str) -> list[dict[str, Any]]:
    k = len(scale.categories)
    weights = agreement.kappa_weights(k, metric)
    pairs = [
        (scale.code(value), scale.code(item.tool)) for item in items for value in answers.for_item(item.id).values()
    ]
    scored = [(s, t) for s, t in pairs if s is not None and t is not None]
    chance = (
        agreement.chance_disagreement(
            np.array([s for s, _ in scored], dtype=int), np.array([t for _, t in scored], dtype=int), k, weights
        )
        if scored
        else 0.0
    )
    rows = []
    for item in items:
        given = list(answers.for_item(item.id).values())
        if not given:
            continue
        codes = [c for c in (scale.code(v) for v in given) if c is not None]
        tool_code = scale.code(item.tool)
        unrated = given.count(NOT_MENTIONED) > len(given) / 2 or not codes  # most say "not mentioned"
        top = NOT_MENTIONED if unrated else scale.categories[majority(codes, metric)]
        counts = np.bincount(codes) if codes else np.zeros(1, dtype=int)
        tied = metric == "nominal" and int((counts == counts.max()).sum()) > 1
        rows.append(
            {
                "id": item.id,
                "task": item.task,
                "prompt": item.prompt,
                "evidence": item.evidence,
                "answers": len(given),
                "counts": [(choice, given.count(choice)) for choice in item.choices],
                "majority": top,
                "tied": bool(tied),
                "tool": item.tool,
                "agree": given.count(item.tool) / len(given),
                "kappa": (
                    agreement.item_agreement(np.array(codes), tool_code, chance, weights)
                    if tool_code is not None and codes
                    else None
                ),
                "disagreement": float(np.mean([_disagreement(v, item.tool, item) for v in given])),
                "discuss": TASK[item.task].discussion(top, item.tool),
            }
        )
    return rows


def _task_row(task_name: str, items: list[Item], answers: Answers, seed: int) -> dict[str, Any] | None:
    task = TASK[task_name]
    if not items:
        return None
    scale, metric = Scale.of(items), task.metric
    rows = _item_rows(items, answers, scale, metric)
    if not rows:
        return None
    answered = [item for item in items if any(row["id"] == item.id for row in rows)]
    data = np.full((len(answers.students), len(answered)), np.nan)
    index = {student: i for i, student in enumerate(answers.students)}
    for j, item in enumerate(answered):
        for student, value in answers.for_item(item.id).items():
            code = scale.code(value)
            if code is not None:
                data[index[student], j] = code
    k = len(scale.categories)
    rated = [row for row in rows if scale.code(row["tool"]) is not None and scale.code(row["majority"]) is not None]
    first = np.array([scale.code(row["majority"]) for row in rated], dtype=int)
    second = np.array([scale.code(row["tool"]) for row in rated], dtype=int)
    return {
        "name": task.name,
        "number": task.number,
        "title": task.title,
        "metric": metric,
        "n_items": len(rows),
        "answers": sum(row["answers"] for row in rows),
        "alpha": agreement.krippendorff_alpha(data, k, metric) if len(answered) >= 2 else None,
        "alpha_ci": agreement.alpha_interval(data, k, metric, seed=seed),
        "kappa": agreement.cohen_kappa(first, second, k, metric) if len(rated) >= 2 else None,
        "kappa_ci": agreement.kappa_interval(first, second, k, metric, seed=seed),
        "kappa_items": len(rated),
        "same": sum(row["majority"] == row["tool"] for row in rows),
        "rows": rows,
    }


def _students(answers: Answers, key: AnswerKey, tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    top = {row["id"]: row["majority"] for task in tasks for row in task["rows"]}
    out = []
    for student in answers.students:
        given = {item: value for (who, item), value in answers.values.items() if who == student}
        tool = sum(value == getattr(key.item(item), "tool", None) for item, value in given.items())
        same = sum(value == top.get(item) for item, value in given.items())
        out.append(
            {
                "name": student,
                "answers": len(given),
                "tool": tool / len(given) if given else None,
                "class": same / len(given) if given else None,
            }
        )
    return out


def class_results(key: AnswerKey, answers: Answers, *, seed: int = 0, names: bool = False) -> dict[str, Any]:
    """Everything the class page shows, as plain JSON-ready data (student labels only with `names`)."""
    tasks = [
        row
        for row in (
            _task_row(task.name, [i for i in key.items if i.task == task.name], answers, seed) for task in TASKS
        )
        if row is not None
    ]
    rows = [row for task in tasks for row in task["rows"]]
    order = {item.id: position for position, item in enumerate(key.items)}
    worst = sorted(
        (row for row in rows if row["disagreement"] > 0), key=lambda row: (-row["disagreement"], order[row["id"]])
    )[:DISAGREEMENTS]
    for task in tasks:
        task["alpha_label"], task["kappa_label"] = alpha_label(task["alpha"]), kappa_label(task["kappa"])
    return {
        "corpus": key.corpus,
        "seed": seed,
        "worksheet_seed": key.seed,
        "letters": list(key.letters),
        "students": len(answers.students),
        "answers": len(answers.values),
        "n_items": len(rows),
        "tasks": tasks,
        "disagreements": worst,
        "named": _students(answers, key, tasks) if names else [],
    }
