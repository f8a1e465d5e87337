"""Same-fact alignment on the cluster: the corpus-wide parts reduced first, then whole stories per task.

`align_facts` needs two things of every candidate sentence before it can
align any story: the sentence features' document frequencies (IDF) and
column order, and which features are names (`FactAnalyzer.name_evidence`).
Each partition finds its sentences and features (`part_sentences`) and
sends only those sums; the driver joins them as `count_matrix` numbers a
corpus (columns sorted by feature; within a row, entries in the order the
features first appear in the corpus). Then the sentences go, whole stories
together, to story tasks (`story_facts`) that build their rows with the
corpus-wide IDF, number their facts and measure each sentence's similarity:
the same bits as the local engine, since a story's facts depend only on its
own sentences (`align.fact_numbers`).
"""

from __future__ import annotations

from collections import Counter
from operator import getitem
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse

if TYPE_CHECKING:
    from framing.engine.compare_parts import Part

Sentences = tuple[pd.DataFrame, list[list[str]]]  # candidate sentences (with `story`) and their features
Found = tuple[pd.DataFrame, list[list[str]], tuple[set[str], set[str]]]  # ... and their name evidence


class FactSummary(NamedTuple):
    """What the driver learns of a partition's sentences: features in first-seen order, their df, the name evidence."""

    features: list[str]
    df: np.ndarray
    sentences: int
    capitalised: set[str]
    lower: set[str]
    empty: pd.DataFrame  # the sentence table's columns and types, no rows


def part_sentences(part: Part, kept: np.ndarray, story: np.ndarray, multi: np.ndarray) -> Found:
    """The candidate sentences of the partition's kept articles (`kept` positions) in multi-outlet stories."""
    from framing.comparison.align import fact_sentences

    articles = part[0].iloc[np.asarray(kept, dtype=np.int64)]
    chosen = articles[np.asarray(multi, dtype=bool)]
    story_of = pd.Series(np.asarray(story)[multi], index=pd.Index(chosen["doc_id"].astype(object)), dtype=np.int64)
    table, features, analyzer = fact_sentences(chosen, story_of)
    return table, features, analyzer.name_evidence()


def summary_of(found: Found) -> FactSummary:
    table, features, (capitalised, lower) = found
    df: Counter[str] = Counter()
    for sentence in features:
        df.update(dict.fromkeys(sentence, 1))
    first = list(dict.fromkeys(f for sentence in features for f in sentence))
    counts = np.array([df[f] for f in first], dtype=np.int64)
    return FactSummary(first, counts, len(table), capitalised, lower, table.iloc[:0])


def bucket_shares(found: Found, bucket_of: pd.Series, n_buckets: int) -> list[Sentences]:
    """The partition's sentences cut by bucket (`bucket_of`: story -> bucket), whole stories in each."""
    table, features, _ = found
    bucket = table["story"].map(bucket_of).to_numpy() if len(table) else np.zeros(0, np.int64)
    shares = []
    for b in range(n_buckets):
        take = np.flatnonzero(bucket == b)
        shares.append((table.iloc[take].reset_index(drop=True), [features[x] for x in take]))
    return shares


class Columns(NamedTuple):
    """The sentence matrix' columns, corpus-wide: per feature (first-seen number, column), IDF, weights, names."""

    place: dict[str, tuple[int, int]]
    idf: np.ndarray
    weights: np.ndarray
    names: np.ndarray
    name_features: set[str]


def join_columns(summaries: list[FactSummary]) -> Columns:
    """`count_matrix` and `sentence_matrix`'s column facts for the whole corpus' candidate sentences."""
    from framing.comparison.align import NAME_WEIGHT, NUMBER_WEIGHT, kinds_of
    from framing.comparison.weighting import smooth_idf

    first: dict[str, int] = {}
    df: Counter[str] = Counter()
    for summary in summaries:
        for feature, count in zip(summary.features, summary.df):
            first.setdefault(feature, len(first))
            df[feature] += int(count)
    names = np.asarray(sorted(first), dtype=object).astype(str)
    place = {str(name): (first[str(name)], x) for x, name in enumerate(names)}
    n_sentences = sum(s.sentences for s in summaries)
    idf = smooth_idf(np.array([df[str(name)] for name in names], dtype=np.int64), n_sentences)
    name_features = set().union(*(s.capitalised for s in summaries)) - set().union(*(s.lower for s in summaries))
    is_name, is_number = kinds_of(names, name_features)
    weights = np.where(is_number, NUMBER_WEIGHT, np.where(is_name, NAME_WEIGHT, 1.0))
    return Columns(place, idf, weights, names, name_features)


def story_facts(shares: list[Sentences], columns: Columns, threshold: float) -> tuple[pd.DataFrame, int, pd.DataFrame]:
    """(fact sentences numbered from 1 within the bucket, how many facts, the bucket's story x outlet pairs)."""
    from framing.comparison.align import fact_numbers, fact_rows, pair_rule, weighted_rows

    table = pd.concat([share[0] for share in shares], ignore_index=True)
    features = [f for share in shares for f in share[1]]
    matrix = weighted_rows(_counts(features, columns), columns.idf, columns.weights)
    rule = pair_rule(table, matrix, columns.names, columns.name_features)
    fact_ids = fact_numbers(table, matrix, rule, threshold)
    n_facts = int(fact_ids.max()) + 1 if len(fact_ids) else 0
    return fact_rows(table, matrix, fact_ids), max(n_facts, 0), table[["story", "outlet"]].drop_duplicates()


def _counts(features: list[list[str]], columns: Columns) -> sparse.csr_matrix:
    """`count_matrix`' rows of these sentences: entries in corpus first-seen order, columns by sorted feature."""
    indices: list[int] = []
    values: list[float] = []
    indptr = [0]
    for sentence in features:
        counted = Counter(sentence)
        for feature in sorted(counted, key=lambda f: columns.place[f][0]):
            indices.append(columns.place[feature][1])
            values.append(float(counted[feature]))
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.asarray(values, dtype=np.float64), np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int32)),
        shape=(len(features), len(columns.names)),
    )


def facts_on_cluster(
    client: Any,
    parts: list[Any],
    kept_rows: list[np.ndarray],
    kept: pd.DataFrame,
    story_of: pd.Series,
    threshold: float,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`align_facts(kept articles, story_of, threshold=threshold)`, per partition then per bucket of stories."""
    from framing.comparison.align import omissions, sorted_facts

    story = story_of.to_numpy()
    spread = pd.Series(kept["outlet"].to_numpy()).groupby(story).transform("nunique").to_numpy()
    ends = np.cumsum([0, *(len(k) for k in kept_rows)])
    found = [
        client.submit(part_sentences, part, rows, story[lo:hi], spread[lo:hi] >= 2)
        for part, rows, lo, hi in zip(parts, kept_rows, ends[:-1], ends[1:])
    ]
    summaries = client.gather([client.submit(summary_of, f) for f in found])
    bucket_of = _buckets(story[spread >= 2], max(len(parts), 1))
    n_buckets = len(set(bucket_of.values()))
    empty = summaries[0].empty.assign(fact=np.zeros(0, np.int64), similarity=np.zeros(0, np.float64))
    frames, pairs, offset = [empty], [], 0
    if sum(len(s.features) for s in summaries) and n_buckets:
        # scattered once, as single objects (a bare tuple would be scattered item by item)
        columns, mapping = client.scatter([join_columns(summaries), pd.Series(bucket_of)], broadcast=True)
        shares = [client.submit(bucket_shares, f, mapping, n_buckets) for f in found]
        tasks = [
            client.submit(story_facts, [client.submit(getitem, share, b) for share in shares], columns, threshold)
            for b in range(n_buckets)
        ]
        for facts, n_facts, covered in client.gather(tasks):
            frames.append(facts.assign(fact=facts["fact"] + offset))
            pairs.append(covered)
            offset += n_facts
    if len(frames) > 1:
        frames = frames[1:]
    table = pd.concat(pairs, ignore_index=True) if pairs else pd.DataFrame({"story": [], "outlet": []})
    facts = sorted_facts(pd.concat(frames, ignore_index=True))
    return facts, omissions(facts, table, kept)


def _buckets(stories: np.ndarray, n_buckets: int) -> dict[int, int]:
    """Stories (sorted, whole) into `n_buckets` runs of about equal article counts: story -> bucket."""
    ids, counts = np.unique(stories, return_counts=True)
    if not len(ids):
        return {}
    target = max(1, -(-int(counts.sum()) // n_buckets))
    bucket = np.minimum(np.cumsum(counts) - counts, int(counts.sum()) - 1) // target
    _, dense = np.unique(bucket, return_inverse=True)
    return {int(s): int(b) for s, b in zip(ids, dense)}
