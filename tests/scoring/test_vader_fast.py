"""vader_scores against the vaderSentiment package itself (the oracle): zero differences allowed."""

from __future__ import annotations

import math
import os
import random
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment import vaderSentiment as vs

from framing.scoring import vader_fast, vader_tokens
from framing.scoring.token_ids import RawIndex
from framing.scoring.vader_fast import COLUMNS, ordered_sums, vader_scores
from framing.scoring.vader_tokens import demojize
from tests.scoring.conftest import sentences_of
from tests.scoring.strategies import vader_sentence

ANALYZER = vs.SentimentIntensityAnalyzer()


def oracle(sentences: list[str]) -> pd.DataFrame:
    rows = [ANALYZER.polarity_scores(s) for s in sentences]
    return pd.DataFrame({c: [r[c.split(".")[1]] for r in rows] for c in COLUMNS})


def assert_same(sentences: list[str]) -> None:
    got, want = vader_scores(sentences), oracle(sentences)
    assert list(got.columns) == COLUMNS and len(got) == len(sentences)
    differ = np.flatnonzero((got.to_numpy() - want.to_numpy()).__abs__().max(axis=1, initial=0) > 1e-9)
    assert not len(differ), [(sentences[i], got.iloc[i].tolist(), want.iloc[i].tolist()) for i in differ[:5]]


def one(sentence: str) -> dict[str, float]:
    return {c.split(".")[1]: v for c, v in vader_scores([sentence]).iloc[0].items()}


def test_every_sentence_of_the_bundled_corpus(nato_corpus):
    sentences = sentences_of(nato_corpus.articles["clean_text"])
    assert len(sentences) > 90
    assert_same(sentences)


@pytest.mark.data
def test_20000_allsides_sentences(allsides_sentences):
    assert_same(allsides_sentences)


@settings(max_examples=400, deadline=None)
@given(st.lists(vader_sentence, min_size=1, max_size=8))
def test_generated_sentences(sentences):
    assert_same(sentences)


def test_empty_input_and_blank_sentences():
    assert list(vader_scores([]).columns) == COLUMNS and vader_scores([]).empty
    assert vader_scores(["", "   ", "\n"]).to_numpy().tolist() == [[0.0] * 4] * 3


def test_a_sentence_holding_the_join_mark_falls_back_and_still_matches():
    assert_same(["good \uffff bad", "\uffff", "fine", "", "a\uffffb"])


def test_unicode_whitespace_and_trailing_spaces_split_like_str_split():
    assert_same(["  good   bad ", "\u2028good\x1cbad\x85", "\u200bgood", "x 'fabulous' ", "a\u3000b "])


def test_repeated_calls_reuse_the_token_table_and_agree():
    first = vader_scores(["The war was terrible.", "A great success!"])
    assert vader_scores(["The war was terrible.", "A great success!"]).equals(first)


def test_table_restarts_past_its_limit():
    table = vader_tokens.TokenTable(limit=3)
    table.tokenize(["one two three four five"])
    ids, lengths = table.tokenize(["good six"])
    assert lengths.tolist() == [2] and table.size <= 4 and table.index.generation == 1
    assert table.lex_in[ids].tolist() == [True, False]


# --- one test per quirk listed in the module docstring -------------------------------------


def test_quirk_1_short_words_keep_their_punctuation():
    assert (
        ANALYZER.polarity_scores("That was good ok.")["compound"]
        == ANALYZER.polarity_scores("That was good")["compound"]
    )  # "ok." misses the lexicon
    assert one("That was good ok.")["compound"] == ANALYZER.polarity_scores("That was good ok.")["compound"]
    assert one("That was good ok")["compound"] > one("That was good ok.")["compound"]


def test_quirk_2_capitalised_lexicon_entries_never_match():
    assert ":Þ" in ANALYZER.lexicon and ":þ" not in ANALYZER.lexicon
    assert one("It was fun :Þ") == one("It was fun x")


def test_quirk_3_caps_need_mixed_case_and_zero_counts_as_negative():
    assert one("GOOD")["compound"] == one("good")["compound"]  # all caps: no emphasis
    assert one("It is GOOD")["compound"] > one("It is good")["compound"]
    assert_same(["NO good at all here", "no good at all here"])
    assert one("NO good at all here")["compound"] < one("no good at all here")["compound"]


def test_quirk_4_no_negates_up_to_two_words_and_the_third_after_or():
    assert one("no problem")["compound"] > 0
    assert one("It is no bad or good")["compound"] < one("It is no bad and good")["compound"]
    assert_same(["It is no bad or good", "It is no bad and good", "no problem"])


def test_quirk_5_so_before_a_word_multiplies_it_without_never():
    so, plain = one("one two three so good")["compound"], one("one two three good")["compound"]
    boost_only = vs.normalize((1.9 + vs.B_INCR) * 1.25)
    assert so == round(boost_only, 4) and so > plain
    assert_same(["one two three so good", "it was so good", "It is never so good", "It is never this good"])


def test_quirk_6_phrases_only_from_the_fourth_word_on():
    assert one("the shit")["compound"] < 0 < one("that was the shit")["compound"]
    assert one("kind of good")["compound"] > one("they were kind of good")["compound"]
    assert_same(["the shit", "that was the shit", "kind of good", "they were kind of good", "sort of bad"])


def test_quirk_7_but_updates_the_first_equal_value():
    # "kind" 2.4 before "but" is halved to 1.2, so the 1.2 of "ok" after it updates position 0 again
    assert ANALYZER.lexicon["kind"] == 2 * ANALYZER.lexicon["ok"]
    assert one("kind but ok")["compound"] == round(vs.normalize(0.6 + 1.2), 4)
    assert_same(["kind but ok", "good but good", "good good but bad", "kind kind but ok ok"])


def test_quirk_8_emoji_descriptions_are_glued_to_what_follows():
    description = ANALYZER.emojis["💘"]
    assert demojize("I 💘and") == f"I {description}and"
    assert demojize("a💘💘") == f"a {description} {description}"
    assert "!" in ANALYZER.emojis["🔛"]
    assert one("I love it 🔛")["compound"] > one("I love it")["compound"]
    assert_same(["I 💘and", "a💘💘", "I love it 🔛", "💘", "é 💘"])


def test_quirk_9_least_negates_unless_after_at_or_very():
    assert one("He is the least good")["compound"] < 0 < one("He is at least good")["compound"]
    assert one("He is very least good")["compound"] > 0 and one("least good")["compound"] < 0
    assert_same(["He is the least good", "He is at least good", "He is very least good", "least good"])


def _neumaier(values: list[float]) -> float:
    total, carry = 0.0, 0.0
    for x in values:
        t = total + x
        carry += (total - t) + x if abs(total) >= abs(x) else (x - t) + total
        total = t
    return total + carry if carry and math.isfinite(carry) else total


def test_quirk_10_sums_follow_the_running_interpreter():
    rng = random.Random(7)
    groups = [[rng.uniform(-4, 4) for _ in range(rng.randint(1, 30))] for _ in range(200)]
    flat = np.array([x for g in groups for x in g])
    ids = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
    plain = ordered_sums(flat, ids, len(groups))
    compensated = ordered_sums(flat, ids, len(groups), compensated=True)
    assert plain.tolist() == [float(np.add.accumulate(g)[-1]) for g in groups]
    assert compensated.tolist() == [_neumaier(g) for g in groups]
    active = ordered_sums(flat, ids, len(groups), vader_fast._SUM_IS_COMPENSATED)
    assert active.tolist() == [sum(g) for g in groups]


def test_rounding_is_pythons_round():
    rng = np.random.default_rng(3)
    values = np.r_[rng.uniform(-1, 1, 5000), np.arange(-2000, 2001) / 2000 + 0.00025, 0.0005, 0.0015]
    for digits in (3, 4):
        assert vader_fast.round_like_python(values, digits).tolist() == [round(x, digits) for x in values.tolist()]


def test_module_imports_neither_textblob_nor_nltk(repo_root):
    code = (
        "import sys, framing.scoring.vader_fast as v; v.vader_scores(['good']);"
        "print('textblob' in sys.modules or 'nltk' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(repo_root)},
    )
    assert out.stdout.strip() == "False"


def test_a_fresh_table_scores_a_batch_without_tokens(monkeypatch):
    fresh = vader_tokens.TokenTable(index=RawIndex())
    monkeypatch.setattr(vader_fast, "token_table", lambda: fresh)
    assert vader_scores(["", " "]).to_numpy().tolist() == [[0.0] * 4] * 2
