"""Provenance: enough to know exactly what a report was made from and to make it again.

Hashes are of file bytes (SHA-256), so a changed article, lexicon or target
list shows up as a changed hash. The time is recorded only when asked for
(`timestamp=True`), because a timestamp would make every run differ.
"""

from __future__ import annotations

import glob
import hashlib
import shlex
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing._version import __version__
from framing.corpus.readers.tables import table_suffix

if TYPE_CHECKING:
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores


def sha256_file(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks (a corpus file can be large)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _display(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.name


def _beside_articles(path: Path) -> bool:
    """Metadata files of a corpus folder, and the table parts of a partitioned one (Parquet parts, CSV pieces)."""
    return path.suffix in (".yaml", ".yml", ".json") or table_suffix(path) is not None


def corpus_files(corpus: Corpus) -> list[dict[str, str]]:
    """[{file, sha256}] for the corpus's source files, sorted by file name."""
    source = getattr(corpus, "source_path", None)
    source = Path(source) if source else None
    paths = {Path(p) for p in (getattr(corpus, "files", None) or {}).values()}
    if source is not None and source.is_file():
        paths.add(source)
    elif source is not None and source.is_dir():
        paths.update(p for p in source.iterdir() if p.is_file() and _beside_articles(p))
    elif source is not None and glob.has_magic(str(source)):
        paths.update(Path(p) for p in glob.glob(str(source)))
    root = source if source is not None and source.is_dir() else None
    rows = [{"file": _display(p, root), "sha256": sha256_file(p)} for p in paths if p.is_file()]
    return sorted(rows, key=lambda r: r["file"])


def default_command(
    corpus: Corpus, lexicons: Any, targets: Any, title: str | None, max_articles: int, timestamp: bool
) -> list[str]:
    """The CLI call equivalent to a `framing.report(...)` call (output path added on save)."""
    source = getattr(corpus, "source_path", None)
    args = ["framing", "report", str(source) if source and _is_user_path(corpus) else str(corpus.name)]
    for lexicon in lexicons or ():
        args += ["-l", str(getattr(lexicon, "path", None) or getattr(lexicon, "name", lexicon))]
    if targets is not None:
        args += ["--targets", str(getattr(targets, "path", targets))]
    if title:
        args += ["--title", title]
    if max_articles != 200:
        args += ["--max-articles", str(max_articles)]
    if timestamp:
        args.append("--timestamp")
    return args


def _is_user_path(corpus: Corpus) -> bool:
    """True unless the corpus is a bundled one (then its name is the shortest way back)."""
    try:
        from framing.corpus.model import bundled_corpora

        return corpus.name not in bundled_corpora()
    except ImportError:
        return True


def provenance(
    corpus: Corpus, scores: Scores, *, command: list[str], parameters: dict[str, Any], timestamp: bool
) -> dict[str, Any]:
    """The provenance section: version, corpus files, lexicons and targets with hashes, the re-run command."""
    lexicons = [
        {
            "name": lex.name,
            "version": str(lex.version),
            "sha256": lex.sha256,
            "file": Path(lex.path).name if lex.path is not None else "",  # a Path is never falsy: same as before
        }
        for lex in scores.lexicons
    ]
    targets = getattr(scores, "targets", None)
    target_file = getattr(targets, "path", None)
    return {
        "framing_version": __version__,
        "corpus": str(corpus.name),
        "files": corpus_files(corpus),
        "lexicons": lexicons,
        "targets": {
            "file": Path(target_file).name if target_file else "",
            "sha256": sha256_file(target_file) if target_file and Path(target_file).is_file() else "",
            "names": [getattr(t, "name", str(t)) for t in (targets or [])],
        },
        "parameters": parameters,
        "command": shlex.join(command),
        "created": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC") if timestamp else None,
    }
