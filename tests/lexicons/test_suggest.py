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
