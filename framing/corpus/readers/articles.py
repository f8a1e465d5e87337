"""Folders of article files: one `.md`/`.txt` per article, YAML front matter on top.

    ---
    outlet: Defense News
    title: NATO weighs options
    date: 2022-03-16
    ---
    The article text ...

`outlet` is required; `title`, `date`, `author`, `url` are standard; every
other key (e.g. `language`, `date_note`) is kept as a metadata column.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from framing.corpus.readers.columns import COMPUTED, Columns, stringify
from framing.corpus.readers.dates import parse_date
from framing.corpus.readers.decode import read_text
from framing.errors import FramingError, yaml_error

ARTICLE_SUFFIXES = (".md", ".txt")
_FENCE = re.compile(r"^---[ \t]*$")


def _loader() -> Any:
    """A YAML SafeLoader that leaves dates as text, so we parse (and report) them ourselves."""
    import yaml

    class FrontMatterLoader(yaml.SafeLoader):
        pass

    FrontMatterLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return FrontMatterLoader


def split_front_matter(text: str, path: object) -> tuple[dict[str, Any], str]:
    """Return (front matter, body). A file without a leading `---` has no front matter."""
    import yaml

    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return {}, text
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i]) or lines[i].rstrip() == "..."), None)
    if end is None:
        raise FramingError(
            f"{path} line 1: the front matter opened with '---' is never closed; add a '---' line after the header"
        )
    header = "\n".join(lines[1:end])
    try:
        meta = yaml.load(header, Loader=_loader()) if header.strip() else {}
    except yaml.YAMLError as exc:
        raise yaml_error(
            exc,
            path,
            "malformed front matter",
            "write one 'key: value' per line and quote values containing ': '",
            first_line=2,
            at=" line {line}",
        ) from None
    if not isinstance(meta, dict):
        raise FramingError(
            f"{path} line 2: the front matter must be 'key: value' lines, "
            f"not a {type(meta).__name__}; write e.g. 'outlet: Defense News'"
        )
    body = "\n".join(lines[end + 1 :])
    return meta, body.lstrip("\n") if body.strip() else body


def _key_line(text: str, key: str) -> int:
    """The file line on which front-matter `key` is set (for error messages)."""
    for number, line in enumerate(text.split("\n"), start=1):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return number
    return 1


def read_article_file(path: Path, columns: Columns) -> dict[str, Any]:
    """One article file -> a record with the standard fields and any extra keys."""
    text = read_text(path)
    meta, body = split_front_matter(text, path)
    outlet = stringify(meta.get(columns.outlet)).strip()
    if not outlet:
        raise FramingError(
            f"{path}: no '{columns.outlet}' in the front matter; add a header "
            f"'---' / '{columns.outlet}: <outlet name>' / '---' at the top of the file"
        )
    if not body.strip():
        raise FramingError(f"{path}: the article text is empty; add the text below the front matter or remove the file")
    date = parse_date(meta.get(columns.date))
    if date is None:
        raise FramingError(
            f"{path} line {_key_line(text, columns.date)}: cannot read the date "
            f"{stringify(meta.get(columns.date))!r}; write it as YYYY-MM-DD"
        )
    # `source_id` is the id `corpus import` could not use as a file name: the article's real id
    doc_id = stringify(meta.get(columns.id) if columns.id else meta.get("source_id") or path.stem).strip()
    if not doc_id:
        raise FramingError(
            f"{path}: no '{columns.id}' in the front matter for the article id (--id-column); "
            "add it, or leave out the option to use file names as ids"
        )
    record = {
        "doc_id": doc_id,
        "outlet": outlet,
        "title": stringify(meta.get(columns.title)).strip(),
        "date": date,
        "author": stringify(meta.get("author")).strip(),
        "url": stringify(meta.get("url")).strip(),
        "text": body,
    }
    used = {columns.outlet, columns.title, columns.date, "author", "url", columns.id or "source_id"}
    for key, value in meta.items():
        key = str(key)
        if key not in used and key not in record and key not in COMPUTED:
            record[key] = stringify(value)
    return record


def is_article_name(path: Path) -> bool:
    """False for the files a corpus folder keeps beside its articles: hidden, `_draft`, README.*."""
    return not path.name.startswith((".", "_")) and not path.stem.upper().startswith("README")


def article_files(folder: Path) -> list[Path]:
    """Article files in a folder, sorted by name; README and hidden files are not articles."""
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and is_article_name(p)
    )
