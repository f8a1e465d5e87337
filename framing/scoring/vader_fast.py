"""VADER's `polarity_scores`, number for number, for a whole list of sentences at once.

`vaderSentiment` walks every word of every sentence in Python, rebuilding
lower-cased word lists several times per word; that loop was 27% of
`framing score`. Here each distinct raw token is looked up once (and cached),
then every rule is an array operation over the positions of lexicon words.
Only "but" sentences with two or more scored words run a short Python loop,
because the package's "but" rule depends on equal values (quirk 7).

The lexicon and emoji table are the installed package's own files, loaded by
its own `SentimentIntensityAnalyzer`; the rule constants (boosters, negators,
special cases, scalars) are imported from it, so an update of the package
shows up in the differential tests instead of drifting silently.

Quirks of vaderSentiment 3.3.2 that are reproduced on purpose (each has a test
in tests/scoring/test_vader_fast.py):

1. Punctuation is stripped from a token only if more than two characters
   remain, so "ok." and "no," stay as written and miss the lexicon.
2. Lexicon entries with capitals (":D", ":P") never match: lookups lower-case.
3. ALL-CAPS emphasis needs a sentence that mixes all-caps and other tokens;
   a zero-valued word in caps (the "no" of "NO good") gets -0.733, not +0.733.
4. "no" before a lexicon word scores 0 and negates the next one or two words,
   and the third only through "or"/"nor".
5. A booster or negator counts only when it is not a lexicon word itself, and
   "so"/"this" right before a word multiply it by 1.25 whenever the third word
   back is not a lexicon word (operator precedence), not only after "never".
6. Special-case phrases and the "kind of"/"sort of" dampener are checked only
   for lexicon words at index >= 3 whose third word back is not in the
   lexicon; the dampener is added without following the valence's sign.
7. "but" halves earlier words and multiplies later ones by 1.5, but each update
   lands on the first word with an equal value (`list.index`), so repeated
   values move the weights around.
8. Emoji become their descriptions with a space before but none after
   ("💘and" -> "heart with arrowand"); a "!" inside a description ("ON! arrow")
   counts as emphasis.
9. "least" negates the next word unless "at" or "very" comes before it.
10. The compound adds the words with Python's own `sum`: plain on 3.11,
    compensated from 3.12 on; we follow the interpreter that runs.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd
from vaderSentiment import vaderSentiment as vs

from framing.scoring.sentence_tokens import SplitBatch, split_batch
from framing.scoring.vader_tokens import CODE, DAMPENERS, PHRASES, WORDS, TokenTable, demojize, token_table

COLUMNS = ["vader.compound", "vader.pos", "vader.neg", "vader.neu"]
_SUM_IS_COMPENSATED = sum([0.1] * 10) == 1.0  # Python >= 3.12 (Neumaier) or plain
_PAD = 3  # rules look at most three tokens back and two ahead


def _ngram_tables(phrases: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """Value of each two- and three-word phrase indexed by word codes (NaN: no phrase)."""
    k = len(WORDS) + 1
    two, three = np.full((k, k), np.nan), np.full((k, k, k), np.nan)
    for phrase, value in phrases.items():
        words = phrase.split(" ")
        if len(words) == 2:
            two[CODE[words[0]], CODE[words[1]]] = value
        elif len(words) == 3:
            three[CODE[words[0]], CODE[words[1]], CODE[words[2]]] = value
    return two, three


_PHRASE2, _PHRASE3 = _ngram_tables(PHRASES)
_DAMP2, _DAMP3 = _ngram_tables(DAMPENERS)


@dataclass(frozen=True)
class VaderAnalysis:
    """A batch as VADER saw it: the texts it scored, every token's final valence, every sentence's scores.

    `ids` index `features` and `words` (the token table as it was), `sentence`
    is the sentence of each token, `lengths` the tokens per sentence; `scores`
    holds the four rounded columns of `polarity_scores`.
    """

    texts: list[str]
    ids: np.ndarray
    lengths: np.ndarray
    sentence: np.ndarray
    sentiments: np.ndarray
    scores: dict[str, np.ndarray]
    features: dict[str, np.ndarray]
    words: list[str]


def analyse(sentences: list[str], emoji: bool = True, split: SplitBatch | None = None) -> VaderAnalysis:
    """Run VADER's rules on every sentence at once.

    `emoji=True` describes emoji first, as `polarity_scores` does; `emoji=False`
    reads the text as written (VADER's `SentiText` on the raw sentence), which
    keeps every token at its place in the sentence for word evidence.
    `split`: the whitespace tokens of the texts VADER reads, if already split.
    """
    return analyse_texts(vader_texts(sentences, emoji), split)


def analyse_texts(texts: list[str], split: SplitBatch | None = None) -> VaderAnalysis:
    """`analyse` of texts already as VADER reads them (`vader_texts`)."""
    table = token_table()
    ids, lengths = table.ids_of(split if split is not None else split_batch(texts))
    features, words = table.snapshot()
    sentiments, sid = _sentiments(table, ids, lengths)
    compound, pos, neg, neu = _score(sentiments, sid, lengths, _punctuation(texts))
    scores = {
        "vader.compound": round_like_python(compound, 4),
        "vader.pos": round_like_python(pos, 3),
        "vader.neg": round_like_python(neg, 3),
        "vader.neu": round_like_python(neu, 3),
    }
    return VaderAnalysis(texts, ids, lengths, sid, sentiments, scores, features, words)


def vader_texts(sentences: list[str], emoji: bool = True) -> list[str]:
    """The texts VADER reads: emoji described (`emoji=True`, as `polarity_scores`) or as written."""
    return [demojize(s) for s in sentences] if emoji else list(sentences)


def vader_scores(sentences: list[str]) -> pd.DataFrame:
    """`polarity_scores` of every sentence: columns vader.compound/pos/neg/neu, one row each, in order."""
    frame: pd.DataFrame = pd.DataFrame(analyse(sentences).scores, columns=COLUMNS)
    return frame


class _Window:
    """Token ids around each scored word, the blank row 0 where offset d leaves the sentence."""

    def __init__(self, table: TokenTable, ids: np.ndarray, at: np.ndarray, pos: np.ndarray, length: np.ndarray) -> None:
        self.table, self.pos = table, pos
        padded = np.concatenate([np.zeros(_PAD, np.intp), ids, np.zeros(_PAD, np.intp)])
        self._ok = {d: (pos + d >= 0) & (pos + d < length) for d in range(-_PAD, _PAD)}
        self._ids = {d: np.where(ok, padded[at + _PAD + d], 0) for d, ok in self._ok.items()}
        self._codes = {d: table.code[i] for d, i in self._ids.items()}

    def ok(self, d: int) -> np.ndarray:
        return self._ok[d]

    def get(self, name: str, d: int) -> np.ndarray:
        """Feature `name` of the token at offset d (the blank row's zero outside the sentence)."""
        return self._codes[d] if name == "code" else getattr(self.table, name)[self._ids[d]]

    def code_in(self, d: int, *words: str) -> np.ndarray:
        codes = self._codes[d]
        return functools.reduce(np.logical_or, [codes == CODE[w] for w in words])


def _sentiments(table: TokenTable, ids: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-token valence after every word rule and "but" (VADER's `sentiments` list), and sentence ids."""
    n_tokens = len(ids)
    sid = np.repeat(np.arange(len(lengths)), lengths)
    starts = np.cumsum(lengths) - lengths
    pos = np.arange(n_tokens) - starts[sid]
    length = lengths[sid]
    code = table.code[ids]
    upper = table.upper[ids]
    n_upper = np.bincount(sid[upper], minlength=len(lengths))
    cap_diff = (n_upper > 0) & (n_upper < lengths)

    kind_of = np.zeros(n_tokens, bool)
    kind_of[:-1] = (code[:-1] == CODE["kind"]) & (code[1:] == CODE["of"]) & (pos[:-1] < length[:-1] - 1)
    scored = table.lex_in[ids] & (table.boost[ids] == 0) & ~kind_of
    at = np.flatnonzero(scored)
    sentiments = np.zeros(n_tokens)
    sentiments[at] = _word_valence(_Window(table, ids, at, pos[at], length[at]), cap_diff[sid[at]])
    _but(sentiments, code, sid, pos)
    return sentiments, sid


def _caps(value: np.ndarray, where: np.ndarray, sign_of: np.ndarray) -> np.ndarray:
    """Add C_INCR away from zero (`scalar_inc_dec` and caps: zero counts as negative)."""
    return np.where(where, np.where(sign_of > 0, value + vs.C_INCR, value - vs.C_INCR), value)


def _word_valence(w: _Window, cap_diff: np.ndarray) -> np.ndarray:
    """`sentiment_valence` for every scored word at once, rule by rule in VADER's order."""
    base = w.get("lex_val", 0)
    v = np.where((w.get("code", 0) == CODE["no"]) & w.get("lex_in", 1), 0.0, base)
    after_no = w.code_in(-1, "no") | w.code_in(-2, "no") | (w.code_in(-3, "no") & w.code_in(-1, "or", "nor"))
    v = np.where(after_no, base * vs.N_SCALAR, v)
    v = _caps(v, w.get("upper", 0) & cap_diff, v)
    for k in range(3):
        d = -(k + 1)
        step = w.ok(d) & ~w.get("lex_in", d)
        boost = w.get("boost", d)
        s = np.where(v < 0, -boost, boost)
        s = _caps(s, (boost != 0) & w.get("upper", d) & cap_diff, v)
        s = s * (1.0, 0.95, 0.9)[k] if k else s
        v = np.where(step, v + s, v)
        v = np.where(step, _negation(w, k, v), v)
        if k == 2:
            v = np.where(step, _phrases(w, v), v)
    prev_least = w.code_in(-1, "least") & ~w.get("lex_in", -1)
    least = prev_least & ~((w.pos > 1) & w.code_in(-2, "at", "very"))
    return np.where(least, v * vs.N_SCALAR, v)


def _negation(w: _Window, k: int, v: np.ndarray) -> np.ndarray:
    """`_negation_check` for the word k+1 back, including "never so/this" and "without doubt"."""
    negated = w.get("negated", -(k + 1))
    if k == 0:
        return np.where(negated, v * vs.N_SCALAR, v)
    if k == 1:
        boost = w.code_in(-2, "never") & w.code_in(-1, "so", "this")
        keep = w.code_in(-2, "without") & w.code_in(-1, "doubt")
    else:
        boost = (w.code_in(-3, "never") & w.code_in(-2, "so", "this")) | w.code_in(-1, "so", "this")
        keep = w.code_in(-3, "without") & (w.code_in(-2, "doubt") | w.code_in(-1, "doubt"))
    return np.where(boost, v * 1.25, np.where(~keep & negated, v * vs.N_SCALAR, v))


def _phrases(w: _Window, v: np.ndarray) -> np.ndarray:
    """`_special_idioms_check`: first matching phrase around the word, then the "kind of" dampeners."""
    c = {d: w.get("code", d) for d in range(-3, 3)}
    candidates = [
        _PHRASE2[c[-1], c[0]],
        _PHRASE3[c[-2], c[-1], c[0]],
        _PHRASE2[c[-2], c[-1]],
        _PHRASE3[c[-3], c[-2], c[-1]],
        _PHRASE2[c[-3], c[-2]],
    ]
    first = np.full(len(v), np.nan)
    for value in reversed(candidates):
        first = np.where(np.isnan(value), first, value)
    v = np.where(np.isnan(first), v, first)
    for d, value in ((1, _PHRASE2[c[0], c[1]]), (2, _PHRASE3[c[0], c[1], c[2]])):
        v = np.where(w.ok(d) & ~np.isnan(value), value, v)
    for value in (_DAMP3[c[-3], c[-2], c[-1]], _DAMP2[c[-3], c[-2]], _DAMP2[c[-2], c[-1]]):
        v = np.where(np.isnan(value), v, v + value)
    return v


def _but(sentiments: np.ndarray, code: np.ndarray, sid: np.ndarray, pos: np.ndarray) -> None:
    """`_but_check` in place: x0.5 before the first "but", x1.5 after, on the first equal value."""
    buts = np.flatnonzero(code == CODE["but"])
    if not len(buts):
        return
    but_sents, first = np.unique(sid[buts], return_index=True)
    but_pos = np.full(sid[-1] + 1, -1)
    but_pos[but_sents] = pos[buts[first]]
    nz = np.flatnonzero(sentiments)
    nz = nz[but_pos[sid[nz]] >= 0]
    if not len(nz):
        return
    rel = pos[nz] - but_pos[sid[nz]]
    counts = np.bincount(sid[nz])
    simple = counts[sid[nz]] == 1
    one = nz[simple]
    sentiments[one] *= np.where(rel[simple] < 0, 0.5, np.where(rel[simple] > 0, 1.5, 1.0))
    many, rel = nz[~simple], rel[~simple]
    cuts = np.flatnonzero(np.diff(sid[many])) + 1
    for group, offsets in zip(np.split(many, cuts), np.split(rel, cuts)):
        if len(group):
            sentiments[group] = _but_loop(sentiments[group].tolist(), offsets.tolist())


def _but_loop(values: list[float], rel: list[int]) -> list[float]:
    """The package's loop verbatim on the nonzero values (zeros stay zero and never equal them)."""
    for k in range(len(values)):
        x = values[k]
        si = values.index(x)
        if rel[si] < 0:
            values[si] = x * 0.5
        elif rel[si] > 0:
            values[si] = x * 1.5
    return values


def _punctuation(texts: list[str]) -> np.ndarray:
    """`_punctuation_emphasis`: up to four "!" at 0.292, two or three "?" at 0.18 each, more 0.96."""
    ep = np.minimum(np.fromiter((t.count("!") for t in texts), dtype=np.intp, count=len(texts)), 4)
    qm = np.fromiter((t.count("?") for t in texts), dtype=np.intp, count=len(texts))
    return ep * 0.292 + np.where(qm > 1, np.where(qm <= 3, qm * 0.18, 0.96), 0.0)


def ordered_sums(values: np.ndarray, groups: np.ndarray, n_groups: int, compensated: bool = False) -> np.ndarray:
    """Left-to-right float sum per group (groups ascending), optionally Neumaier-compensated.

    numpy's own sums are pairwise, which can differ in the last bit and so flip
    VADER's rounding; this adds rank by rank, vectorised across groups.
    """
    out, carry = np.zeros(n_groups), np.zeros(n_groups)
    if not len(values):
        return out
    idx = np.arange(len(values))
    run_start = np.maximum.accumulate(np.where(np.r_[True, groups[1:] != groups[:-1]], idx, 0))
    rank = idx - run_start
    order = np.argsort(rank, kind="stable")
    bounds = np.r_[0, np.cumsum(np.bincount(rank))]
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        sel = order[lo:hi]
        g, x = groups[sel], values[sel]
        f = out[g]
        t = f + x
        if compensated:
            carry[g] += np.where(np.abs(f) >= np.abs(x), (f - t) + x, (x - t) + f)
        out[g] = t
    if compensated:
        fix = (carry != 0) & np.isfinite(carry)
        out[fix] += carry[fix]
    return out


def _score(
    sentiments: np.ndarray, sid: np.ndarray, lengths: np.ndarray, amp: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """`score_valence` for every sentence: compound and the pos/neg/neu shares, unrounded."""
    n = len(lengths)
    nz = np.flatnonzero(sentiments)
    values, groups = sentiments[nz], sid[nz]
    total = ordered_sums(values, groups, n, _SUM_IS_COMPENSATED)
    total = np.where(total > 0, total + amp, np.where(total < 0, total - amp, total))
    compound = np.clip(total / np.sqrt(total * total + 15), -1.0, 1.0)
    up, down = values > 0, values < 0
    pos_sum = ordered_sums(values[up] + 1, groups[up], n)
    neg_sum = ordered_sums(values[down] - 1, groups[down], n)
    neutral = lengths - np.bincount(groups, minlength=n)
    pos_sum, neg_sum = (
        np.where(pos_sum > -neg_sum, pos_sum + amp, pos_sum),
        np.where(pos_sum < -neg_sum, neg_sum - amp, neg_sum),
    )
    denom = pos_sum + np.abs(neg_sum) + neutral
    empty = lengths == 0
    denom[empty] = 1.0
    pos, neg, neu = (np.where(empty, 0.0, np.abs(x / denom)) for x in (pos_sum, neg_sum, neutral))
    return np.where(empty, 0.0, compound), pos, neg, neu


def round_like_python(values: np.ndarray, digits: int) -> np.ndarray:
    """Python's `round(x, digits)` (correctly rounded), vectorised; near-ties go to `round` itself."""
    scale = 10.0**digits
    scaled = values * scale
    out = np.rint(scaled) / scale
    near = np.abs(np.abs(scaled - np.floor(scaled)) - 0.5) < 1e-6
    out[near] = [round(x, digits) for x in values[near].tolist()]
    return out
