"""The features of a sentence's words that the slant model weighs, with each word's offsets.

Every word token carries a few named features: its normal form (`w:said`),
the loaded-language cue classes whose entries cover it (`cue:report_loaded`),
its VADER valence strength (`vader`, |valence| / 4), its TextBlob
subjectivity (`subj`) and its shape (`cap`: capitalised inside the sentence,
as names are; `suf:ous`: the last three letters of a long word, which carry
over to words never seen, such as "-ist" or "-ous"). A sentence's feature vector is the sum over its words
divided by the square root of its word count, so the model's logit is a sum
of per-word contributions: that is what lets `.words` name the words behind
a probability exactly.
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from framing.lexicons.match import match
from framing.lexicons.model import Lexicon, load_lexicon
from framing.text.tokenize import is_word, tokenize

# The cue lexicon the shipped weights were fitted with; a user's own loaded lexicon never changes them.
CUE_LEXICON = "loaded-language"
FAMILIES = ("words", "cues", "valence", "shape")
SHORT = 6  # words shorter than this get no suffix feature  # feature families a model may use


@dataclass(frozen=True)
class WordFeatures:
    """One word of a sentence: offsets into the sentence, its normal form, its named feature values."""

    start: int
    end: int
    norm: str
    features: tuple[tuple[str, float], ...]


@functools.lru_cache(maxsize=1)
def _cue_lexicon() -> Lexicon:
    return load_lexicon(CUE_LEXICON)


@functools.lru_cache(maxsize=1)
def _valences() -> dict[str, float]:
    """VADER's lexicon: word -> mean valence (-4 .. 4)."""
    from framing.scoring.sentiment import _vader

    lexicon: dict[str, float] = _vader().lexicon
    return lexicon


@functools.lru_cache(maxsize=1)
def _subjectivities() -> dict[str, float]:
    """TextBlob's lexicon: word -> subjectivity (0 .. 1)."""
    from framing.scoring.textblob_lexicon import load_lexicon as textblob_lexicon

    return {word: float(entry.subjectivity) for word, entry in textblob_lexicon().items()}


def _cue_spans(sentences: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    """Per sentence, the (start, end, class) of every cue-lexicon hit, found in one batch."""
    hits = match(_cue_lexicon(), list(sentences), list(range(len(sentences))))
    spans: list[list[tuple[int, int, str]]] = [[] for _ in sentences]
    for index, start, end, category in zip(hits["doc_id"], hits["start"], hits["end"], hits["category"]):
        spans[int(index)].append((int(start), int(end), str(category)))
    return spans


def word_features(sentences: Sequence[str], families: Sequence[str] = FAMILIES) -> list[list[WordFeatures]]:
    """The words of each sentence with their features (only the `families` asked for)."""
    cues = _cue_spans(sentences) if "cues" in families else [[] for _ in sentences]
    valences = _valences() if "valence" in families else {}
    subjectivities = _subjectivities() if "valence" in families else {}
    out: list[list[WordFeatures]] = []
    for sentence, sentence_cues in zip(sentences, cues):
        words: list[WordFeatures] = []
        for token in tokenize(sentence):
            if not is_word(token.text):
                continue
            first = not words
            named: list[tuple[str, float]] = []
            if "words" in families:
                named.append((f"w:{token.norm}", 1.0))
            named.extend((f"cue:{c}", 1.0) for s, e, c in sentence_cues if s < token.end and token.start < e)
            if token.norm in valences:
                named.append(("vader", abs(valences[token.norm]) / 4.0))
            if subjectivities.get(token.norm):
                named.append(("subj", subjectivities[token.norm]))
            if "shape" in families:
                named.extend(_shape(token.text, token.norm, first))
            words.append(WordFeatures(token.start, token.end, token.norm, tuple(named)))
        out.append(words)
    return out


def _shape(text: str, norm: str, first: bool) -> list[tuple[str, float]]:
    """Spelling features that generalise to unseen words: capitalisation and a long word's suffix."""
    named = [("cap", 1.0)] if text[:1].isupper() and not first else []
    if len(norm) >= SHORT and norm.isalpha():
        named.append((f"suf:{norm[-3:]}", 1.0))
    return named
