"""The slant model: arithmetic of a hand-made model, and the shipped model on plain and loaded sentences."""

from __future__ import annotations

import math

import pytest

import framing
from framing.scoring.slant import fitting
from framing.scoring.slant.features import word_features
from framing.scoring.slant.model import (
    STACK_INPUTS,
    SentenceSlant,
    SlantModel,
    sentence_slant,
    shipped_model,
    stack_inputs,
)

TOY = SlantModel(
    weights={"w:slammed": 2.0, "w:said": -1.0, "cue:report_loaded": 1.0},
    bias=-0.5,
    threshold=0.5,
    word_weights={"w:slammed": 3.0, "w:bizarre": 2.5},
    word_bias=-2.0,
    word_min=0.4,
    families=("words", "cues"),
)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def test_probability_is_the_sum_of_word_contributions_over_sqrt_length() -> None:
    # every feature of every word counts, context (cue classes) and lexical alike
    words = word_features(["Critics slammed the bizarre plan."], TOY.families)[0]
    expected = TOY.bias + sum(TOY.weights.get(n, 0.0) * v for w in words for n, v in w.features) / math.sqrt(len(words))
    assert TOY.probability(words) == pytest.approx(_sigmoid(expected))


def test_words_are_ordered_by_strength_and_cut_at_word_min() -> None:
    text = "Critics slammed the bizarre plan."
    result = TOY.score([text])[0]
    assert result.probability > 0.6  # so that bizarre, sigmoid(0.5) = 0.62 alone, still reaches 0.4
    assert [text[s:e] for s, e in result.words] == ["slammed", "bizarre"]  # sigmoid(1.0) > sigmoid(0.5)
    assert result.strengths == sorted(result.strengths, reverse=True)
    assert result.strengths[0] == pytest.approx(result.probability * _sigmoid(1.0), abs=1e-6)
    assert TOY.score(["The plan was said to work."])[0].words == []  # nothing reaches 0.4


def test_a_word_is_only_as_strong_as_its_sentence_is_slanted() -> None:
    # the same word model: "bizarre" alone is sigmoid(0.5) = 0.62 likely to be marked
    model = SlantModel({"w:said": -3.0}, 0.0, 0.5, {"w:bizarre": 2.5}, -2.0, 0.25, ("words",))
    reported = model.score(["A bizarre plan, he said."])[0]  # the sentence reads plain: 0.62 * 0.21 < 0.25
    assert reported.probability == pytest.approx(_sigmoid(-3.0 / math.sqrt(5)))
    assert reported.words == []
    alone = model.score(["A bizarre plan."])[0]  # 0.62 * 0.5 >= 0.25
    assert alone.words == [(2, 9)] and alone.strengths == [pytest.approx(0.5 * _sigmoid(0.5), abs=1e-6)]


def test_the_flag_follows_the_documented_threshold() -> None:
    loaded, plain = TOY.score(["Critics slammed it.", "He said it."])
    assert loaded.biased and loaded.probability >= 0.5
    assert not plain.biased and plain.probability < 0.5


def test_an_empty_sentence_gets_the_intercept_alone() -> None:
    assert TOY.score([""])[0] == SentenceSlant(_sigmoid(-0.5), False, [], [])


def test_the_facade_offers_sentence_slant() -> None:
    result = framing.sentence_slant("The council met on Tuesday.")
    assert isinstance(result, SentenceSlant)
    assert 0.0 <= result.probability <= 1.0
    assert result.biased == (result.probability >= shipped_model().threshold)


def test_the_shipped_model_reads_loaded_sentences_as_more_slanted_than_plain_ones() -> None:
    plain = sentence_slant("The city council met on Tuesday to discuss the budget, a spokesperson said.")
    loaded_text = "The radical mob's bizarre, dangerous lies slammed decent Americans."
    loaded = sentence_slant(loaded_text)
    assert loaded.probability > plain.probability
    assert loaded.biased and not plain.biased
    named = {loaded_text[s:e].lower() for s, e in loaded.words}
    assert named & {"radical", "bizarre", "dangerous", "lies", "slammed", "mob"}
    assert all(loaded_text[s:e].strip() == loaded_text[s:e] and loaded_text[s:e] for s, e in loaded.words)


def test_the_shipped_model_is_read_from_its_data_file() -> None:
    model = shipped_model()
    assert model.threshold in fitting.THRESHOLDS  # chosen by cross-validation among these
    assert 0.0 < model.word_min < 1.0
    assert any(name.startswith("w:") for name in model.weights)


STACKED = SlantModel(
    {"w:said": -1.0}, 0.0, 0.5, {"w:bizarre": 2.5}, -2.0, 0.1, ("words",), {"sentence": 1.0, "max": 4.0}, -2.0
)


def test_stack_inputs_summarise_the_word_probabilities() -> None:
    inputs = stack_inputs(0.5, [0.5, 0.25, 0.0, 0.0])
    assert inputs["sentence"] == pytest.approx(0.0)
    assert inputs["max"] == 0.5 and inputs["mean"] == pytest.approx(0.1875)
    assert inputs["noisy_or"] == pytest.approx(1.0 - 0.5 * 0.75)
    assert inputs["top"] == pytest.approx(0.25) and inputs["count"] == pytest.approx(2 / 2.0)
    assert set(inputs) == set(STACK_INPUTS)


def test_a_stacked_model_reads_its_words_but_gates_them_by_the_sentence_part() -> None:
    text = "A bizarre plan."
    result = STACKED.score([text])[0]
    words = word_features([text], STACKED.families)[0]
    sentence = STACKED.probability(words)  # no weight of these words: the intercept, 0.5
    marked = STACKED.word_probabilities(words)
    assert result.probability == pytest.approx(
        _sigmoid(-2.0 + 1.0 * math.log(sentence / (1 - sentence)) + 4.0 * max(marked))
    )
    assert result.probability > STACKED.score(["A plain plan."])[0].probability
    assert result.strengths == [
        pytest.approx(sentence * _sigmoid(0.5), abs=1e-6)
    ]  # the sentence part's, not the stacker's


def test_a_model_without_stack_weights_gives_the_sentence_part() -> None:
    words = word_features(["Critics slammed the bizarre plan."], TOY.families)[0]
    assert TOY.explain(words).probability == TOY.probability(words)
    assert (
        SlantModel.from_dict(
            {
                "sentence": {"weights": {}, "bias": 0.0, "threshold": 0.5},
                "words": {"weights": {}, "bias": 0.0, "word_min": 0.5},
                "families": ["words"],
            }
        ).stack
        == {}
    )
