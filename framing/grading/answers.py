"""Reading a class's answers from the CSV template, refusing a bad file with one line that names the row.

Why so strict: a typo (an item id that is not on the worksheet, a stance of
3, a student typed in twice) would silently change the class's agreement.
The whole file is checked before anything is computed, and the first problem
is reported with its spreadsheet row (the header is row 1). A blank answer is
allowed: it means the student gave none, and statistics leave it out.

Answers are read the way teachers type them: `+1` and `1.0` are 1, `yes`,
`y` and `x` are 1 for a tick, letters in any case, `A-C`, `AC` or `c a` for
the pair of task 4, and a spreadsheet's leading apostrophe is dropped.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from framing.errors import FramingError
from framing.grading.items import NOT_MENTIONED, SAME, pair_name

if TYPE_CHECKING:
    from framing.grading.items import Item
    from framing.grading.key import AnswerKey

REQUIRED = ("student", "item", "answer")
TICKED = {"1", "yes", "y", "x", "✓", "true"}
UNTICKED = {"0", "no", "n", "false", "-"}
HINT = "use the template `framing exercise --answers` wrote"


@dataclass(frozen=True)
class Answers:
    """A class's valid answers: (student, item id) -> the answer as the key writes it."""

    path: str
    students: tuple[str, ...]  # in the order they first appear
    values: dict  # (student, item id) -> answer

    def __post_init__(self) -> None:
        by_item: dict[str, dict[str, str]] = {}
        for (student, item), value in self.values.items():
            by_item.setdefault(item, {})[student] = value
        object.__setattr__(self, "by_item", by_item)

    def for_item(self, item_id: str) -> dict[str, str]:
        """student -> answer for one item (students without an answer left out)."""
        return self.by_item.get(item_id, {})  # type: ignore[attr-defined]  # set in __post_init__


def _show(value: str, limit: int = 40) -> str:
    """A user's cell for an error message: quoted, escapes visible (one line), cut if long."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def read_answers(path: str | Path, key: AnswerKey) -> Answers:
    """Read and check a filled-in template against `key`; the first problem is a FramingError naming its row."""
    rows = _rows(Path(path))
    header = [name.strip().lower() for name in rows[0]] if rows else []
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise FramingError(
            f"{path} row 1: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
            f"the header needs {', '.join(REQUIRED)} ({HINT})"
        )
    where = {name: header.index(name) for name in REQUIRED}
    values: dict[tuple[str, str], str] = {}
    first_row: dict[tuple[str, str], int] = {}
    students: dict[str, None] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line between students
        cells = {name: (row[index] if index < len(row) else "") for name, index in where.items()}
        student, item_id = cells["student"].strip(), cells["item"].strip().upper()
        if not student:
            raise FramingError(f"{path} row {number}: no student; type a name or number in the student column")
        item = key.item(item_id)
        if item is None:
            raise FramingError(
                f"{path} row {number}: unknown item {_show(cells['item'])}; the worksheet's items "
                f"are {key.items[0].id} to {key.items[-1].id} ({HINT} with this key)"
            )
        if (student, item_id) in first_row:
            raise FramingError(
                f"{path} row {number}: {_show(student)} answers item {item_id} twice (first in row "
                f"{first_row[(student, item_id)]}); keep one of the two rows"
            )
        first_row[(student, item_id)] = number
        students.setdefault(student)
        answer = _answer(cells["answer"], item)
        if answer is None:
            raise FramingError(
                f"{path} row {number}: item {item_id} answer {_show(cells['answer'])} is not one of "
                f"{_allowed(item)}; correct it or leave it blank for no answer"
            )
        if answer:
            values[(student, item_id)] = answer
    if not values:
        raise FramingError(f"{path}: no answers typed in yet; fill in the answer column ({HINT})")
    return Answers(path=str(path), students=tuple(students), values=values)


def _rows(path: Path) -> list[list[str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except FileNotFoundError:
        raise FramingError(f"{path}: no such answers file; {HINT}") from None
    except UnicodeDecodeError:
        raise FramingError(f'{path}: not UTF-8 text; save it from the spreadsheet as "CSV UTF-8"') from None
    except (OSError, csv.Error) as exc:
        raise FramingError(f"{path}: cannot be read as CSV ({exc}); {HINT}") from None
    if not rows:
        raise FramingError(f"{path}: the file is empty; {HINT}")
    return rows


def _allowed(item: Item) -> str:
    if item.task == "stance":
        return f"-2, -1, 0, 1, 2 or {NOT_MENTIONED}"
    if item.choices == ("1", "0"):
        return "1 (yes) or 0 (no)"
    if item.id == "A1":
        return "two different source letters such as " + item.choices[0]
    return ", ".join(item.choices)


def _answer(cell: str, item: Item) -> str | None:
    """The answer as the key writes it, "" for a blank cell, None when it is not an allowed answer."""
    text = cell.strip()
    if text.startswith("'"):
        text = text[1:].strip()  # a spreadsheet's "this is text" mark
    if not text:
        return ""
    if item.task == "stance":
        answer = _rating(text)
    elif item.choices == ("1", "0"):
        lower = text.lower()
        answer = "1" if lower in TICKED or lower == "1.0" else "0" if lower in UNTICKED or lower == "0.0" else text
    elif item.id == "A1":
        answer = _pair(text)
    elif text.lower() in (SAME, "="):
        answer = SAME
    else:
        answer = text.upper()
    return answer if answer in item.choices else None


def _rating(text: str) -> str:
    lower = text.lower().replace("−", "-").replace(" ", "")
    if lower in (NOT_MENTIONED, "notmentioned", "none"):
        return NOT_MENTIONED
    try:
        value = float(lower)
    except ValueError:
        return text
    return str(int(value)) if value.is_integer() else text


def _pair(text: str) -> str:
    letters = [part for part in re.split(r"[^A-Za-z]+", text.upper()) if part and part != "AND"]
    if len(letters) == 1 and len(letters[0]) == 2:
        letters = list(letters[0])
    if len(letters) == 2 and all(len(x) == 1 for x in letters) and letters[0] != letters[1]:
        return pair_name(letters[0], letters[1])
    return text
