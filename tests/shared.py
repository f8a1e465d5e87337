"""Where ../shared is: beside the checkout, or where FRAMING_SHARED_DATA says its data folder is.

One place for the tests: a git worktree sits one level deeper than the main
checkout, and tests that looked for ../shared themselves skipped there
without a word.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("FRAMING_SHARED_DATA") or REPO_ROOT.parent / "shared" / "data")
SHARED_SEEDS = SHARED_DATA.parent / "seeds"  # the five seed articles, beside data/
