"""framing.lexicons.snippet: the suggestions as YAML that parses, round-trips and cannot be broken by corpus text."""

from __future__ import annotations

import dataclasses

import pandas as pd
import yaml

from framing.lexicons.snippet import suggestions_yaml
from framing.lexicons.validate import validate_lexicon


def test_the_snippet_parses_and_lists_the_suggested_terms(nato_corpus):
    validation = validate_lexicon("military-posture", nato_corpus)
    text = suggestions_yaml(validation)
    parsed = yaml.safe_load(text)
    for name, rows in validation.suggestions.groupby("category", sort=False):
        assert parsed["categories"][name]["entries"] == list(rows["term"])
    assert "# diplomacy: no term passed the thresholds" in text
    assert "# e.g. (002-unattributed-a)" in text


def test_corpus_text_cannot_leave_its_comment(nato_corpus):
    validation = validate_lexicon("military-posture", nato_corpus)
    hostile = "evil\n  injected: true\r\n\x85- also\u2028: no\x00"
    rows = validation.suggestions.assign(example_1=hostile, example_1_doc="doc\nx: 1", term='say "hi": [x]')
    text = suggestions_yaml(dataclasses.replace(validation, suggestions=rows))
    parsed = yaml.safe_load(text)
    assert set(parsed) == {"categories"}
    assert all(entries["entries"][0] == 'say "hi": [x]' for entries in parsed["categories"].values())
    assert "injected" not in str(parsed)


def test_no_suggestions_still_gives_valid_yaml(nato_corpus):
    validation = validate_lexicon("military-posture", nato_corpus, suggestions=0)
    assert validation.suggestions.empty and isinstance(validation.suggestions, pd.DataFrame)
    assert yaml.safe_load(suggestions_yaml(validation)) == {"categories": None}
