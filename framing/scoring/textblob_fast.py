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
import re
from itertools import repeat
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
    split_words,
)
from framing.scoring.token_ids import RawIndex, lookup_ids, shared_index

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
    """Lower-cased token -> id, with what the assessment loop needs to know about each id.

    Every word whose facts are more than its length (lexicon words, negations,
    faces, "!", "(!)", the tails of faces written with spaces) is described up
    front; any other word is "plain": it only ends a modifier or a negation
    depending on its length, so the words a batch brings are described with
    array operations and share four `Info` tuples.
    """

    def __init__(self) -> None:
        self.lexicon = load_lexicon()
        self.index: dict[str, int] = {}
        self.words: list[str] = []
        self.info: list[Info] = []
        self.flags: tuple[np.ndarray, ...] = ()  # reset, event, inert, tail per id
        special = [*self.lexicon, *NEGATIONS, *_FACES, "!", "(!)", *REWRITE_TAILS]
        self._index(list(dict.fromkeys(special)), [self._describe(w) for w in dict.fromkeys(special)])

    def ids(self, words: list[str]) -> np.ndarray:
        """Ids of lower-cased words, the unseen (all plain) described in one batch."""
        return lookup_ids(self.index, words, self._add_plain)

    def _add_plain(self, new: list[str]) -> None:
        long_n = np.fromiter(map(len, map(str.strip, new, repeat("'"))), np.intp, len(new)) > 1
        long_m = np.fromiter(map(len, new), np.intp, len(new)) > 2
        self._index(new, np.array(_PLAIN, dtype=object)[long_n * 2 + long_m].tolist())

    def _index(self, words: list[str], info: list[Info]) -> None:
        """Give `words` the next ids, with their facts and the loop's flags derived from them."""
        first = len(self.words)
        self.index.update(zip(words, range(first, first + len(words))))
        self.words.extend(words)
        self.info.extend(info)
        known, neg, long_n, long_m = (np.fromiter((r[k] for r in info), bool, len(info)) for k in (0, 5, 6, 7))
        event = known | np.fromiter((r[8] or r[9] or r[10] is not None for r in info), bool, len(info))
        added = (
            ~known & long_n & long_m & ~neg & ~event,
            event,
            ~known & ~(long_n | long_m | neg | event),
            np.fromiter((w in REWRITE_TAILS for w in words), bool, len(words)),
        )
        self.flags = tuple(np.concatenate([old, more]) for old, more in zip(self.flags, added)) if self.flags else added

    def _describe(self, w: str) -> Info:
        entry = self.lexicon.get(w)
        neg = w in NEGATIONS
        if entry is not None:
            mod = (2 if w.endswith("ly") else 1) if entry.modifier else 0
            return (
                True,
                entry.polarity,
                entry.subjectivity,
                entry.intensity,
                mod,
                neg,
                False,
                False,
                False,
                False,
                None,
            )
        face = _FACES.get(w) if (not w.isalpha() and len(w) <= 5 and w not in PUNCTUATION) else None
        return (False, 0.0, 0.0, 0.0, 0, neg, len(w.strip("'")) > 1, len(w) > 2, w == "!", w == "(!)", face)

    def arrays(self) -> tuple[np.ndarray, ...]:
        """(reset, event, inert, tail) flags per id."""
        return self.flags

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


# The facts of a plain word, indexed by 2 * (longer than one letter without quotes) + (longer than two)
_PLAIN: list[Info] = [
    (False, 0.0, 0.0, 0.0, 0, False, long_n, long_m, False, False, None)
    for long_n in (False, True)
    for long_m in (False, True)
]


class _RawTokens:
    """Whitespace token (by its `RawIndex` id + 1) -> the ids of its pieces (`split_words`), as flat arrays."""

    def __init__(self, index: RawIndex) -> None:
        self.index = index
        self._reset()

    def _reset(self) -> None:
        self.generation = self.index.generation
        self.vocabulary = _Vocabulary()
        self.starts, self.lengths = np.zeros(1, np.intp), np.zeros(1, np.intp)  # row 0: no pieces
        self.data = np.zeros(0, np.intp)

    def ids(self, uniques: list[str]) -> np.ndarray:
        """Row of each distinct token string, the pieces of the ones not seen yet found in one batch."""
        raw = self.index.ids(uniques)
        if self.generation != self.index.generation:
            self._reset()
        known = len(self.lengths) - 1
        if known < len(self.index.tokens):
            self._add(self.index.tokens[known:])
        rows: np.ndarray = raw + 1
        return rows

    def _add(self, new: list[str]) -> None:
        """Pieces of new tokens: an alphanumeric token is its own one piece, the rest go to `split_words`."""
        tokens = np.array(new, dtype=object)
        other = np.flatnonzero(~np.fromiter(map(str.isalnum, new), bool, len(new)))
        pieces = split_words(tokens[other].tolist())
        lengths = np.ones(len(new), np.intp)
        lengths[other] = np.fromiter(map(len, pieces), np.intp, len(pieces))
        starts = np.cumsum(lengths) - lengths
        flat = np.empty(int(lengths.sum()), dtype=object)
        alnum = np.delete(np.arange(len(new)), other)
        flat[starts[alnum]] = tokens[alnum]
        counts = lengths[other]
        flat[np.repeat(starts[other] - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))] = [
            p for each in pieces for p in each
        ]
        eos = np.flatnonzero(flat == EOS)
        if len(eos):  # "END-OF-SENTENCE" is no word: dropped, as find_tokens' caller does
            np.subtract.at(lengths, np.searchsorted(starts, eos, side="right") - 1, 1)
            flat = np.delete(flat, eos)
            starts = np.cumsum(lengths) - lengths
        ids = self.vocabulary.ids(list(map(str.lower, flat.tolist())))
        self.starts = np.concatenate([self.starts, len(self.data) + starts])
        self.lengths = np.concatenate([self.lengths, lengths])
        self.data = np.concatenate([self.data, ids])

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(starts, lengths, data): the pieces of raw token r are data[starts[r] : starts[r] + lengths[r]]."""
        return self.starts, self.lengths, self.data


@functools.lru_cache(maxsize=1)
def _tables() -> _RawTokens:
    """One cache of tokens and ids per process, on the index VADER's cache shares; bounded with it."""
    return _RawTokens(shared_index())


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


def _rewritten(split: SplitBatch, firsts: np.ndarray, flagged: np.ndarray) -> dict[int, list[str]]:
    """Sentences whose emoticon or sarcasm rewrites may change tokens -> their words, done the slow way."""
    out = {}
    for k in flagged.tolist():
        pieces = [p for r in split.tokens_of(k, int(firsts[k])) for p in split_word(r)]
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
    n = len(split.lengths)
    raw_ids = tables.ids(split.uniques)[split.codes]
    vocabulary = tables.vocabulary  # after `ids`, which starts a new one when the index restarted
    tokens, sentence = _flat_tokens(raw_ids, np.repeat(np.arange(n, dtype=np.int64), split.lengths), tables)
    firsts = np.cumsum(split.lengths) - split.lengths
    slow = _rewritten(split, firsts, vocabulary.may_rewrite(tokens, sentence))
    if slow:
        keep = ~np.isin(sentence, np.fromiter(slow, np.int64, len(slow)))
        extra = vocabulary.ids([w for words in slow.values() for w in words])
        tokens = np.concatenate([tokens[keep], extra])
        sentence = np.concatenate(
            [sentence[keep], np.repeat(np.fromiter(slow, np.int64), list(map(len, slow.values())))]
        )
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
    if not set(map(type, sentences)) <= {str}:
        for s in sentences:
            if not isinstance(s, str):
                raise TypeError(f"textblob_scores takes strings, not {type(s).__name__}")
    polarity, subjectivity = _score_batch(split if split is not None else split_batch(sentences))
    for k in _with_blank_lines(sentences):  # a blank line ends a TextBlob sentence: the exact port, one by one
        polarity[k], subjectivity[k] = _score_words(find_words(sentences[k]))
    frame: pd.DataFrame = pd.DataFrame({COLUMNS[0]: polarity, COLUMNS[1]: subjectivity})
    return frame


def _with_blank_lines(sentences: list[str]) -> list[int]:
    """Indices of the sentences holding "\\n\\n" or "\\r\\n", found in one search of the joined batch."""
    joined = "\0".join(sentences)  # NUL is in neither pattern, so no match spans two sentences
    if "\n\n" not in joined and "\r\n" not in joined:
        return []
    ends = np.cumsum([len(s) + 1 for s in sentences])
    at = [m.start() for m in _BLANK_LINE.finditer(joined)]
    found: list[int] = np.unique(np.searchsorted(ends, at, side="right")).tolist()
    return found


_BLANK_LINE = re.compile("\n\n|\r\n")


def _score_words(words: list[str]) -> tuple[float, float]:
    """One sentence already tokenized (used for text holding a blank line)."""
    vocabulary = _tables().vocabulary
    ids = vocabulary.ids(words).tolist()
    polarity, subjectivity = np.zeros(1), np.zeros(1)
    _assess(ids, [0] * len(ids), [0] * len(ids), vocabulary.info, polarity, subjectivity)
    return float(polarity[0]), float(subjectivity[0])
