"""The text `framing lexicon validate --corpus` prints: aligned table, per-category details, suggestions."""

from __future__ import annotations

import math

import pytest

from framing.cli.lexicon_table import HEADERS, LISTS, _estimate, _number, _percent, category_table, validation_text
from framing.lexicons.validate import validate_lexicon
from tests.lexicons.small_lexicon import small_lexicon


@pytest.fixture(scope="module")
def validation(nato_corpus):
    lexicon = small_lexicon({"nato_troops": ["troops", "battalion*", "never-said-word"], "talk": ["said"]})
    return validate_lexicon(lexicon, nato_corpus)


def test_first_line_names_lexicon_corpus_and_size(validation):
    lines = validation_text(validation, None)
    assert lines[0] == f"t 1 on {validation.corpus}: {validation.articles:,} articles, {validation.words:,} words"
    assert lines[2].split() == [w for h in HEADERS if h for w in h.split()]


def test_categories_are_printed_by_label_with_the_key_in_the_details(validation):
    lines = validation_text(validation, None)
    table_rows = lines[3:5]
    assert table_rows[0].startswith("NATO troops") and table_rows[1].startswith("talk")
    assert "NATO troops (nato_troops):" in lines and "talk:" in lines
    assert "  never occur (1): never-said-word" in lines


def test_the_last_line_says_where_the_suggestions_went(validation):
    assert validation_text(validation, "s.yaml")[-1].startswith("wrote s.yaml: the suggestions as YAML")


def test_category_table_keeps_the_key_and_adds_the_label(validation):
    table = category_table(validation)
    columns = list(table.columns)
    assert columns[columns.index("category") + 1] == "label"
    assert table["label"].tolist() == ["NATO troops", "talk"]
    assert all(isinstance(v, str) for column in LISTS for v in table[column])
    assert table.loc[0, "never_used"] == "never-said-word"
    assert list(validation.table.loc[0, "never_used"]) == ["never-said-word"]  # the validation itself is left alone


def test_numbers_percentages_and_intervals():
    assert _number(0.123) == "0.12" and _number(12.34, 1) == "12.3"
    assert _number(math.nan) == "n/a" and _number(None) == "n/a"
    assert _percent(0.256) == "26%" and _percent(math.nan) == "n/a"

    class Row:
        alpha, alpha_low, alpha_high = 0.61, 0.123, 0.88

    assert _estimate(Row(), "alpha") == "0.61 [0.12, 0.88]"
    Row.alpha = math.nan
    assert _estimate(Row(), "alpha") == "n/a"
