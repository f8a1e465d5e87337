"""framing.reporting.labels: snake_case category names in plain words."""
from __future__ import annotations

import pytest

from framing.reporting.labels import label


@pytest.mark.parametrize("name, plain", [("russian_threat", "Russian threat"), ("cost_burden", "cost burden"),
                                         ("security_and_defense", "security and defense"), ("defensive", "defensive"),
                                         ("report_neutral", "report neutral")])
def test_names_become_words(name, plain):
    assert label(name) == plain


def test_a_given_label_wins():
    assert label("report_neutral", "neutral report verbs (said, told)") == "neutral report verbs (said, told)"
