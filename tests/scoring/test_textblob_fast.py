"""textblob_scores is TextBlob(s).sentiment, exactly, without importing textblob (TextBlob is the oracle here)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textblob import TextBlob

from framing.scoring.textblob_fast import COLUMNS, textblob_scores
from framing.scoring.textblob_lexicon import load_lexicon
from framing.scoring.textblob_tokens import find_words
from framing.text.tokenize import sentence_spans
from tests.scoring.strategies import textblob_sentence

TOLERANCE = 1e-9


def differences(sentences: list[str]) -> list[tuple[str, tuple, tuple]]:
    """Every sentence where textblob_scores and TextBlob disagree by more than TOLERANCE."""
    frame = textblob_scores(sentences)
    assert list(frame.columns) == COLUMNS and len(frame) == len(sentences)
    out = []
    for sentence, got in zip(sentences, frame.itertuples(index=False)):
        want = TextBlob(sentence).sentiment
        if abs(got[0] - want.polarity) > TOLERANCE or abs(got[1] - want.subjectivity) > TOLERANCE:
            out.append((sentence, tuple(got), tuple(want)))
    return out


def scores(sentence: str) -> tuple[float, float]:
    """One sentence's (polarity, subjectivity), checked against TextBlob before it is returned."""
    assert differences([sentence]) == []
    row = textblob_scores([sentence]).iloc[0]
    return float(row[COLUMNS[0]]), float(row[COLUMNS[1]])


def test_every_sentence_of_the_bundled_corpus(nato_corpus):
    sentences = [text[a:b] for text in nato_corpus.articles["clean_text"] for a, b in sentence_spans(text)]
    assert len(sentences) > 50
    assert differences(sentences) == []


@pytest.mark.data
def test_20000_allsides_sentences(allsides_sentences):
    assert differences(allsides_sentences) == []


@settings(max_examples=400, deadline=None)
@given(st.lists(textblob_sentence(), min_size=1, max_size=8))
def test_generated_sentences_match_textblob(batch):
    assert differences(batch) == []


def test_import_and_call_leave_textblob_nltk_and_scipy_unimported(repo_root):
    code = textwrap.dedent("""
        import sys
        from framing.scoring.textblob_fast import textblob_scores
        frame = textblob_scores(["A very good plan :)", "Not bad!"])
        assert frame.iloc[0, 0] > 0, frame
        print(sorted(m for m in ("textblob", "nltk", "scipy.stats") if m in sys.modules))
    """)
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=repo_root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(repo_root)},
        check=True,
    )
    assert done.stdout.strip() == "[]"


def test_one_row_per_sentence_in_order_and_strings_only():
    batch = ["Troops arrived.", "A terrible war.", "", "A great success!"]
    assert differences(batch) == []
    polarity = textblob_scores(batch)[COLUMNS[0]].tolist()
    assert polarity[:3] == [0.0, -1.0, 0.0] and polarity[3] > 0.5
    assert list(textblob_scores([]).columns) == COLUMNS and textblob_scores([]).empty
    with pytest.raises(TypeError):
        textblob_scores(["fine", None])


# One test per quirk listed in the module docstring, in the same order.


def test_quirk_1_contractions_are_torn_apart_and_do_not_negate():
    assert scores("This isn't good.") == scores("This is good.") == (0.7, pytest.approx(0.6))
    assert find_words("don't") == ["do", "n", "'", "t"]


def test_quirk_2_negation_reaches_over_one_letter_words_only():
    assert scores("not good")[0] == pytest.approx(-0.35)
    assert scores("not a good plan")[0] == pytest.approx(-0.35)
    assert scores("not so good")[0] == pytest.approx(0.7)


def test_quirk_3_modifier_multiplies_the_next_word_and_merges_with_it():
    assert scores("very good") == (pytest.approx(0.7 * 1.3), pytest.approx(0.6 * 1.3))
    assert scores("very , good") == scores("very good")
    assert scores("very much good")[0] == pytest.approx(0.7)


def test_quirk_4_negated_modifier_inverts_intensity_and_ly_modifier_takes_the_negation():
    assert scores("not very good") == (pytest.approx(-0.5 * 0.7 / 1.3), pytest.approx(0.6 / 1.3))
    assert scores("really not good")[0] == pytest.approx(-0.35)


def test_quirk_5_every_adjective_gets_an_ly_adverb_that_modifies():
    lexicon = load_lexicon()
    assert lexicon["happily"].polarity == lexicon["happy"].polarity and lexicon["happily"].modifier
    assert lexicon["terribly"].modifier and not lexicon["terrible"].modifier
    assert scores("terribly")[0] == -1.0


def test_quirk_6_each_exclamation_mark_boosts_the_latest_assessment():
    assert scores("good!")[0] == pytest.approx(0.875)
    assert scores("good plan !")[0] == pytest.approx(0.875)
    assert scores("good!!!")[0] == 1.0
    assert scores("not good!")[0] == pytest.approx(-0.4375)


def test_quirk_7_emoticons_glued_per_sentence_case_sensitive_and_alphabetic_faces_ignored():
    assert scores(": )") == scores(":)") == (0.5, 1.0)
    assert scores("item 8) and") == (0.5, 1.0)
    assert scores("the score was 5: 3") == (0.5, 1.0)
    assert scores(": o )") == (0.75, 1.0)  # ":o)" (taunt) wins over ":o" (gasp)
    assert scores("o.O") == (0.05, 1.0) and scores("o . O") == (0.0, 0.0)
    assert scores("XD") == scores("great😀") == (0.0, 0.0)
    assert scores("great ♥")[0] == pytest.approx(0.9)


def test_quirk_8_exclamation_in_parentheses_is_irony():
    assert scores("wow (!) ok") == scores("wow ( ! ) ok")
    assert scores("(!)") == (0.0, 1.0)


def test_quirk_9_abbreviations_ellipses_and_sentence_ends():
    assert find_words("U.S. good. A|. Mr. foo.bar.") == ["u.s.", "good", ".", "a|.", "mr.", "foo.bar", "."]
    assert find_words("wait....") == ["wait", "..."]
    assert find_words("good END-OF-SENTENCE\n\nbad") == ["good", "bad"]
    assert scores("good\n\n: )") == (pytest.approx(0.6), pytest.approx(0.8))


def test_quirk_10_plain_means_and_nothing_scores_zero():
    assert scores("Troops arrived on Tuesday.") == (0.0, 0.0)
    good, bad = scores("good"), scores("terrible")
    assert scores("good and terrible") == (pytest.approx((good[0] + bad[0]) / 2), pytest.approx((good[1] + bad[1]) / 2))
