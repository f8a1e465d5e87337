"""Scoring: every article turned into numbers that point at the words behind them.

`score(corpus)` runs one small scorer per family (sentiment, frames, loaded
language, sourcing, stance) and returns a `Scores` object. Each scorer is a
pure function of a DataFrame of articles (`doc_id`, `clean_text`), so the same
code runs on one chunk of articles in a worker process, or partition by
partition elsewhere. Heavy modules load on first use so that importing
`framing.scoring.stance.targets` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {"score": "framing.scoring.pipeline", "Scores": "framing.scoring.scores"}
__all__ = ["score", "Scores"]


def __getattr__(name: str) -> Any:
    """`score` and `Scores`, imported on first use so the package itself loads nothing heavy."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'framing.scoring' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
