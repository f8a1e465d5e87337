"""The comparison's tasks on the cluster: what runs per partition, and the steps that still run in one task.

A partition becomes the articles as `compare` reads them and their word
numbers (`prepared_part`); the client is sent only their summary
(`part_summary`: ids, outlets, dates and the partition's distinct words).
With a fixed number of stories (an exact linkage tree over at most
`stories.MAX_EXACT` articles) story grouping runs the local function in
one task (`stories_of`); otherwise it runs block by block
(`framing.engine.cluster_stories`), and same-fact alignment per bucket of
stories (`framing.engine.cluster_facts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from scipy import sparse

    from framing.comparison.terms import Tokens
    from framing.corpus.readers.columns import Columns
    from framing.engine.corpus_facts import CorpusFacts
    from framing.engine.inputs import Piece

Part = tuple[pd.DataFrame, "Tokens"]  # a partition's articles (as compare reads them) and their word numbers


def prepared_part(item: tuple[int, Piece, int], columns: Columns, facts: CorpusFacts) -> Part:
    """Partition `item` read, checked, cleaned (`clean_piece`) and tokenised as `compare` tokenises a corpus."""
    from framing.comparison.pipeline import _articles
    from framing.comparison.terms import tokenize_corpus
    from framing.engine.articles import clean_piece

    articles = _articles(clean_piece(item, columns, facts))
    return articles, tokenize_corpus(articles["clean_text"].tolist())


class Summary(NamedTuple):
    """What the client learns of a partition: an error, or its distinct words, article metadata and paragraph count."""

    error: str
    words: np.ndarray | None = None
    articles: pd.DataFrame | None = None  # doc_id, outlet, date (when given) and the text's length
    paragraphs: int = 0


def part_summary(outcome: tuple[Part | None, str]) -> Summary:
    """The partition's `Summary` (no text: the texts stay on the worker)."""
    part, error = outcome
    if part is None:
        return Summary(error)
    articles, tokens = part
    meta = articles[[c for c in ("doc_id", "outlet", "date") if c in articles]]
    return Summary("", tokens.vocabulary, meta.assign(length=articles["clean_text"].str.len()), len(tokens.paragraphs))


def part_of(outcome: tuple[Part | None, str]) -> Part:
    part, _ = outcome
    assert part is not None  # part_summary's errors were raised before any other task
    return part


def kept_paragraphs(part: Part, kept: np.ndarray, dropped: list[tuple[int, int]]) -> np.ndarray:
    """Per paragraph of the partition: counted or not (`pipeline._paragraphs_kept` for this partition).

    `kept`: per article, is it its copies' representative; `dropped`: (article, paragraph number) of copied paragraphs.
    """
    _, tokens = part
    owner = tokens.paragraphs["article"].to_numpy()
    keep: np.ndarray = np.asarray(kept, dtype=bool)[owner]
    if dropped:
        place = {(a, n): x for x, (a, n) in enumerate(zip(owner, tokens.paragraphs["number"]))}
        keep[[place[key] for key in dropped]] = False
    return keep


def stories_of(
    rows: list[sparse.csr_matrix], kept: pd.DataFrame, vocabulary: np.ndarray, options: dict[str, Any]
) -> tuple[pd.Series, pd.DataFrame, pd.DataFrame, pd.DataFrame | None]:
    """(stories, labels, article pairs, outlet similarity when `outlet_scope` is "story") from the TF-IDF rows."""
    from scipy import sparse

    from framing.comparison import pipeline, stories

    matrix = sparse.vstack(rows, format="csr") if rows else sparse.csr_matrix((0, len(vocabulary)), dtype=np.float32)
    story_of, labels = stories.group_stories(
        kept,
        threshold=options["story_threshold"],
        n_stories=options["n_stories"],
        max_days=options["max_story_days"],
        matrix=matrix,
        vocabulary=vocabulary,
    )
    scope = options["outlet_scope"]
    outlets = pipeline._outlet_similarity(matrix, kept, story_of, scope) if scope != "corpus" else None
    return story_of, labels, pipeline._article_pairs(matrix, kept, story_of), outlets
