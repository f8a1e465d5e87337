"""TextBlob's pattern sentiment lexicon, read from the installed package without importing it.

Importing `textblob` pulls in nltk and scipy.stats (about 5.5 s), so the XML
file is located through the import system's spec (which does not execute the
package) and parsed with the standard library, averaging exactly as
`textblob._text.Sentiment.load` and `textblob.en.Sentiment.load` do.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

from framing.errors import FramingError


class LexiconEntry(NamedTuple):
    """What the analyzer reads for a word when it is given no part of speech."""

    polarity: float
    subjectivity: float
    intensity: float
    modifier: bool  # the word has an adverb ("RB") sense, so it may intensify the next one


def sentiment_xml_path() -> Path:
    """`textblob/en/en-sentiment.xml` of the installed textblob, found without importing textblob."""
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise FramingError("textblob is not installed: its en-sentiment.xml lexicon is needed")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "en" / "en-sentiment.xml"
        if path.is_file():
            return path
    raise FramingError("the installed textblob has no en/en-sentiment.xml")


# part of speech (None: all senses together) -> (polarity, subjectivity, intensity)
Senses = dict[str | None, Sequence[float]]


def _avg(values: Sequence[float]) -> float:
    """pattern's `avg`: a left-to-right sum divided by the count (same float rounding)."""
    return sum(values) / float(len(values) or 1)


def _read_senses(path: Path) -> dict[str, Senses]:
    """word -> {pos: [polarity, subjectivity, intensity]} averaged per sense, plus the None key."""
    read: dict[str, dict[str | None, list[tuple[float, float, float]]]] = {}
    for node in ElementTree.parse(path).getroot().findall("word"):
        form = node.attrib.get("form")
        psi = (
            float(node.attrib.get("polarity", 0.0)),
            float(node.attrib.get("subjectivity", 0.0)),
            float(node.attrib.get("intensity", 1.0)),
        )
        if form:
            read.setdefault(form, {}).setdefault(node.attrib.get("pos"), []).append(psi)
    words: dict[str, Senses] = {}
    for form, senses in read.items():
        words[form] = {pos: [_avg(each) for each in zip(*psi)] for pos, psi in senses.items()}
    for averaged in list(words.values()):
        averaged[None] = [_avg(each) for each in zip(*averaged.values())]
    return words


def _add_adverbs(words: dict[str, Senses]) -> None:
    """textblob.en's extra senses: "terrible" also gives "terribly" (RB), overwriting its None sense."""
    for form, senses in list(words.items()):
        if "JJ" in senses:
            if form.endswith("y"):
                form = form[:-1] + "i"
            if form.endswith("le"):
                form = form[:-2]
            p, s, i = senses["JJ"]
            target = words.setdefault(form + "ly", {})
            target["RB"] = target[None] = (p, s, i)


@functools.lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> dict[str, LexiconEntry]:
    """Every word of the lexicon with the scores TextBlob applies to it (cached: ~50 ms to parse)."""
    words = _read_senses(path or sentiment_xml_path())
    _add_adverbs(words)
    entries = {}
    for form, senses in words.items():
        polarity, subjectivity, intensity = senses[None]
        entries[form] = LexiconEntry(polarity, subjectivity, intensity, "RB" in senses)
    return entries
