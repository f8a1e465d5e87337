"""framing.reporting.sections.methods: each lexicon's own description, from the lexicon file."""

from __future__ import annotations


def test_every_lexicon_with_its_categories(nato_json, nato_scores):
    lexicons = {lex["name"]: lex for lex in nato_json["methods"]["lexicons"]}
    assert set(lexicons) == {lex.name for lex in nato_scores.lexicons}
    for lex in nato_scores.lexicons:
        shown = {c["name"]: c["terms"] for c in lexicons[lex.name]["categories"]}
        assert shown == {name: len(c.entries) for name, c in lex.categories.items()}
