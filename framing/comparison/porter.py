"""NLTK's Porter stemmer, loaded from NLTK's own file without importing the `nltk` package.

Why: `import nltk.stem.porter` runs `nltk/__init__`, which imports all of
NLTK and, through `nltk.classify.scikitlearn`, scikit-learn and scipy.stats:
about 3 s of a report's cold start, for one class of 700 lines that needs
none of it. The installed `nltk/stem/porter.py` is found through the import
system's spec (which does not run the package), its three `nltk` imports
are dropped (the base class is an empty interface; the other two serve only
its `demo()`), and the rest runs as written, so the stems are NLTK's own
(`tests/comparison/test_porter.py` checks them against `nltk`).
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path
from typing import Any

from framing.errors import FramingError
from framing.installed import installed_file


def _porter_file() -> Path:
    path = installed_file("nltk", "stem", "porter.py")
    if path is None:
        raise FramingError("nltk is not installed: its Porter stemmer is needed to align same facts")
    return path


def _without_nltk_imports(tree: ast.Module) -> ast.Module:
    """The module with its `from nltk... import ...` statements replaced by `StemmerI = object`."""
    body: list[ast.stmt] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "nltk":
            if any(alias.name == "StemmerI" for alias in node.names):
                body.append(ast.parse("StemmerI = object").body[0])
            continue
        body.append(node)
    tree.body = body
    return ast.fix_missing_locations(tree)


@functools.lru_cache(maxsize=1)
def porter_stemmer_class() -> Any:
    """`nltk.stem.porter.PorterStemmer`, the same code, from a private namespace."""
    path = _porter_file()
    tree = _without_nltk_imports(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    namespace: dict[str, Any] = {"__name__": "framing.comparison._nltk_porter", "__file__": str(path)}
    exec(compile(tree, str(path), "exec"), namespace)  # noqa: S102  (the installed nltk's own file)
    if "PorterStemmer" not in namespace:
        raise FramingError(f"{path} no longer defines PorterStemmer; install an nltk release that does")
    return namespace["PorterStemmer"]
