"""Same fact, different words: alignment quality on hand-labelled pairs, and its rules."""
from __future__ import annotations

import pandas as pd
import pytest

from framing.comparison.align import FACT_COLUMNS, THRESHOLD, align_facts, fact_features, sentence_matrix, sentences
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
        print(f"\nsame-fact alignment at threshold {THRESHOLD}: {found} pairs, "
              f"precision {precision:.2f}, recall {recall:.2f} ({len(gold['sure'])} sure pairs)")
    assert precision >= 0.8
    assert recall >= 0.6


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
        assert text[row.doc_id][row.start:row.end] == row.text


def test_omissions_say_who_reported_each_fact(nato):
    articles, facts, omissions, _ = nato
    outlets = sorted(articles["outlet"])
    assert list(omissions.columns) == ["fact", "story", "outlets", "example", *outlets]
    for row in omissions.itertuples(index=False):
        reported = set(facts.loc[facts["fact"] == row.fact, "outlet"])
        flags = dict(zip(outlets, row[4:]))
        assert {o for o, flag in flags.items() if flag} == reported
        assert row.outlets == len(reported)
    forty = facts[facts["text"].str.contains("40,000")]
    assert forty["fact"].nunique() == 1 and len(forty) == 3


def test_numbers_are_anchors_and_names_are_marked():
    features = fact_features("NATO announced 4 new battlegroups; about 40,000 troops. Four more in June")
    assert "4" in features and features.count("4") == 2 and "40000" in features
    assert "battlegroup" in features and "june" in features
    _, names = sentence_matrix(["Stoltenberg met Putin in Moscow.", "Later Stoltenberg spoke."])
    assert "stoltenberg" in set(names)


def test_sentences_sharing_only_actors_are_not_aligned():
    articles = pd.DataFrame({
        "doc_id": ["a", "b"], "outlet": ["A", "B"],
        "clean_text": ["Stoltenberg told Putin that NATO would never recognise the annexation of Crimea.",
                       "Stoltenberg and Putin spoke about NATO grain shipments from Odesa harbour."],
    })
    facts, omissions = align_facts(articles)
    assert facts.empty and omissions.empty
    same = articles.assign(clean_text=["NATO will send 300 tanks to Poland by May, Stoltenberg said.",
                                        "By May, 300 tanks will reach Poland, NATO officials said."])
    facts, _ = align_facts(same)
    assert len(facts) == 2 and facts["fact"].nunique() == 1


def test_alignment_is_deterministic(nato):
    articles, facts, omissions, _ = nato
    again, again_omissions = align_facts(articles)
    pd.testing.assert_frame_equal(facts, again)
    pd.testing.assert_frame_equal(omissions, again_omissions)


def test_facts_stay_inside_stories():
    articles = pd.DataFrame({
        "doc_id": ["a", "b"], "outlet": ["A", "B"],
        "clean_text": ["NATO will send 300 tanks to Poland by May.", "NATO will send 300 tanks to Poland by May."],
    })
    facts, _ = align_facts(articles, pd.Series([0, 1], index=["a", "b"]))
    assert facts.empty
