"""The features of a sentence's words that the slant model weighs, with each word's offsets.

Every word token carries a few named features: its normal form (`w:said`),
the loaded-language cue classes whose entries cover it (`cue:report_loaded`),
its VADER valence strength (`vader`, |valence| / 4), its TextBlob
subjectivity (`subj`) and its shape (`cap`: capitalised inside the sentence,
as names are; `suf:ous`: the last three letters of a long word, which carry
over to words never seen, such as "-ist" or "-ous") and its character
n-grams (`c: rad`, `c:ical `: three to five letters of the word padded with a
space at each end, each worth 1 / sqrt(their number), so that "radicals" and
"radicalised" share most of what "radical" learnt). The `context` family
(after Recasens et al. 2013, who weigh a word's lexicon classes and those of
its neighbours) adds the word's signed valence (`vpos`, `vneg`), TextBlob
polarity strength and intensity (`tbpol`, `tbint`, `tbmod`: an adverb that
intensifies), stop-word and long-word flags, its relative place in the
sentence (`place`), and the cue classes, valence, subjectivity and stop-word
flag of the word before (`p:...`) and after (`n:...`; `p:edge` / `n:edge` at
the sentence's ends). The `vectors` family gives each word `e:<word>`, whose
weight a fit folds from the word's vector (`framing.scoring.slant.vectors`),
so a word the labelled topics never used weighs like the words it is used
like in unlabelled news. The model's sentence
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
from framing.scoring.stopwords import english_stop_words
from framing.text.tokenize import Token, is_word, tokenize

# The cue lexicon the shipped weights were fitted with; a user's own loaded lexicon never changes them.
CUE_LEXICON = "loaded-language"
FAMILIES = ("words", "cues", "valence", "shape", "chars", "context", "vectors")  # feature families a model may use
SHORT = 6  # words shorter than this get no suffix feature
LONG = 9  # words this long or longer get the `long` flag of the `context` family
# The features of a word its neighbours see as `p:...` / `n:...` (cue classes are added by prefix).
NEIGHBOUR_FEATURES = ("vader", "subj", "vpos", "vneg", "tbpol", "tbint", "tbmod", "stop")
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


@functools.lru_cache(maxsize=1)
def _textblob_cues() -> dict[str, tuple[float, float, bool]]:
    """TextBlob's lexicon: word -> (|polarity|, intensity - 1, adverb that may intensify)."""
    from framing.scoring.textblob_lexicon import load_lexicon as textblob_lexicon

    return {w: (abs(e.polarity), e.intensity - 1.0, e.modifier) for w, e in textblob_lexicon().items()}


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
    shape, context_family = "shape" in wanted, "context" in wanted
    out: list[list[WordFeatures]] = []
    for sentence, sentence_cues in zip(sentences, cues):
        found: list[tuple[Token, list[tuple[str, float]]]] = []
        for token in tokenize(sentence):
            if not is_word(token.text):
                continue
            context = (
                [(f"cue:{c}", 1.0) for s, e, c in sentence_cues if s < token.end and token.start < e]
                if sentence_cues
                else []
            )
            if shape and found and token.text[:1].isupper():
                context.append(("cap", 1.0))  # capitalised inside the sentence, as names are
            found.append((token, context))
        lexical = [_lexical(token.norm, wanted) for token, _ in found]
        if context_family:
            _add_neighbours(found, wanted)
        out.append([WordFeatures(t.start, t.end, t.norm, lex, tuple(c)) for (t, c), lex in zip(found, lexical)])
    return out


def _add_neighbours(found: Sequence[tuple[Token, list[tuple[str, float]]]], families: tuple[str, ...]) -> None:
    """Add to each word's context its place in the sentence and its neighbours' classes (`p:...`, `n:...`)."""
    views = [_neighbour_view(token.norm, families, tuple(context)) for token, context in found]
    last = max(len(found) - 1, 1)
    for i, (_, context) in enumerate(found):
        before = views[i - 1][0] if i else (("p:edge", 1.0),)
        after = views[i + 1][1] if i + 1 < len(found) else (("n:edge", 1.0),)
        context.append(("place", i / last))
        context.extend(before)
        context.extend(after)


@functools.lru_cache(maxsize=1 << 17)
def _neighbour_view(
    norm: str, families: tuple[str, ...], context: tuple[tuple[str, float], ...]
) -> tuple[tuple[tuple[str, float], ...], tuple[tuple[str, float], ...]]:
    """What the next word sees of this one (`p:...`) and what the word before sees (`n:...`)."""
    seen = [(n, v) for n, v in _lexical(norm, families) + context if n in NEIGHBOUR_FEATURES or n.startswith("cue:")]
    return tuple((f"p:{n}", v) for n, v in seen), tuple((f"n:{n}", v) for n, v in seen)


def clear_word_cache() -> None:
    """Forget the per-word features computed so far (benchmarks time a cold start with it)."""
    _lexical.cache_clear()
    _neighbour_view.cache_clear()


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
    if "context" in families:
        named.extend(_lexicon_classes(norm))
    if "vectors" in families:
        named.append((f"e:{norm}", 1.0))  # the weight folded from its word vector (`slant.vectors`)
    return tuple(named)


def _lexicon_classes(norm: str) -> list[tuple[str, float]]:
    """The `context` family's per-word part: signed valence, TextBlob strength, stop and long flags."""
    named: list[tuple[str, float]] = []
    valence = _valences().get(norm, 0.0)
    if valence:
        named.append(("vpos" if valence > 0 else "vneg", abs(valence) / 4.0))
    polarity, intensity, modifier = _textblob_cues().get(norm, (0.0, 0.0, False))
    named.extend(
        (name, value)
        for name, value in (("tbpol", polarity), ("tbint", intensity), ("tbmod", float(modifier)))
        if value
    )
    if norm in english_stop_words():
        named.append(("stop", 1.0))
    if len(norm) >= LONG:
        named.append(("long", 1.0))
    return named


def char_grams(norm: str) -> tuple[tuple[str, float], ...]:
    """The word's distinct character n-grams (padded with spaces), sorted, each 1 / sqrt(their number)."""
    padded = f" {norm} "
    low, high = GRAMS
    grams = sorted({padded[i : i + n] for n in range(low, high + 1) for i in range(len(padded) - n + 1)})
    value = 1.0 / len(grams) ** 0.5 if grams else 0.0
    return tuple((f"c:{gram}", value) for gram in grams)
