"""Each built-in lexicon's datasheet quotes the validation figures that `tools/lexicon_figures.py` measures."""

from __future__ import annotations

import pytest

from framing.lexicons.model import builtin_lexicons
from framing.resources import read_data_text
from tools.lexicon_figures import BUNDLED, figures


@pytest.mark.parametrize("name", builtin_lexicons())
def test_the_datasheet_holds_the_figures_measured_on_the_bundled_corpus_and_allsides(name):
    sheet = read_data_text("framing.lexicons.data", f"{name}.md")
    section = sheet.split("## Checked on real corpora", 1)[1]
    measured = "\n".join(figures(name, BUNDLED, f"Bundled corpus `{BUNDLED}`"))
    assert measured.strip() in section  # rebuilt with tools/lexicon_figures.py when a lexicon changes
    assert "AllSides (`allsides-10k.jsonl.gz`): 10,000 articles" in section
