"""Rendering worksheets and answer keys with Jinja2 (autoescape on, CSS inlined).

Templates live in framing/worksheets/templates (worksheet.html, worksheet_key.html and
`_ws_*.html` partials). Every string from the corpus reaches the page through
autoescaping; the only markup the program builds is in the templates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing._version import __version__
from framing.templating import environment

if TYPE_CHECKING:
    from framing.worksheets.model import WorksheetData

# The 45-minute lesson: (minutes, activity, what the teacher does). Sums to 45.
LESSON_PLAN = (
    (
        4,
        "Warm-up",
        "Ask: can the same news be told in a way that changes what you think? Hand out the worksheet; "
        "say that the sources are hidden on purpose.",
    ),
    (12, "Read", "Students read the sources (in groups, each student reads one or two closely and skims the rest)."),
    (6, "Task 1: loaded words", "Students underline; pairs compare what they underlined and why."),
    (5, "Task 2: same fact", "Read the versions aloud; list the words that differ on the board."),
    (6, "Task 3: stance", "Students tick a box per actor and source; collect a show of hands for one actor."),
    (4, "Task 4: most alike", "Groups name the two most alike sources and the odd one out, with one reason."),
    (4, "Task 5: left out", "Groups fill the grid and say what the missing fact changes for a reader."),
    (
        4,
        "Reveal and discuss",
        "Reveal the outlets from the key; compare with the tool's answers; one discussion question.",
    ),
)

DISCUSSION = (
    "Did knowing the outlet change how you judged an article? Why might hiding it help?",
    "Which single word choice changed your impression most? Would a neutral word exist?",
    "When two sources report the same fact in different words, is one of them wrong?",
    "Is leaving a fact out always bias? What else could explain it (length, audience, deadline)?",
    "Where did you disagree with the tool? Who is more likely to be right, and why?",
)

CAN_SHOW = (
    "Which words from a published word list (a lexicon) occur, how often, and exactly where.",
    "Patterns across many articles that a single reader would miss, counted the same way every time.",
    "How similar sources are in their choice of words, and which facts one source mentions and another does not.",
)

CANNOT_SHOW = (
    "Whether an article is true, fair or biased: scores are indicators to discuss, not verdicts.",
    "Irony, quotation of others' words, context and tone a word list misses; a negated or quoted word may still count.",
    "Why a source wrote what it did, or what it left out for reasons of space or audience.",
    "Anything about words that are not in its lexicons: a blind spot is not proof of neutrality.",
)

RATINGS = ((-2, "very negative"), (-1, "negative"), (0, "neutral"), (1, "positive"), (2, "very positive"))


def _context(data: WorksheetData, key: bool, embedded: bool) -> dict[str, Any]:
    from framing.grading.items import printed_ids, worksheet_items

    assert sum(minutes for minutes, _, _ in LESSON_PLAN) == 45
    items = worksheet_items(data)  # the ids `framing grade` reads, printed beside each item
    return {
        "ids": printed_ids(items),
        "graded": items,
        "ws": data,
        "key": key,
        "embedded": embedded,
        "version": __version__,
        "ratings": RATINGS,
        "plan": LESSON_PLAN,
        "discussion": DISCUSSION,
        "can_show": CAN_SHOW,
        "cannot_show": CANNOT_SHOW,
    }


def render_worksheet(data: WorksheetData, embedded: bool = False) -> str:
    """The student worksheet: blind sources and five tasks.

    `embedded`: for a notebook's `<iframe srcdoc>`, where in-page links need
    `<base href="about:srcdoc">` (else they would load the notebook's URL).
    """
    return environment().get_template("worksheet.html").render(_context(data, key=False, embedded=embedded))


def render_key(data: WorksheetData) -> str:
    """The answer key: outlets revealed, the tool's evidence, the teacher's guide."""
    return environment().get_template("worksheet_key.html").render(_context(data, key=True, embedded=False))
