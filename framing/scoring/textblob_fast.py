"""TextBlob's sentiment (`TextBlob(s).sentiment`, the PatternAnalyzer), exact and fast, without textblob.

`textblob_scores(sentences)` returns the same polarity and subjectivity as
TextBlob 0.20 for each string, bit for bit on every sentence we have compared,
without importing textblob, nltk or scipy (5.5 s of imports). It reads the
installed `en-sentiment.xml` (`textblob_lexicon`), tokenizes like
`textblob._text.find_tokens` (`textblob_tokens`) and replays
`Sentiment.assessments`. Speed comes from batching: the sentences are split
once (`sentence_tokens.split_batch`, shared with VADER), each distinct
whitespace token is split and looked up once (cached ids), and numpy picks the few tokens the assessment loop
must see: a long unknown word only clears the pending modifier and negation,
so stretches without a lexicon word, "!", "(!)" or emoticon are skipped.

TextBlob/pattern quirks reproduced (each has a test in tests/scoring/test_textblob_fast.py):

1. Contractions are torn apart: "n't" is split off and then every apostrophe
   is spaced out, so "don't" is "do n ' t" and "n't" never negates.
2. "no", "not", "never" negate a lexicon word up to two words on when the
   words between are one character long ("not a good"), but a two-letter word
   ("not so good") drops the negation. A negated word scores polarity * -0.5.
3. A modifier (a word with an adverb sense, e.g. "very") multiplies the next
   lexicon word's polarity and subjectivity by its intensity and the two count
   as one assessment; words of up to two letters between keep the modifier.
4. Negation inside a modifier ("not very good") inverts the intensity (1 / i).
   "really not good": a negation after an "-ly" modifier flips that modifier's
   assessment.
5. textblob.en adds an adverb for every adjective ("terrible" -> "terribly",
   "happy" -> "happily"), overwriting the part-of-speech average of words
   already in the lexicon, and making them modifiers.
6. Each "!" multiplies the polarity of the latest assessment by 1.25 (clipped
   to 1), wherever it is in the sentence, before the negation halving.
7. Emoticons score polarity from pattern's face table with subjectivity 1;
   faces written with spaces are glued back (": )" -> ":)") per TextBlob
   sentence, so "item 8)" smiles and "5: 3" is ":3"; matching is case
   sensitive but lookup is lower-case, and faces made of letters ("XD", "xD")
   are never looked up. Other emoji are ignored ("♥" is a face).
8. "(!)" (also "( ! )") is an irony mark: an assessment of polarity 0,
   subjectivity 1.
9. A period stays on abbreviations (pattern's list, "U.S.", single letters and
   its capital-plus-consonants regex, which also accepts "|") and "...." loses
   a period; a blank line and the literal text "END-OF-SENTENCE" end a sentence
   and vanish.
10. Polarity and subjectivity are plain left-to-right means over assessments;
    a sentence without any is (0.0, 0.0).
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
import pandas as pd

from framing.scoring.sentence_tokens import SplitBatch, split_batch
from framing.scoring.textblob_lexicon import load_lexicon
from framing.scoring.textblob_tokens import (
    EMOTICONS,
    EOS,
    PUNCTUATION,
    RE_EMOTICONS,
    RE_SARCASM,
    REWRITE_TAILS,
    find_words,
    rejoin,
    split_word,
)

COLUMNS = ["textblob.polarity", "textblob.subjectivity"]
# per word: known, polarity, subjectivity, intensity, modifier (0/1/2), negation, long for negation,
# long for a modifier, "!", "(!)", face polarity (None: no face)
Info = tuple[bool, float, float, float, int, bool, bool, bool, bool, bool, "float | None"]
NEGATIONS = frozenset(("no", "not", "n't", "never"))

_FACES: dict[str, float] = {}
for _polarity, _faces in EMOTICONS:
    for _face in _faces:
        _FACES.setdefault(_face.lower(), _polarity)


class _Vocabulary:
    """Lower-cased token -> id, with what the assessment loop needs to know about each id."""

    def __init__(self) -> None:
        self.lexicon = load_lexicon()
        self.index: dict[str, int] = {}
        self.words: list[str] = []
        self.info: list[Info] = []
        self.reset: list[bool] = []
        self.event: list[bool] = []
        self.inert: list[bool] = []
        self.tail: list[bool] = []
        self._arrays: tuple[Any, ...] = (-1,)

    def id_of(self, word: str) -> int:
        found = self.index.get(word)
        if found is None:
            found = self.index[word] = len(self.info)
            self.words.append(word)
            self.tail.append(word in REWRITE_TAILS)
            self._describe(word)
        return found

    def _describe(self, w: str) -> None:
        entry = self.lexicon.get(w)
        neg = w in NEGATIONS
        if entry is not None:
            mod = (2 if w.endswith("ly") else 1) if entry.modifier else 0
            self.info.append(
                (True, entry.polarity, entry.subjectivity, entry.intensity, mod, neg, False, False, False, False, None)
            )
            self.reset.append(False)
            self.event.append(True)
            self.inert.append(False)
            return
        long_n, long_m = len(w.strip("'")) > 1, len(w) > 2
        face = _FACES.get(w) if (not w.isalpha() and len(w) <= 5 and w not in PUNCTUATION) else None
        excl, irony = w == "!", w == "(!)"
        self.info.append((False, 0.0, 0.0, 0.0, 0, neg, long_n, long_m, excl, irony, face))
        self.event.append(excl or irony or face is not None)
        self.reset.append(long_n and long_m and not neg and not self.event[-1])
        self.inert.append(not (long_n or long_m or neg or self.event[-1]))

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(reset, event, inert, tail) flags per id as numpy arrays, rebuilt only when the vocabulary grew."""
        if self._arrays[0] != len(self.info):
            self._arrays = (
                len(self.info),
                np.array(self.reset, bool),
                np.array(self.event, bool),
                np.array(self.inert, bool),
                np.array(self.tail, bool),
            )
        return self._arrays[1:]

    def may_rewrite(self, tokens: np.ndarray, sentence: np.ndarray) -> np.ndarray:
        """Sentences holding a (token ending in a face character, rest of that face) pair."""
        *_, tail = self.arrays()
        at = np.flatnonzero(tail[tokens[1:]]) + 1
        words = self.words
        hits = [
            k
            for k, prev, cur in zip(at.tolist(), tokens[at - 1].tolist(), tokens[at].tolist())
            if words[prev][-1:] in REWRITE_TAILS[words[cur]]
        ]
        return np.unique(sentence[hits])


class _RawTokens:
    """Whitespace token -> its pieces (split_word) and their ids."""

    def __init__(self, vocabulary: _Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.index: dict[str, int] = {"": 0}  # row 0: no pieces ("" is never a whitespace token)
        self.pieces: list[list[str]] = [[]]
        self.starts, self.lengths = [0], [0]
        self.data: list[int] = []
        self._arrays: tuple[Any, ...] = (0,)

    def ids(self, uniques: list[str]) -> np.ndarray:
        """Raw-token ids of distinct token strings, adding the unseen ones (Python sees each once)."""
        index = self.index
        for token in uniques:
            if token not in index:
                self._add(token)
        return np.fromiter(map(index.__getitem__, uniques), dtype=np.int64, count=len(uniques))

    def _add(self, token: str) -> None:
        self.index[token] = len(self.pieces)
        self.starts.append(len(self.data))
        if token.isalnum():  # no punctuation or quote to split off: the common case
            self.pieces.append([token])
            self.lengths.append(1)
            self.data.append(self.vocabulary.id_of(token.lower()))
            return
        pieces = split_word(token)
        self.pieces.append(pieces)
        ids = [self.vocabulary.id_of(p.lower()) for p in pieces if p != EOS]
        self.lengths.append(len(ids))
        self.data.extend(ids)

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(starts, lengths, data) as numpy arrays, rebuilt only when new tokens arrived."""
        if self._arrays[0] != len(self.pieces):
            self._arrays = (
                len(self.pieces),
                np.array(self.starts, np.int64),
                np.array(self.lengths, np.int64),
                np.array(self.data, np.int64),
            )
        return self._arrays[1:]


@functools.lru_cache(maxsize=1)
def _tables() -> _RawTokens:
    """One cache of tokens and ids per process; it only grows with new words."""
    return _RawTokens(_Vocabulary())


def _assess(
    ids: list[int],
    segments: list[int],
    sentences: list[int],
    info: list[Info],
    polarity: np.ndarray,
    subjectivity: np.ndarray,
) -> None:
    """pattern's `Sentiment.assessments` and averaging, over the tokens that can change the result.

    A new segment means a long unknown word was skipped: it clears modifier and negation.
    """
    a: list[list[Any]] = []
    current = segment = -1
    m, n = 0, False  # modifier: 0 none, 1 adverb, 2 adverb ending in -ly; pending negation
    for tid, seg, sent in zip(ids, segments, sentences):
        if sent != current:
            _average(a, current, polarity, subjectivity)
            a, m, n, current, segment = [], 0, False, sent, seg
        elif seg != segment:
            m, n, segment = 0, False, seg
        known, p, s, i, mod, neg, long_n, long_m, excl, irony, face = info[tid]
        if known:
            if m == 0:
                last = [p, s, i, False]
                a.append(last)
            else:
                last = a[-1]
                last[0] = max(-1.0, min(p * last[2], +1.0))
                last[1] = max(-1.0, min(s * last[2], +1.0))
                last[2] = i
            if n:
                last[2] = 1.0 / last[2]
                last[3] = True
            m, n = mod, neg
            continue
        if neg:
            n = True
        elif n and long_n:
            n = False
        if n and m == 2:
            a[-1][3] = True
            n = False
        elif m and long_m:
            m = 0
        if excl and a:
            a[-1][0] = max(-1.0, min(a[-1][0] * 1.25, +1.0))
        if irony:
            a.append([0.0, 1.0, 1.0, False])
        if face is not None:
            a.append([face, 1.0, 1.0, False])
    _average(a, current, polarity, subjectivity)


def _average(a: list[list[Any]], sentence: int, polarity: np.ndarray, subjectivity: np.ndarray) -> None:
    """Left-to-right means as pattern computes them; negated assessments count polarity * -0.5."""
    if not a:
        return
    total_p = total_s = 0
    for p, s, _, negated in a:
        total_p += p * -0.5 if negated else p
        total_s += s
    polarity[sentence] = total_p / float(len(a))
    subjectivity[sentence] = total_s / float(len(a))


def _rewritten(split: SplitBatch, firsts: np.ndarray, flagged: np.ndarray, tables: _RawTokens) -> dict[int, list[str]]:
    """Sentences whose emoticon or sarcasm rewrites may change tokens -> their words, done the slow way."""
    out = {}
    for k in flagged.tolist():
        pieces = [p for r in split.tokens_of(k, int(firsts[k])) for p in tables.pieces[tables.index[r]]]
        text = " ".join(p for p in pieces if p != EOS)
        if RE_SARCASM.search(text) or RE_EMOTICONS.search(text):
            out[k] = [w.lower() for w in rejoin(pieces)]
    return out


def _flat_tokens(raw_ids: np.ndarray, sentence_of_raw: np.ndarray, tables: _RawTokens) -> tuple[np.ndarray, np.ndarray]:
    """Token ids of the batch (each raw token's pieces in order) and the sentence of each."""
    starts, lengths, data = tables.arrays()
    lens = lengths[raw_ids]
    offsets = np.repeat(starts[raw_ids] - (np.cumsum(lens) - lens), lens)
    positions = np.arange(int(lens.sum()), dtype=np.int64) + offsets
    return data[positions], np.repeat(sentence_of_raw, lens)


def _score_batch(split: SplitBatch) -> tuple[np.ndarray, np.ndarray]:
    """Polarity and subjectivity of every text of the split batch, as if none held a blank line or separator."""
    tables = _tables()
    vocabulary = tables.vocabulary
    n = len(split.lengths)
    raw_ids = tables.ids(split.uniques)[split.codes]
    tokens, sentence = _flat_tokens(raw_ids, np.repeat(np.arange(n, dtype=np.int64), split.lengths), tables)
    firsts = np.cumsum(split.lengths) - split.lengths
    slow = _rewritten(split, firsts, vocabulary.may_rewrite(tokens, sentence), tables)
    if slow:
        keep = ~np.isin(sentence, np.fromiter(slow, np.int64, len(slow)))
        extra = [(k, vocabulary.id_of(w)) for k, words in slow.items() for w in words]
        tokens = np.concatenate([tokens[keep], np.array([t for _, t in extra], np.int64)])
        sentence = np.concatenate([sentence[keep], np.array([k for k, _ in extra], np.int64)])
    reset, event, inert, _ = vocabulary.arrays()
    polarity, subjectivity = np.zeros(n), np.zeros(n)
    if len(tokens):
        is_reset = reset[tokens]
        segment = np.cumsum(is_reset)
        active = np.zeros(int(segment[-1]) + 1, bool)
        active[segment[event[tokens]]] = True
        # Loop only over stretches with something to assess; one-character words that are
        # nothing else (",", "a", "'") change no state there and are dropped too.
        keep = ~(is_reset | inert[tokens]) & active[segment]
        _assess(
            tokens[keep].tolist(),
            segment[keep].tolist(),
            sentence[keep].tolist(),
            vocabulary.info,
            polarity,
            subjectivity,
        )
    return polarity, subjectivity


def textblob_scores(sentences: list[str], split: SplitBatch | None = None) -> pd.DataFrame:
    """`TextBlob(s).sentiment` for every sentence: columns textblob.polarity, textblob.subjectivity, in order.

    `split`: the sentences' whitespace tokens if already split (`split_batch`).
    """
    for s in sentences:
        if not isinstance(s, str):
            raise TypeError(f"textblob_scores takes strings, not {type(s).__name__}")
    polarity, subjectivity = _score_batch(split if split is not None else split_batch(sentences))
    for k, s in enumerate(sentences):  # a blank line ends a TextBlob sentence: the exact port, one by one
        if "\n\n" in s or "\r\n" in s:
            polarity[k], subjectivity[k] = _score_words(find_words(s))
    frame: pd.DataFrame = pd.DataFrame({COLUMNS[0]: polarity, COLUMNS[1]: subjectivity})
    return frame


def _score_words(words: list[str]) -> tuple[float, float]:
    """One sentence already tokenized (used for text holding a blank line)."""
    vocabulary = _tables().vocabulary
    ids = [vocabulary.id_of(w) for w in words]
    polarity, subjectivity = np.zeros(1), np.zeros(1)
    _assess(ids, [0] * len(ids), [0] * len(ids), vocabulary.info, polarity, subjectivity)
    return float(polarity[0]), float(subjectivity[0])
