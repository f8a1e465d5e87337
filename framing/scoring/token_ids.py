"""One index of distinct whitespace tokens for VADER's and TextBlob's caches, bounded, looked up once a batch.

Both analyzers start from the same `str.split()` tokens of a batch and cache
facts per distinct token. Looking each distinct string up in a dict was, after
the facts themselves, their largest cost, and it was done twice. Here one
`RawIndex` gives every distinct token an id; each analyzer keeps its facts in
arrays indexed by that id and computes them, in one vectorised batch, for the
ids it has not seen (`RawIndex.tokens[known:]`). The index restarts (a new
`generation`) once it holds more than `LIMIT` tokens, so a worker that reads
a million articles keeps a bounded cache; the analyzers see the new
generation and start their arrays again too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from itertools import repeat

import numpy as np

# Distinct tokens the index holds before it starts again: about 100 articles bring 15,000,
# and each costs a few hundred bytes across the index and both analyzers' facts.
LIMIT = 100_000


def lookup_ids(index: dict[str, int], keys: list[str], add: Callable[[list[str]], None]) -> np.ndarray:
    """`index[k]` for every key; unseen keys (deduplicated, first-seen order) go to `add`, which must index them."""
    found = np.fromiter(map(index.get, keys, repeat(-1)), dtype=np.intp, count=len(keys))
    missing = np.flatnonzero(found < 0).tolist()
    if missing:
        absent = [keys[k] for k in missing]
        add(list(dict.fromkeys(absent)))
        found[missing] = np.fromiter(map(index.__getitem__, absent), dtype=np.intp, count=len(absent))
    return found


class RawIndex:
    """Distinct token -> id (0, 1, ... in first-seen order), restarted past `limit` tokens."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self.generation = 0
        self._start()

    def _start(self) -> None:
        self.index: dict[str, int] = {}
        self.tokens: list[str] = []
        self._last: tuple[list[str] | None, np.ndarray] = (None, np.zeros(0, np.intp))

    def ids(self, keys: list[str]) -> np.ndarray:
        """Ids of `keys` (distinct strings); the same list asked again (by the other analyzer) is not looked up again."""
        if self._last[0] is keys:
            return self._last[1]
        if len(self.index) > self.limit:
            self._start()
            self.generation += 1
        found = lookup_ids(self.index, keys, self._add)
        found.flags.writeable = False  # shared by both analyzers
        self._last = (keys, found)
        return found

    def _add(self, new: list[str]) -> None:
        self.index.update(zip(new, range(len(self.tokens), len(self.tokens) + len(new))))
        self.tokens.extend(new)


@functools.lru_cache(maxsize=1)
def shared_index() -> RawIndex:
    """The process' one index, used by both analyzers' caches."""
    return RawIndex()
