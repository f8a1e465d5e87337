"""VADER's tokens, fact by fact, against vaderSentiment itself (the oracle): words kept, negators, emoji, offsets."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment import vaderSentiment as vs

from framing.scoring import vader_tokens
from framing.scoring.vader_tokens import CODE, demojize, features, token_starts
from tests.scoring.strategies import VADER_LEXICON

LEXICON = vader_tokens.analyzer().lexicon


def vader_demojize(text: str) -> str:
    """vaderSentiment's own emoji loop from `polarity_scores` (without its final strip)."""
    emojis, out, prev_space = vader_tokens.analyzer().emojis, "", True
    for char in text:
        if char in emojis:
            out += ("" if prev_space else " ") + emojis[char]
            prev_space = False
        else:
            out += char
            prev_space = char == " "
    return out


def test_is_negator_is_the_packages_negated():
    words = [*vs.NEGATE, *VADER_LEXICON[::10], "isn't", "DON'T", "n't", "can’t", "Never", "knot", "nothing"]
    assert [vader_tokens.is_negator(w) for w in words] == [vs.negated([w]) for w in words]


@pytest.mark.parametrize("raw", ["good", "Good!", "GREAT!!!", "(sad)", "ok.", ":)", "no", "--", "very,", "'kind'"])
def test_features_keep_the_word_sentitext_keeps(raw):
    word, facts = features(raw, LEXICON)
    assert [word] == vs.SentiText(raw).words_and_emoticons
    assert facts.lex_in == (word.lower() in LEXICON) and facts.lex_val == LEXICON.get(word.lower(), 0.0)
    assert raw[facts.lead : facts.lead + facts.length] == word
    assert facts.trail == (facts.lead + facts.length < len(raw))


def test_features_of_a_booster_a_control_word_and_punctuation():
    assert features("EXTREMELY", LEXICON)[1].boost == vs.BOOSTER_DICT["extremely"]
    assert features("EXTREMELY", LEXICON)[1].upper is True
    never = features("Never", LEXICON)[1]
    assert never.negated and never.code == CODE["never"] and CODE["never"] > 0
    assert features("troops", LEXICON)[1].code == 0
    dashes = features("--", LEXICON)[1]
    assert dashes.loose and not dashes.alnum and dashes.lead == 0
    assert features("...good...", LEXICON) == ("good", features("...good...", LEXICON)[1])
    assert features("...good...", LEXICON)[1].lead == 3


@pytest.mark.parametrize(
    "text", ["plain ascii", "I 💘and", "a💘💘", "💘 first", "é 💘", "x \U0001f600y", "astral 𝔸 kept"]
)
def test_demojize_is_vaders_own_emoji_loop(text):
    assert demojize(text) == vader_demojize(text)


def test_demojize_leaves_ascii_text_untouched():
    text = "No emoji :) here"
    assert demojize(text) is text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 😀💘é\t\n\u3000\u2028.")), max_size=20))
def test_demojize_matches_vader_on_generated_text(text):
    assert demojize(text) == vader_demojize(text)


def _split_offsets(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if not c.isspace() and (i == 0 or text[i - 1].isspace())]


@pytest.mark.parametrize(
    "texts", [[], ["one two", "  three"], ["a\u3000b\u2028c", "x"], ["", "solo"], ["é😀 z", "tab\there "]]
)
def test_token_starts_are_where_str_split_tokens_begin(texts):
    lengths = np.array([len(t.split()) for t in texts], dtype=np.intp)
    expected = [start for text in texts for start in _split_offsets(text)]
    assert token_starts(texts, lengths).tolist() == expected


_TOKEN_CHARS = st.sampled_from(
    list("abcGOOD019.,!?:)(-'\"“’") + ["n't", "no", "kind", "very", "ǅ", "İ", "é", "\U0001f600", "\ud800", "½"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_TOKEN_CHARS, min_size=1, max_size=5).map("".join), min_size=1, max_size=20, unique=True))
def test_batch_features_are_features_of_each_token(tokens):
    lexicon = vader_tokens.analyzer().lexicon
    words, columns = vader_tokens.batch_features(tokens)
    one_by_one = [vader_tokens.features(t, lexicon) for t in tokens]
    assert words == [w for w, _ in one_by_one]
    for k, name in enumerate(vader_tokens.Features._fields):
        assert columns[name].tolist() == [f[k] for _, f in one_by_one], name
