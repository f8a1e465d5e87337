"""Words numbered once per corpus, and the article x term counts (unigrams, bigrams) every comparison shares."""

from __future__ import annotations

import numpy as np
import pytest

from framing.comparison.terms import count_terms, fold, stop_word_set, tokenize_corpus


def counts_by_term(counts, row=0):
    return dict(zip(counts.terms.tolist(), counts.matrix.toarray()[row].tolist()))


def test_fold_lowers_and_drops_possessives_with_any_apostrophe():
    assert fold("Russia’s NATO's IT\u02bcS") == "russia nato it"
    assert fold("Don't") == "don't"


def test_tokenize_numbers_words_in_first_seen_order_by_article_and_paragraph():
    tokens = tokenize_corpus(["Troops moved east.\nTroops moved west.", None, "NATO’s troops moved"])
    assert tokens.vocabulary.tolist() == ["troops", "moved", "east", "west", "nato"]
    assert tokens.ids.tolist() == [0, 1, 2, 0, 1, 3, 4, 0, 1]
    assert tokens.article.tolist() == [0, 0, 0, 0, 0, 0, 2, 2, 2]
    assert tokens.paragraph.tolist() == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert tokens.paragraphs.values.tolist() == [[0, 0, 0, 18], [0, 1, 19, 37], [2, 0, 0, 19]]
    assert tokens.n_articles == 3  # the missing text counts as an empty article


def test_tokenize_of_nothing_is_empty_but_well_formed():
    tokens = tokenize_corpus([])
    assert tokens.n_articles == 0 and len(tokens.ids) == len(tokens.vocabulary) == len(tokens.paragraphs) == 0
    assert count_terms([]).matrix.shape == (0, 0)


def test_unigram_and_bigram_counts_per_article():
    counts = count_terms(["the troops moved east. troops moved west", "troops of the east moved\nwest troops"])
    assert counts.terms.tolist() == ["troops", "moved", "east", "west", "troops moved"]
    assert counts.ngram.tolist() == [1, 1, 1, 1, 2]
    assert counts.matrix.toarray().tolist() == [[2, 2, 1, 1, 2], [2, 1, 1, 1, 0]]
    assert counts.matrix.dtype == np.int64


def test_stop_words_go_before_bigrams_are_formed():
    counts = count_terms(["troops of the alliance", "troops of the alliance"])
    assert "troops alliance" in counts.terms.tolist() and "the" not in counts.terms.tolist()
    assert counts_by_term(count_terms(["troops of the alliance"], stop_words=None, min_bigram_count=1))["of the"] == 1


def test_bigrams_do_not_cross_paragraphs_and_rare_ones_are_dropped():
    counts = count_terms(["east\nwest", "east\nwest", "north south"])
    assert "east west" not in counts.terms.tolist() and "north south" not in counts.terms.tolist()
    assert "north south" in count_terms(["north south"], min_bigram_count=1).terms.tolist()
    assert count_terms(["north south", "north south"], max_ngram=1).ngram.tolist() == [1, 1]


def test_keep_leaves_out_paragraphs():
    tokens = tokenize_corpus(["troops moved\ncopied line", "troops moved"])
    counts = count_terms(tokens=tokens, keep=[True, False, True])
    assert counts.terms.tolist() == ["troops", "moved", "troops moved"]
    assert counts.matrix.toarray().tolist() == [[1, 1, 1], [1, 1, 1]]


def test_select_rows_and_orders():
    counts = count_terms(["troops moved east", "troops moved west"])
    assert counts.orders(2, 2).terms.tolist() == ["troops moved"]
    assert counts.orders(1, 1).terms.tolist() == ["troops", "moved", "east", "west"]
    picked = counts.select([3, 0])
    assert picked.terms.tolist() == ["west", "troops"] and picked.matrix.toarray().tolist() == [[0, 1], [1, 1]]
    assert counts.rows([1]).matrix.toarray().tolist() == [counts.matrix.toarray()[1].tolist()]


def test_count_terms_needs_texts_or_tokens():
    with pytest.raises(TypeError, match="count_terms needs texts or tokens"):
        count_terms()


def test_stop_word_sets():
    assert stop_word_set(None) == frozenset()
    assert stop_word_set(["a", "b", "a"]) == frozenset({"a", "b"})
    english = stop_word_set("english")
    assert {"the", "of", "and"} <= english and "troops" not in english
