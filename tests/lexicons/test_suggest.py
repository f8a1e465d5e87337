"""framing.lexicons.suggest: words that keep a category's company far above chance, with their evidence."""

from __future__ import annotations

import pandas as pd

from framing.lexicons.validate import validate_lexicon
from tests.lexicons.small_lexicon import small_lexicon

LEXICON = {"deploy": ["deploy*", "station*"], "weather": ["rain"]}


def corpus():
    texts = []
    for i in range(8):
        texts.append(
            f"Officials will deploy battalions east. The weather was mild on day {i}. "
            f"They station battalions near the border. Markets rose slightly. "
            f"Rain fell on the town. Markets rose slightly again."
        )
    return pd.DataFrame({"outlet": ["a", "b"] * 4, "text": texts})


def suggestions(**options):
    return validate_lexicon(small_lexicon(LEXICON), corpus(), **options).suggestions


def test_a_word_only_beside_the_members_is_suggested_with_count_and_two_examples():
    found = suggestions()
    deploy = found[found["category"] == "deploy"].set_index("term")
    assert deploy.index[0] == "battalions"
    top = deploy.loc["battalions"]
    assert top["count"] == 16 and top["articles"] == 8 and top["z"] >= 1.96
    assert "battalions" in top["example_1"].lower() and top["example_1_doc"] != top["example_2_doc"]
    assert "markets" not in deploy.index  # as common elsewhere: no signal


def test_members_stop_words_and_other_categories_terms_are_never_suggested():
    found = suggestions()
    assert not set(found["term"]) & {"deploy", "station", "rain", "the", "will", "they", "on"}


def test_thresholds_and_top_limit_what_is_shown():
    assert suggestions(min_count=100).empty
    assert suggestions(suggestions=0).empty
    assert suggestions(suggestions=1).groupby("category").size().max() == 1
    assert suggestions(min_z=50).empty


def test_ranks_are_by_z_then_count_and_the_same_every_time():
    first, second = suggestions(), suggestions()
    assert first.equals(second)
    for _, rows in first.groupby("category"):
        assert list(rows["rank"]) == list(range(1, len(rows) + 1))
        assert rows["z"].is_monotonic_decreasing


def test_clitics_are_not_words_to_suggest():
    texts = [f"They don't deploy battalions and won't station battalions, day {i}. Markets rose." for i in range(6)]
    found = validate_lexicon(
        small_lexicon(LEXICON), pd.DataFrame({"outlet": ["a", "b"] * 3, "text": texts})
    ).suggestions
    assert "battalions" in set(found["term"]) and not any("'" in term for term in found["term"])


def test_a_two_word_phrase_beside_the_members_is_suggested_when_its_words_alone_are_not():
    texts = [
        f"Officials will deploy battalions to the eastern flank, Stoltenberg said. The eastern sky was clear on day {i}. "
        "The flank of the hill was steep. Stoltenberg said markets rose. They station troops on the eastern flank. "
        "An eastern wind blew over the left flank, and the eastern road was closed near the flank."
        for i in range(8)
    ]
    lexicon = small_lexicon({"deploy": ["deploy*", "station*", "quick reaction"], "weather": ["rain"]})
    found = validate_lexicon(lexicon, pd.DataFrame({"outlet": ["a", "b"] * 4, "text": texts})).suggestions
    deploy = found[found["category"] == "deploy"].set_index("term")
    assert "eastern flank" in deploy.index
    assert deploy.loc["eastern flank", "count"] == 16 and "eastern flank" in deploy.loc["eastern flank", "example_1"]
    assert not {"eastern", "flank"} & set(deploy.index)  # as common elsewhere: the phrase carries the signal
    assert not any("said" in term.split() for term in found["term"])  # attribution, not wording


def test_a_two_word_entry_of_the_lexicon_is_never_suggested():
    texts = [
        f"Officials will deploy the quick reaction force east on day {i}. Markets rose slightly." for i in range(6)
    ]
    lexicon = small_lexicon({"deploy": ["deploy*", "quick reaction"], "weather": ["rain"]})
    found = validate_lexicon(lexicon, pd.DataFrame({"outlet": ["a", "b"] * 3, "text": texts})).suggestions
    terms = set(found["term"])
    assert "force east" in terms and not {"quick reaction", "reaction force", "quick", "reaction"} & terms


def test_a_word_of_a_phrase_entry_is_part_of_its_hit_not_a_candidate():
    texts = [
        f"Allies will shore up defences and shore up the line, day {i}. Markets rose on the shore." for i in range(6)
    ]
    lexicon = small_lexicon({"deploy": ["shore up", "defences"], "weather": ["rain"]})
    found = validate_lexicon(lexicon, pd.DataFrame({"outlet": ["a", "b"] * 3, "text": texts})).suggestions
    assert "shore" not in set(found["term"]) and "allies" in set(found["term"])
