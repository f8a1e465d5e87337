"""framing: see how different news outlets frame the same story.

The public API is imported lazily so that `import framing` (and the CLI's
`--help`) stays fast; each name loads its module on first use.

    >>> import framing
    >>> corpus = framing.load_corpus("nato-eastern-flank-2022")
    >>> scores = framing.score(corpus)
    >>> comparison = framing.compare(corpus, scores=scores)
    >>> framing.report(corpus).save("report.html")
"""
from __future__ import annotations

import importlib
import sys
import types

from framing._version import __version__
from framing.errors import FramingError

_LAZY = {
    "Corpus": "framing.corpus",
    "load_corpus": "framing.corpus",
    "bundled_corpora": "framing.corpus",
    "sentence_spans": "framing.tokenize",
    "word_spans": "framing.tokenize",
    "normalize_token": "framing.tokenize",
    "Lexicon": "framing.lexicon",
    "load_lexicon": "framing.lexicon",
    "builtin_lexicons": "framing.lexicon",
    "score": "framing.scoring",
    "Scores": "framing.scoring",
    "target_stance": "framing.scoring.stance",
    "load_targets": "framing.scoring.targets",
    "compare": "framing.compare",
    "Comparison": "framing.compare",
    "report": "framing.report",
    "Report": "framing.report",
    "exercise": "framing.exercise",
    "plots": None,
}

__all__ = ["__version__", "FramingError", *_LAZY]


def __getattr__(name):
    if name not in _LAZY:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    module_name = _LAZY[name]
    if module_name is None:
        return importlib.import_module(f"framing.{name}")
    return getattr(importlib.import_module(module_name), name)


def __dir__():
    return sorted(__all__)


class _CallableModule(types.ModuleType):
    """A submodule named like its main function (framing.compare, .report, .exercise).

    Importing `framing.compare` binds the module as `framing.compare`, which
    would shadow the lazily loaded function of the same name; calling such a
    module calls the function, so `framing.compare(corpus)` works in any
    import order and `framing.compare.compare` still does too.
    """

    def __call__(self, *args, **kwargs):
        return getattr(self, self.__name__.rpartition(".")[2])(*args, **kwargs)


class _Package(types.ModuleType):
    def __setattr__(self, name, value):
        if isinstance(value, types.ModuleType) and _LAZY.get(name) == value.__name__ == f"framing.{name}":
            value.__class__ = _CallableModule
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
