"""A worksheet's task items: what students answer, one id each, with the tool's answer and its evidence.

Why items: to compare a class with the tool, every answer a student gives must
be one value for one question. The stance grid gives one item per source and
actor, the loaded-words passage one per candidate word (the tool's marked words
mixed, in reading order, with as many plain content words, so that "the tool
marked every item" is not the answer), the same-fact task one per pair of
wordings, the "most alike" task its pair and its odd one out, the omission grid
one per fact and source. Ids are short and derived only from the worksheet's
own numbering (`S2-C` is actor 2, Source C), so the same worksheet always gets
the same ids and the teacher can find each one on the printed page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from framing.worksheets.blind import Segment
    from framing.worksheets.model import Hit, WorksheetData


NOT_MENTIONED = "n"


@dataclass(frozen=True)
class Task:
    """One worksheet task as graded: its name, title, the metric its answers need and discussion prompts.

    `prompt` is the question for an item where the class and the tool part ways; `more` and `less`, when
    given, replace it when the class says yes (or rates higher) where the tool says no (or lower), and the
    other way round, because the two call for different checks.
    """

    name: str
    number: int
    title: str
    metric: str  # "nominal" or "ordinal"
    prompt: str
    more: str = ""
    less: str = ""

    def discussion(self, majority: str, tool: str) -> str:
        """The prompt for an item whose class majority is `majority` and tool answer `tool`."""
        if majority == tool or NOT_MENTIONED in (majority, tool) or not (self.more and self.less):
            return self.prompt
        try:
            higher = float(majority) > float(tool)
        except ValueError:
            return self.prompt
        return self.more if higher else self.less


TASKS = (
    Task(
        "loaded",
        1,
        "Loaded words",
        "nominal",
        "Read the sentence aloud with and without this word. Does it push the reader toward a view, "
        "or would any reporter write it?",
        more="The class heard a judgement in a word the tool's lists do not hold. What does it do here, and "
        "would it be loaded in every article, or only in this sentence?",
        less="The tool's lexicon lists this word (see its class). Read the sentence with a plainer word: "
        "does the meaning change, or is this the ordinary word for the thing?",
    ),
    Task(
        "fact",
        2,
        "Same fact, different words",
        "nominal",
        "Put the two versions side by side: which words differ, and what does each make a reader notice?",
    ),
    Task(
        "stance",
        3,
        "Stance",
        "ordinal",
        "Which words around the actor did you go by? The tool counts the words near each mention, quotes "
        "included: is a quoted critic the source's own view?",
        more="The class saw the actor more favourably than the tool. Which words did you go by? The tool "
        "counts the words near each mention, quotes included: is a quoted critic the source's own view?",
        less="The class saw the actor less favourably than the tool. What did the source do that a word "
        "count misses: what it chose to report, who it quoted, what came first?",
    ),
    Task(
        "alike",
        4,
        "Most alike",
        "nominal",
        "The tool compares shared words; you compared the story. Can two sources share words and still "
        "frame the story differently?",
    ),
    Task(
        "omission",
        5,
        "Left out",
        "nominal",
        "Find the sentence, or its absence, in the article. Did the tool miss a fact told in other words, "
        "or did the class?",
        more="The class found this fact where the tool aligned no sentence. Read the sentence out: is it the "
        "same fact in other words (which the tool can miss), or a related one?",
        less="The tool aligned a sentence of this source with the fact; the class did not see it. Find it: "
        "is it really the same fact, or only shares its words?",
    ),
)
TASK = {task.name: task for task in TASKS}
STANCE_CHOICES = ("-2", "-1", "0", "1", "2", NOT_MENTIONED)
YES_NO = ("1", "0")
SAME = "same"
MIN_DECOYS = 3
QUOTES = "\"'“”‘’«»"
SHORTEST_DECOY = 4


@dataclass(frozen=True)
class Item:
    """One question of one task: its id, what it asks, the answers allowed and the tool's own answer."""

    id: str
    task: str
    prompt: str
    choices: tuple[str, ...]
    tool: str
    evidence: str  # why the tool answers so, in words a class can check against the page
    anchor: tuple[Any, ...] = field(default=(), compare=False)  # where the worksheet prints it; not in the key

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "task": self.task,
            "prompt": self.prompt,
            "choices": list(self.choices),
            "tool": self.tool,
            "evidence": self.evidence,
        }

    @property
    def metric(self) -> str:
        return TASK[self.task].metric


def worksheet_items(data: WorksheetData) -> tuple[Item, ...]:
    """Every gradable item of the worksheet, task by task, in the order the worksheet prints them."""
    return (*loaded_items(data), *fact_items(data), *stance_items(data), *alike_items(data), *omission_items(data))


def printed_ids(items: tuple[Item, ...]) -> dict[tuple[Any, ...], str]:
    """Item ids by where the worksheet prints them: ("loaded", word), ("fact", letter, letter),
    ("stance", letter, actor), ("alike", "pair"), ("alike", "odd") and ("omission", fact, letter)."""
    return {item.anchor: item.id for item in items if item.anchor}


def _text(parts: tuple[Segment, ...]) -> str:
    return "".join(seg.text for seg in parts)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- task 1 -----------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A word or phrase of the passage that the teacher checks: did the student underline it?"""

    start: int
    end: int
    text: str
    marked: bool
    why: str


def loaded_candidates(data: WorksheetData) -> tuple[Candidate, ...]:
    """The tool's marked words and an equal number (at least 3) of plain content words, in reading order.

    Plain words are spread evenly over the passage's unmarked content words (stop words, short words,
    capitalised words (mostly names), text hidden as "[source]" and repeats left out), so the choice depends on the passage alone.
    """
    import re

    from framing.scoring.stopwords import english_stop_words

    task = data.passage
    if task is None:
        return ()
    marked, blocked, pos = [], [], 0
    # a word two lexicons mark (e.g. "massive": a buildup frame and an evaluative word) is one segment
    # labelled by one of them: its description must be that lexicon's, not the other's
    descriptions = {(hit.text, hit.label): hit for hit in task.hits}
    for seg in task.marked:
        end = pos + len(seg.text)
        if seg.mark == "redacted":
            blocked.append((pos, end))
        elif seg.mark:
            marked.append(
                Candidate(pos, end, seg.text, True, _hit_reason(seg.note, descriptions.get((seg.text, seg.note))))
            )
            blocked.append((pos, end))
        pos = end
    text = _text(task.marked)
    stop = english_stop_words()
    seen = {word.lower() for c in marked for word in re.findall(r"[\w'’-]+", c.text)}
    plain = []
    for match in re.finditer(r"[^\W\d_][\w'’-]*[^\W_]", text):
        word = match.group()
        if (
            len(word) < SHORTEST_DECOY
            or word[0].isupper()
            or word.lower() in stop
            or word.lower() in seen
            or any(s < match.end() and match.start() < e for s, e in blocked)
        ):
            continue
        seen.add(word.lower())
        plain.append(
            Candidate(
                match.start(),
                match.end(),
                word,
                False,
                "not in the lexicons the tool used, so the tool did not mark it",
            )
        )
    wanted = min(len(plain), max(MIN_DECOYS, len(marked)))
    if wanted:
        step = len(plain) / wanted
        plain = [plain[int(i * step + step / 2)] for i in range(wanted)]
    return tuple(sorted([*marked, *plain], key=lambda c: c.start))


def _hit_reason(label: str, hit: Hit | None) -> str:
    reason = f"the tool marked it: {label}" if label else "the tool marked it"
    return reason + (f" ({hit.description})" if hit is not None and hit.description else "")


def loaded_items(data: WorksheetData) -> list[Item]:
    letter = data.passage.letter if data.passage is not None else ""
    return [
        Item(
            f"L{number}",
            "loaded",
            f"Task 1: is “{_short(c.text.strip(QUOTES), 40)}” (Source {letter}) loaded? (1 = underlined, 0 = not)",
            YES_NO,
            "1" if c.marked else "0",
            c.why,
            ("loaded", c.text),
        )
        for number, c in enumerate(loaded_candidates(data), start=1)
    ]


# -- task 2 -----------------------------------------------------------------


def fact_pairs(data: WorksheetData) -> list[tuple[str, str]]:
    """The pairs of wordings of task 2, in letter order (the worksheet prints them as F1, F2 ...)."""
    letters = [w.letter for w in data.same_fact.wordings]
    return list(combinations(letters, 2))


def fact_items(data: WorksheetData) -> list[Item]:
    wordings = {w.letter: w for w in data.same_fact.wordings}
    items = []
    for number, (first, second) in enumerate(fact_pairs(data), start=1):
        counts = {who: len(wordings[who].hits) for who in (first, second)}
        tool = SAME if counts[first] == counts[second] else max(counts, key=lambda who: counts[who])
        evidence = "; ".join(f"Source {who}: {_marked_words(wordings[who].hits)}" for who in (first, second))
        items.append(
            Item(
                f"F{number}",
                "fact",
                f"Task 2: which version uses stronger words, Source {first} or "
                f"Source {second}? ({first}, {second} or {SAME})",
                (first, second, SAME),
                tool,
                f"the tool counts the loaded and frame words it marked: {evidence}",
                ("fact", first, second),
            )
        )
    return items


def _marked_words(hits: tuple[Hit, ...]) -> str:
    if not hits:
        return "no marked word"
    words = ", ".join(f"“{hit.text}” ({hit.label})" for hit in hits)
    return f"{len(hits)} marked word{'s' if len(hits) != 1 else ''}: {words}"


# -- task 3 -----------------------------------------------------------------


def stance_items(data: WorksheetData) -> list[Item]:
    task, items = data.stance, []
    for number, target in enumerate(task.targets, start=1):
        for letter in task.letters:
            cell = task.cells[(letter, target)]
            tool = NOT_MENTIONED if cell.rating is None else str(cell.rating)
            if cell.mentions:
                sentence = _short(_text(cell.evidence), 160)
                evidence = (
                    f"score {cell.score:+.2f} ({cell.label}) over {cell.mentions} mention"
                    f"{'s' if cell.mentions != 1 else ''}" + (f"; strongest cue in: “{sentence}”" if sentence else "")
                )
            else:
                evidence = f"Source {letter} never mentions {target}"
            items.append(
                Item(
                    f"S{number}-{letter}",
                    "stance",
                    f"Task 3: how Source {letter} presents {target} (-2 to 2, {NOT_MENTIONED} = not mentioned)",
                    STANCE_CHOICES,
                    tool,
                    evidence,
                    ("stance", letter, target),
                )
            )
    return items


# -- task 4 -----------------------------------------------------------------


def pair_name(first: str, second: str) -> str:
    """A pair of sources as one answer, in letter order: "A-C"."""
    return "-".join(sorted((first, second)))


def alike_items(data: WorksheetData) -> list[Item]:
    task = data.alike
    if not task.pairs:
        return []
    pairs = [pair_name(a, b) for a, b in combinations(task.letters, 2)]
    top, runner = task.pairs[0], task.pairs[1] if len(task.pairs) > 1 else None
    most = f"similarity {top[2]:.2f} ({task.basis})" + (
        f"; next: {pair_name(runner[0], runner[1])} at {runner[2]:.2f}" if runner else ""
    )
    n = len(task.letters)
    means = {letter: (sum(task.matrix[i]) - task.matrix[i][i]) / max(n - 1, 1) for i, letter in enumerate(task.letters)}
    odd = "; ".join(f"{letter} {value:.2f}" for letter, value in sorted(means.items(), key=lambda kv: (kv[1], kv[0])))
    return [
        Item(
            "A1",
            "alike",
            "Task 4: the two sources most alike (two letters, e.g. A-C)",
            tuple(pairs),
            pair_name(top[0], top[1]),
            most,
            ("alike", "pair"),
        ),
        Item(
            "A2",
            "alike",
            "Task 4: the odd one out (one letter)",
            tuple(task.letters),
            task.odd_one_out,
            f"lowest average similarity to the others: {odd}",
            ("alike", "odd"),
        ),
    ]


# -- task 5 -----------------------------------------------------------------


def omission_items(data: WorksheetData) -> list[Item]:
    task, items = data.omission, []
    for fact in task.facts:
        wording = _short(_text(fact.wording).strip(QUOTES), 70)
        for letter in task.letters:
            reported = bool(fact.reported.get(letter))
            evidence = (
                f"the tool aligned a sentence of Source {letter} with fact {fact.number}"
                if reported
                else f"no sentence of Source {letter} was aligned with fact {fact.number} (“{wording}”)"
            )
            items.append(
                Item(
                    f"O{fact.number}-{letter}",
                    "omission",
                    f"Task 5: does Source {letter} report fact {fact.number}? (1 = ticked, 0 = not)",
                    YES_NO,
                    "1" if reported else "0",
                    evidence,
                    ("omission", fact.number, letter),
                )
            )
    return items
