"""A partitioned source read and cleaned on the cluster, partition by partition, as the local engine would.

`clean_piece` is the one way a partition becomes articles: read with
framing's table reader, cleaned with the corpus-wide boilerplate
fingerprints (`corpus_facts`), checked as `as_corpus` checks a corpus. The
scoring pass scores each such partition where it is; `gather_corpus` brings
them back in corpus order for the steps that still need the whole corpus in
one place (`framing compare`, `framing report`).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.engine.corpus_facts import CorpusFacts, gather_facts
from framing.engine.failures import attempt, raise_first
from framing.engine.inputs import Piece, find_pieces, read_records

if TYPE_CHECKING:
    from framing.comparison.terms import Tokens
    from framing.corpus.model import Corpus
    from framing.corpus.readers.columns import Columns


def clean_piece(item: tuple[int, Piece, int], columns: Columns, facts: CorpusFacts) -> Corpus:
    """Partition `item` (index, piece, first corpus row) as a checked, cleaned `Corpus` of its own."""
    from framing.corpus.inputs import check_articles
    from framing.corpus.model import Corpus, with_clean_text

    _, piece, first_row = item
    records = read_records(piece, columns, first_row, facts.total)
    articles, boilerplate = with_clean_text(records, set(facts.repeated))
    corpus = Corpus(articles, boilerplate, name=piece.path.name)
    check_articles(corpus)  # the local engine's input check, per partition
    return corpus


def items(pieces: list[Piece] | tuple[Piece, ...], facts: CorpusFacts) -> list[tuple[int, Piece, int]]:
    """(index, piece, first corpus row) for every partition that has rows."""
    starts = facts.first_rows()
    return [(i, p, starts[i]) for i, p in enumerate(pieces) if facts.sizes[i]]


def corpus_name(source: str | Path) -> str:
    """The name `load_corpus` would give: a table's file stem, a folder's name."""
    path = Path(str(source).rstrip("/\\"))
    return path.name if path.is_dir() else path.name.split(".")[0]


def gather_corpus(
    source: str | Path, columns: Columns, client: Any, facts: CorpusFacts | None = None, *, tokenize: bool = False
) -> tuple[Corpus, Tokens | None]:
    """The whole source as one `Corpus`, equal to `load_corpus` of the same rows in one table.

    With `tokenize`, also the comparison's word numbers, found where each
    partition was cleaned and joined exactly (`framing.engine.tokens`).
    """
    import pandas as pd
    from dask import delayed

    from framing.corpus.model import Corpus
    from framing.engine.tokens import join_tokens

    pieces = find_pieces(source)
    facts = facts or gather_facts(pieces, columns, client)
    work = partial(_cleaned, columns=columns, facts=facts, tokenize=tokenize)
    outcomes = client.compute([delayed(attempt)(partial(work, item)) for item in items(pieces, facts)], sync=True)
    raise_first(error for _, error in outcomes)
    parts = [part for part, _ in outcomes]
    articles = pd.concat([p.articles for p, _ in parts], ignore_index=True)
    boilerplate = pd.concat([p.boilerplate for p, _ in parts], ignore_index=True)
    folder = Path(source) if Path(source).is_dir() else None
    targets = folder / "targets.yaml" if folder is not None and (folder / "targets.yaml").is_file() else None
    corpus = Corpus(articles, boilerplate, name=corpus_name(source), source_path=Path(source), targets_path=targets)
    return corpus, join_tokens([t for _, t in parts if t is not None]) if tokenize else None


def _cleaned(
    item: tuple[int, Piece, int], columns: Columns, facts: CorpusFacts, tokenize: bool
) -> tuple[Corpus, Tokens | None]:
    from framing.engine.tokens import piece_tokens

    corpus = clean_piece(item, columns, facts)
    return corpus, piece_tokens(corpus) if tokenize else None
