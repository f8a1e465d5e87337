"""A tree reduction of futures on the cluster: partial results combined a few at a time, in partition order.

The order matters for what is not commutative (the first place of a
bigram is a minimum, so it is not; a float sum is, to the last bit, not): groups are
always consecutive partitions, combined left to right.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ARITY = 4


def tree_reduce(client: Any, futures: list[Any], combine: Callable[[list[Any]], Any], arity: int = ARITY) -> Any:
    """The future of `combine` applied over `futures` (a list of partial results) in groups of `arity`."""
    level = list(futures)
    if not level:
        raise ValueError("tree_reduce needs at least one future")
    while len(level) > 1:
        level = [
            client.submit(combine, level[start : start + arity], pure=False) for start in range(0, len(level), arity)
        ]
    if level[0] is futures[0]:  # one partition: still run combine once, so the result has its final form
        return client.submit(combine, [level[0]], pure=False)
    return level[0]
