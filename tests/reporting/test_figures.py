"""The report's figures: drawn once each, the same bytes every run, ids unique on the page, no matplotlib."""

from __future__ import annotations

import re
import subprocess
import sys

from framing.reporting.figures import report_figures
from framing.stats import matrices


def ids(svg: str) -> list[str]:
    return re.findall(r'\bid="([^"]+)"', svg)


def test_report_figures_are_deterministic_and_have_alt_text(nato_scores, nato_comparison):
    first = report_figures(nato_scores, nato_comparison)
    second = report_figures(nato_scores, nato_comparison)
    assert {"frame-balance", "policy-frames", "sentiment", "loaded-language", "similarity"} <= set(first)
    for name, figure in first.items():
        assert figure["svg"] == second[name]["svg"], name
        assert set(figure) == {"alt", "svg"}, "one drawing per figure"
        assert len(figure["alt"]) > 30 and f'<title id="{name}-title">' in figure["svg"]
    all_ids = [i for figure in first.values() for i in ids(figure["svg"])]
    assert len(all_ids) == len(set(all_ids)), "ids must be unique across the page"


def test_the_report_never_imports_matplotlib(tmp_path):
    code = (
        "import sys, framing\n"
        "from framing.reporting import report\n"
        f"report(framing.load_corpus('nato-eastern-flank-2022')).save({str(tmp_path / 'r.html')!r})\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", "the figures are our own SVG: matplotlib costs a second of start-up"


def test_outlet_means_reads_the_bootstrap_intervals(nato_scores):
    stats = matrices.outlet_means(nato_scores, "sentiment")
    assert list(stats.columns) == ["outlet", "n", "mean", "low", "high"]
    assert stats["outlet"].tolist() == sorted(nato_scores.table["outlet"].unique())
    expected = nato_scores.table.groupby("outlet")["sentiment"].mean()
    assert stats.set_index("outlet")["mean"].round(9).equals(expected.round(9).rename("mean").rename_axis("outlet"))
