"""scikit-learn's English stop words, read from its source file without importing scikit-learn.

Importing `sklearn.feature_extraction.text` costs about a second and pulls in
scipy.stats; `framing score` needs only the word list. The list is a literal
in `sklearn/feature_extraction/_stop_words.py`, found through the import
system's spec (which does not run the package) and read with `ast`, so it is
always the installed scikit-learn's own list.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

from framing.errors import FramingError
from framing.installed import installed_file


def _stop_words_file() -> Path:
    path = installed_file("sklearn", "feature_extraction", "_stop_words.py")
    if path is None:
        raise FramingError("scikit-learn is not installed: its English stop word list is needed")
    return path


@functools.lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """`sklearn.feature_extraction.text.ENGLISH_STOP_WORDS`, the same words."""
    tree = ast.parse(_stop_words_file().read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "ENGLISH_STOP_WORDS" for t in node.targets):
            call = node.value
            if isinstance(call, ast.Call) and call.args:
                return frozenset(ast.literal_eval(call.args[0]))
    raise FramingError("scikit-learn's _stop_words.py no longer defines ENGLISH_STOP_WORDS as a list")
