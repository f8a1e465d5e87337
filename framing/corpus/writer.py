"""Writing a corpus as a folder of article files (what `framing corpus import` does).

The folder is built under a temporary name beside the target and renamed into
place in one step, so a crash or a bad row never leaves half a corpus behind.
Files inside the temporary folder are written plainly: the folder rename is
the atomic step, and skipping a per-file fsync keeps a 100,000-article import fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

    from framing.corpus.model import Corpus

import hashlib
import re
import shutil
import tempfile
from pathlib import Path

from framing.corpus.readers.columns import stringify
from framing.errors import FramingError
from framing.io import cannot_write

_UNSAFE = re.compile(r"[^\w.-]+")
_WINDOWS_RESERVED = re.compile(r"(con|prn|aux|nul|com\d|lpt\d)(\..*)?", re.IGNORECASE)
MAX_STEM = 60  # characters; at 4 bytes each in UTF-8, well inside the 255-byte limit with ".md"
_FIXED = ("outlet", "title", "date", "author", "url")


def _file_stem(doc_id: str, taken: set[str]) -> str:
    """A file name for the id: safe characters, not a name the readers skip or Windows reserves, short.

    When it differs from the id, the id goes into the front matter as `source_id`
    and the reader gives it back, so import then load keeps every id.
    """
    stem = _UNSAFE.sub("_", doc_id).strip("._") or "article"
    if stem.upper().startswith("README") or _WINDOWS_RESERVED.fullmatch(stem):
        stem = f"id-{stem}"
    if len(stem) > MAX_STEM:  # file names stop at 255 bytes; keep it unique with a hash of the id
        stem = f"{stem[: MAX_STEM - 13]}-{hashlib.sha256(doc_id.encode('utf-8')).hexdigest()[:12]}"
    candidate, n = stem, 2
    while candidate.lower() in taken:
        candidate, n = f"{stem}-{n}", n + 1
    taken.add(candidate.lower())
    return candidate


def _date_text(value: Any) -> str:
    if value != value or value is None:
        return ""
    result: str = value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    return result


def article_file_text(article: Mapping[Any, Any], extras: list[str]) -> str:
    """Front matter plus the original text of one article."""
    import yaml

    meta = {"outlet": article["outlet"]}
    for key in _FIXED[1:]:
        value = _date_text(article[key]) if key == "date" else article[key]
        if value:
            meta[key] = value
    for key in extras:
        value = stringify(article[key])
        if value:
            meta[key] = value
    header = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{header}---\n{article['text']}"


def _corpus_yaml(corpus: Corpus, name: str) -> str:
    import yaml

    meta = {k: v for k, v in corpus.meta.items() if k != "name"}
    source = corpus.source_path.name if corpus.source_path is not None else "a table"
    meta = {
        "name": name,
        "description": meta.pop("description", f"Imported from {source}."),
        "source": meta.pop("source", str(source)),
        **meta,
    }
    return yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)


def write_article_folder(corpus: Corpus, output: str | Path, *, force: bool = False) -> Path:
    """Write every article of `corpus` as `<doc_id>.md`; refuse a non-empty folder unless `force`."""
    target = Path(output)
    if target.exists() and not target.is_dir():
        raise FramingError(f"{target}: exists and is not a folder; choose another output path")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise FramingError(f"{target}: folder is not empty; choose a new folder or pass --force to replace it")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise cannot_write(target, exc) from None
    try:
        _fill(staging, corpus, target.name)
        _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _fill(folder: Path, corpus: Corpus, name: str) -> None:
    from framing.corpus.model import ARTICLE_COLUMNS

    extras = [c for c in corpus.articles.columns if c not in ARTICLE_COLUMNS and c != "source_id"]
    taken: set[str] = set()
    for article in corpus.articles.to_dict("records"):
        stem = _file_stem(article["doc_id"], taken)
        if stem != article["doc_id"]:
            article["source_id"] = article["doc_id"]
        keys = extras + (["source_id"] if "source_id" in article else [])
        (folder / f"{stem}.md").write_text(article_file_text(article, keys), encoding="utf-8")
    (folder / "corpus.yaml").write_text(_corpus_yaml(corpus, name), encoding="utf-8")
    folder.chmod(0o755)


def _swap_in(staging: Path, target: Path) -> None:
    """Rename the finished folder into place; an old folder is moved aside first, then removed."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        old.rmdir()
        target.rename(old)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
