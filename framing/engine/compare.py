"""`framing compare` and `framing report` with `--engine dask`: the cluster reads, cleans, tokenises and scores.

The partitions are read, checked and cleaned on the cluster with the
corpus-wide boilerplate rule (`corpus_facts`), their words numbered there
(`framing.engine.tokens`, joined exactly), and scored there when the command
needs scores (`--mark-words`, every report), as `framing score --engine
dask` does. The rest of the comparison (`framing.comparison.pipeline.compare`,
unchanged) then runs here on the gathered corpus, so every table equals
`--engine local`. What is not distributed yet, and why: docs/guide/scale.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from framing.comparison.terms import Tokens
    from framing.corpus.model import Corpus
    from framing.corpus.readers.columns import Columns
    from framing.engine.api import ClusterScores


class Gathered(NamedTuple):
    """What the cluster hands the comparison: the corpus, its word numbers and (when asked) its scores."""

    corpus: Corpus
    tokens: Tokens
    scores: ClusterScores | None


def gather_for_compare(
    source: str | Path,
    columns: Columns,
    client: Any,
    *,
    scores: bool,
    lexicons: Any = None,
    targets: Any = None,
) -> Gathered:
    """The source read, cleaned and tokenised on `client`'s cluster and, with `scores`, scored (one first pass)."""
    from framing.engine.api import cluster_scores
    from framing.engine.articles import gather_corpus
    from framing.engine.corpus_facts import gather_facts
    from framing.engine.dask_engine import prepare
    from framing.engine.inputs import find_pieces

    facts = gather_facts(find_pieces(source), columns, client)
    corpus, tokens = gather_corpus(source, columns, client, facts, tokenize=True)
    assert tokens is not None
    scored = (
        cluster_scores(prepare(source, columns, client, lexicons, targets, True, facts), client) if scores else None
    )
    return Gathered(corpus, tokens, scored)
