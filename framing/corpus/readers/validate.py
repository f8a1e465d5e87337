"""Checks every source must pass, with errors that point at the file or row."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from framing.errors import FramingError

if TYPE_CHECKING:
    import numpy as np

# The longest article framing scores, in characters. Cost is linear in the
# text, but one article is one unit of work: past this, a single text holds a
# worker for minutes and several GB, and it is almost always a whole archive
# or book pasted into one cell. Split it into its articles instead.
MAX_ARTICLE_CHARS = 50_000_000


def _places(locate: Callable[[int], str], positions: np.ndarray, limit: int = 3) -> str:
    shown = ", ".join(locate(int(i)) for i in positions[:limit])
    more = len(positions) - limit
    return shown + (f" (and {more} more)" if more > 0 else "")


def validate_frame(frame: Any, locate: Callable[[int], str], source: object) -> None:
    """Raise FramingError for an empty corpus, missing outlets, empty texts or duplicate ids."""
    checks = FrameChecks()
    checks.add(frame)
    checks.raise_first(locate, source)


class FrameChecks:
    """`validate_frame` over a table read in chunks: the rows of each problem gathered, the first raised at the end.

    The problems are reported in a fixed order (outlet, text, length, id,
    duplicate id), each with the rows of the whole table, so reading in chunks
    gives the same one-line error as reading the table whole.
    """

    CHECKS = ("no_outlet", "no_text", "too_long", "no_id")

    def __init__(self) -> None:
        self.rows = 0
        self.found: dict[str, list[Any]] = {name: [] for name in self.CHECKS}
        self.first_size = 0  # characters of the first article that is too long
        self._ids: list[Any] = []

    def add(self, frame: Any, ids: bool = True) -> None:
        """Check one chunk (its rows follow the ones added before); `ids=False`: ids cannot repeat (row numbers)."""
        import numpy as np

        masks = {
            "no_outlet": (frame["outlet"].str.strip() == "").to_numpy(),
            "no_text": (frame["text"].str.strip() == "").to_numpy(),
            "too_long": (frame["text"].str.len() > MAX_ARTICLE_CHARS).to_numpy(),
            "no_id": (frame["doc_id"] == "").to_numpy(),
        }
        for name, mask in masks.items():
            positions = np.flatnonzero(mask)
            if len(positions):
                if name == "too_long" and not self.found[name]:
                    self.first_size = len(frame["text"].iloc[int(positions[0])])
                self.found[name].append(positions + self.rows)
        if ids:
            self._ids.append(frame["doc_id"].to_numpy(dtype=object))
        self.rows += len(frame)

    def raise_first(self, locate: Callable[[int], str], source: object) -> None:
        """FramingError for the first problem found, naming every row it is in (at most three shown)."""
        import numpy as np

        if self.rows == 0:
            raise FramingError(
                f"{source}: no articles found; add article files (.md/.txt with front matter, "
                "or .html pages) or rows to the table"
            )
        found = {name: np.concatenate(parts) for name, parts in self.found.items() if parts}
        if "no_outlet" in found:
            raise FramingError(
                f"{_places(locate, found['no_outlet'])}: no outlet; fill in the outlet "
                "(or name the right column with --outlet-column)"
            )
        if "no_text" in found:
            raise FramingError(
                f"{_places(locate, found['no_text'])}: the article text is empty; fill it in or remove the article"
            )
        if "too_long" in found:
            raise FramingError(
                f"{_places(locate, found['too_long'])}: the article is {self.first_size / 1e6:.1f} "
                f"million characters, more than the {MAX_ARTICLE_CHARS // 1_000_000} million framing "
                "scores in one article; split it into its articles (one row or file each)"
            )
        if "no_id" in found:
            raise FramingError(f"{_places(locate, found['no_id'])}: the id is empty; give every article an id")
        self._raise_duplicate(locate)

    def _raise_duplicate(self, locate: Callable[[int], str]) -> None:
        import numpy as np
        import pandas as pd

        if not self._ids:
            return
        ids = pd.Series(np.concatenate(self._ids), dtype=object)
        duplicated = ids.duplicated(keep=False).to_numpy()
        if duplicated.any():
            first = ids[duplicated].iloc[0]
            where = np.flatnonzero((ids == first).to_numpy())
            raise FramingError(
                f"{_places(locate, where)}: duplicate id {first!r}; "
                "ids must be unique (rename a file or fix the id column)"
            )
