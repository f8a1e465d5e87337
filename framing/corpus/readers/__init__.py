"""Reading articles from wherever a user keeps them, into one standard table.

`read_source(path, columns)` accepts a folder of article files with front
matter, a folder of saved `.html` pages, or a CSV / JSONL(.gz) / Parquet table,
and returns a `RawCorpus`: the articles as a DataFrame with the standard
columns (doc_id, outlet, title, date, author, url, text, then extras), the
article files for provenance, corpus-level metadata and where each row came
from (for error messages). Boilerplate cleaning happens later, in `framing.corpus`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.corpus.readers.columns import STANDARD, Columns
from framing.corpus.readers.tables import TABLE_SUFFIXES, table_suffix
from framing.errors import FramingError, yaml_error

if TYPE_CHECKING:
    import pandas as pd
    from pandas import DataFrame

__all__ = ["Columns", "RawCorpus", "read_source", "STANDARD"]


@dataclass
class RawCorpus:
    frame: pd.DataFrame
    name: str
    meta: dict[str, Any] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    source_path: Path | None = None
    locate: Callable[[int], str] = str


def read_source(path: Path, columns: Columns | None = None) -> RawCorpus:
    """Read a folder or a table; raise FramingError naming the file when it is wrong."""
    from framing.corpus.readers.validate import validate_frame

    columns = columns or Columns()
    path = Path(path)
    if path.is_dir():
        raw = _read_folder(path, columns)
    elif path.is_file():
        raw = _read_table(path, columns)
    else:
        raise FramingError(
            f"{path}: no such file or folder; give a folder of articles, a table "
            f"({', '.join(TABLE_SUFFIXES)}) or a bundled corpus name"
        )
    validate_frame(raw.frame, raw.locate, path)
    return raw


def _read_table(path: Path, columns: Columns) -> RawCorpus:
    from framing.corpus.readers.tables import table_records

    suffix = table_suffix(path)
    if suffix is None:
        raise FramingError(
            f"{path}: unsupported file type {''.join(path.suffixes) or '(none)'!r}; "
            f"use a table ({', '.join(TABLE_SUFFIXES)}) or a folder of .md/.txt/.html articles"
        )
    frame = table_records(path, columns)
    name = path.name[: -len(suffix)]
    return RawCorpus(frame, name, {"name": name}, {}, path, lambda i: f"{path} row {i + 1}")


def _read_folder(folder: Path, columns: Columns) -> RawCorpus:
    import pandas as pd

    from framing.corpus.readers.articles import article_files, read_article_file
    from framing.corpus.readers.html import html_files, read_html_file

    paths = article_files(folder) + html_files(folder)
    records = [
        read_article_file(p, columns) if p.suffix.lower() in (".md", ".txt") else read_html_file(p) for p in paths
    ]
    frame = _records_frame(records, pd)
    meta = _corpus_yaml(folder)
    meta.setdefault("name", folder.name)
    files = {r["doc_id"]: p for r, p in zip(records, paths)}
    return RawCorpus(frame, str(meta["name"]), meta, files, folder, lambda i: str(paths[i]))


def _records_frame(records: list[dict[str, Any]], pd: Any) -> DataFrame:  # `pd` is the pandas module, passed in
    frame = pd.DataFrame.from_records(records, columns=_column_order(records))
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]") if len(frame) else frame["date"]
    for name in frame.columns:
        if name != "date":
            frame[name] = frame[name].fillna("").astype(str)
    result: DataFrame = frame
    return result


def _column_order(records: list[dict[str, Any]]) -> list[str]:
    extras: list[str] = []
    for record in records:
        extras += [k for k in record if k not in STANDARD and k not in extras]
    return list(STANDARD) + extras


def _corpus_yaml(folder: Path) -> dict[str, Any]:
    import yaml

    from framing.corpus.readers.decode import read_text

    path = folder / "corpus.yaml"
    if not path.is_file():
        return {}
    try:
        meta = yaml.safe_load(read_text(path)) or {}
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, "malformed YAML", "fix the file", at=" line {line}") from None
    if not isinstance(meta, dict):
        raise FramingError(f"{path}: expected 'key: value' lines (name, description, source, licence)")
    return meta
