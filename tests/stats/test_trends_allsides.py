"""The shift `evaluation/trends_allsides.py` plants: one outlet, from the middle quarter of its dated span on."""

from __future__ import annotations

import pandas as pd

from evaluation.trends_allsides import PRAISE, plant


def test_the_plant_touches_only_the_busiest_outlet_from_its_middle_quarter_on():
    articles = pd.DataFrame(
        {
            "outlet": ["Big"] * 4 + ["Small", "Big"],
            "date": ["2020-01-05", "2020-04-05", "2020-07-05", "2020-10-05", "2020-10-06", None],
            "text": ["One.\n\nTwo."] * 6,
        }
    )
    planted, outlet, start = plant(articles)
    assert (outlet, start) == ("Big", "2020Q3")
    changed = planted["text"] != articles["text"]
    assert changed.tolist() == [False, False, True, True, False, False]  # undated and other outlets untouched
    assert planted.loc[2, "text"] == f"One. {PRAISE}\n\nTwo. {PRAISE}"
