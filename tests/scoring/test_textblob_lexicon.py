"""TextBlob's sentiment lexicon read without importing textblob: every entry equal to textblob's own (the oracle)."""

from __future__ import annotations

import importlib.util

import pytest

from framing.errors import FramingError
from framing.scoring import textblob_lexicon
from framing.scoring.textblob_lexicon import LexiconEntry, load_lexicon, sentiment_xml_path

SMALL = """<?xml version="1.0" encoding="utf-8"?>
<sentiment>
<word form="terrible" pos="JJ" polarity="-1.0" subjectivity="1.0" intensity="1.0" />
<word form="terrible" pos="JJ" polarity="-0.5" subjectivity="0.5" />
<word form="happy" pos="JJ" polarity="0.8" subjectivity="1.0" intensity="1.0" />
<word form="very" pos="RB" polarity="0.2" subjectivity="0.3" intensity="1.3" />
<word form="very" pos="JJ" polarity="0.4" subjectivity="0.5" />
<word pos="JJ" polarity="0.9" />
</sentiment>
"""


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "en-sentiment.xml"
    path.write_text(SMALL, encoding="utf-8")
    return load_lexicon(path)


def test_every_entry_is_textblobs_own():
    from textblob.en import sentiment

    sentiment.load()
    ours = load_lexicon()
    assert set(ours) == set(sentiment)
    for word, senses in sentiment.items():
        assert ours[word] == LexiconEntry(*senses[None], "RB" in senses), word


def test_senses_are_averaged_per_part_of_speech_then_over_all(small):
    assert small["terrible"] == LexiconEntry(-0.75, 0.75, 1.0, False)  # missing intensity counts as 1.0
    assert small["very"] == pytest.approx(LexiconEntry(0.3, 0.4, 1.15, True))
    assert "" not in small and None not in small  # an entry without a form is skipped


def test_adjectives_give_ly_adverbs_that_modify(small):
    assert small["terribly"] == LexiconEntry(-0.75, 0.75, 1.0, True)  # "-le" dropped
    assert small["happily"] == LexiconEntry(0.8, 1.0, 1.0, True)  # "-y" -> "-i"
    assert small["verily"] == LexiconEntry(0.4, 0.5, 1.0, True)  # from "very" (JJ), not its RB sense


def test_the_installed_file_is_found_without_importing_textblob():
    path = sentiment_xml_path()
    assert path.name == "en-sentiment.xml" and path.parent.name == "en" and path.is_file()


def test_a_missing_textblob_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(FramingError, match=r"^textblob is not installed: its en-sentiment.xml lexicon is needed$"):
        textblob_lexicon.sentiment_xml_path()


def test_a_textblob_without_the_file_is_a_clear_error(monkeypatch, tmp_path):
    spec = importlib.util.spec_from_loader("textblob", loader=None, is_package=True)
    spec.submodule_search_locations = [str(tmp_path)]
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: spec)
    with pytest.raises(FramingError, match=r"^the installed textblob has no en/en-sentiment.xml$"):
        textblob_lexicon.sentiment_xml_path()
