"""framing.lexicons.term_hits: each hit's entry, chosen as the matcher chooses, and whether it is quoted."""

from __future__ import annotations

from framing.lexicons.match import TokenTable, match
from framing.lexicons.term_hits import with_terms
from tests.lexicons.small_lexicon import small_lexicon

LEXICON = {"defence": ["defen*", "defence", "defended", "shore up", "troop*", "troops"], "quotes": "scare_quotes"}


def terms_of(text):
    lexicon = small_lexicon(LEXICON)
    table = TokenTable.from_texts([text])
    hits = with_terms(lexicon, table, match(lexicon, table.texts, [0], tokens=table))
    return list(zip(hits["text"], hits["term"], hits["quoted"]))


def test_exact_words_win_over_prefixes_and_phrases_keep_their_entry():
    found = terms_of("They defended it. The defence held; troops and a troop would shore up the line, defensively.")
    assert found == [
        ("defended", "defended", False),
        ("defence", "defence", False),
        ("troops", "troops", False),
        ("troop", "troop*", False),
        ("shore up", "shore up", False),
        ("defensively", "defen*", False),
    ]


def test_hits_inside_quotation_marks_are_quoted():
    found = terms_of('He said "we defend our troops" and then defended them.')
    assert ("defend", "defen*", True) in found and ("troops", "troops", True) in found
    assert ("defended", "defended", False) in found


def test_pattern_hits_are_named_by_their_pattern():
    found = terms_of("A “tripwire” force.")
    assert ("“tripwire”", "scare_quotes", True) in found
