"""Ids of strings from a growing dict, the unseen ones added in one batch: the token caches' one lookup.

VADER's and TextBlob's token caches both map each distinct string of a batch
to an id and compute facts only for strings never seen; one `dict.get` pass
finds the known ids and the batch of new strings goes to the cache's own
(vectorised) describer at once, instead of one Python call per string.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import repeat

import numpy as np


def lookup_ids(index: dict[str, int], keys: list[str], add: Callable[[list[str]], None]) -> np.ndarray:
    """`index[k]` for every key; unseen keys (deduplicated, first-seen order) go to `add`, which must index them."""
    found = np.fromiter(map(index.get, keys, repeat(-1)), dtype=np.intp, count=len(keys))
    missing = np.flatnonzero(found < 0).tolist()
    if missing:
        absent = [keys[k] for k in missing]
        add(list(dict.fromkeys(absent)))
        found[missing] = np.fromiter(map(index.__getitem__, absent), dtype=np.intp, count=len(absent))
    return found
