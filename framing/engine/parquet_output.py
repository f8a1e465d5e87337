"""Partitioned Parquet folders that appear whole or not at all.

Workers write `part.NNNNN.parquet` files (one per input partition, numbered
in input order, so reading the folder gives corpus order) into a hidden
sibling folder; only when every partition has succeeded is it renamed to the
name the user asked for. A failed or interrupted run removes it, leaving
nothing half-written, and an earlier output folder untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from framing.errors import FramingError
from framing.io import _finish, _rename, table_bytes

if TYPE_CHECKING:
    import pandas as pd


def part_name(index: int) -> str:
    """The file name of partition `index` (zero-padded so names sort in input order)."""
    return f"part.{index:05d}.parquet"


@contextmanager
def staged_folders(*targets: Path | None) -> Iterator[list[Path | None]]:
    """Yield a temporary sibling folder per target (None stays None); rename them all on success."""
    with ExitStack() as stack:
        staged = [None if t is None else stack.enter_context(_staged(Path(t))) for t in targets]
        yield staged


@contextmanager
def _staged(target: Path) -> Iterator[Path]:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    except OSError as exc:
        raise FramingError(f"{target}: cannot write here ({exc.strerror}); choose another output folder") from None
    try:
        yield temporary
    except BaseException:
        _discard(temporary)
        raise
    for leftover in temporary.glob(".part.*.tmp"):  # a worker killed mid-write; its partition was redone
        leftover.unlink(missing_ok=True)
    os.chmod(temporary, 0o755)
    _swap_in(temporary, target)


def _discard(temporary: Path) -> None:
    """Remove a failed run's folder, first renamed so that a worker still writing cannot put a file back.

    After a failure or Ctrl-C, tasks may still be running (on a cluster the run
    did not start): `write_part` never creates a missing folder, so once the
    name is gone their writes fail instead of leaving a file behind.
    """
    doomed = temporary.with_name(temporary.name[: -len(".tmp")] + ".discard")
    try:
        os.replace(temporary, doomed)
    except OSError:
        doomed = temporary
    shutil.rmtree(doomed, ignore_errors=True)


def _swap_in(temporary: Path, target: Path) -> None:
    """Rename `temporary` to `target`; an existing `target` folder is replaced only after that worked."""
    if not target.exists():
        os.replace(temporary, target)
        return
    if not target.is_dir():
        shutil.rmtree(temporary, ignore_errors=True)
        raise FramingError(f"{target}: a file is in the way of the output folder; remove it or choose another name")
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    os.replace(target, old / target.name)
    os.replace(temporary, target)
    shutil.rmtree(old, ignore_errors=True)


def write_part(frame: pd.DataFrame, folder: Path, index: int) -> None:
    """Write one partition's table into `folder`, which must exist (a cancelled run's folder is gone)."""
    fd, tmp = tempfile.mkstemp(prefix=".part.", suffix=".tmp", dir=folder)  # no mkdir: never recreate a removed folder
    handle = os.fdopen(fd, "wb")
    try:
        handle.write(table_bytes(frame, ".parquet"))
        _finish(handle, tmp)
        _rename(tmp, folder / part_name(index))
    except BaseException:
        handle.close()
        Path(tmp).unlink(missing_ok=True)
        raise
