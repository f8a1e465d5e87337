"""Syndicated copies and copied paragraphs are found, listed and collapsed."""

from __future__ import annotations

import pandas as pd

from framing.comparison.duplicates import (
    COLUMNS,
    find_duplicates,
    representatives,
    without_copied_paragraphs,
)

ORIGINAL = (
    "NATO will deploy four new battlegroups to Bulgaria, Hungary, Romania and Slovakia, officials said on Thursday.\n\n"
    "The alliance currently has about 40,000 troops in its eastern member states under direct NATO command.\n\n"
    "Critics in Moscow called the plan a provocation and promised an unspecified response to the deployment.\n\n"
    "Diplomats expect the leaders to approve the plan at the summit in Madrid at the end of June this year."
)
QUOTED = "Battlegroups typically are made up of 1,000 to 1,500 soldiers drawn from several allied armies across the alliance."


def corpus():
    copy = "Reprinted with permission.\n\n" + ORIGINAL.rsplit("\n\n", 1)[0]  # trimmed, new first line
    other = (
        "Wheat prices rose sharply in Chicago trading as dry weather threatened the harvest.\n\n"
        + QUOTED
        + "\n\nTraders said the weather would decide the market for the rest of the season."
    )
    third = (
        "Officials in Sofia welcomed the news about the troops.\n\n"
        + QUOTED
        + "\n\nThe government said the first soldiers would arrive within weeks."
    )
    return pd.DataFrame(
        {
            "doc_id": ["a-original", "b-copy", "c-wheat", "d-sofia"],
            "outlet": ["Wire Daily", "Town Herald", "Farm News", "Balkan Times"],
            "date": pd.to_datetime(["2022-03-01", "2022-03-02", "2022-03-01", "2022-03-03"]),
            "clean_text": [ORIGINAL, copy, other, third],
        }
    )


def test_syndicated_copy_and_copied_paragraph_are_found():
    found = find_duplicates(corpus())
    assert list(found.columns) == COLUMNS
    article = found[found["level"] == "article"]
    assert list(zip(article["doc_a"], article["doc_b"])) == [("a-original", "b-copy")]
    assert article["similarity"].iloc[0] >= 0.8
    assert article["excerpt"].iloc[0].startswith("NATO will deploy")
    paragraph = found[found["level"] == "paragraph"]
    assert list(zip(paragraph["doc_a"], paragraph["doc_b"])) == [("c-wheat", "d-sofia")]
    assert paragraph["paragraph_a"].iloc[0] == 1 and paragraph["paragraph_b"].iloc[0] == 1
    assert paragraph["excerpt"].iloc[0].startswith("Battlegroups typically")
    # the original/copy pair is not listed again paragraph by paragraph
    assert not ((found["level"] == "paragraph") & (found["doc_b"] == "b-copy")).any()


def test_unrelated_articles_on_the_same_topic_are_not_copies():
    frame = corpus()
    frame.loc[1, "clean_text"] = (
        "Four battlegroups are heading east, NATO says, as the alliance strengthens "
        "its posture; Moscow protested and diplomats look to Madrid in June."
    )
    found = find_duplicates(frame)
    assert not (found["level"] == "article").any()


def test_representative_is_the_earliest_copy_and_paragraph_kept_once():
    frame = corpus()
    found = find_duplicates(frame)
    keep = representatives(frame, found)
    assert keep.to_dict() == {
        "a-original": "a-original",
        "b-copy": "a-original",
        "c-wheat": "c-wheat",
        "d-sofia": "d-sofia",
    }
    texts = without_copied_paragraphs(frame, found)
    assert QUOTED in texts.iloc[2] and QUOTED not in texts.iloc[3]
    assert "Officials in Sofia" in texts.iloc[3]


def test_results_are_deterministic():
    pd.testing.assert_frame_equal(find_duplicates(corpus()), find_duplicates(corpus()))


def test_empty_input_gives_empty_table():
    frame = pd.DataFrame({"doc_id": ["x"], "outlet": ["A"], "clean_text": [""]})
    assert list(find_duplicates(frame).columns) == COLUMNS and find_duplicates(frame).empty
