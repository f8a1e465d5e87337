"""`framing compare --engine dask`: the comparison computed on the cluster, partition by partition.

The partitions are read, checked and cleaned on the cluster with the
corpus-wide boilerplate rule (`corpus_facts`) and tokenised there; they stay
on the workers. This process receives per article only its id, outlet and
date, and per partition its distinct words, from which it numbers the
corpus' words (`framing.engine.tokens.join_vocabularies`). Then:

* copies: from per-partition shingle hashes, bucketed by hash (`compare_copies`);
* term counts: each partition counts its kept articles into the corpus-wide
  columns (`compare_terms`); the vocabulary, the bigram cut, the document
  frequencies (IDF) and the outlet x term counts are sums reduced across
  partitions, and each partition weighs its own TF-IDF rows;
* outlet similarity, clustering and distinctive terms: here, from the
  per-outlet sums (outlet profiles, outlet x term counts), by the local
  engine's functions;
* stories (with the article pairs): candidate edges block by block against
  the broadcast rows, the agglomeration per batch of connected components
  (`cluster_stories`);
* same facts: the sentence features' first-seen order, df and name
  evidence reduced from the partitions, then whole stories per task (`cluster_facts`).

So this process holds per-outlet sums, the candidate edges (at most k per
article) and per-story tables, not the corpus' text. Every table equals `--engine local` (tests/engine/test_compare.py);
the outlet profiles are float sums in another order, equal to 1e-9.
`framing report` (`gather_for_report`) compares the same way; it still
gathers the corpus and its scores, which its sections read.
"""

from __future__ import annotations

from functools import partial, reduce
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from framing.engine.compare_parts import Part, kept_paragraphs
from framing.engine.compare_terms import Stream, part_stream

if TYPE_CHECKING:
    from scipy import sparse

    from framing.comparison.distinctive import OutletCounts
    from framing.comparison.pipeline import Comparison
    from framing.comparison.similarity import Tfidf
    from framing.corpus.model import Corpus
    from framing.corpus.readers.columns import Columns
    from framing.engine.api import ClusterScores
    from framing.engine.corpus_facts import CorpusFacts
    from framing.scoring.scores import Scores


class ReportInputs(NamedTuple):
    """What `framing report --engine dask` gets from the cluster: the corpus and scores the page shows, the comparison."""

    corpus: Corpus
    scores: ClusterScores
    comparison: Comparison


def gather_for_report(
    source: str | Path, columns: Columns, client: Any, *, lexicons: Any = None, targets: Any = None
) -> ReportInputs:
    """The report's inputs from one first pass: the corpus and scores gathered, the comparison partition by partition.

    The comparison is `compare_on_cluster`'s, its facts marked from these
    scores (as `compare(corpus, scores=scores)` marks them), so the driver no
    longer tokenises nor compares the whole corpus; the page's sections
    still read the articles and the scores here.
    """
    from framing.engine.api import cluster_scores
    from framing.engine.articles import gather_corpus
    from framing.engine.corpus_facts import gather_facts
    from framing.engine.dask_engine import prepare
    from framing.engine.inputs import find_pieces

    facts = gather_facts(find_pieces(source), columns, client)
    corpus, _ = gather_corpus(source, columns, client, facts)
    scores = cluster_scores(prepare(source, columns, client, lexicons, targets, True, facts), client)
    comparison = compare_on_cluster(source, columns, client, facts=facts, scores=scores)
    return ReportInputs(corpus, scores, comparison)


def compare_on_cluster(
    source: str | Path,
    columns: Columns,
    client: Any,
    *,
    mark_words: bool = False,
    n_stories: int | None = None,
    story_threshold: float | None = None,
    max_story_days: float | None = None,
    align_threshold: float | None = None,
    duplicate_threshold: float | None = None,
    outlet_scope: str = "corpus",
    cluster_threshold: float | None = None,
    facts: CorpusFacts | None = None,
    scores: Scores | None = None,
) -> Comparison:
    """`framing.comparison.pipeline.compare` of the source, computed on `client`'s cluster (see the module docstring).

    Options left at None take `compare`'s defaults. `mark_words`: score the
    partitions and mark the facts' frame and loaded words (only the facts' evidence comes back);
    `scores` already in hand mark them instead. `facts`: the first pass, when already made.
    """
    from framing.comparison import align, duplicates, stories
    from framing.comparison.pipeline import CLUSTER_THRESHOLD, Steps, assemble, mark_facts
    from framing.comparison.similarity import Tfidf
    from framing.engine.cluster_facts import facts_on_cluster
    from framing.engine.cluster_stories import stories_on_cluster
    from framing.engine.compare_copies import find_copies
    from framing.engine.compare_parts import part_of, part_summary, prepared_part
    from framing.engine.corpus_facts import gather_facts
    from framing.engine.failures import attempt, raise_first
    from framing.engine.inputs import find_pieces
    from framing.engine.tokens import join_vocabularies
    from framing.errors import FramingError

    if outlet_scope not in ("corpus", "story"):
        raise FramingError(f"compare: outlet_scope {outlet_scope!r} is not known; use 'corpus' or 'story'")
    settings: dict[str, Any] = {
        "tfidf": Tfidf(),
        "story_threshold": stories.THRESHOLD if story_threshold is None else story_threshold,
        "n_stories": n_stories,
        "max_story_days": stories.MAX_DAYS if max_story_days is None else max_story_days,
        "align_threshold": align.THRESHOLD if align_threshold is None else align_threshold,
        "duplicate_threshold": duplicates.THRESHOLD if duplicate_threshold is None else duplicate_threshold,
        "outlet_scope": outlet_scope,
        "cluster_threshold": CLUSTER_THRESHOLD if cluster_threshold is None else cluster_threshold,
    }
    pieces = find_pieces(source)
    facts = facts or gather_facts(pieces, columns, client)
    work = _items(pieces, facts)
    outcomes = [client.submit(attempt, partial(prepared_part, item, columns, facts), pure=False) for item in work]
    summaries = client.gather([client.submit(part_summary, outcome) for outcome in outcomes])
    raise_first(summary.error for summary in summaries)
    parts = [client.submit(part_of, outcome) for outcome in outcomes]
    vocabulary, remaps = join_vocabularies([summary.words for summary in summaries])
    articles = pd.concat([summary.articles for summary in summaries], ignore_index=True)
    bounds = np.cumsum([0] + [len(summary.articles) for summary in summaries])
    paragraph_bounds = np.cumsum([0] + [summary.paragraphs for summary in summaries])

    copies = find_copies(client, parts, remaps, articles, bounds, paragraph_bounds, settings["duplicate_threshold"])
    keep_of = duplicates.representatives(articles, copies, lengths=articles["length"].to_numpy())
    is_kept = keep_of.to_numpy() == articles["doc_id"].to_numpy()
    kept = articles[is_kept].reset_index(drop=True)
    kept_in = [is_kept[bounds[p] : bounds[p + 1]] for p in range(len(parts))]
    dropped = _dropped_paragraphs(copies, articles, is_kept, bounds)
    stop = _stop_mask(vocabulary, settings["tfidf"])
    streams = [
        client.submit(_counted_stream, part, remaps[p], stop, kept_in[p], dropped[p]) for p, part in enumerate(parts)
    ]
    terms = _corpus_terms(client, streams, vocabulary, kept_in, kept, settings["tfidf"])

    story_options = {k: settings[k] for k in ("story_threshold", "n_stories", "max_story_days", "outlet_scope")}
    story_of, labels, pairs, story_outlets = stories_on_cluster(
        client, terms.rows, kept, terms.vocabulary, story_options
    )
    kept_rows = [np.flatnonzero(k) for k in kept_in]
    fact_rows, omissions = facts_on_cluster(client, parts, kept_rows, kept, story_of, settings["align_threshold"])
    if scores is None and mark_words:
        marks: Scores | pd.DataFrame | None = _fact_evidence(source, columns, client, facts, fact_rows["doc_id"])
    else:
        marks = scores
    outlets = story_outlets if story_outlets is not None else terms.outlet_similarity
    steps = Steps(copies, keep_of, story_of, labels, pairs, outlets, terms.tables)
    return assemble(steps, mark_facts(fact_rows, marks), omissions, settings)


def _items(pieces: list[Any], facts: Any) -> list[tuple[int, Any, int]]:
    from framing.engine.articles import items

    return items(pieces, facts)


def _dropped_paragraphs(
    copies: pd.DataFrame, articles: pd.DataFrame, is_kept: np.ndarray, bounds: np.ndarray
) -> list[list[tuple[int, int]]]:
    """Per partition, (article position, paragraph number) of the paragraphs counted in their first article only."""
    dropped: list[list[tuple[int, int]]] = [[] for _ in range(len(bounds) - 1)]
    copied = copies[copies["level"] == "paragraph"]
    position = {doc: x for x, doc in enumerate(articles["doc_id"])}
    for a, b, n in zip(copied["doc_a"], copied["doc_b"], copied["paragraph_b"]):
        x, y = position[a], position[b]
        if is_kept[x] and is_kept[y]:
            p = int(np.searchsorted(bounds, y, side="right")) - 1
            dropped[p].append((y - int(bounds[p]), int(n)))
    return dropped


def _stop_mask(vocabulary: np.ndarray, tfidf: Tfidf) -> np.ndarray:
    from framing.comparison.terms import stop_word_set

    stops = stop_word_set(tfidf.stop_words)
    return np.fromiter((w in stops for w in vocabulary), dtype=bool, count=len(vocabulary))


def _counted_stream(
    part: Part, remap: np.ndarray, stop: np.ndarray, kept: np.ndarray, dropped: list[tuple[int, int]]
) -> Stream:
    return part_stream(part[1], remap, stop, kept_paragraphs(part, kept, dropped))


class CorpusTerms(NamedTuple):
    """The term counts' results: TF-IDF rows per partition (futures), their vocabulary, outlet similarity and counts."""

    rows: list[Any]
    vocabulary: np.ndarray
    outlet_similarity: pd.DataFrame
    tables: dict[int, OutletCounts]


def _corpus_terms(
    client: Any, streams: list[Any], vocabulary: np.ndarray, kept_in: list[np.ndarray], kept: pd.DataFrame, tfidf: Tfidf
) -> CorpusTerms:
    """Count every partition into the corpus-wide columns; reduce what needs the whole corpus (see `compare_terms`)."""
    from framing.comparison.distinctive import MIN_COUNT
    from framing.comparison.similarity import cosine_matrix, kept_columns, normalize_rows
    from framing.comparison.weighting import smooth_idf
    from framing.engine.compare_terms import (
        Columns,
        column_stats,
        frequent_bigrams,
        merge_bigrams,
        outlet_sums,
        part_bigrams,
        part_counts,
        part_tfidf,
        profile_sums,
        used_words,
    )
    from framing.engine.reduce import tree_reduce

    n_words = len(vocabulary)
    counted = sum(client.gather([client.submit(_length, s) for s in streams]))
    used = tree_reduce(client, [client.submit(used_words, s) for s in streams], _union).result()
    with_bigrams = counted > 1  # count_terms forms bigrams when the corpus has two counted words
    keys = np.zeros(0, np.int64)
    if with_bigrams:
        table = tree_reduce(
            client, [client.submit(part_bigrams, s, n_words, p) for p, s in enumerate(streams)], merge_bigrams
        )
        keys = client.submit(frequent_bigrams, table, MIN_COUNT).result()
    columns = Columns(used, keys, n_words, with_bigrams)
    terms, ngram = columns.terms(vocabulary)
    counts = [client.submit(part_counts, s, np.flatnonzero(k), columns) for s, k in zip(streams, kept_in)]
    df, totals = tree_reduce(client, [client.submit(column_stats, c) for c in counts], _add_pairs).result()

    low, high = tfidf.ngram_range
    orders = np.flatnonzero((ngram >= low) & (ngram <= high))
    chosen = kept_columns(df[orders], len(kept), tfidf, lambda keep: totals[orders][keep], terms[orders])
    idf = smooth_idf(df[orders][chosen], len(kept))
    rows = [client.submit(part_tfidf, c, [orders, chosen], idf, tfidf.sublinear_tf) for c in counts]

    names = sorted(kept["outlet"].unique())
    outlet_of = _split(kept["outlet"].to_numpy(dtype=object), kept_in)
    sizes = pd.Series(kept["outlet"]).value_counts().reindex(names).to_numpy(dtype=np.float64)
    shares = [client.submit(profile_sums, r, o, names, sizes) for r, o in zip(rows, outlet_of)]
    profiles = tree_reduce(client, shares, _add).result()
    similarity = cosine_matrix(normalize_rows(profiles), names)
    tables = {}
    for n in (1, 2):
        order = np.flatnonzero(ngram == n)
        summed = tree_reduce(
            client, [client.submit(outlet_sums, c, o, names, order) for c, o in zip(counts, outlet_of)], _add
        )
        by_outlet: sparse.csr_matrix = summed.result()
        total = np.asarray(by_outlet.sum(axis=0)).ravel()
        keep = np.flatnonzero(total >= MIN_COUNT)
        tables[n] = (by_outlet[:, keep].tocsr(), names, terms[order][keep])
    return CorpusTerms(rows, terms[orders][chosen], similarity, tables)


def _split(values: np.ndarray, kept_in: list[np.ndarray]) -> list[np.ndarray]:
    """`values` of the kept articles, cut into the partitions' shares."""
    ends = np.cumsum([int(k.sum()) for k in kept_in])
    return np.split(values, ends[:-1])


def _length(stream: Stream) -> int:
    return len(stream.codes)


def _union(parts: list[np.ndarray]) -> np.ndarray:
    return reduce(np.union1d, parts)


def _add(parts: list[Any]) -> Any:
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total.tocsr() if hasattr(total, "tocsr") else total


def _add_pairs(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    return sum((p[0] for p in parts[1:]), parts[0][0]), sum((p[1] for p in parts[1:]), parts[0][1])


def _fact_evidence(source: Any, columns: Columns, client: Any, facts: Any, doc_ids: pd.Series) -> pd.DataFrame:
    """The frame and loaded-language evidence of the facts' articles, scored on the cluster (only those rows come back)."""
    from framing.engine.dask_engine import prepare, score_piece
    from framing.engine.failures import attempt, raise_first

    run = prepare(source, columns, client, None, None, True, facts)
    wanted = sorted(set(doc_ids))
    outcomes = [client.submit(attempt, partial(score_piece, item, run), pure=False) for item in run.items()]
    picked: list[tuple[pd.DataFrame, str]] = client.gather(
        [client.submit(_evidence_of, outcome, wanted) for outcome in outcomes]
    )
    raise_first(error for _, error in picked)
    return pd.concat([evidence for evidence, _ in picked], ignore_index=True)


def _evidence_of(outcome: tuple[dict[str, pd.DataFrame] | None, str], doc_ids: list[str]) -> tuple[pd.DataFrame, str]:
    results, error = outcome
    if results is None:
        return pd.DataFrame(), error
    evidence = results["evidence"]
    return evidence[evidence["doc_id"].isin(doc_ids) & evidence["family"].isin(["frame", "loaded"])], ""
