"""`group_stories`, the article pairs and the per-story outlet similarity of the TF-IDF rows held by the partitions.

The tasks are in `compare_stories` (why each split gives the local result).
The driver holds what joins them: the candidate edges (i, j, cosine: at most
k per article), the components, one key per article and the per-story
results (label candidates, article pairs, outlet cosines). With `n_stories`
(an exact linkage tree over at most `stories.MAX_EXACT` articles, a dense
n x n matrix by definition) the local function runs in one task instead.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from framing.engine import compare_stories as tasks


class Stories(NamedTuple):
    """What `stories_of` returns: the stories, their labels, the article pairs, the story-scope outlet similarity."""

    story_of: pd.Series
    labels: pd.DataFrame
    pairs: pd.DataFrame
    outlets: pd.DataFrame | None


def stories_on_cluster(
    client: Any, rows: list[Any], kept: pd.DataFrame, vocabulary: np.ndarray, options: dict[str, Any]
) -> Stories:
    """The stories of the kept articles (`rows`: futures of each partition's TF-IDF rows, in corpus order)."""
    from framing.comparison import stories
    from framing.engine.compare_parts import stories_of
    from framing.engine.reduce import tree_reduce

    if options["n_stories"] is not None or not len(kept):
        return Stories(*client.submit(stories_of, rows, kept, vocabulary, options).result())
    n = len(kept)
    sizes = client.gather([client.submit(_n_rows, r) for r in rows])
    offsets = np.cumsum([0, *sizes])
    threshold = stories.story_threshold(n) if options["story_threshold"] is None else options["story_threshold"]
    df = tree_reduce(client, [client.submit(tasks.row_df, r) for r in rows], _add).result()
    common = tasks.common_columns(df, n)
    edges = _edges(client, rows, offsets, common, threshold)
    component = tasks.components(n, edges)
    days, outlets = stories._days(kept), kept["outlet"].to_numpy(dtype=object)
    found = []
    in_batch = np.full(n, -1, dtype=np.int64)
    groups = tasks.batches(component, max(1000, -(-n // max(len(rows), 1))))
    for b, members in enumerate(groups):
        in_batch[members] = b
    edges_of: dict[Any, Any] = (
        pd.Series(np.arange(len(edges))).groupby(in_batch[edges["i"].to_numpy()]).indices if len(edges) else {}
    )
    for b, members in enumerate(groups):
        pieces = [
            client.submit(tasks.take_rows, rows[p], members[(members >= lo) & (members < hi)] - lo)
            for p, (lo, hi) in enumerate(zip(offsets[:-1], offsets[1:]))
            if ((members >= lo) & (members < hi)).any()
        ]
        batch_edges = edges.iloc[edges_of[b]].reset_index(drop=True)
        args = (members, batch_edges, days[members], outlets[members], threshold, options)
        found.append(client.submit(tasks.story_batch, pieces, *args, pure=False))
    alone = [
        client.submit(tasks.single_labels, r, np.flatnonzero(in_batch[lo:hi] < 0))
        for r, lo, hi in zip(rows, offsets[:-1], offsets[1:])
    ]
    return _assemble(kept, vocabulary, options, offsets, in_batch, groups, client.gather(found), client.gather(alone))


def _edges(client: Any, rows: list[Any], offsets: np.ndarray, common: np.ndarray, threshold: float) -> pd.DataFrame:
    """`top_k_neighbours(all rows, NEIGHBOURS, threshold=threshold)`, block by block on the partitions."""
    from framing.comparison.similarity import _symmetric_pairs
    from framing.comparison.stories import NEIGHBOURS

    searched = [client.submit(tasks.search_part, r, common) for r in rows]
    search_threshold = 0.0 if common.any() else threshold
    found = client.gather(
        [
            client.submit(tasks.block_candidates, searched[p], searched, int(offsets[p]), NEIGHBOURS, search_threshold)
            for p in range(len(rows))
        ]
    )
    pairs = _symmetric_pairs(*(np.concatenate(parts) for parts in zip(*found)))
    if common.any():
        pairs["similarity"] += _common_dots(client, rows, offsets, common, pairs)
        pairs = pairs[pairs["similarity"] > threshold]
        pairs = pairs.sort_values(["similarity", "i", "j"], ascending=[False, True, True], kind="mergesort")
    return pairs.reset_index(drop=True)


def _common_dots(
    client: Any, rows: list[Any], offsets: np.ndarray, common: np.ndarray, pairs: pd.DataFrame
) -> np.ndarray:
    """Each pair's dot product over the common columns, one task per pair of partitions that holds pairs."""
    i, j = pairs["i"].to_numpy(), pairs["j"].to_numpy()
    p_of = np.searchsorted(offsets, i, side="right") - 1
    q_of = np.searchsorted(offsets, j, side="right") - 1
    dense = [client.submit(tasks.dense_common, r, common) for r in rows]
    out = np.zeros(len(pairs), dtype=np.float64)
    where: dict[Any, Any] = pd.Series(np.arange(len(pairs))).groupby([p_of, q_of]).indices if len(pairs) else {}
    futures = {
        key: client.submit(
            tasks.pair_dots, dense[key[0]], dense[key[1]], i[at] - offsets[key[0]], j[at] - offsets[key[1]]
        )
        for key, at in where.items()
    }
    for key, dots in zip(futures, client.gather(list(futures.values()))):
        out[where[key]] = dots
    return out


def _assemble(
    kept: pd.DataFrame,
    vocabulary: np.ndarray,
    options: dict[str, Any],
    offsets: np.ndarray,
    in_batch: np.ndarray,
    groups: list[np.ndarray],
    found: list[tasks.StoryBatch],
    alone: list[dict[int, Any]],
) -> Stories:
    """The local engine's tables from the batches' results: story ids numbered by each story's first article."""
    from framing.comparison.stories import LABEL_TERMS, label_of, story_table

    keys = np.arange(len(kept), dtype=np.int64)
    terms: dict[int, Any] = {}
    for members, batch in zip(groups, found):
        keys[members] = batch.keys
        terms.update(batch.label_terms)
    for lo, hi, singles in zip(offsets[:-1], offsets[1:], alone):
        rest = np.flatnonzero(in_batch[lo:hi] < 0)
        terms.update({int(lo + rest[x]): singles[x] for x in range(len(rest))})
    unique, ids = np.unique(keys, return_inverse=True)
    ids = ids.astype(np.int64)
    labels = [label_of(terms[int(key)][0], terms[int(key)][1], vocabulary, LABEL_TERMS) for key in unique]
    story_of = pd.Series(ids, index=pd.Index(kept["doc_id"].astype(object), name="doc_id"), name="story")
    story = {int(key): s for s, key in enumerate(unique)}
    pairs = _pairs_table(kept, ids, [p for batch in found for p in batch.pairs])
    outlets = None
    if options["outlet_scope"] == "story":
        sims = {story[key]: value for batch in found for key, value in batch.outlet_sims.items()}
        outlets = _story_outlets(sorted(kept["outlet"].unique()), sims)
    return Stories(story_of, story_table(kept, ids, labels), pairs, outlets)


def _pairs_table(kept: pd.DataFrame, ids: np.ndarray, pairs: list[tuple[int, Any, Any, Any]]) -> pd.DataFrame:
    """`pipeline._article_pairs`' table from the stories' pairs (global row numbers and cosines)."""
    from framing.comparison.pipeline import pair_table

    empty = np.zeros(0, np.int64)
    a = np.concatenate([p[1] for p in pairs] + [empty]).astype(np.int64)
    b = np.concatenate([p[2] for p in pairs] + [empty]).astype(np.int64)
    similarity = np.concatenate([p[3] for p in pairs] + [np.zeros(0)])
    return pair_table(kept, ids, a, b, similarity)


def _story_outlets(names: list[str], sims: dict[int, tuple[list[str], np.ndarray]]) -> pd.DataFrame:
    """`pipeline._outlet_similarity(scope="story")` from each multi-outlet story's outlet cosines, in story order."""
    total = pd.DataFrame(0.0, index=names, columns=names)
    count = total.copy()
    for story in sorted(sims):
        members, values = sims[story]
        total.loc[members, members] += values
        count.loc[members, members] += 1
    values = (total / count.where(count > 0)).to_numpy(dtype=np.float64, copy=True)
    np.fill_diagonal(values, 1.0)
    return pd.DataFrame(values, index=names, columns=names)


def _n_rows(rows: Any) -> int:
    return int(rows.shape[0])


def _add(parts: list[np.ndarray]) -> np.ndarray:
    return sum(parts[1:], parts[0])
