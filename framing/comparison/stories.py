"""Story grouping: which articles report the same event.

Outlets should be compared on the same story, not across unrelated topics.
Articles are TF-IDF vectors over `clean_text`; each article's top-k nearest
neighbours (sparse, chunked) are candidate links, and
`framing.cluster.graph_average_linkage` merges them, most similar first, while
the average cosine between the two groups stays >= the threshold and the
story's dates span at most `max_days` (an event is reported within weeks; the
same words a year later are a different story). With `n_stories` the
classic exact average-linkage tree (scipy) is cut into that many groups
instead (for up to `MAX_EXACT` articles).

The threshold adapts to the corpus size (`story_threshold`): IDF comes from
the corpus itself, so in a handful of articles on one story the shared story
words are in every article and weigh little (the bundled five-article NATO
corpus averages cosine 0.17, its least similar pair 0.11), while in hundreds
of articles the event's own words are rare, same-event pairs score higher
and many neighbouring events (two shutdowns, two DACA rulings) compete. The
threshold is BASE (0.1) at BASE_ARTICLES (5) articles and rises by SLOPE per
tenfold more articles, up to CEILING. SLOPE and CEILING were chosen by
cross-validation over folds of the hand-labelled AllSides events in
tests/fixtures/allsides_story_events.csv, with and without dates
(evaluation/story_grouping.py prints the choice and the held-out ARI).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from scipy import sparse

from framing.comparison.cluster import graph_average_linkage
from framing.comparison.similarity import Tfidf, tfidf_matrix, top_k_neighbours
from framing.errors import FramingError

BASE = 0.1
BASE_ARTICLES = 5
SLOPE = 0.07
CEILING = 0.22
THRESHOLD: float | None = None  # None: `story_threshold` of the corpus size
NEIGHBOURS = 10
MAX_DAYS = 45
MAX_EXACT = 5000
LABEL_TERMS = 5


def story_threshold(n_articles: int, *, slope: float = SLOPE, ceiling: float = CEILING) -> float:
    """The merge threshold for a corpus of `n_articles`: BASE at BASE_ARTICLES, + `slope` per tenfold, <= `ceiling`."""
    rise = slope * np.log10(max(n_articles, 1) / BASE_ARTICLES)
    return float(round(min(max(BASE + rise, BASE), max(ceiling, BASE)), 4))


def group_stories(
    articles: pd.DataFrame,
    *,
    threshold: float | None = THRESHOLD,
    n_stories: int | None = None,
    max_days: float | None = MAX_DAYS,
    neighbours: int = NEIGHBOURS,
    tfidf: Tfidf | None = None,
    matrix: sparse.csr_matrix | None = None,
    vocabulary: np.ndarray | None = None,
) -> tuple[pd.Series, pd.DataFrame]:
    """Return (stories Series doc_id -> story id, labels DataFrame).

    `articles` needs `doc_id`, `clean_text` and (optionally) `date`. Pass a
    precomputed TF-IDF `matrix`/`vocabulary` to avoid vectorising twice.
    `threshold` None means `story_threshold(len(articles))`.
    Story ids are 0..s-1 numbered by order of first article.
    """
    if matrix is None or vocabulary is None:
        matrix, vocabulary = tfidf_matrix(articles["clean_text"], tfidf)
    dates = _days(articles)
    if n_stories is not None:
        ids = _exact_stories(matrix, n_stories)
    else:
        threshold = story_threshold(len(articles)) if threshold is None else threshold
        edges = top_k_neighbours(matrix, neighbours, threshold=threshold)
        veto = _date_veto(dates, max_days) if max_days is not None else None
        ids = graph_average_linkage(matrix, edges, threshold, can_merge=veto)
    doc_ids = pd.Index(articles["doc_id"].astype(object), name="doc_id")
    stories = pd.Series(ids, index=doc_ids, name="story")
    return stories, story_labels(articles, ids, matrix, vocabulary)


def _days(articles: pd.DataFrame) -> np.ndarray:
    """Publication day numbers (float, NaN when unknown)."""
    if "date" not in articles:
        return np.full(len(articles), np.nan)
    dates = pd.to_datetime(articles["date"], errors="coerce", utc=True)
    days = (dates - pd.Timestamp("1970-01-01", tz="UTC")) / pd.Timedelta(days=1)
    floored: np.ndarray = np.floor(days.to_numpy(dtype=np.float64, na_value=np.nan))
    return floored


def _date_veto(days: np.ndarray, max_days: float) -> Callable[[list[int], list[int]], bool]:
    def can_merge(a: list[int], b: list[int]) -> bool:
        span = days[a + b]
        span = span[~np.isnan(span)]
        return len(span) == 0 or bool(span.max() - span.min() <= max_days)

    return can_merge


def _exact_stories(matrix: sparse.csr_matrix, n_stories: int) -> np.ndarray:
    """Average linkage on exact cosine distances, cut into `n_stories` groups."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    n = matrix.shape[0]
    if not 1 <= n_stories <= max(n, 1):
        raise FramingError(f"--stories {n_stories}: must be between 1 and the number of articles ({n})")
    if n > MAX_EXACT:
        raise FramingError(
            f"--stories {n_stories}: a fixed number of stories needs at most {MAX_EXACT} articles "
            f"(got {n}); leave it out to group by similarity threshold"
        )
    if n == 1:
        return np.zeros(1, dtype=np.int64)
    distance = 1.0 - (matrix @ matrix.T).toarray().astype(np.float64)
    distance = np.clip((distance + distance.T) / 2, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    flat = fcluster(linkage(squareform(distance, checks=False), method="average"), t=n_stories, criterion="maxclust")
    _, first, inverse = np.unique(flat, return_index=True, return_inverse=True)
    rank = np.argsort(np.argsort(first))
    ids: np.ndarray = rank[inverse].astype(np.int64)
    return ids


def story_labels(
    articles: pd.DataFrame,
    ids: np.ndarray,
    matrix: sparse.csr_matrix,
    vocabulary: np.ndarray,
    n_terms: int = LABEL_TERMS,
) -> pd.DataFrame:
    """One row per story: its top terms (heaviest in the summed TF-IDF rows), size, outlets, date span."""
    centroid = story_centroids(ids, matrix)
    labels = [
        label_of(*heaviest_terms(centroid, story, n_terms), vocabulary, n_terms) for story in range(centroid.shape[0])
    ]
    return story_table(articles, ids, labels)


def story_centroids(ids: np.ndarray, matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Per story (ids 0..s-1), the sum of its rows in float64, members added in row order.

    A story's sum depends only on its own rows in their order, so a subset of rows
    holding whole stories (the partitioned engine's story tasks) gives the same bits.
    """
    n_stories = int(ids.max()) + 1 if len(ids) else 0
    member = sparse.csr_matrix((np.ones(len(ids)), (ids, np.arange(len(ids)))), shape=(n_stories, len(ids)))
    centroid: sparse.csr_matrix = (member @ sparse.csr_matrix(matrix, dtype=np.float64)).tocsr()
    return centroid


def story_table(articles: pd.DataFrame, ids: np.ndarray, labels: list[str]) -> pd.DataFrame:
    """The labels table from the stories' labels (in story order) and the articles' outlets and dates."""
    dates = (
        pd.to_datetime(articles["date"], errors="coerce")
        if "date" in articles
        else pd.Series(pd.NaT, index=articles.index)
    )
    frame = pd.DataFrame({"story": ids, "outlet": articles["outlet"].to_numpy(), "date": dates.to_numpy()})
    summary = frame.groupby("story", sort=True).agg(
        articles=("outlet", "size"), outlets=("outlet", "nunique"), start=("date", "min"), end=("date", "max")
    )
    summary.insert(0, "label", pd.Series([labels[story] for story in summary.index], index=summary.index, dtype=object))
    table: pd.DataFrame = summary.reset_index()
    return table


def heaviest_terms(centroid: sparse.csr_matrix, row: int, n_terms: int) -> tuple[np.ndarray, np.ndarray]:
    """(columns, weights) of a centroid row that can be among its `n_terms` heaviest (ties at the cut included)."""
    start, end = centroid.indptr[row], centroid.indptr[row + 1]
    cols, weights = centroid.indices[start:end], centroid.data[start:end]
    if len(cols) > 4 * n_terms:  # only the heaviest few need a careful, tie-broken sort
        cutoff = np.partition(weights, len(weights) - n_terms)[len(weights) - n_terms]
        keep = np.flatnonzero(weights >= cutoff)
        return cols[keep], weights[keep]
    return cols, weights


def label_of(cols: np.ndarray, weights: np.ndarray, vocabulary: np.ndarray, n_terms: int) -> str:
    """The `n_terms` heaviest terms, ties broken by the term, joined by commas."""
    best = sorted(range(len(cols)), key=lambda x: (-weights[x], str(vocabulary[cols[x]])))[:n_terms]
    return ", ".join(str(vocabulary[cols[x]]) for x in best)
