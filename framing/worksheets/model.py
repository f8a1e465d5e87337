"""The plain data a worksheet is rendered from (compute -> this -> Jinja2).

Everything here is already blinded where the student sees it; the answer key
reads the `outlet`, `author` and `url` fields. Plain frozen dataclasses keep
the render step dumb and make the structure easy to test on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from framing.worksheets.blind import Segment

Segments = tuple[Segment, ...]


@dataclass(frozen=True)
class Source:
    """One blinded article: what students read, and (for the key) who wrote it."""

    letter: str
    doc_id: str
    outlet: str
    author: str
    url: str
    date: str
    title: Segments
    paragraphs: tuple[Segments, ...]
    words: int
    words_hidden: int = 0


@dataclass(frozen=True)
class Hit:
    """A word the tool marked, with its class, for the key's evidence tables."""

    text: str
    family: str
    label: str
    description: str = ""
    negated: bool = False


@dataclass(frozen=True)
class PassageTask:
    """Task 1: underline the loaded words in a passage."""

    letter: str
    paragraph: int
    plain: Segments
    marked: Segments
    hits: tuple[Hit, ...]


@dataclass(frozen=True)
class Wording:
    """One source's sentence for a fact: plain for students, marked for the key."""

    letter: str
    plain: Segments
    marked: Segments
    hits: tuple[Hit, ...]


@dataclass(frozen=True)
class SameFactTask:
    """Task 2: the same fact in two or three sources' words."""

    fact: str
    wordings: tuple[Wording, ...]
    note: str = ""


@dataclass(frozen=True)
class StanceCell:
    """The tool's answer for one source and one actor."""

    rating: int | None  # -2..+2, None when the source never mentions the actor
    score: float
    mentions: int
    label: str
    evidence: Segments = ()


@dataclass(frozen=True)
class StanceTask:
    """Task 3: rate each source's stance toward each actor."""

    targets: tuple[str, ...]
    letters: tuple[str, ...]
    cells: dict = field(default_factory=dict)  # (letter, target) -> StanceCell


@dataclass(frozen=True)
class AlikeTask:
    """Task 4: which sources are most alike; the key ranks every pair."""

    letters: tuple[str, ...]
    matrix: tuple[tuple[float, ...], ...]
    pairs: tuple[tuple[str, str, float], ...]  # most alike first
    odd_one_out: str
    basis: str


@dataclass(frozen=True)
class OmittedFact:
    """One fact row of task 5: a sentence that states it, and who reports it."""

    number: int
    wording: Segments
    worded_by: str
    reported: dict  # letter -> bool


@dataclass(frozen=True)
class OmissionTask:
    """Task 5: spot what one source leaves out."""

    letters: tuple[str, ...]
    facts: tuple[OmittedFact, ...]
    answer: str  # the key's one-sentence answer
    note: str = ""


@dataclass(frozen=True)
class WorksheetData:
    """Everything both pages show: sources, the five tasks, and provenance."""

    topic: str  # the story's key words, as the tool labels it ("" if unknown)
    corpus: str
    seed: int
    sources: tuple[Source, ...]
    passage: PassageTask | None
    same_fact: SameFactTask
    stance: StanceTask
    alike: AlikeTask
    omission: OmissionTask
    lexicons: tuple[str, ...] = ()
    selection: str = ""

    @property
    def letters(self) -> tuple[str, ...]:
        return tuple(source.letter for source in self.sources)
