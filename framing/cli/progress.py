"""Phase lines on stderr for the slow commands (`framing report`, `framing exercise`).

A report on a few hundred articles takes tens of seconds; without a word a
user thinks it hangs. The lines go to stderr, only when it is a terminal and
`--quiet` is not given, so pipes, scripts and the command's own output
(the file name on stdout) are never touched.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Phases:
    """Prints `framing COMMAND: phase... (N.N s)` lines, one per phase, when shown."""

    def __init__(self, command: str, *, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.command = command
        self.shown = not quiet and _is_terminal(self.stream)
        self.started = time.perf_counter()

    def step(self, text: str) -> None:
        """Say what the command starts doing now, with the seconds since it began."""
        if self.shown:
            elapsed = time.perf_counter() - self.started
            print(f"framing {self.command}: {text}... ({elapsed:.1f} s)", file=self.stream, flush=True)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False
