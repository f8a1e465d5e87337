"""The survey's verdicts on each article's lines, kept so the second pass cuts boilerplate without reading a line again.

The survey of a streamed table (`framing.corpus.stream`) classifies every
line of every article to count the repeated ones; the second pass used to
classify them all again to cut them out, which was a third of the main
process' time on AllSides. Each article has only a few candidate lines (a
pattern's verdict, or a short line that may repeat), so the survey keeps
those as int arrays: their [start, end) ranges and, for a line that is
boilerplate only if it repeats, its fingerprint. Once the corpus' repeated
lines are known, `settle` keeps only the ranges to cut, and the second pass
cuts them with `remove_ranges`, exactly as `detect_boilerplate` would.

Memory stays bounded: past `LIMIT` candidate lines (25 bytes each while the
survey runs) the verdicts are dropped and the second pass classifies the
lines again as before (`held` is then False).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

LIMIT = 4_000_000  # candidate lines held at most (about 100 MB during the survey), then the second pass reclassifies
PATTERN = 0  # the fingerprint stored for a line a pattern already calls boilerplate (its `always` flag decides)

Candidate = tuple[int, int, str, "str | None", "str | None"]  # clean._candidates: start, end, line, reason, key


class LineCuts:
    """Each article's candidate lines from the survey, then (after `settle`) the ranges to cut from each."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = LIMIT if limit is None else limit
        self.held = True  # False once more than `limit` candidate lines were met: nothing is kept
        self._parts: list[tuple[Any, ...]] = []  # per chunk: starts, ends, prints, always, lines per article
        self._size = 0
        self._starts: np.ndarray | None = None  # after settle: the ranges to cut, article after article
        self._ends: np.ndarray | None = None
        self._offsets: np.ndarray | None = None  # article i's ranges are [offsets[i], offsets[i + 1])

    def add(self, docs: Sequence[Sequence[Candidate]], prints: Sequence[Sequence[int]]) -> None:
        """The candidates of some more articles (they follow those added before) and their keys' fingerprints.

        `prints[i]` holds one fingerprint per candidate of `docs[i]` that has a key, in order.
        """
        import numpy as np

        if not self.held:
            return
        size = sum(len(lines) for lines in docs)
        self._size += size
        if self._size > self.limit:
            self.held, self._parts = False, []
            return
        starts = np.fromiter((c[0] for lines in docs for c in lines), dtype=np.int64, count=size)
        ends = np.fromiter((c[1] for lines in docs for c in lines), dtype=np.int64, count=size)
        always = np.fromiter((c[3] is not None for lines in docs for c in lines), dtype=bool, count=size)
        keyed = np.fromiter((p for found in prints for p in found), dtype=np.int64)
        fingerprints = np.full(size, PATTERN, dtype=np.int64)
        keys = np.fromiter((c[4] is not None for lines in docs for c in lines), dtype=bool, count=size)
        fingerprints[keys] = keyed
        counts = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
        self._parts.append((starts, ends, fingerprints, always, counts))

    def settle(self, repeated: AbstractSet[int]) -> None:
        """Keep only the lines to cut: those a pattern calls boilerplate and those the corpus repeats."""
        import numpy as np

        if not self.held:
            return
        starts, ends, prints, always, counts = (
            [np.concatenate(column) for column in zip(*self._parts)]
            if self._parts
            else [np.empty(0, dtype=t) for t in (np.int64, np.int64, np.int64, bool, np.int64)]
        )
        self._parts = []
        wanted = np.fromiter(repeated, dtype=np.int64, count=len(repeated))
        cut = always | np.isin(prints, wanted)
        article = np.repeat(np.arange(len(counts)), counts)[cut]
        self._starts, self._ends = starts[cut], ends[cut]
        self._offsets = np.concatenate([[0], np.cumsum(np.bincount(article, minlength=len(counts)))])

    def ranges(self, first: int, count: int) -> Iterator[list[tuple[int, int]]]:
        """The [start, end) ranges to cut from each of the `count` articles from row `first` on."""
        if self._offsets is None or self._starts is None or self._ends is None:
            raise RuntimeError("LineCuts.ranges before settle")
        bounds = self._offsets[first : first + count + 1]
        low = int(bounds[0]) if len(bounds) else 0
        starts = self._starts[low : bounds[-1] if len(bounds) else low].tolist()
        ends = self._ends[low : bounds[-1] if len(bounds) else low].tolist()
        for begin, stop in zip((bounds[:-1] - low).tolist(), (bounds[1:] - low).tolist()):
            yield list(zip(starts[begin:stop], ends[begin:stop]))

    def cleaned(self, records: pd.DataFrame, first: int) -> pd.DataFrame:
        """`records`' `doc_id`, `outlet` and `clean_text` (their cut text), as `with_clean_text` gives them."""
        from framing.corpus.clean import remove_ranges
        from framing.corpus.model import string_column

        frame = records[["doc_id", "outlet"]].reset_index(drop=True)
        cuts = self.ranges(first, len(frame))
        frame["clean_text"] = string_column(
            remove_ranges(text, ranges) if ranges else text for text, ranges in zip(records["text"], cuts)
        )
        return frame
