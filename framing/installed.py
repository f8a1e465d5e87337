"""A file inside an installed package, found without importing the package.

Importing scikit-learn or nltk runs their `__init__` (scipy.stats, all of
nltk: seconds of start-up); framing needs one data or code file from each.
The import system's spec says where a package lives without running it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def installed_file(package: str, *parts: str) -> Path | None:
    """`<package folder>/<parts...>` of the installed `package`, or None when the package or the file is absent."""
    spec = importlib.util.find_spec(package)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder).joinpath(*parts)
        if path.is_file():
            return path
    return None
