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
import re
import string
from itertools import chain

import numpy as np
import pandas as pd
from vaderSentiment import vaderSentiment as vs

COLUMNS = ["vader.compound", "vader.pos", "vader.neg", "vader.neu"]

# Words the rules compare by name; each gets a small code, every other word 0.
_CONTROL = ("no", "or", "nor", "least", "at", "very", "kind", "of", "never", "so", "this",
            "without", "doubt", "but")
_PHRASES = {**vs.SPECIAL_CASES}
_DAMPENERS = {k: v for k, v in vs.BOOSTER_DICT.items() if " " in k}
_WORDS = sorted(set(_CONTROL) | {w for k in (*_PHRASES, *_DAMPENERS) for w in k.split(" ")})
CODE = {w: n for n, w in enumerate(_WORDS, start=1)}
_SUM_IS_COMPENSATED = sum([0.1] * 10) == 1.0   # Python >= 3.12 (Neumaier) or plain
_NEGATORS = frozenset(vs.NEGATE)
_MARK = "\uffff"  # token that joins the texts of a batch: a noncharacter
_PAD = 3  # rules look at most three tokens back and two ahead


@functools.lru_cache(maxsize=1)
def _analyzer() -> vs.SentimentIntensityAnalyzer:
    """The package's analyzer: its lexicon and emoji dicts, read from its own files."""
    return vs.SentimentIntensityAnalyzer()


def is_negator(word: str) -> bool:
    """`vs.negated([word])` without its scan of the NEGATE list for every word."""
    low = word.lower()
    return low in _NEGATORS or "n't" in low


def _ngram_tables(phrases: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """Value of each two- and three-word phrase indexed by word codes (NaN: no phrase)."""
    k = len(_WORDS) + 1
    two, three = np.full((k, k), np.nan), np.full((k, k, k), np.nan)
    for phrase, value in phrases.items():
        words = phrase.split(" ")
        if len(words) == 2:
            two[CODE[words[0]], CODE[words[1]]] = value
        elif len(words) == 3:
            three[CODE[words[0]], CODE[words[1]], CODE[words[2]]] = value
    return two, three


_PHRASE2, _PHRASE3 = _ngram_tables(_PHRASES)
_DAMP2, _DAMP3 = _ngram_tables(_DAMPENERS)


class TokenTable:
    """Raw whitespace token -> id of a row of features, each distinct token computed once.

    Row 0 is a blank token used as padding. The table restarts when it grows past
    `limit` tokens so a long-running process cannot grow it without bound.
    """

    def __init__(self, limit: int = 2_000_000) -> None:
        self.limit = limit
        self._lexicon = _analyzer().lexicon
        self._reset()

    def _reset(self) -> None:
        self.ids: dict[str, int] = {}
        self._rows: list[tuple] = [(False, 0.0, 0.0, False, False, 0)]
        self._built = 0
        self.lex_in = self.lex_val = self.boost = self.upper = self.negated = self.code = None
        self._build()

    def _features(self, raw: str) -> tuple:
        """What VADER's rules need about one token, as `SentiText` would cut it."""
        stripped = raw.strip(string.punctuation)
        token = raw if len(stripped) <= 2 else stripped
        low = token.lower()
        lexicon = self._lexicon
        return (low in lexicon, lexicon.get(low, 0.0), vs.BOOSTER_DICT.get(low, 0.0), token.isupper(),
                is_negator(low), CODE.get(low, 0))

    def tokenize(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Ids of the whitespace tokens of all texts, flat, and the number of tokens per text.

        `str.split` is VADER's own tokenisation, here one call on the texts
        joined by a mark token (checked to occur nowhere else); one hash pass
        (`pd.factorize`) then lets Python compute features for each distinct
        token only once. (pyarrow's `utf8_split_whitespace` was tried and now
        and then kept a trailing space on the last token, so it is not used.)
        """
        joined = f" {_MARK} ".join(texts)
        if joined.count(_MARK) != max(len(texts) - 1, 0):  # a text holds the mark itself
            splits = [t.split() for t in texts]
            tokens = list(chain.from_iterable(splits))
            lengths = np.fromiter(map(len, splits), dtype=np.intp, count=len(splits))
            codes, uniques = pd.factorize(np.array(tokens, dtype=object))
            return self.lookup(uniques.tolist())[codes], lengths
        codes, uniques = pd.factorize(np.array(joined.split(), dtype=object))
        ids = self.lookup(uniques.tolist())[codes]
        mark = ids == self.ids.get(_MARK, -1)
        lengths = np.diff(np.r_[-1, np.flatnonzero(mark), len(ids)]) - 1
        return ids[~mark], lengths if texts else np.zeros(0, np.intp)

    def lookup(self, tokens: list[str]) -> np.ndarray:
        """Ids of `tokens`, adding the unseen ones."""
        try:
            return np.fromiter(map(self.ids.__getitem__, tokens), dtype=np.intp, count=len(tokens))
        except KeyError:
            pass
        if len(self.ids) > self.limit:
            self._reset()
        for raw in set(tokens).difference(self.ids):
            self.ids[raw] = len(self._rows)
            self._rows.append(self._features(raw))
        self._build()
        return np.fromiter(map(self.ids.__getitem__, tokens), dtype=np.intp, count=len(tokens))

    def _build(self) -> None:
        """Extend the feature arrays with the rows added since the last build."""
        new = list(zip(*self._rows[self._built:]))
        dtypes = (bool, float, float, bool, bool, np.int16)
        names = ("lex_in", "lex_val", "boost", "upper", "negated", "code")
        for name, dtype, column in zip(names, dtypes, new):
            old = getattr(self, name)
            column = np.array(column, dtype=dtype)
            setattr(self, name, column if old is None else np.concatenate([old, column]))
        self._built = len(self._rows)


@functools.lru_cache(maxsize=1)
def _table() -> TokenTable:
    return TokenTable()


@functools.lru_cache(maxsize=1)
def _emoji_pattern() -> re.Pattern:
    """Candidates for the emoji VADER can see (it tests single characters only).

    A class of a thousand astral literals is scanned one by one per character;
    the emoji of the basic plane plus the whole astral range compile to a
    bitmap and one range, and `demojize` keeps astral non-emoji as they are.
    """
    basic = sorted(k for k in _analyzer().emojis if len(k) == 1 and ord(k) < 0x10000)
    return re.compile("[" + "".join(re.escape(c) for c in basic) + "\U00010000-\U0010FFFF]")


def demojize(text: str) -> str:
    """Emoji -> description, with VADER's spacing: a space before unless one is there, none after."""
    if text.isascii():
        return text
    emojis = _analyzer().emojis

    def describe(match: re.Match) -> str:
        char, at = match.group(), match.start()
        if char not in emojis:
            return char
        return (" " if at > 0 and text[at - 1] != " " else "") + emojis[char]

    return _emoji_pattern().sub(describe, text)


def vader_scores(sentences: list[str]) -> pd.DataFrame:
    """`polarity_scores` of every sentence: columns vader.compound/pos/neg/neu, one row each, in order."""
    texts = [demojize(s) for s in sentences]
    table = _table()
    ids, lengths = table.tokenize(texts)
    sentiments, sid = _sentiments(table, ids, lengths)
    amp = _punctuation(texts)
    compound, pos, neg, neu = _score(sentiments, sid, lengths, amp)
    return pd.DataFrame({"vader.compound": _round(compound, 4), "vader.pos": _round(pos, 3),
                         "vader.neg": _round(neg, 3), "vader.neu": _round(neu, 3)}, columns=COLUMNS)


class _Window:
    """Token ids around each scored word, the blank row 0 where offset d leaves the sentence."""

    def __init__(self, table: TokenTable, ids: np.ndarray, at: np.ndarray, pos: np.ndarray,
                 length: np.ndarray) -> None:
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
    after_no = (w.code_in(-1, "no") | w.code_in(-2, "no")
                | (w.code_in(-3, "no") & w.code_in(-1, "or", "nor")))
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
    candidates = [_PHRASE2[c[-1], c[0]], _PHRASE3[c[-2], c[-1], c[0]], _PHRASE2[c[-2], c[-1]],
                  _PHRASE3[c[-3], c[-2], c[-1]], _PHRASE2[c[-3], c[-2]]]
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


def ordered_sums(values: np.ndarray, groups: np.ndarray, n_groups: int,
                 compensated: bool = False) -> np.ndarray:
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


def _score(sentiments: np.ndarray, sid: np.ndarray, lengths: np.ndarray,
           amp: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
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
    pos_sum, neg_sum = (np.where(pos_sum > -neg_sum, pos_sum + amp, pos_sum),
                        np.where(pos_sum < -neg_sum, neg_sum - amp, neg_sum))
    denom = pos_sum + np.abs(neg_sum) + neutral
    empty = lengths == 0
    denom[empty] = 1.0
    shares = [np.where(empty, 0.0, np.abs(x / denom)) for x in (pos_sum, neg_sum, neutral)]
    return np.where(empty, 0.0, compound), *shares


def _round(values: np.ndarray, digits: int) -> np.ndarray:
    """Python's `round(x, digits)` (correctly rounded), vectorised; near-ties go to `round` itself."""
    scale = 10.0 ** digits
    scaled = values * scale
    out = np.rint(scaled) / scale
    near = np.abs(np.abs(scaled - np.floor(scaled)) - 0.5) < 1e-6
    out[near] = [round(x, digits) for x in values[near].tolist()]
    return out
