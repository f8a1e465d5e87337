"""Plain-language names for lexicon categories, cue classes and contrasts.

A teacher should read "Russian threat", not `russian_threat`. A category's
own `label` (when its lexicon file gives one) wins; otherwise the name is
turned into words: underscores and hyphens become spaces, "and" joins kept,
and known abbreviations keep their capitals. The same function labels every
table, legend chip and finding, so one category reads the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

CAPITALS = {"us": "US", "uk": "UK", "eu": "EU", "nato": "NATO", "un": "UN", "russian": "Russian", "russia": "Russia"}
"""Words that keep their capitals when a snake_case name is turned into words."""

_SPLIT = re.compile(r"[_\-\s]+")


def label(name: str, given: str | None = None) -> str:
    """The display name of a category: `given` if set, else `name` in plain words ("cost_burden" -> "cost burden")."""
    if given:
        return str(given)
    words = [w for w in _SPLIT.split(str(name)) if w]
    return " ".join(CAPITALS.get(w.lower(), w) for w in words) or str(name)


def category_labels(lexicons: Iterable[Any]) -> dict[str, str]:
    """Category name -> display name for every category of `lexicons` (the first lexicon naming it wins)."""
    out: dict[str, str] = {}
    for lexicon in lexicons or ():
        for name, category in getattr(lexicon, "categories", {}).items():
            out.setdefault(str(name), label(name, getattr(category, "label", "") or None))
    return out


def labeller(lexicons: Iterable[Any]) -> Callable[[str], str]:
    """A function name -> display name that knows the labels of `lexicons` (plain words for any other name)."""
    known = category_labels(lexicons)
    return lambda name: known.get(str(name)) or label(name)
