"""Word vectors while fitting: pooled like the design matrix, folded back into one weight per word."""

from __future__ import annotations

import numpy as np
import pytest

from framing.scoring.slant import fitting
from framing.scoring.slant.features import word_features
from framing.scoring.slant.vectors import WordVectors, load_vectors

# "slammed" and "blasted" are used alike (same vector); "opened" and "closed" alike, opposite.
VECTORS = WordVectors(
    ("slammed", "blasted", "opened", "closed"),
    np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]]),
)
SENTENCES = [
    ("vaccines", "Critics slammed the shots.", 1, {"slammed"}),
    ("vaccines", "The clinic opened on Monday.", 0, set()),
    ("taxes", "Critics slammed the levy.", 1, {"slammed"}),
    ("taxes", "The office opened on Friday.", 0, set()),
    ("schools", "Parents blasted the board.", 1, {"blasted"}),
    ("schools", "The school closed on Monday.", 0, set()),
]


def _data() -> fitting.Labelled:
    return fitting.Labelled(
        [s for _, s, _, _ in SENTENCES],
        np.array([y for *_, y, _ in SENTENCES]),
        np.array([t for t, *_ in SENTENCES]),
        [frozenset(g) for *_, g in SENTENCES],
    )


def test_pooled_vectors_are_summed_over_the_square_root_of_the_word_count() -> None:
    words = word_features(["Critics slammed the shots.", "It opened."], ("words",))
    pooled = VECTORS.pooled(words)
    assert pooled[0] == pytest.approx([1.0 / 2.0, 0.0])  # four words, one with a vector
    assert pooled[1] == pytest.approx([0.0, 1.0 / np.sqrt(2.0)])
    assert VECTORS.rows(["closed", "unknown"]).tolist() == [[0.0, 1.0], [0.0, 0.0]]


def test_folding_gives_each_word_its_vector_times_the_weights() -> None:
    folded = VECTORS.fold(np.array([2.0, -1.0]))
    assert folded == {"e:slammed": 2.0, "e:blasted": 2.0, "e:opened": -1.0, "e:closed": -1.0}


def test_a_word_never_seen_with_a_label_weighs_like_the_words_used_like_it() -> None:
    data = _data()
    words = fitting.featurize(data)
    fitting.use_vectors(VECTORS)
    try:
        settings = fitting.Settings(("cues", "vectors"), 1, 10.0, balanced=False)
        train = data.topics != "schools"
        model = fitting.fit(
            [w for w, keep in zip(words, train) if keep], data.subset(train), fitting.Parts(settings, settings)
        )
    finally:
        fitting.use_vectors(None)
    assert model.weights["e:blasted"] == model.weights["e:slammed"] > 0  # "blasted" only in the held-out topic
    assert model.weights["e:closed"] < 0 and "vectors" in model.families
    blasted, closed = model.score(["Parents blasted the board.", "The school closed on Monday."])
    assert blasted.probability > 0.5 > closed.probability
    assert blasted.words and blasted.words[0] == (8, 15)  # "blasted", through its folded word weight


def test_the_vectors_family_needs_vectors_set() -> None:
    data = _data()
    settings = fitting.Settings(("words", "vectors"), 1, 1.0)
    with pytest.raises(ValueError, match="use_vectors"):
        fitting.fit(fitting.featurize(data), data, fitting.Parts(settings, None))


def test_vectors_load_from_the_file_the_vector_tool_writes(tmp_path) -> None:
    path = tmp_path / "vectors.npz"
    np.savez_compressed(path, words=np.array(VECTORS.words), vectors=VECTORS.matrix.astype(np.float32))
    loaded = load_vectors(path)
    assert loaded.words == VECTORS.words and np.array_equal(loaded.matrix, VECTORS.matrix)
    with pytest.raises(ValueError, match="2 words but 3 rows"):
        WordVectors(("a", "b"), np.zeros((3, 2)))
