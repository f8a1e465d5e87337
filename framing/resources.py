"""Package data, found one way: `importlib.resources`, so it works from a wheel or a checkout.

Every data file framing ships (lexicons, rule tables, fitted weights, templates,
bundled corpora) lives in a `data/` or `templates/` folder beside the code that
reads it, and is reached through `data_path(package, name)`.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def data_path(package: str, name: str = "") -> Path:
    """The path of `name` inside the installed package `package` (its folder when `name` is empty)."""
    root = files(package)
    return Path(str(root.joinpath(name) if name else root))


def read_data_text(package: str, name: str) -> str:
    """The UTF-8 text of a packaged data file."""
    return data_path(package, name).read_text(encoding="utf-8")
