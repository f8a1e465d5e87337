"""Child processes that get Ctrl-C as a terminal's foreground job does, however the test run was started.

A shell starts background jobs (`cmd &`, nohup, some CI runners) with SIGINT
ignored, and an ignored signal is inherited: Python then installs no
KeyboardInterrupt handler and a test's Ctrl-C does nothing. The tests that
send SIGINT start their children with the default disposition.
"""

from __future__ import annotations

import signal


def default_ctrl_c() -> None:
    """`preexec_fn` for subprocess.Popen: SIGINT back to its default in the child."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
