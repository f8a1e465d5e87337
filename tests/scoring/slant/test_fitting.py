"""Fitting by leave-one-topic-out: word features need several topics, the held-out topic is never seen."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from framing.scoring.slant import fitting
from framing.scoring.slant.features import word_features
from framing.scoring.slant.model import STACK_INPUTS, SlantModel

SENTENCES = [
    ("vaccines", "Critics slammed the shots.", 1, {"slammed"}),
    ("vaccines", "The clinic opened on Monday.", 0, set()),
    ("taxes", "Critics slammed the levy.", 1, {"slammed"}),
    ("taxes", "The office opened on Friday.", 0, set()),
    ("schools", "Parents slammed the board.", 1, {"slammed"}),
    ("schools", "The school opened on Monday.", 0, set()),
]


def _data() -> fitting.Labelled:
    return fitting.Labelled(
        [s for _, s, _, _ in SENTENCES],
        np.array([y for *_, y, _ in SENTENCES]),
        np.array([t for t, *_ in SENTENCES]),
        [frozenset(g) for *_, g in SENTENCES],
    )


def test_a_word_feature_is_kept_only_when_it_occurs_in_enough_topics() -> None:
    data = _data()
    words = word_features(data.texts, ("words",))
    two = fitting.vocabulary(words, data.topics, fitting.Settings(("words",), 2, 1.0))
    assert "w:slammed" in two and "w:critics" in two and "w:shots" not in two and "w:levy" not in two
    one = fitting.vocabulary(words, data.topics, fitting.Settings(("words",), 1, 1.0))
    assert "w:shots" in one


def test_held_out_predictions_never_see_their_own_topic() -> None:
    data = _data()
    words = word_features(data.texts, ("words",))
    parts = fitting.Parts(fitting.Settings(("words",), 1, 10.0), fitting.Settings(("words",), 1, 10.0), 0.5)
    slants = fitting.held_out(words, data, parts)
    assert fitting.macro_f1(data.labels, slants) == 1.0  # "slammed" carries over from the other topics
    assert fitting.word_f1(words, data, slants, 0.5) > 0.5
    model = fitting.fit(words[2:], data.subset(data.topics != "vaccines"), parts)
    assert "w:shots" not in model.weights and "w:clinic" not in model.weights


def test_word_f1_counts_listed_words_against_marked_ones() -> None:
    data = _data()
    words = word_features(data.texts, ("words",))
    perfect = SlantModel({}, 5.0, 0.5, {"w:slammed": 5.0}, -2.0, 0.5, ("words",))  # every sentence near 1
    assert fitting.word_f1(words, data, perfect.score(data.texts), 0.5) == 1.0
    everything = SlantModel({}, 5.0, 0.5, {}, 2.0, 0.5, ("words",))
    listed = sum(len(w) for w in words)
    assert fitting.word_f1(words, data, everything.score(data.texts), 0.5) == pytest.approx(2 * 3 / (listed + 3))


def test_the_shipped_weights_say_what_they_were_fitted_on_and_under_which_licence(repo_root) -> None:
    document = json.loads((repo_root / "framing/scoring/slant/data/slant_weights.json").read_text(encoding="utf-8"))
    assert "AGPL-3.0" in document["licence"]
    assert document["training"]["cv"].startswith("leave one topic out")
    datasheet = (repo_root / "framing/scoring/slant/data/slant_weights.md").read_text(encoding="utf-8")
    assert "AGPL-3.0" in datasheet and "leave-one-topic-out" in datasheet.lower()
    training = document["training"]  # the datasheet states the figures the file records
    flowing = " ".join(datasheet.split())
    assert f"sentence part alone {training['cv_sentence_part_macro_f1']:.3f}" in flowing
    assert f"word F1 {training['cv_word_f1']:.3f}" in flowing
    assert training["stacked"] and set(document["stack"]["weights"]) <= set(STACK_INPUTS)


def test_load_babe_merges_the_two_spellings_of_a_topic(shared_data) -> None:
    data = fitting.load_babe(shared_data / "babe" / "babe-sg2-dev.csv")
    assert len(set(data.topics.tolist())) == 8
    assert len(data.texts) == 1701 and set(data.labels.tolist()) == {0, 1}


def _fit_tool(repo_root):
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("fit_slant", repo_root / "tools" / "fit_slant.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    sys.modules["fit_slant"] = tool
    spec.loader.exec_module(tool)
    return tool


def test_the_fitting_tool_tries_vector_candidates_only_with_vectors(repo_root) -> None:
    tool = _fit_tool(repo_root)
    plain, with_vectors = tool.grids(False), tool.grids(True)
    for grid in plain:
        assert all("vectors" not in s.families for s in grid)  # they would need vectors to fit
    for short, long in zip(plain, with_vectors):
        assert long[: len(short)] == short
        assert any("vectors" in s.families for s in long[len(short) :])


def test_the_fitting_tool_writes_a_file_that_loads_into_the_same_model(repo_root, tmp_path) -> None:
    tool = _fit_tool(repo_root)
    data = _data()
    words = fitting.featurize(data)
    small = [fitting.Settings(("words",), 1, 10.0)]
    choice = fitting.choose(words, data, small, small)
    model = fitting.final_model(words, data, choice)
    csv_path = tmp_path / "tiny.csv"
    csv_path.write_text("text,topic,label_bias,biased_words\n", encoding="utf-8")
    loaded = SlantModel.from_dict(
        json.loads(json.dumps(tool.weights_document(model, choice, csv_path, len(data.texts), "2026-01-01")))
    )
    assert loaded.threshold == choice.parts.threshold in fitting.THRESHOLDS
    assert loaded.word_min == choice.parts.word_min in fitting.WORD_MINS
    for sentence in data.texts:
        ours, theirs = model.score([sentence])[0], loaded.score([sentence])[0]
        assert ours.biased == theirs.biased and ours.words == theirs.words
        assert abs(ours.probability - theirs.probability) < 1e-3  # the file rounds weights to 4 decimals


def test_char_ngram_features_also_need_enough_topics() -> None:
    data = _data()
    words = word_features(data.texts, ("chars",))
    vocab = fitting.vocabulary(words, data.topics, fitting.Settings(("chars",), 2, 1.0))
    assert "c: sla" in vocab and "c:mmed " in vocab  # "slammed" is in all three topics
    assert "c:levy " not in vocab and "c:shot" not in vocab  # one topic each


def test_clean_training_leaves_out_labels_the_opinion_label_contradicts() -> None:
    data = fitting.Labelled(
        ["Critics slammed it.", "Officials slammed this.", "The shop opened.", "A park opened."],
        np.array([1, 1, 0, 0]),
        np.array(["a", "b", "a", "b"]),
        [frozenset()] * 4,
        np.array(["Expresses writer’s opinion", "Entirely factual", "Expresses writer’s opinion", "Entirely factual"]),
    )
    assert data.consistent().tolist() == [True, False, False, True]
    assert data.subset(np.array([False, True, True, False])).opinions.tolist() == [
        "Entirely factual",
        "Expresses writer’s opinion",
    ]
    words = word_features(data.texts, ("words",))
    clean = fitting.fit(words, data, fitting.Parts(fitting.Settings(("words",), 1, 1.0, clean=True), None))
    everything = fitting.fit(words, data, fitting.Parts(fitting.Settings(("words",), 1, 1.0), None))
    assert "w:officials" not in clean.weights and "w:officials" in everything.weights  # only in the two left out
    no_opinions = fitting.Labelled(data.texts, data.labels, data.topics, data.gold_words)
    assert no_opinions.consistent().all()


def test_the_word_part_can_keep_the_observed_class_balance() -> None:
    data = _data()
    words = word_features(data.texts, ("words",))
    sentence = fitting.Settings(("words",), 1, 1.0)
    observed = fitting.fit(words, data, fitting.Parts(sentence, fitting.Settings(("words",), 1, 1.0, balanced=False)))
    balanced = fitting.fit(words, data, fitting.Parts(sentence, fitting.Settings(("words",), 1, 1.0)))
    assert observed.word_bias < balanced.word_bias  # 3 marked words of 26: the observed odds are low


def test_choose_takes_the_threshold_with_the_best_held_out_macro_f1() -> None:
    data = _data()
    words = fitting.featurize(data)
    small = [fitting.Settings(("words",), 1, 10.0)]
    choice = fitting.choose(words, data, small, small)
    chosen = [score for part, _, score in choice.table if part == f"sentence >= {choice.parts.threshold}"]
    assert chosen == [choice.macro_f1]
    assert choice.macro_f1 == max(score for part, _, score in choice.table if part.startswith("sentence"))


def test_the_stacker_is_fitted_on_parts_that_never_saw_the_topic_they_score() -> None:
    data = _data()
    words = fitting.featurize(data)
    small = fitting.Settings(("words", "cues"), 1, 10.0)
    parts = fitting.Parts(small, fitting.Settings(("words", "cues"), 1, 10.0, balanced=False), 0.1, 0.5, stack=True)
    model = fitting.fit(words, data, parts)
    assert set(model.stack) == set(STACK_INPUTS) and model.threshold in fitting.THRESHOLDS
    assert model.stack["max"] > 0  # a likelier marked word makes the sentence likelier biased
    loaded, plain = model.score(["Critics slammed the plan.", "The plan opened on Monday."])
    assert loaded.probability > plain.probability
    unstacked = fitting.fit(words, data, dataclasses.replace(parts, stack=False))
    assert unstacked.stack == {} and unstacked.weights == model.weights  # the parts are the same fits
    fitted: fitting.Fitted = {}
    again = fitting.fit(words, data, parts, fitted)
    assert len(fitted) == 4  # the parts on all three topics and on each pair of them
    assert again.stack == model.stack and fitting.fit(words, data, parts, fitted).stack == model.stack
    with pytest.raises(ValueError, match="needs a word part"):
        fitting.fit(words, data, dataclasses.replace(parts, word=None))
