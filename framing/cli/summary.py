"""The closing line every scoring command prints: which lexicons and targets the numbers come from."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def lexicons_line(lexicons: Iterable[Any], targets: Any) -> str:
    """`lexicons: a, b; targets: X, Y` (or `; no targets`), as the local and dask engines both report it."""
    named = "; targets: " + ", ".join(targets.names) if targets is not None else "; no targets"
    return "lexicons: " + ", ".join(lexicon.name for lexicon in lexicons) + named
