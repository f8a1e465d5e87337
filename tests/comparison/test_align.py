"""Same fact, different words: alignment quality on hand-labelled pairs, and its rules."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.comparison.align import (
    FACT_COLUMNS,
    THRESHOLD,
    align_facts,
    fact_features,
    is_headline,
    is_promo,
    sentence_matrix,
    sentences,
)
from tests.comparison.alignment_gold import aligned_pairs, gold_pairs, precision_recall


@pytest.fixture(scope="module")
def nato(nato_corpus):
    articles = nato_corpus.articles
    facts, omissions = align_facts(articles)
    return articles, facts, omissions, gold_pairs(sentences(articles))


def test_precision_and_recall_on_hand_labelled_pairs(nato, capsys):
    _, facts, _, gold = nato
    precision, recall, found = precision_recall(facts, gold)
    with capsys.disabled():
        print(
            f"\nsame-fact alignment at threshold {THRESHOLD}: {found} pairs, "
            f"precision {precision:.2f}, recall {recall:.2f} ({len(gold['sure'])} sure pairs)"
        )
    assert precision >= 0.9  # measured 1.00: the strict default aligns few NATO pairs, all right
    assert recall >= 0.15  # measured 0.17 (2 of 12 sure pairs); 0.75 at the old 0.25, at 0.91 precision


def test_names_alone_do_not_make_a_fact(nato):
    _, facts, _, gold = nato
    assert not (aligned_pairs(facts) & gold["hard_negatives"])


def test_at_most_one_sentence_per_outlet_per_fact(nato):
    _, facts, _, _ = nato
    assert not facts.duplicated(["fact", "outlet"]).any()
    assert (facts.groupby("fact")["outlet"].nunique() >= 2).all()
    assert list(facts.columns) == FACT_COLUMNS


def test_fact_rows_point_into_clean_text(nato):
    articles, facts, _, _ = nato
    text = articles.set_index("doc_id")["clean_text"]
    for row in facts.itertuples():
        assert text[row.doc_id][row.start : row.end] == row.text


def test_omissions_say_who_reported_each_fact(nato):
    articles, facts, omissions, _ = nato
    outlets = sorted(articles["outlet"])
    assert list(omissions.columns) == ["fact", "story", "outlets", "example", *outlets]
    for row in omissions.itertuples(index=False):
        reported = set(facts.loc[facts["fact"] == row.fact, "outlet"])
        flags = dict(zip(outlets, row[4:]))
        assert {o for o, flag in flags.items() if flag} == reported
        assert row.outlets == len(reported)
    loose, _ = align_facts(articles, threshold=0.25, min_content=1, number_weight=2.0)
    forty = loose[loose["text"].str.contains("40,000")]  # numbers weighed up anchor the 40,000 troops three ways
    assert forty["fact"].nunique() == 1 and len(forty) == 3


def test_numbers_are_anchors_and_names_are_marked():
    features = fact_features("NATO announced 4 new battlegroups; about 40,000 troops. Four more in June")
    assert "4" in features and features.count("4") == 2 and "40000" in features
    assert "battlegroup" in features and "june" in features
    _, names = sentence_matrix(["Stoltenberg met Putin in Moscow.", "Later Stoltenberg spoke."])
    assert "stoltenberg" in set(names)


def test_sentences_sharing_only_actors_are_not_aligned():
    articles = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "outlet": ["A", "B"],
            "clean_text": [
                "Stoltenberg told Putin that NATO would never recognise the annexation of Crimea.",
                "Stoltenberg and Putin spoke about NATO grain shipments from Odesa harbour.",
            ],
        }
    )
    facts, omissions = align_facts(articles)
    assert facts.empty and omissions.empty
    same = articles.assign(
        clean_text=[
            "NATO will send 300 tanks and armoured vehicles to Poland by May, Stoltenberg said.",
            "By May, 300 tanks and armoured vehicles will reach Poland, NATO officials said.",
        ]
    )
    facts, _ = align_facts(same)
    assert len(facts) == 2 and facts["fact"].nunique() == 1


def test_alignment_is_deterministic(nato):
    articles, facts, omissions, _ = nato
    again, again_omissions = align_facts(articles)
    pd.testing.assert_frame_equal(facts, again)
    pd.testing.assert_frame_equal(omissions, again_omissions)


def test_facts_stay_inside_stories():
    articles = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "outlet": ["A", "B"],
            "clean_text": ["NATO will send 300 tanks to Poland by May.", "NATO will send 300 tanks to Poland by May."],
        }
    )
    facts, _ = align_facts(articles, pd.Series([0, 1], index=["a", "b"]))
    assert facts.empty


HEADLINED = pd.DataFrame(
    {
        "doc_id": ["a", "b"],
        "outlet": ["A", "B"],
        "title": ["Senate passes the farm bill with billions for crop insurance subsidies", ""],
        "clean_text": [
            "Senate passes the farm bill with billions for crop insurance subsidies\n\n"
            "Lawmakers met on Monday to talk about the weather in the capital.",
            "The weather was mild.\n\nThe Senate passed the farm bill on Monday with billions for crop insurance subsidies.",
        ],
    }
)


def test_headlines_are_found_by_title_or_as_a_short_unpunctuated_first_line():
    table = sentences(HEADLINED)
    assert table["headline"].tolist() == [True, False, False, False]
    assert is_headline("Trump fires FBI director James Comey", "", on_first_line=True)
    assert not is_headline("The weather was mild.", "", on_first_line=True)
    assert not is_headline("Trump fires FBI director James Comey", "", on_first_line=False)
    assert is_headline("Trump  fires FBI director", "trump fires FBI Director", on_first_line=False)


def test_a_headline_is_not_aligned_with_a_body_sentence_unless_asked():
    facts, _ = align_facts(HEADLINED, threshold=0.3)
    assert facts.empty
    asked, _ = align_facts(HEADLINED, threshold=0.3, headline_to_body=True)
    assert len(asked) == 2 and asked["text"].str.contains("farm bill").all()


def test_names_and_numbers_in_common_are_not_enough():
    articles = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "outlet": ["A", "B"],
            "clean_text": [
                "In 2017 Trump and Pelosi met Schumer in Washington over 1,600 border agents.",
                "Trump, Pelosi and Schumer were in Washington in 2017 when 1,600 jobs vanished.",
            ],
        }
    )
    facts, _ = align_facts(articles, threshold=0.2, min_content=1)
    assert facts.empty
    loose, _ = align_facts(articles, threshold=0.2, min_content=0)  # the similarity alone would pair them
    assert len(loose) == 2


@pytest.fixture(scope="module")
def allsides_pairs(shared_data):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "evaluation"))
    from same_fact import CANDIDATES, found_mask, labelled_pairs, precision_recall
    from story_grouping import labelled_articles

    articles = labelled_articles(shared_data / "allsides-10k.jsonl.gz")
    stories = pd.Series(pd.factorize(articles["event"], sort=True)[0], index=articles["doc_id"].to_numpy())
    pairs = labelled_pairs(sentences(articles))
    facts, omissions = align_facts(articles, stories)
    candidates = labelled_pairs(sentences(articles), CANDIDATES)
    return pairs, facts, omissions, found_mask, precision_recall, candidates


def test_precision_on_hand_labelled_allsides_pairs_at_the_default_threshold(allsides_pairs, capsys):
    pairs, facts, _, found_mask, precision_recall, candidates = allsides_pairs
    found = found_mask(pairs, facts)
    precision, recall = precision_recall(pairs, found)
    candidate_precision, _ = precision_recall(candidates, found_mask(candidates, facts))
    with capsys.disabled():
        print(
            f"\nAllSides same-fact pairs at threshold {THRESHOLD}: {int(found.sum())} judged pairs aligned, "
            f"weighted precision {precision:.2f} ({candidate_precision:.2f} on the candidate sample), "
            f"recall {recall:.2f}"
        )
    assert precision >= 0.85 and candidate_precision >= 0.85 and recall >= 0.2  # in-sample 0.92, 0.98, 0.28
    assert facts.groupby("fact")["story"].nunique().max() == 1  # a fact never spans two stories


def test_omissions_count_only_the_aligned_facts(allsides_pairs):
    _, facts, omissions, _, _, _ = allsides_pairs
    assert sorted(omissions["fact"]) == sorted(facts["fact"].unique())
    assert (
        omissions["outlets"] == facts.groupby("fact")["outlet"].nunique().reindex(omissions["fact"]).to_numpy()
    ).all()


def test_lines_pointing_to_other_articles_are_not_facts():
    assert is_promo("JUST WATCHED IRS under fire for tea party targeting Replay More Videos ...")
    assert is_promo("( Also on POLITICO: IRS knew of tea party targeting)")
    assert is_promo("More:Supreme Court agrees to speed up Trump's DACA appeal")
    assert not is_promo("The Supreme Court rarely hears a case before a lower appeals court has considered it.")
    link = "MUST WATCH Troops deploy to the eastern flank of the alliance today"
    fact = "Troops deploy to the eastern flank of the alliance today, officials said."
    articles = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["A", "B", "C"],
            "clean_text": [
                f"Opening line here.\n\n{link}",
                f"Opening words there.\n\n{fact}",
                f"First words anywhere.\n\n{fact}",
            ],
        }
    )
    facts, _ = align_facts(articles)
    assert set(facts["doc_id"]) == {"b", "c"}


def test_short_sentences_align_down_to_min_words():
    short = ["Intro one.\n\nHe received a bad conduct discharge.", "Intro two.\n\nHe got a bad conduct discharge."]
    articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"], "clean_text": short})
    assert align_facts(articles, min_words=4)[0]["doc_id"].tolist() == ["a", "b"]
    assert align_facts(articles, min_words=6)[0].empty
