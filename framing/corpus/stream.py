"""A table corpus read in two streaming passes, so scoring it never holds every article at once.

Two things need the whole corpus before the first article can be scored:
the boilerplate lines that repeat across articles, and the checks (duplicate
ids, empty outlets...) whose error names every row concerned. The first
pass (`survey`) reads the table chunk by chunk and keeps only light facts:
the candidate lines' fingerprints (`framing.corpus.repeats`), the ids and the
rows with problems. The second pass (iterating the stream) reads it again
and yields each chunk's articles cleaned exactly as `load_corpus` cleans the
whole table: same ids, same clean text, same one-line errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from framing.corpus.readers import chunks as _chunks
from framing.corpus.readers.chunks import TableChunks, parquet_parts
from framing.corpus.readers.columns import Columns
from framing.corpus.readers.tables import table_suffix

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from framing.corpus.cuts import LineCuts

STREAM_COLUMNS = ("doc_id", "outlet", "clean_text")


def streamable(source: str | Path) -> Path | None:
    """The path of `source` when it is a table or a folder of Parquet parts only; None otherwise.

    Folders of article files, saved pages and bundled corpora are small and
    keep the whole-corpus reader (`load_corpus`).
    """
    path = Path(source).expanduser()
    if path.is_file():
        return path if table_suffix(path) is not None else None
    if path.is_dir():
        from framing.corpus.readers.articles import article_files
        from framing.corpus.readers.html import html_files

        if parquet_parts(path) and not article_files(path) and not html_files(path):
            return path
    return None


class ArticleStream:
    """The articles of a table, cleaned, chunk by chunk (`doc_id`, `outlet`, `clean_text`); see the module doc."""

    def __init__(self, path: Path, columns: Columns | None = None, rows: int | None = None) -> None:
        """`rows`: rows read at a time (default `CHUNK_ROWS`); the results never depend on it."""
        self.path = Path(path)
        self.columns = columns or Columns()
        folder = self.path.is_dir()
        self.chunks = TableChunks(parquet_parts(self.path) if folder else [self.path], rows or _chunks.CHUNK_ROWS)
        suffix = table_suffix(self.path)
        self.name = self.path.name if folder or suffix is None else self.path.name[: -len(suffix)]
        targets = self.path / "targets.yaml" if folder else None
        self.targets_path = targets if targets is not None and targets.is_file() else None
        self.total = 0
        self.repeated: frozenset[int] = frozenset()
        self.cuts: LineCuts | None = None  # the survey's verdicts, so the second pass classifies no line again

    def __len__(self) -> int:
        return self.total

    def survey(self) -> ArticleStream:
        """The first pass: raise what loading the whole table would raise, find the repeated lines."""
        try:
            self._survey()
        except UnicodeDecodeError:  # not UTF-8 after all: decode it whole from now on, as a whole read does
            self.chunks.decoded = True
            self._survey()
        return self

    def _survey(self) -> None:
        import pandas as pd

        from framing.corpus.clean import surveyed_lines
        from framing.corpus.cuts import LineCuts
        from framing.corpus.readers.tables import _check_columns, standard_records
        from framing.corpus.readers.validate import FrameChecks
        from framing.corpus.repeats import IdFingerprints, RepeatCounter

        checks, counter, ids, names = FrameChecks(), RepeatCounter(), IdFingerprints(), {}
        cuts = LineCuts()
        for raw in self.chunks:
            names.update(dict.fromkeys(str(c) for c in raw.columns))
            records = standard_records(raw, self.columns, checks.rows)
            checks.add(records, ids=False)  # ids are checked below, from their fingerprints
            if self.columns.id is not None:
                ids.add(records["doc_id"])
            rows, docs, prints = surveyed_lines(records["text"], records["outlet"], records["author"])
            counter.add_rows(rows)
            cuts.add(docs, prints)
        _check_columns(pd.DataFrame(columns=list(names)), self.columns, self.path)
        checks.raise_first(self.chunks.locate, self.path)
        self.total = checks.rows
        self._check_ids(ids.candidates())
        self.repeated = counter.furniture()
        cuts.settle(self.repeated)
        self.cuts = cuts if cuts.held else None

    def _check_ids(self, rows: np.ndarray) -> None:
        """Raise the duplicate-id error of a whole read, from the real ids of the rows whose fingerprints repeat."""
        import pandas as pd

        from framing.corpus.readers.tables import standard_records
        from framing.corpus.readers.validate import FrameChecks

        if not len(rows):
            return
        found, first = [], 0
        for raw in self.chunks:  # a third pass, only when some fingerprint repeats
            wanted = rows[(rows >= first) & (rows < first + len(raw))] - first
            if len(wanted):
                found.extend(standard_records(raw, self.columns, first, self.total)["doc_id"].iloc[wanted])
            first += len(raw)
        checks = FrameChecks()  # the whole read's duplicate rule and message, on these rows only
        checks.add(pd.DataFrame({"doc_id": found, "outlet": "-", "text": "-"}))
        checks.raise_first(lambda row: self.chunks.locate(int(rows[row])), self.path)

    def __iter__(self) -> Iterator[pd.DataFrame]:
        """The second pass: each chunk's articles, cleaned with the corpus-wide repeated lines."""
        from framing.corpus.inputs import check_clean_text
        from framing.corpus.model import with_clean_text
        from framing.corpus.readers.tables import standard_records

        first = 0
        for raw in self.chunks:
            if not len(raw):
                continue
            records = standard_records(raw, self.columns, first, self.total)
            if self.cuts is not None:
                articles = self.cuts.cleaned(records, first)
            else:
                articles = with_clean_text(records, self.repeated)[0][list(STREAM_COLUMNS)]
            check_clean_text(articles)
            first += len(raw)
            yield articles
