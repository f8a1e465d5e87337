"""The `Corpus`: the articles of a study, validated, with boilerplate kept apart.

`load_corpus` accepts a bundled corpus name, a folder of article files (YAML
front matter), a folder of saved `.html` pages or a CSV / JSONL(.gz) / Parquet
table, and always returns the same shape: one row per article with the
original `text` and a `clean_text` that every analysis uses. Which lines were
removed as boilerplate stays visible in `Corpus.boilerplate`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.errors import FramingError
from framing.resources import data_path

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

ARTICLE_COLUMNS = ("doc_id", "outlet", "title", "date", "author", "url", "text", "clean_text")
BOILERPLATE_COLUMNS = ("doc_id", "start", "end", "line", "reason")
HTML_ROWS = 30


def _corpora_root() -> Path:
    return data_path("framing.corpora")


def bundled_corpora() -> list[str]:
    """Names of the corpora shipped with framing, sorted."""
    root = _corpora_root()
    return sorted(
        p.name
        for p in root.iterdir()
        if p.is_dir() and not p.name.startswith(("_", ".")) and (p / "corpus.yaml").is_file()
    )


def bundled_corpus_path(name: str) -> Path:
    """The folder of a bundled corpus; FramingError listing the names if unknown."""
    if name not in bundled_corpora():
        raise FramingError(f"{name}: not a bundled corpus; bundled corpora are: {', '.join(bundled_corpora())}")
    return _corpora_root() / name


class Corpus:
    """Articles as a DataFrame (one row each) plus provenance; methods return new corpora."""

    def __init__(
        self,
        articles: pd.DataFrame,
        boilerplate: pd.DataFrame,
        *,
        name: object,
        meta: Mapping[str, Any] | None = None,
        source_path: Path | None = None,
        files: Mapping[str, Any] | None = None,
        targets_path: Path | None = None,
    ) -> None:
        self._articles = articles
        self._boilerplate = boilerplate
        self.name = str(name)
        self.meta = dict(meta or {})
        self.source_path = source_path
        self.files = dict(files or {})
        self.targets_path = targets_path
        self._words: pd.Series | None = None

    @property
    def articles(self) -> pd.DataFrame:
        """One row per article: doc_id, outlet, title, date, author, url, text, clean_text, extras.

        A shallow copy (cheap under pandas copy-on-write), so changing it never changes the corpus.
        """
        result: pd.DataFrame = self._articles.copy(deep=False)
        return result

    @property
    def boilerplate(self) -> pd.DataFrame:
        """Removed lines: doc_id, start, end (into the original text), line, reason."""
        result: pd.DataFrame = self._boilerplate.copy(deep=False)
        return result

    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[Any]:
        return self._articles.itertuples(index=False, name="Article")

    def __repr__(self) -> str:
        return f"<Corpus {self.name!r}: {len(self)} articles from {len(self.outlets)} outlets>"

    @property
    def outlets(self) -> list[str]:
        return sorted(self._articles["outlet"].unique().tolist())

    def word_counts(self) -> pd.Series:
        """Words (not punctuation) in each article's clean text, as a Series by doc_id."""
        if self._words is None:
            import pandas as pd

            from framing.text.words import count_words

            counts = [count_words(t) for t in self._articles["clean_text"]]
            self._words = pd.Series(counts, index=self._articles["doc_id"].tolist(), name="words", dtype="int64")
        return self._words

    def filter(
        self, outlets: str | Iterable[str] | None = None, start: object = None, end: object = None, mask: object = None
    ) -> Corpus:
        """A new Corpus with the articles that match every given condition (dates inclusive)."""
        import numpy as np
        import pandas as pd

        articles = self._articles
        keep = np.ones(len(articles), dtype=bool)
        if outlets is not None:
            wanted = [outlets] if isinstance(outlets, str) else list(outlets)
            unknown = sorted(set(wanted) - set(self.outlets))
            if unknown:
                raise FramingError(f"{self.name}: no outlet {unknown[0]!r}; outlets are: {', '.join(self.outlets)}")
            keep &= articles["outlet"].isin(wanted).to_numpy()
        if start is not None:
            keep &= (articles["date"] >= _naive(start)).to_numpy()
        if end is not None:
            end = _naive(end)
            if end == end.normalize():  # a day: include all of it
                keep &= (articles["date"] < end + pd.Timedelta(days=1)).to_numpy()
            else:
                keep &= (articles["date"] <= end).to_numpy()
        if mask is not None:
            keep &= _as_mask(mask, len(articles))
        return self._subset(keep)

    def _subset(self, keep: np.ndarray) -> Corpus:
        articles = self._articles[keep].reset_index(drop=True)
        ids = set(articles["doc_id"])
        boilerplate = self._boilerplate[self._boilerplate["doc_id"].isin(ids)].reset_index(drop=True)
        files = {k: v for k, v in self.files.items() if k in ids}
        return Corpus(
            articles,
            boilerplate,
            name=self.name,
            meta=self.meta,
            source_path=self.source_path,
            files=files,
            targets_path=self.targets_path,
        )

    def _repr_html_(self) -> str:
        """A compact table for Jupyter: outlet, date, title, words (first HTML_ROWS articles)."""
        from framing.text.words import count_words

        shown = self._articles.head(HTML_ROWS)
        rows = []
        article: Any  # pandas-stubs types itertuples fields as any scalar
        for article in shown.itertuples(index=False):
            date = "" if article.date != article.date else article.date.strftime("%Y-%m-%d")
            words = count_words(article.clean_text)
            rows.append(
                f"<tr><td>{html.escape(article.outlet)}</td><td>{date}</td>"
                f'<td>{html.escape(article.title)}</td><td style="text-align:right">{words:,}</td></tr>'
            )
        more = len(self) - len(shown)
        if more > 0:
            rows.append(f'<tr><td colspan="4">… and {more:,} more articles</td></tr>')
        caption = html.escape(f"{self.name}: {len(self):,} articles, {len(self.outlets):,} outlets")
        return (
            '<table class="framing-corpus"><caption>' + caption + "</caption>"
            "<thead><tr><th>outlet</th><th>date</th><th>title</th><th>words</th></tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table>"
        )


def _naive(value: Any) -> pd.Timestamp:
    """A timestamp without time zone (dates in a corpus are local wall time)."""
    import pandas as pd

    stamp = pd.Timestamp(value)
    result: pd.Timestamp = stamp.tz_localize(None) if stamp.tzinfo is not None else stamp
    return result


def _as_mask(mask: object, n: int) -> np.ndarray:
    import numpy as np

    values = np.asarray(mask)
    if values.dtype != bool or values.shape != (n,):
        raise FramingError(f"filter mask: expected {n} True/False values, got shape {values.shape} of {values.dtype}")
    return values


def _resolve(source: str | Path) -> Path:
    path = Path(source).expanduser()
    if path.exists():
        return path
    if isinstance(source, str) and source in bundled_corpora():
        return bundled_corpus_path(source)
    raise FramingError(
        f"{source}: no such file or folder, and not a bundled corpus "
        f"(bundled: {', '.join(bundled_corpora())}); check the path"
    )


def load_corpus(
    source: str | Path,
    *,
    id_column: str | None = None,
    text_column: str = "text",
    outlet_column: str = "outlet",
    title_column: str = "title",
    date_column: str = "date",
) -> Corpus:
    """Load articles from a bundled corpus name, a folder, or a table (see docs/guide/corpus.md)."""
    from framing.corpus.readers import Columns, read_source

    path = _resolve(source)
    columns = Columns(id=id_column, text=text_column, outlet=outlet_column, title=title_column, date=date_column)
    raw = read_source(path, columns)
    articles, boilerplate = with_clean_text(raw.frame)
    targets = path / "targets.yaml" if path.is_dir() else None
    return Corpus(
        articles,
        boilerplate,
        name=raw.name,
        meta=raw.meta,
        source_path=path,
        files=raw.files,
        targets_path=targets if targets is not None and targets.is_file() else None,
    )


def with_clean_text(frame: pd.DataFrame, repeated: AbstractSet[int] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Detect boilerplate, add `clean_text` after `text`, return (articles, boilerplate).

    `repeated`: the furniture line fingerprints of the whole corpus (`framing.corpus.repeats`)
    when `frame` is one chunk or partition of it.
    """
    from framing.corpus.clean import LONG_TEXT, detect_boilerplate, remove_ranges, removed_utf8

    frame = frame.reset_index(drop=True)
    texts = frame["text"]  # iterated, never turned into one big list: 100,000 texts are gigabytes as Python strings
    boilerplate = detect_boilerplate(
        frame["doc_id"].tolist(), texts, frame["outlet"].tolist(), frame["author"].tolist(), repeated
    )
    ranges: dict[Any, list[tuple[int, int]]] = {}
    for doc_id, start, end in zip(boilerplate["doc_id"], boilerplate["start"], boilerplate["end"]):
        ranges.setdefault(doc_id, []).append((start, end))
    clean = string_column(
        (removed_utf8 if len(text) > LONG_TEXT else remove_ranges)(text, ranges[doc_id]) if doc_id in ranges else text
        for doc_id, text in zip(frame["doc_id"], texts)
    )
    frame.insert(list(frame.columns).index("text") + 1, "clean_text", clean)  # our own copy (reset_index)
    return frame, boilerplate


def string_column(values: Iterable[str | bytes]) -> Any:
    """A pandas string column built straight from an iterator (no list of every value on the way; bytes: UTF-8)."""
    import pandas as pd
    import pyarrow as pa

    return pd.array(pa.array(values, type=pa.large_string()), dtype="str")
