"""`framing compare` and `framing report` with `--engine dask`: the cluster reads, cleans and scores.

The partitions are read, checked and cleaned on the cluster with the
corpus-wide boilerplate rule (`corpus_facts`), and scored there when the
command needs scores (`--mark-words`, every report), as `framing score
--engine dask` does. The comparison itself (`framing.comparison.pipeline.compare`,
unchanged) then runs here on the gathered corpus, so every table equals
`--engine local`. What that costs at scale, and what is not distributed yet,
is in docs/guide/cluster.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from framing.corpus.model import Corpus
    from framing.corpus.readers.columns import Columns
    from framing.engine.api import ClusterScores


def scored_corpus(
    source: str | Path,
    columns: Columns,
    client: Any,
    *,
    scores: bool,
    lexicons: Any = None,
    targets: Any = None,
) -> tuple[Corpus, ClusterScores | None]:
    """The source as one `Corpus` read on `client`'s cluster and, with `scores`, its scores (one first pass for both)."""
    from framing.engine.api import cluster_scores
    from framing.engine.articles import gather_corpus
    from framing.engine.corpus_facts import gather_facts
    from framing.engine.dask_engine import prepare
    from framing.engine.inputs import find_pieces

    facts = gather_facts(find_pieces(source), columns, client)
    corpus = gather_corpus(source, columns, client, facts)
    if not scores:
        return corpus, None
    return corpus, cluster_scores(prepare(source, columns, client, lexicons, targets, True, facts), client)
