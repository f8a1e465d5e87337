"""`framing.grade`: the class page's numbers as DataFrames, for a notebook.

Why a facade: `framing grade` writes a page to project; a teacher-researcher
who collects several classes wants the same agreement figures as tables to
compare, without parsing HTML. It reads the same files and computes the same
results (`class_results`), so the page and the tables never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from framing.grading.answers import read_answers
from framing.grading.key import key_path_beside, read_key
from framing.grading.page import render_class_page
from framing.grading.results import class_results
from framing.io import atomic_write_text

_TASK_COLUMNS = ["number", "title", "metric", "n_items", "answers", "alpha", "alpha_ci", "kappa", "kappa_ci", "same"]
_ITEM_COLUMNS = ["id", "task", "prompt", "answers", "majority", "tied", "tool", "agree", "kappa", "disagreement"]


@dataclass(frozen=True)
class ClassGrades:
    """A class's answers against the tool's: `tasks` and `items` tables, `html()` for the class page."""

    results: dict[str, Any]

    @property
    def tasks(self) -> pd.DataFrame:
        """One row per task: Krippendorff's alpha among students, Cohen's kappa class majority vs tool, intervals."""
        rows = [{column: task[column] for column in _TASK_COLUMNS} for task in self.results["tasks"]]
        return pd.DataFrame(rows, columns=_TASK_COLUMNS).set_index("number")

    @property
    def items(self) -> pd.DataFrame:
        """One row per answered item: the class majority, the tool's answer, the share who agree with the tool."""
        rows = [
            {column: row[column] for column in _ITEM_COLUMNS} for task in self.results["tasks"] for row in task["rows"]
        ]
        return pd.DataFrame(rows, columns=_ITEM_COLUMNS).set_index("id")

    @property
    def students(self) -> pd.DataFrame:
        """Each student's agreement with the tool and with the class (empty unless graded with `names=True`)."""
        return pd.DataFrame(self.results["named"], columns=["name", "answers", "tool", "class"])

    def html(self) -> str:
        """The class page `framing grade` writes."""
        return render_class_page(self.results)

    def save(self, path: str | Path) -> Path:
        """Write the class page atomically; returns the path."""
        atomic_write_text(path, self.html())
        return Path(path)


def grade(answers: str | Path, key: str | Path | None = None, *, seed: int = 0, names: bool = False) -> ClassGrades:
    """Grade the answers CSV (the `framing exercise --answers` template) against its answer key.

    `key` defaults to the key written beside the template (ANSWERS' name with
    `-key.json`). A bad file raises FramingError naming its row.

        >>> grades = framing.grade("class-answers.csv")  # doctest: +SKIP
        >>> grades.tasks[["title", "alpha", "kappa"]]  # doctest: +SKIP
    """
    answer_key = read_key(Path(key) if key is not None else key_path_beside(answers))
    return ClassGrades(class_results(answer_key, read_answers(answers, answer_key), seed=seed, names=names))
