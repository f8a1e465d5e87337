"""Cheap syntax rules: reversal shifters and their scope, passive voice, the target's role, names and titles."""

from __future__ import annotations

import numpy as np
import pytest

from framing.scoring.stance.model import analyse, lexicons
from framing.scoring.stance.syntax import governor, name_words, passive_span, reversal, sides
from framing.text.tokenize import tokenize


def norms_of(text: str) -> list[str]:
    return [t.norm for t in tokenize(text)]


def valence(norms: list[str]) -> np.ndarray:
    vader, _ = lexicons()
    return np.array([vader.get(n, 0.0) for n in norms])


def flipped(text: str) -> list[str]:
    norms = norms_of(text)
    sign, _ = reversal(norms, valence(norms))
    return [n for n, s in zip(norms, sign) if s < 0]


# ---------------------------------------------------------------- reversal


@pytest.mark.parametrize(
    "text, reversed_words",
    [
        ("He called averting such escalation the alliance's responsibility.", ["escalation"]),
        ("The deal will prevent a war.", ["war"]),
        ("They vowed to fight corruption and promote growth.", ["corruption"]),  # "and" ends the scope
        ("The plan would reduce poverty.", ["poverty"]),
        ("Cuts reduce benefits.", ["benefits"]),  # a good word reversed: bad news
        ("The EU moved to lift sanctions on Russia.", ["sanctions"]),
        ("Talks may ease tensions.", ["tensions"]),
        ("The vote will end the war, officials said.", ["war"]),
        ("Troops stopped the attack.", ["attack"]),
        ("They believe in deterrence against aggression.", ["aggression"]),
        ("The deal will prevent a terrible war with Russia.", ["terrible", "war"]),  # the object phrase only
    ],
)
def test_a_shifter_reverses_the_object_it_governs(text, reversed_words):
    assert flipped(text) == reversed_words


def test_scope_ends_at_punctuation_and_after_the_window():
    assert flipped("They avoided it, a terrible war.") == []
    assert flipped("They avoided one, two or the terrible war.") == []  # "or" stops the scope
    assert flipped("They prevent it from being the war.") == []  # "war" is the 5th word after the shifter


def test_lift_and_ease_reverse_only_bad_words():
    assert flipped("The news will lift spirits and hopes.") == []
    assert flipped("The news will boost spirits and hopes.") == []


def test_a_governing_shifter_loses_its_own_valence_but_a_bare_one_keeps_it():
    governed = analyse("NATO vowed to fight corruption.")
    bare = analyse("NATO vowed to fight.")
    fight = governed.norms.index("fight")
    assert governed.vader[fight] == 0.0 and governed.sign[governed.norms.index("corruption")] == -1.0
    assert bare.vader[bare.norms.index("fight")] < 0.0


def test_negation_and_reversal_combine():
    sent = analyse("They did not prevent the war.")
    assert sent.sign[sent.norms.index("war")] == 1.0  # failing to prevent a war is bad news again


# ---------------------------------------------------------------- passive voice and role


@pytest.mark.parametrize(
    "text, participle_words",
    [
        ("Ukraine was defeated.", ["defeated"]),
        ("Ukraine was badly defeated by Russia.", ["defeated"]),  # "by" starts the agent
        ("The senator has been accused of fraud.", ["accused", "of", "fraud"]),
        ("Kyiv was hit overnight.", ["hit", "overnight"]),
    ],
)
def test_passive_span(text, participle_words):
    norms = norms_of(text)
    sent = analyse(text)
    subject_end = 1 if norms[0] != "the" else 2
    span = passive_span(norms, sent.clause, subject_end)
    assert span is not None and norms[span[0] : span[1]] == participle_words


@pytest.mark.parametrize("text", ["Ukraine was brave.", "Ukraine defeated Russia.", "Ukraine is talking."])
def test_no_passive(text):
    norms = norms_of(text)
    assert passive_span(norms, analyse(text).clause, 1) is None


@pytest.mark.parametrize(
    "text, target, head",
    [
        ("Putin began his conquest of Ukraine.", "ukraine", "conquest"),
        ("following the invasion of Ukraine", "ukraine", "invasion"),
        ("They pledged support for NATO.", "nato", "support"),
        ("attacks on the alliance", "alliance", "attacks"),
    ],
)
def test_governor_through_a_preposition(text, target, head):
    norms = norms_of(text)
    k = governor(norms, norms.index(target))
    assert k is not None and norms[k] == head


def test_no_governor_without_a_preposition():
    norms = norms_of("Russia invaded Ukraine.")
    assert governor(norms, norms.index("ukraine")) is None


def test_sides_mark_the_patient_words():
    text = "Ukraine was defeated by Russia in the invasion of Ukraine."
    norms = norms_of(text)
    side = sides(norms, analyse(text).clause, 0, 1)
    assert side[norms.index("defeated")] == "P" and side[norms.index("russia")] == "R"
    later = norms.index("ukraine", 1)
    side = sides(norms, analyse(text).clause, later, later + 1)
    assert side[norms.index("invasion")] == "P" and side[norms.index("defeated")] == "L"


# ---------------------------------------------------------------- names and titles


def named(text: str) -> list[str]:
    tokens = tokenize(text)
    mask = name_words([t.text for t in tokens], [t.norm for t in tokens])
    return [t.text for t, m in zip(tokens, mask) if m]


def test_names_and_titles_are_marked():
    assert named("NATO Secretary General Jens Stoltenberg met the ministers.") == [
        "NATO",
        "Secretary",
        "General",
        "Jens",
        "Stoltenberg",
    ]
    assert named("Defense Secretary Lloyd Austin spoke.") == ["Defense", "Secretary", "Lloyd", "Austin"]
    assert named("The secretary general of the alliance spoke.") == ["secretary", "general"]
    assert named("Critics said Human Rights Watch was wrong.") == ["Human", "Rights", "Watch"]


def test_a_plain_first_word_and_a_title_case_headline_are_not_names():
    assert named("Critics slammed the corrupt senator.") == []
    assert named("Russia Threatens NATO Over Finland Bid") == []
