"""The answer key as JSON and the CSV template a teacher types a class's answers into.

Why JSON beside the HTML key: `framing grade` needs the tool's answer and
evidence for every item without recomputing the worksheet (the teacher may
grade on another machine, with another version of the lexicons); the file is
also plain enough to read. The template has one row per student and item, in
the order the worksheet prints them, with the item's question and allowed
answers beside the empty `answer` cell.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.errors import FramingError
from framing.grading.items import NOT_MENTIONED, TASK, Item, worksheet_items

if TYPE_CHECKING:
    import pandas as pd

    from framing.worksheets.model import WorksheetData

FORMAT = "framing-answer-key"
VERSION = 1
TEMPLATE_COLUMNS = ("student", "item", "task", "prompt", "choices", "answer")
DEFAULT_STUDENTS = 30


@dataclass(frozen=True)
class AnswerKey:
    """The items of one worksheet with the tool's answers, and where the worksheet came from."""

    corpus: str
    seed: int
    letters: tuple[str, ...]
    items: tuple[Item, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {item.id: item for item in self.items})

    def item(self, item_id: str) -> Item | None:
        return self.by_id.get(item_id)  # type: ignore[attr-defined]  # set in __post_init__


def answer_key(data: WorksheetData) -> AnswerKey:
    """The key of a worksheet's data: every item of `worksheet_items` with its tool answer and evidence."""
    return AnswerKey(corpus=data.corpus, seed=data.seed, letters=data.letters, items=worksheet_items(data))


def key_json(key: AnswerKey) -> str:
    """The key as JSON text (the same key gives the same bytes)."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "corpus": key.corpus,
        "seed": key.seed,
        "letters": list(key.letters),
        "items": [item.to_json() for item in key.items],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def key_path_beside(answers: str | Path) -> Path:
    """Where `framing exercise --answers answers.csv` writes the key: answers-key.json in the same folder."""
    path = Path(answers)
    return path.with_name(f"{path.stem}-key.json")


def read_key(path: str | Path) -> AnswerKey:
    """Read a key written by `framing exercise --answers`; a file that is not one is a one-line error."""
    path = Path(path)
    hint = "give with --key the -key.json file `framing exercise --answers` wrote beside the template"
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FramingError(f"{path}: no such answer key; {hint}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FramingError(f"{path}: not a readable answer key ({type(exc).__name__}); {hint}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise FramingError(f'{path}: not a framing answer key (no "format": "{FORMAT}"); {hint}')
    if document.get("version") != VERSION:
        raise FramingError(
            f"{path}: answer key version {document.get('version')!r}, this framing reads "
            f"version {VERSION}; write the key again with this version of framing"
        )
    try:
        items = tuple(_item(entry) for entry in document["items"])
        return AnswerKey(
            corpus=str(document["corpus"]),
            seed=int(document["seed"]),
            letters=tuple(str(x) for x in document["letters"]),
            items=items,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise FramingError(f"{path}: answer key entry is damaged ({type(exc).__name__}: {exc}); {hint}") from None


def _item(entry: Any) -> Item:
    item = Item(
        id=str(entry["id"]),
        task=str(entry["task"]),
        prompt=str(entry["prompt"]),
        choices=tuple(str(c) for c in entry["choices"]),
        tool=str(entry["tool"]),
        evidence=str(entry["evidence"]),
    )
    if item.task not in TASK or item.tool not in item.choices:
        raise ValueError(f"item {item.id!r} has an unknown task or a tool answer outside its choices")
    return item


def student_labels(count: int) -> list[str]:
    """Placeholder student labels for the template ("student 01" ...); the teacher may type names instead."""
    width = max(2, len(str(count)))
    return [f"student {number:0{width}d}" for number in range(1, count + 1)]


def choices_text(item: Item) -> str:
    """The allowed answers as the template shows them (never starting with "-", which a spreadsheet reads as
    a formula)."""
    if item.task == "stance":
        return f"from -2 to 2, or {NOT_MENTIONED}"
    return " / ".join(item.choices)


def template_frame(key: AnswerKey, students: int = DEFAULT_STUDENTS) -> pd.DataFrame:
    """One row per student and item, `answer` empty, in the worksheet's order of items within each student."""
    import pandas as pd

    rows = [
        (student, item.id, TASK[item.task].title, item.prompt, choices_text(item), "")
        for student in student_labels(students)
        for item in key.items
    ]
    return pd.DataFrame(rows, columns=list(TEMPLATE_COLUMNS))
