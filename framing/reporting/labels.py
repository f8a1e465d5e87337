"""Plain-language names for lexicon categories, cue classes and contrasts.

A teacher should read "Russian threat", not `russian_threat`. A category's
own `label` (when its lexicon file gives one) wins; otherwise the name is
turned into words: underscores and hyphens become spaces, "and" joins kept,
and known abbreviations keep their capitals. The same function labels every
table, legend chip and finding, so one category reads the same everywhere.
"""
from __future__ import annotations

import re

CAPITALS = {"us": "US", "uk": "UK", "eu": "EU", "nato": "NATO", "un": "UN", "russian": "Russian", "russia": "Russia"}
"""Words that keep their capitals when a snake_case name is turned into words."""

_SPLIT = re.compile(r"[_\-\s]+")


def label(name: str, given: str | None = None) -> str:
    """The display name of a category: `given` if set, else `name` in plain words ("cost_burden" -> "cost burden")."""
    if given:
        return str(given)
    words = [w for w in _SPLIT.split(str(name)) if w]
    return " ".join(CAPITALS.get(w.lower(), w) for w in words) or str(name)
