"""Comparing outlets (and so the report) imports neither scikit-learn, nltk nor scipy.stats: seconds of start-up."""

from __future__ import annotations

import subprocess
import sys


def test_compare_on_the_bundled_corpus_imports_no_sklearn_nltk_or_scipy_stats():
    code = (
        "import sys, framing; framing.compare('nato-eastern-flank-2022'); "
        "print(sorted({m.split('.')[0] if not m.startswith('scipy.stats') else 'scipy.stats' for m in sys.modules "
        "if m.split('.')[0] in ('sklearn', 'nltk') or m.startswith('scipy.stats')}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
