"""Bar charts of the bundled corpus: one bar per outlet and contrast, on the side its balance leans."""

from __future__ import annotations

import re

from framing.reporting.charts import bars
from framing.reporting.labels import category_labels
from framing.stats import matrices


def test_each_outlet_gets_a_bar_from_zero_toward_its_balance(nato_scores):
    svg = bars.frame_balance(nato_scores, "fb", "Alt")
    column, _ = matrices.contrast_columns(nato_scores)[0]
    means = matrices.outlet_means(nato_scores, column).set_index("outlet")["mean"]
    zero = float(re.search(r'<line x1="([\d.]+)" y1="[\d.]+" x2="\1"[^>]*stroke="#000000"/></svg>', svg).group(1))
    for outlet, mean in means.items():
        bar = re.search(rf'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*><title>{re.escape(outlet)}: ', svg)
        assert bar, outlet
        left, width = float(bar.group(1)), float(bar.group(2))
        assert (left < zero) == (mean < 0) and abs(width - abs(mean) * 150) < 0.2, (outlet, mean)


def test_category_bars_write_their_numbers_and_use_the_lexicons_labels(nato_scores):
    lexicon = matrices.lexicon_named(nato_scores, "military-posture")
    svg = bars.frame_categories(nato_scores, lexicon, "fc", "Alt")
    matrix = matrices.category_matrix(nato_scores, lexicon, matrices.top_outlets(nato_scores.table))
    written = re.findall(r">(\d+\.\d)</text>", svg)
    assert sorted(written) == sorted(f"{v:.1f}" for v in matrix.to_numpy().ravel())
    for name in category_labels([lexicon]).values():
        assert f">{name}</text>" in svg
    assert "_" not in "".join(re.findall(r"<title>([^<]*)</title>", svg))
