"""The one input check: what `score`, `compare`, `report` and `exercise` (and their commands) accept.

Each entry point takes a `Corpus`, a pandas DataFrame of articles, a path
(a folder of articles or a table) or the name of a bundled corpus, and passes
it through `as_corpus`, so that every one of them accepts the same things and
fails on bad input with the same one-line error.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from framing.corpus.model import Corpus, bundled_corpora, load_corpus
from framing.corpus.readers.columns import Columns
from framing.errors import FramingError

if TYPE_CHECKING:
    import pandas as pd

FRAME_NAME = "DataFrame"  # the corpus name, and the place errors point to, for a DataFrame


def as_corpus(source: object, columns: Columns | None = None) -> Corpus:
    """A validated `Corpus` from a Corpus, a DataFrame, a path or a bundled name; FramingError otherwise.

    `columns` names the columns of a table or DataFrame (as the `--*-column`
    options do). A DataFrame is read like a table file, except that its
    `doc_id` column (when it has one) gives the ids and its `clean_text`
    column (when it has one, as `Corpus.articles` does) is kept as the
    cleaned text instead of being cleaned again.
    """
    import pandas as pd

    columns = columns or Columns()
    if isinstance(source, Corpus):
        corpus = source
    elif isinstance(source, pd.DataFrame):
        corpus = corpus_from_frame(source, columns)
    elif isinstance(source, (str, os.PathLike)):
        corpus = load_corpus(
            source if isinstance(source, str) else Path(source),
            id_column=columns.id,
            text_column=columns.text,
            outlet_column=columns.outlet,
            title_column=columns.title,
            date_column=columns.date,
        )
    else:
        raise FramingError(
            f"corpus: a {type(source).__name__} is not a corpus; give a Corpus, a DataFrame of articles, "
            f"a folder or table path, or a bundled corpus name ({', '.join(bundled_corpora())})"
        )
    check_articles(corpus)
    return corpus


def check_articles(corpus: Corpus) -> None:
    """FramingError unless the corpus has articles, unique ids and some text left after cleaning."""
    articles = corpus.articles
    if len(articles) == 0:
        raise FramingError(f"{corpus.name}: the corpus has no articles; check the source and its filters")
    duplicated = articles["doc_id"].duplicated()
    if duplicated.any():
        raise FramingError(
            f"{corpus.name}: doc_id {articles['doc_id'][duplicated].iloc[0]!r} occurs twice; "
            "give every article a unique id (--id-column)"
        )
    check_clean_text(articles)


def check_clean_text(articles: pd.DataFrame) -> None:
    """FramingError naming the first article that cleaning left without text (it would score nothing)."""
    empty = (articles["clean_text"].fillna("").astype(str).str.strip() == "").to_numpy()
    if empty.any():
        raise FramingError(
            f"article {articles['doc_id'][empty].iloc[0]!r}: empty text after cleaning; "
            "remove it or check --text-column"
        )


def corpus_from_frame(frame: pd.DataFrame, columns: Columns | None = None) -> Corpus:
    """A DataFrame of articles (one row each) as a Corpus, checked like a table file."""
    from framing.corpus.clean import detect_boilerplate
    from framing.corpus.model import with_clean_text
    from framing.corpus.readers.tables import standard_records
    from framing.corpus.readers.validate import validate_frame

    columns = columns or Columns()
    raw = frame.reset_index(drop=True)
    cleaned = "clean_text" in raw.columns
    text = columns.text if columns.text in raw.columns or not cleaned else "clean_text"
    columns = replace(columns, text=text, id=columns.id or ("doc_id" if "doc_id" in raw.columns else None))
    _check_frame_columns(raw, {"outlet": columns.outlet, "text": columns.text, "id": columns.id})
    records = standard_records(raw, columns)
    validate_frame(records, lambda i: f"{FRAME_NAME} row {i + 1}", FRAME_NAME)
    if not cleaned:
        articles, boilerplate = with_clean_text(records)
        return Corpus(articles, boilerplate, name=FRAME_NAME)
    records.insert(
        list(records.columns).index("text") + 1, "clean_text", raw["clean_text"].fillna("").astype(str).to_numpy()
    )
    return Corpus(records, detect_boilerplate([], [], []), name=FRAME_NAME)  # cleaned already: nothing removed


def _check_frame_columns(raw: pd.DataFrame, needed: dict[str, str | None]) -> None:
    present = [str(c) for c in raw.columns]
    for role, name in needed.items():
        if name is not None and name not in present:
            raise FramingError(
                f"{FRAME_NAME}: no column {name!r} for the article {role}; the columns are: "
                f"{', '.join(present) or '(none)'}; rename it, or name it with "
                f"as_corpus(frame, Columns({role}=...))"
            )
