"""The lexicon data objects (`Lexicon`, `Category`, `Entry`, `Contrast`) and the lexicon file reader.

Apart from `model` (the YAML format) so that every reader (`model`, `dic`)
builds the same objects without importing another reader: `model` dispatches
`.dic` files to `dic`, and `dic` needs only these.
"""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.errors import FramingError

if TYPE_CHECKING:
    import pandas as pd

# What a lexicon measures, which decides the scorer it feeds: `frames` -> `frame.<lexicon>.*`
# columns, `loaded-language` -> the `loaded.*` columns. A file without `family:` is a frames lexicon.
# `policy-frames` (topics such as economic or legal, Boydstun et al.) is scored as frames are, but the
# report shows it as its own heat map and the worksheet does not mark its words as judgements.
FRAMES = "frames"
LOADED_LANGUAGE = "loaded-language"
POLICY_FRAMES = "policy-frames"
FAMILIES = (FRAMES, LOADED_LANGUAGE, POLICY_FRAMES)
DEFAULT_FAMILY = FRAMES


@dataclass(frozen=True)
class Entry:
    """One term: a word, a phrase (words separated by spaces), `*` ends a prefix."""

    term: str
    weight: float = 1.0
    wildcard: bool = False
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Category:
    """A named group of entries with a description and a display colour.

    `pattern` names a built-in detector (only `scare_quotes`) for categories
    that are found by shape rather than by a word list; their `entries` are empty.
    """

    name: str
    description: str
    colour: str
    entries: tuple[Entry, ...]
    pattern: str | None = None
    weight: float = 1.0
    label: str = ""  # the name a reader sees ("Russian threat"); "" when the file gives none


@dataclass(frozen=True)
class Contrast:
    """Two categories read against each other, e.g. defensive vs buildup."""

    name: str
    positive: str
    negative: str
    description: str = ""


@dataclass(frozen=True)
class WrittenFor:
    """The corpus a topic lexicon was written for, and how densely it matches there.

    Why: a lexicon written for one story still matches a few words anywhere
    ("protect", "threat", "deal"), so an absolute floor cannot tell "another
    story" from "a thin one". Its rate on its own story can: the report warns
    when a corpus gets a small fraction of it (`framing.reporting.coverage`).
    """

    corpus: str
    hits_per_1000: float


@dataclass(frozen=True)
class Lexicon:
    """A whole lexicon file, validated, with provenance (path and sha256)."""

    name: str
    description: str
    version: str
    source: str
    licence: str
    path: Path | None
    sha256: str
    categories: dict[str, Category]
    contrasts: tuple[Contrast, ...] = ()
    citation: str = ""
    case_sensitive: bool = False
    family: str = DEFAULT_FAMILY  # one of FAMILIES: which scorer reads it (the file's `family:` key)
    written_for: WrittenFor | None = None  # the story it was written for and its hit rate there

    def __hash__(self) -> int:  # the file's content identifies a lexicon
        return hash((self.name, self.sha256))

    def entry_count(self) -> int:
        return sum(len(c.entries) for c in self.categories.values())

    def validate(self, corpus: Any, **options: Any) -> pd.DataFrame:
        """Per category on `corpus`: coverage, top-3 share, alpha, KR-20, dead and doubtful terms.

        The table of `framing.lexicons.validate.validate_lexicon` (which also
        gives the per-term table and the suggested terms); `options` go to it.
        The validator reads lexicons through the matcher, which imports this
        module, so it is loaded by name on first use, as the package facade
        loads its functions.
        """
        validator = importlib.import_module("framing.lexicons.validate")
        table: pd.DataFrame = validator.validate_lexicon(self, corpus, **options).table
        return table

    def _repr_html_(self) -> str:
        from html import escape

        rows = "".join(
            f"<tr><td><span style='color:{escape(c.colour)}'>&#9632;</span> {escape(c.name)}</td>"
            f"<td>{len(c.entries) if c.pattern is None else escape('pattern: ' + c.pattern)}</td>"
            f"<td>{escape(c.description)}</td></tr>"
            for c in self.categories.values()
        )
        return (
            f"<p><b>{escape(self.name)}</b> {escape(self.version)} &mdash; {escape(self.description)}</p>"
            f"<table><tr><th>category</th><th>entries</th><th>meaning</th></tr>{rows}</table>"
        )


def read_lexicon_file(path: Path, fallback_encoding: str | None = None) -> tuple[str, str]:
    """The text of a lexicon file and the SHA-256 of its bytes (for provenance)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FramingError(f"{path}: cannot read lexicon ({exc.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if fallback_encoding is None:
            raise FramingError(f"{path}: not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None
        text = data.decode(fallback_encoding)
    return text, hashlib.sha256(data).hexdigest()
