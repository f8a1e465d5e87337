"""framing: see how different news outlets frame the same story.

The pipeline, one subpackage per step: `corpus` (load, clean) -> `text`
(tokenize) -> `lexicons` -> `scoring` -> `comparison` -> `reporting` and
`worksheets` (render, teach) -> `grading` (a class against the tool), with
`stats` and `plots` for the numbers and figures they share. This module is the facade: each name below loads its
module on first use, so `import framing` (and the CLI's `--help`) stays fast.

    >>> import framing
    >>> corpus = framing.load_corpus("nato-eastern-flank-2022")
    >>> scores = framing.score(corpus)
    >>> comparison = framing.compare(corpus, scores=scores)
    >>> len(comparison.outlet_similarity)
    5
"""

from __future__ import annotations

import importlib
from typing import Any

from framing._version import __version__
from framing.errors import FramingError

# public name -> the module that defines it
_LAZY = {
    "Corpus": "framing.corpus.model",
    "load_corpus": "framing.corpus.model",
    "bundled_corpora": "framing.corpus.model",
    "as_corpus": "framing.corpus.inputs",
    "sentence_spans": "framing.text.tokenize",
    "word_spans": "framing.text.tokenize",
    "normalize_token": "framing.text.tokenize",
    "Lexicon": "framing.lexicons.model",
    "load_lexicon": "framing.lexicons.model",
    "builtin_lexicons": "framing.lexicons.model",
    "sentence_sentiment": "framing.scoring.sentences",
    "score": "framing.engine.api",
    "Scores": "framing.scoring.scores",
    "target_stance": "framing.scoring.stance.model",
    "sentence_slant": "framing.scoring.slant.model",
    "load_targets": "framing.scoring.stance.targets",
    "compare": "framing.comparison.pipeline",
    "Comparison": "framing.comparison.pipeline",
    "report": "framing.reporting.document",
    "Report": "framing.reporting.document",
    "exercise": "framing.worksheets.worksheet",
    "Worksheet": "framing.worksheets.worksheet",
    "grade": "framing.grading.api",
    "ClassGrades": "framing.grading.api",
}
# subpackages reachable as attributes (framing.plots.frame_balance(...))
_SUBPACKAGES = (
    "corpus",
    "text",
    "lexicons",
    "scoring",
    "comparison",
    "stats",
    "plots",
    "reporting",
    "worksheets",
    "grading",
)

__all__ = ["__version__", "FramingError", *_LAZY, *_SUBPACKAGES]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in _SUBPACKAGES:
        return importlib.import_module(f"framing.{name}")
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
