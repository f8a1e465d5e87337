"""One check, shared by every command, that an output path can never destroy an input.

Why: `framing score articles.csv -o articles.csv` used to replace the corpus
with its scores, and `-o somefolder` crashed after writing half the outputs.
Every command now names its inputs and outputs and calls `check_outputs`
before it computes or writes anything, so a bad path costs nothing: one line,
exit 2 (via FramingError), no file touched.

Rules:
- an output is never an input (same file after resolving symlinks, or a hard
  link to it), never inside an input folder, and never a folder that holds
  an input it would replace;
- two outputs of one run are never the same file;
- a file output is never an existing folder;
- a folder output (`compare -o DIR`) is never an existing file, and an
  existing non-empty folder needs `force=True` (which still never allows
  overwriting an input).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from framing.errors import FramingError


@dataclass(frozen=True)
class Output:
    """A path a command will write, and the option that named it (for the message)."""

    path: Path
    option: str
    folder: bool = False  # True: a folder of tables (compare) or of articles (corpus import)
    replaces: bool = False  # True: the whole folder is replaced (corpus import --force)


def output_file(path: str | os.PathLike, option: str = "-o") -> Output:
    """A single file the command writes."""
    return Output(Path(path).expanduser(), option)


def output_folder(path: str | os.PathLike, option: str = "-o", *, replaces: bool = False) -> Output:
    """A folder the command writes files into (or, with `replaces`, swaps in whole)."""
    return Output(Path(path).expanduser(), option, folder=True, replaces=replaces)


def corpus_input(source: str) -> list[Path]:
    """The path a corpus argument reads: the file or folder itself, or a bundled corpus' folder."""
    path = Path(source).expanduser()
    if path.exists():
        return [path]
    from framing.corpus.model import bundled_corpora, bundled_corpus_path

    return [bundled_corpus_path(source)] if source in bundled_corpora() else []


def existing_inputs(*values: str | os.PathLike | None) -> list[Path]:
    """The values that name existing files or folders (lexicon and target names that are not paths drop out)."""
    return [Path(v).expanduser() for v in values if v is not None and Path(v).expanduser().exists()]


def check_outputs(inputs: Iterable[Path], outputs: Iterable[Output], *, force: bool = False) -> None:
    """Raise FramingError (one line naming both paths) if any output could overwrite an input or clash."""
    inputs, outputs = list(inputs), list(outputs)
    for output in outputs:
        _check_kind(output, force)
        for source in inputs:
            _check_against_input(output, source)
    for index, first in enumerate(outputs):
        for second in outputs[index + 1 :]:
            if _same(first.path, second.path):
                raise FramingError(
                    f"{second.path}: {second.option} and {first.option} name the same file; "
                    f"give each output its own path"
                )


def check_table_names(*paths: str | os.PathLike | None) -> None:
    """Each table output's name must say its format; called after `check_outputs` (a folder or an input is the
    real problem when the name is also wrong)."""
    from framing.io import TABLE_SUFFIXES

    for path in filter(None, paths):
        if not str(path).lower().endswith(TABLE_SUFFIXES):
            raise FramingError(f"{path}: unknown output format; use one of {', '.join(TABLE_SUFFIXES)}")


def check_folder_files(inputs: Iterable[Path], files: Iterable[Path], option: str = "-o") -> None:
    """The files a folder output will hold must not be inputs either (e.g. `compare data.csv -o . --force`)."""
    inputs = list(inputs)
    for path in files:
        for source in inputs:
            _check_against_input(Output(path, option), source)


def _check_kind(output: Output, force: bool) -> None:
    path = output.path
    if output.folder:
        if path.exists() and not path.is_dir():
            raise FramingError(
                f"{path}: {output.option} must be a folder, and this is an existing file; choose a new folder name"
            )
        if path.is_dir() and any(path.iterdir()) and not force:
            what = "replace it" if output.replaces else "overwrite the tables framing writes there"
            raise FramingError(f"{path}: folder is not empty; choose a new folder or pass --force to {what}")
    elif path.is_dir():
        raise FramingError(f"{path}: {output.option} is an existing folder, not a file; give a file name instead")


def _check_against_input(output: Output, source: Path) -> None:
    path = output.path
    if _same(path, source):
        raise FramingError(
            f"{path}: {output.option} is the input {source}; writing it would destroy the input, "
            f"choose another output path"
        )
    if source.is_dir() and _inside(path, source):
        raise FramingError(
            f"{path}: {output.option} is inside the input folder {source}; choose an output path outside it"
        )
    if output.replaces and _inside(source, path):
        raise FramingError(
            f"{path}: {output.option} folder holds the input {source}, and replacing the folder "
            f"would delete it; choose an output folder that does not contain the input"
        )


def _same(a: Path, b: Path) -> bool:
    """Same file or folder: samefile when both exist (hard links, case-insensitive disks), else resolved paths."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def _inside(path: Path, folder: Path) -> bool:
    """`path` is `folder` itself or lies somewhere below it (symlinks resolved)."""
    resolved, parent = path.resolve(), folder.resolve()
    return resolved == parent or parent in resolved.parents
