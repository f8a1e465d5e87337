"""`tree_reduce` combines consecutive partitions left to right, whatever their number."""

from __future__ import annotations

import pytest

from framing.engine.reduce import tree_reduce


def joined(parts):
    return [x for part in parts for x in part]


@pytest.mark.parametrize("n", [1, 2, 4, 5, 17])
def test_the_order_of_the_partitions_is_kept(dask_client, n):
    futures = [dask_client.submit(lambda i: [i], i) for i in range(n)]
    assert tree_reduce(dask_client, futures, joined).result() == list(range(n))


def test_nothing_to_reduce_is_an_error(dask_client):
    with pytest.raises(ValueError, match="at least one"):
        tree_reduce(dask_client, [], joined)
