"""VADER's tokens: whitespace words, what its rules need to know about each, and where each sits.

`vaderSentiment` cuts a sentence with `str.split()` and strips punctuation
from a token only when more than two characters remain (`SentiText`). Here
each distinct raw token is looked at once and its facts (lexicon valence,
booster, caps, negator, rule code, and for the word evidence the stripped word
and its place inside the raw token) become rows of numpy arrays indexed by a
token id, so the rules in `framing.scoring.vader_fast` are array operations.
Emoji are turned into VADER's descriptions here too (`demojize`).
"""

from __future__ import annotations

import functools
import re
import string
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from vaderSentiment import vaderSentiment as vs

from framing.scoring.sentence_tokens import SplitBatch, split_batch
from framing.scoring.token_ids import RawIndex, shared_index

# Words the rules compare by name; each gets a small code, every other word 0.
_CONTROL = ("no", "or", "nor", "least", "at", "very", "kind", "of", "never", "so", "this", "without", "doubt", "but")
PHRASES: dict[str, float] = {**vs.SPECIAL_CASES}
DAMPENERS: dict[str, float] = {k: v for k, v in vs.BOOSTER_DICT.items() if " " in k}
WORDS = sorted(set(_CONTROL) | {w for k in (*PHRASES, *DAMPENERS) for w in k.split(" ")})
CODE = {w: n for n, w in enumerate(WORDS, start=1)}
_NEGATORS = frozenset(vs.NEGATE)
_PUNCTUATION = frozenset(string.punctuation)
# str.split()'s whitespace (str.isspace), as a table: no code point above U+3000 is whitespace.
_SPACE = np.array([chr(c).isspace() for c in range(0x3001)], dtype=bool)


@functools.lru_cache(maxsize=1)
def analyzer() -> vs.SentimentIntensityAnalyzer:
    """The package's analyzer: its lexicon and emoji dicts, read from its own files."""
    return vs.SentimentIntensityAnalyzer()


def is_negator(word: str) -> bool:
    """`vs.negated([word])` without its scan of the NEGATE list for every word."""
    low = word.lower()
    return low in _NEGATORS or "n't" in low


class Features(NamedTuple):
    """What VADER's rules and the word evidence need about one raw whitespace token."""

    lex_in: bool  # the stripped, lower-cased token is a lexicon word
    lex_val: float  # its lexicon valence (0 when absent)
    boost: float  # its booster/dampener value (0 when none)
    upper: bool  # written in capitals (str.isupper)
    negated: bool  # a negator for `_negation_check`
    code: int  # its CODE when the rules compare it by name, else 0
    lead: int  # characters stripped from its start (where the word begins in the raw token)
    length: int  # length of the word VADER keeps
    alnum: bool  # the word holds a letter or digit (counts as a word of the sentence)
    loose: bool  # made of ASCII punctuation only (str.find may meet it earlier, see vader_words)
    trail: bool  # punctuation was stripped from its end


_BLANK = Features(False, 0.0, 0.0, False, False, 0, 0, 0, False, False, False)
_DTYPES = (bool, float, float, bool, bool, np.int16, np.intp, np.intp, bool, bool, bool)


def features(raw: str, lexicon: dict[str, float]) -> tuple[str, Features]:
    """The word `SentiText` keeps of one raw token, and its facts."""
    stripped = raw.strip(string.punctuation)
    token = raw if len(stripped) <= 2 else stripped
    low = token.lower()
    lead = len(raw) - len(raw.lstrip(string.punctuation)) if len(stripped) > 2 else 0
    facts = Features(
        low in lexicon,
        lexicon.get(low, 0.0),
        vs.BOOSTER_DICT.get(low, 0.0),
        token.isupper(),
        is_negator(low),
        CODE.get(low, 0),
        lead,
        len(token),
        any(c.isalnum() for c in token),
        all(c in _PUNCTUATION for c in raw),
        len(token) + lead < len(raw),
    )
    return token, facts


def _columns(rows: list[Features]) -> dict[str, np.ndarray]:
    """Feature rows as one array per feature."""
    return {
        name: np.array([row[k] for row in rows], dtype)
        for k, (name, dtype) in enumerate(zip(Features._fields, _DTYPES))
    }


def _keys(words: dict[str, float]) -> tuple[pa.Array, np.ndarray]:
    """A dict's keys as an Arrow array (for `pc.index_in`) and its values in the same order."""
    return pa.array(list(words), pa.string()), np.fromiter(words.values(), dtype=float, count=len(words))


@functools.lru_cache(maxsize=1)
def _lookups() -> tuple[tuple[pa.Array, np.ndarray], tuple[pa.Array, np.ndarray], pa.Array, pa.Array]:
    """Lexicon, boosters, negators and rule words as Arrow value sets, built once per process."""
    return (
        _keys(analyzer().lexicon),
        _keys(vs.BOOSTER_DICT),
        pa.array(sorted(_NEGATORS), pa.string()),
        pa.array(WORDS, pa.string()),
    )


def _find(values: pa.Array, keys: pa.Array) -> np.ndarray:
    """Index of each value in `keys`, -1 when absent (Arrow's hash lookup, no Python per value)."""
    found: np.ndarray = pc.index_in(values, value_set=keys).fill_null(-1).to_numpy(zero_copy_only=False)
    return found.astype(np.intp)


def batch_features(raws: list[str]) -> tuple[list[str], dict[str, np.ndarray]]:
    """`features` of many raw tokens at once: the kept words and one array per feature, in `raws` order.

    String rules Arrow applies exactly as Python does (stripping ASCII
    punctuation, code-point lengths, hash lookups, substring tests) run in
    Arrow; the case rules (`str.lower`, `str.isupper`, `str.isalnum`) stay
    Python's own, applied with `map` so no Python frame runs per token.
    """
    try:
        raw = pa.array(raws, pa.string())
    except (pa.ArrowException, UnicodeEncodeError):  # a lone surrogate has no UTF-8: one by one
        rows = [features(r, analyzer().lexicon) for r in raws]
        return [w for w, _ in rows], _columns([f for _, f in rows])
    (lex_keys, lex_values), (boost_keys, boost_values), negators, words = _lookups()
    stripped = pc.utf8_trim(raw, string.punctuation)
    raw_len = pc.utf8_length(raw).to_numpy(zero_copy_only=False).astype(np.intp)
    kept_len = pc.utf8_length(stripped).to_numpy(zero_copy_only=False).astype(np.intp)
    strip = kept_len > 2
    token = pc.if_else(pa.array(strip), stripped, raw)
    tokens: list[str] = token.to_pylist()
    low = pa.array(list(map(str.lower, tokens)), pa.string())
    lower_again = pa.array([w.lower() for w in low.to_pylist()], pa.string())  # what is_negator compares
    lex = _find(low, lex_keys)
    boost = _find(low, boost_keys)
    lead = np.where(
        strip, raw_len - pc.utf8_length(pc.utf8_ltrim(raw, string.punctuation)).to_numpy().astype(np.intp), 0
    )
    length = np.where(strip, kept_len, raw_len)
    alnum = pc.match_substring_regex(token, "[A-Za-z0-9]").to_numpy(zero_copy_only=False)
    wide = np.flatnonzero(~pc.string_is_ascii(token).to_numpy(zero_copy_only=False) & ~alnum)
    alnum[wide] = [any(c.isalnum() for c in tokens[k]) for k in wide.tolist()]
    columns = {
        "lex_in": lex >= 0,
        "lex_val": np.where(lex >= 0, lex_values[lex], 0.0),
        "boost": np.where(boost >= 0, boost_values[boost], 0.0),
        "upper": np.fromiter(map(str.isupper, tokens), dtype=bool, count=len(tokens)),
        "negated": (
            pc.is_in(lower_again, value_set=negators).to_numpy(zero_copy_only=False)
            | pc.match_substring(lower_again, "n't").to_numpy(zero_copy_only=False)
        ),
        "code": (_find(low, words) + 1).astype(np.int16),
        "lead": lead,
        "length": length,
        "alnum": alnum,
        "loose": kept_len == 0,  # strip removed every character: ASCII punctuation only
        "trail": length + lead < raw_len,
    }
    return tokens, {name: np.asarray(columns[name], dtype) for name, dtype in zip(Features._fields, _DTYPES)}


class TokenTable:
    """Raw whitespace token -> id of a row of features, each distinct token computed once.

    Ids come from a `RawIndex` (by default the one TextBlob's cache shares):
    row k + 1 holds the facts of the index's token k, and row 0 is a blank
    token used as padding. When the index restarts (past its limit, so a
    long-running worker cannot grow the table without bound) the table starts
    again with new arrays and lists, so ids handed out before stay valid
    against the arrays read with them (`snapshot`).
    """

    def __init__(self, limit: int | None = None, index: RawIndex | None = None) -> None:
        self.index = index if index is not None else RawIndex(limit) if limit is not None else shared_index()
        self._reset()

    def _reset(self) -> None:
        self.generation = self.index.generation
        self.words: list[str] = [""]
        self.columns: dict[str, np.ndarray] = _columns([_BLANK])

    @property
    def size(self) -> int:
        """Tokens described (the blank row not counted)."""
        return len(self.words) - 1

    def __getattr__(self, name: str) -> np.ndarray:
        """A feature column by name (`table.lex_in`), one entry per token id."""
        try:
            column: np.ndarray = self.__dict__["columns"][name]
            return column
        except KeyError:
            raise AttributeError(name) from None

    def tokenize(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Ids of the whitespace tokens of all texts, flat, and the number of tokens per text."""
        return self.ids_of(split_batch(texts))

    def ids_of(self, split: SplitBatch) -> tuple[np.ndarray, np.ndarray]:
        """Ids of the tokens of a split batch (features computed for each new distinct token), and lengths."""
        return self.lookup(split.uniques)[split.codes], split.lengths

    def lookup(self, tokens: list[str]) -> np.ndarray:
        """Ids of `tokens` (distinct strings), describing the ones this table has not seen in one batch."""
        raw = self.index.ids(tokens)
        if self.generation != self.index.generation:
            self._reset()
        if self.size < len(self.index.tokens):
            words, columns = batch_features(self.index.tokens[self.size :])
            self.words.extend(words)  # ids handed out before index the same entries
            self.columns = {name: np.concatenate([self.columns[name], columns[name]]) for name in Features._fields}
        ids: np.ndarray = raw + 1
        return ids

    def snapshot(self) -> tuple[dict[str, np.ndarray], list[str]]:
        """The feature arrays and words as they are now, valid for every id handed out so far."""
        return self.columns, self.words


@functools.lru_cache(maxsize=1)
def token_table() -> TokenTable:
    """One table per process, on the index TextBlob's cache shares; it grows with new tokens until the index restarts."""
    return TokenTable()


def token_starts(texts: list[str], lengths: np.ndarray) -> np.ndarray:
    """Character offset of every whitespace token in its own text, flat, in `tokenize` order.

    The texts are joined by a space and read as code points (UTF-32); a token
    starts at a non-space after a space or at the start, with `str.isspace` as
    the definition of a space, which is what `str.split` uses.
    """
    if not texts:
        return np.zeros(0, np.intp)
    joined = " ".join(texts)
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    space = np.zeros(len(points), bool)
    small = points <= 0x3000
    space[small] = _SPACE[points[small]]
    begins = np.flatnonzero(~space & np.r_[True, space[:-1]])
    text_starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
    owner = np.repeat(np.arange(len(texts)), lengths)
    starts: np.ndarray = begins - text_starts[owner]
    return starts


@functools.lru_cache(maxsize=1)
def _emoji_pattern() -> re.Pattern[str]:
    """Candidates for the emoji VADER can see (it tests single characters only).

    A class of a thousand astral literals is scanned one by one per character;
    the emoji of the basic plane plus the whole astral range compile to a
    bitmap and one range, and `demojize` keeps astral non-emoji as they are.
    """
    basic = sorted(k for k in analyzer().emojis if len(k) == 1 and ord(k) < 0x10000)
    return re.compile("[" + "".join(re.escape(c) for c in basic) + "\U00010000-\U0010ffff]")


def demojize(text: str) -> str:
    """Emoji -> description, with VADER's spacing: a space before unless one is there, none after."""
    if text.isascii():
        return text
    emojis: dict[str, str] = analyzer().emojis

    def describe(match: re.Match[str]) -> str:
        char, at = match.group(), match.start()
        if char not in emojis:
            return char
        return (" " if at > 0 and text[at - 1] != " " else "") + emojis[char]

    return _emoji_pattern().sub(describe, text)
