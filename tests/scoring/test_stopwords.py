"""The stop word list read from scikit-learn's source is scikit-learn's own."""

from __future__ import annotations

from framing.scoring.stopwords import english_stop_words


def test_same_words_as_sklearn():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert english_stop_words() == ENGLISH_STOP_WORDS and len(english_stop_words()) > 300
