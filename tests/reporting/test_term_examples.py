"""framing.reporting.term_examples: a term's example sentences, found as compare counts it."""

from __future__ import annotations

from collections import Counter

import pytest

from framing.comparison.terms import count_terms, stop_word_set
from framing.reporting.term_examples import WINDOW, find_examples, sentence_terms, snippet

STOPS = stop_word_set("english")


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia’s invasion of Ukraine shocked NATO's eastern members.",
        "The U.S. sent 40,000 combat-ready troops, officials said on Tuesday.",
        '"Don\'t call it a build-up," Stoltenberg told reporters in Brussels.',
    ],
)
def test_sentence_terms_are_the_terms_count_terms_counts(sentence):
    counts = count_terms([sentence], min_bigram_count=1)
    expected = Counter({str(t): int(n) for t, n in zip(counts.terms, counts.matrix.toarray()[0]) if n})
    found = sentence_terms(sentence, STOPS)
    assert Counter(term for term, _, _ in found) == expected


def test_sentence_terms_spans_point_at_the_words_in_the_original_text():
    sentence = "Russia’s invasion of Ukraine"
    spans = {term: sentence[start:end] for term, start, end in sentence_terms(sentence, STOPS)}
    assert spans["russia"] == "Russia" and spans["invasion"] == "invasion"
    assert spans["invasion ukraine"] == "invasion of Ukraine"  # stop words are skipped before bigrams, as counted


def test_a_sentence_whose_lowercase_changes_length_gives_no_spans():
    assert sentence_terms("İstanbul hosted the summit", STOPS) == []


def test_snippet_cuts_long_sentences_around_the_term_at_spaces():
    left, right = "word " * 40, " more" * 40
    sentence = left + "deterrence" + right
    example = snippet(sentence, len(left), len(left) + len("deterrence"), "d1")
    assert example.text[example.start : example.end] == "deterrence"
    assert example.text.startswith("… word") and example.text.endswith("more …")
    assert len(example.text) <= 2 * WINDOW + len("deterrence") + 4
    short = snippet("NATO\n  meets  today", 0, 4, "d2")
    assert (short.text, short.start, short.end) == ("NATO meets today", 0, 4)
    quoted = snippet("the Black Sea.” Officials agreed.", 4, 9, "d3")  # the quotation opened in an earlier sentence
    assert quoted.text.startswith("“…") and quoted.text[quoted.start : quoted.end] == "Black"


def test_find_examples_keeps_the_first_uses_in_order_and_each_sentence_once():
    articles = [
        ("a", "Troops arrived. Troops and more troops arrived. Nothing else."),
        ("b", "Troops left."),
    ]

    def sentences(text):
        spans, start = [], 0
        for part in text.split(". "):
            spans.append((start, start + len(part)))
            start += len(part) + 2
        return spans

    found = find_examples(articles, {"troops", "absent"}, sentences, STOPS, limit=2)
    assert [e.text for e in found["troops"]] == ["Troops arrived", "Troops and more troops arrived"]
    assert [e.doc_id for e in found["troops"]] == ["a", "a"] and "absent" not in found
