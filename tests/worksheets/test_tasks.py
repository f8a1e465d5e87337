"""The worksheet's own text similarity matches scikit-learn's TF-IDF cosine without importing it."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from framing.corpus.model import load_corpus
from framing.worksheets.tasks import text_similarity


def _sklearn(texts):
    return cosine_similarity(TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts))


def test_text_similarity_equals_scikit_learn_on_the_bundled_articles():
    texts = list(load_corpus("nato-eastern-flank-2022").articles["text"])
    ours = text_similarity(texts)
    assert ours.shape == (len(texts), len(texts))
    np.testing.assert_allclose(ours, _sklearn(texts), rtol=0, atol=1e-12)


def test_text_similarity_tokenizes_and_drops_stop_words_as_scikit_learn_does():
    texts = ["The Alliance's troops, the troops!", "troops of the alliance", "Élan vital and ÉLAN", "tanks, a b c the"]
    np.testing.assert_allclose(text_similarity(texts), _sklearn(texts), rtol=0, atol=1e-12)


def test_no_shared_words_means_zero_similarity():
    sim = text_similarity(["tanks artillery", "diplomacy talks"])
    assert sim[0, 1] == 0.0 and sim[0, 0] == pytest.approx(1.0)


def test_the_similarity_fallback_does_not_import_scikit_learn_or_scipy_stats():
    code = (
        "import sys\n"
        "from framing.worksheets.tasks import text_similarity\n"
        "text_similarity(['troops moved east', 'troops moved west'])\n"
        "print(sorted(m for m in sys.modules if m == 'sklearn' or m.startswith(('sklearn.', 'scipy.stats'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
