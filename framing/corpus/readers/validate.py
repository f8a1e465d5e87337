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
    import numpy as np

    if len(frame) == 0:
        raise FramingError(f"{source}: no articles found; add article files (.md/.txt with front matter, "
                           "or .html pages) or rows to the table")
    no_outlet = np.flatnonzero((frame["outlet"].str.strip() == "").to_numpy())
    if len(no_outlet):
        raise FramingError(f"{_places(locate, no_outlet)}: no outlet; fill in the outlet "
                           "(or name the right column with --outlet-column)")
    no_text = np.flatnonzero((frame["text"].str.strip() == "").to_numpy())
    if len(no_text):
        raise FramingError(f"{_places(locate, no_text)}: the article text is empty; "
                           "fill it in or remove the article")
    too_long = np.flatnonzero((frame["text"].str.len() > MAX_ARTICLE_CHARS).to_numpy())
    if len(too_long):
        size = len(frame["text"].iloc[int(too_long[0])])
        raise FramingError(f"{_places(locate, too_long)}: the article is {size / 1e6:.1f} million characters, "
                           f"more than the {MAX_ARTICLE_CHARS // 1_000_000} million framing scores in one article; "
                           "split it into its articles (one row or file each)")
    no_id = np.flatnonzero((frame["doc_id"] == "").to_numpy())
    if len(no_id):
        raise FramingError(f"{_places(locate, no_id)}: the id is empty; give every article an id")
    duplicated = frame["doc_id"].duplicated(keep=False).to_numpy()
    if duplicated.any():
        first = frame["doc_id"][duplicated].iloc[0]
        where = np.flatnonzero((frame["doc_id"] == first).to_numpy())
        raise FramingError(f"{_places(locate, where)}: duplicate id {first!r}; "
                           "ids must be unique (rename a file or fix the id column)")
