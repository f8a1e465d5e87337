"""The features of a sentence's words that the slant model weighs, with each word's offsets.

Every word token carries a few named features: its normal form (`w:said`),
the loaded-language cue classes whose entries cover it (`cue:report_loaded`),
its VADER valence strength (`vader`, |valence| / 4), its TextBlob
subjectivity (`subj`) and its shape (`cap`: capitalised inside the sentence,
as names are; `suf:ous`: the last three letters of a long word, which carry
over to words never seen, such as "-ist" or "-ous") and its character
n-grams (`c: rad`, `c:ical `: three to five letters of the word padded with a
space at each end, each worth 1 / sqrt(their number), so that "radicals" and
"radicalised" share most of what "radical" learnt). The model's sentence
part sums them over the words (over the square root of the word count) and
its word part weighs each word on its own, so both its numbers are sums of
named per-word terms that can be traced back to the words.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

from framing.lexicons.match import match
from framing.lexicons.model import Lexicon, load_lexicon
from framing.text.tokenize import is_word, tokenize

# The cue lexicon the shipped weights were fitted with; a user's own loaded lexicon never changes them.
CUE_LEXICON = "loaded-language"
FAMILIES = ("words", "cues", "valence", "shape", "chars")  # feature families a model may use
SHORT = 6  # words shorter than this get no suffix feature
GRAMS = (3, 5)  # shortest and longest character n-gram of the `chars` family


class WordFeatures(NamedTuple):
    """One word of a sentence: offsets into the sentence, its normal form, its named feature values.

    `lexical` features follow from the normal form alone (so a model can
    weigh them once per distinct word), `context` ones from the word's place
    (cue phrases, capitalisation inside the sentence).
    """

    start: int
    end: int
    norm: str
    lexical: tuple[tuple[str, float], ...]
    context: tuple[tuple[str, float], ...]

    @property
    def features(self) -> tuple[tuple[str, float], ...]:
        return self.lexical + self.context


@functools.lru_cache(maxsize=1)
def _cue_lexicon() -> Lexicon:
    return load_lexicon(CUE_LEXICON)


@functools.lru_cache(maxsize=1)
def _valences() -> dict[str, float]:
    """VADER's lexicon: word -> mean valence (-4 .. 4)."""
    from framing.scoring.vader_tokens import analyzer

    lexicon: dict[str, float] = analyzer().lexicon
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
    wanted = tuple(f for f in FAMILIES if f in families)
    cues = _cue_spans(sentences) if "cues" in wanted else [[] for _ in sentences]
    shape = "shape" in wanted
    out: list[list[WordFeatures]] = []
    for sentence, sentence_cues in zip(sentences, cues):
        words: list[WordFeatures] = []
        for token in tokenize(sentence):
            if not is_word(token.text):
                continue
            context = (
                [(f"cue:{c}", 1.0) for s, e, c in sentence_cues if s < token.end and token.start < e]
                if sentence_cues
                else []
            )
            if shape and words and token.text[:1].isupper():
                context.append(("cap", 1.0))  # capitalised inside the sentence, as names are
            words.append(WordFeatures(token.start, token.end, token.norm, _lexical(token.norm, wanted), tuple(context)))
        out.append(words)
    return out


def clear_word_cache() -> None:
    """Forget the per-word features computed so far (benchmarks time a cold start with it)."""
    _lexical.cache_clear()


@functools.lru_cache(maxsize=1 << 17)
def _lexical(norm: str, families: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """The features a normal form alone decides: itself, its valence and subjectivity, its suffix."""
    named: list[tuple[str, float]] = []
    if "words" in families:
        named.append((f"w:{norm}", 1.0))
    if "valence" in families:
        valence = _valences().get(norm)
        if valence:
            named.append(("vader", abs(valence) / 4.0))
        subjectivity = _subjectivities().get(norm)
        if subjectivity:
            named.append(("subj", subjectivity))
    if "shape" in families and len(norm) >= SHORT and norm.isalpha():
        named.append((f"suf:{norm[-3:]}", 1.0))  # "-ist", "-ous": carries over to words never seen
    if "chars" in families:
        named.extend(char_grams(norm))
    return tuple(named)


def char_grams(norm: str) -> tuple[tuple[str, float], ...]:
    """The word's distinct character n-grams (padded with spaces), sorted, each 1 / sqrt(their number)."""
    padded = f" {norm} "
    low, high = GRAMS
    grams = sorted({padded[i : i + n] for n in range(low, high + 1) for i in range(len(padded) - n + 1)})
    value = 1.0 / len(grams) ** 0.5 if grams else 0.0
    return tuple((f"c:{gram}", value) for gram in grams)
