"""Find lexicon hits in texts, fast, with character offsets for evidence.

Why this shape: matching one regular expression per term per article is slow
and hard to explain. Instead every text is tokenized once (`framing.tokenize`),
the corpus' distinct tokens form a vocabulary, each lexicon entry is resolved
to vocabulary ids once (wildcards by prefix over the sorted vocabulary), and
hits are located with numpy over one flat token-id array for all documents.
Multi-word entries are checked at candidate positions of their first word;
the longest match wins and hits of one lexicon never overlap. A negator shortly
before a hit, within the same clause, marks it `negated` (rules in
`framing/lexicons/data/negation.json`). Totals are sums over the hits, so every
number in a scores table is backed by the evidence rows.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import FramingError
from framing.lexicons.model import Lexicon, load_lexicon
from framing.text.token_arrays import token_arrays
from framing.text.tokenize import is_word, normalize_token, sentence_spans, word_spans

HIT_COLUMNS = ["doc_id", "sentence", "start", "end", "text", "lexicon", "category", "negated", "weight"]
PHRASE_BLOCK = 2**18  # anchor positions checked at once: the arrays of a 20 MB article's anchors took 100+ MiB
_QUOTE_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-"})


class _Vocabulary(dict[str, int]):
    """Token text -> id, numbering new tokens as they come (lookups stay in C)."""

    def __missing__(self, key: str) -> int:
        value = self[key] = len(self)
        return value


@dataclass
class TokenTable:
    """All tokens of all texts as flat arrays; built once, shared by lexicons.

    `raw_ids` index `raw_vocab` (token text as written); `keyed()` gives ids
    into the sorted normalized vocabulary (lower case, quotes folded) that
    lexicon entries are resolved against. `doc_start[d]:doc_start[d+1]` are
    the tokens of text `d`; `starts`/`ends` are character offsets into it
    (int32: 12 bytes a token with the id, so memory follows the token count).
    """

    texts: list[str]
    raw_ids: np.ndarray
    raw_vocab: list[str]
    starts: np.ndarray
    ends: np.ndarray
    doc_start: np.ndarray
    # keys: "doc", "word", ("keyed", case_sensitive), ("spans" | "sent", doc); each key its own value type
    _cache: dict[str | tuple[str, int], Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_texts(cls, texts: Iterable[Any]) -> TokenTable:
        texts = [_as_text(t) for t in texts]
        if any(len(t) >= 2**31 for t in texts):
            raise FramingError("a text is longer than 2 GB; split it into articles before matching")
        index = _Vocabulary()
        intern = index.__getitem__
        ids, starts, ends = [], [], []  # numpy arrays per text: memory grows with tokens, not Python objects
        counts = np.zeros(len(texts) + 1, dtype=np.int64)
        for d, text in enumerate(texts):
            tokens, doc_starts, doc_ends = token_arrays(text)
            ids.append(np.fromiter(map(intern, tokens), dtype=np.int32, count=len(tokens)))
            starts.append(doc_starts)
            ends.append(doc_ends)
            counts[d + 1] = len(tokens)
        return cls(
            texts=texts,
            raw_ids=_joined(ids),
            raw_vocab=list(index),
            starts=_joined(starts),
            ends=_joined(ends),
            doc_start=np.cumsum(counts),
        )

    def __len__(self) -> int:
        return len(self.raw_ids)

    def keyed(self, case_sensitive: bool = False) -> tuple[np.ndarray, list[str], dict[str, int]]:
        """Token ids, sorted vocabulary and its index under a case rule (cached)."""
        key = ("keyed", case_sensitive)
        if key not in self._cache:
            fold = (lambda s: s.translate(_QUOTE_FOLD)) if case_sensitive else normalize_token
            keys = fold_each(self.raw_vocab, fold)
            vocab = sorted(set(keys))  # what np.unique gives for strings, without an object array's sort
            index = dict(zip(vocab, range(len(vocab))))
            inverse = np.fromiter(map(index.__getitem__, keys), dtype=np.int32, count=len(keys))
            self._cache[key] = (inverse[self.raw_ids], vocab, index)
        result: tuple[np.ndarray, list[str], dict[str, int]] = self._cache[key]
        return result

    def docs_at(self, positions: np.ndarray) -> np.ndarray:
        """`doc_of()[positions]` without a cached int32 per token (15 MiB for a 20 MB article)."""
        found: np.ndarray = np.searchsorted(self.doc_start, positions, side="right") - 1
        return found

    def doc_of(self) -> np.ndarray:
        if "doc" not in self._cache:
            sizes = np.diff(self.doc_start)
            self._cache["doc"] = np.repeat(np.arange(len(self.texts), dtype=np.int32), sizes)
        result: np.ndarray = self._cache["doc"]
        return result

    def word_mask(self) -> np.ndarray:
        """True for word tokens (a letter or digit), False for punctuation."""
        if "word" not in self._cache:
            self._cache["word"] = words_among(self.raw_vocab)[self.raw_ids]
        result: np.ndarray = self._cache["word"]
        return result

    def word_counts(self) -> np.ndarray:
        """Word tokens per text: counted text by text (a weighted bincount made a float64 copy per token)."""
        if "words" not in self._cache:
            mask, bounds = self.word_mask(), self.doc_start.tolist()
            self._cache["words"] = np.fromiter(
                (np.count_nonzero(mask[lo:hi]) for lo, hi in zip(bounds[:-1], bounds[1:])),
                dtype=np.int64,
                count=len(self.texts),
            )
        counts: np.ndarray = self._cache["words"]
        return counts.copy()  # callers may change theirs

    def sentence_spans(self, d: int) -> list[tuple[int, int]]:
        """`sentence_spans` of text `d`, split once for every scorer of the chunk; a new list each call.

        The cache keeps the spans as two int64 arrays (16 bytes a sentence):
        as a list of tuples it held 112 bytes a sentence, 18 MiB for a 20 MB
        article, through every scorer; now only a scorer that reads the list holds it.
        """
        key = ("spans", d)
        if key not in self._cache:
            spans = sentence_spans(self.texts[d])
            self._cache[key] = tuple(np.fromiter(part, np.int64, len(spans)) for part in zip(*spans)) or _NO_SPANS
            return spans
        starts, ends = self._cache[key]
        return list(zip(starts.tolist(), ends.tolist()))

    def sentence_span(self, d: int, k: int) -> tuple[int, int]:
        """Sentence `k` of text `d`, as `sentence_spans(d)[k]` without building the list."""
        if ("spans", d) not in self._cache:
            self.sentence_spans(d)
        starts, ends = self._cache[("spans", d)]
        return int(starts[k]), int(ends[k])

    def sentence_starts(self, d: int) -> np.ndarray:
        """Start offsets of the sentences of text `d` (computed once; `[0]` for a text without sentences)."""
        key = ("sent", d)
        if key not in self._cache:
            if ("spans", d) not in self._cache:
                self.sentence_spans(d)
            starts = self._cache[("spans", d)][0]
            self._cache[key] = starts if len(starts) else np.zeros(1, dtype=np.int64)
        result: np.ndarray = self._cache[key]
        return result

    def sentence_numbers(self, docs: np.ndarray, starts: np.ndarray) -> np.ndarray:
        """For offsets `starts` in texts `docs`: the number of the sentence each falls in (0 before the first).

        One search over every text's sentence starts at once, each offset keyed by its text, as
        `searchsorted(sentence_starts(d), start, "right") - 1` per text would give.
        """
        if "sent_all" not in self._cache:
            per_doc = [self.sentence_starts(d) for d in range(len(self.texts))]
            first = np.cumsum([0] + [len(a) for a in per_doc])
            keys = np.concatenate(
                [np.zeros(0, dtype=np.int64)] + [(np.int64(d) << 32) | a for d, a in enumerate(per_doc)]
            )
            self._cache["sent_all"] = (keys, first)
        keys, first = self._cache["sent_all"]
        docs = np.asarray(docs, dtype=np.int64)
        at = np.searchsorted(keys, (docs << 32) | np.asarray(starts, dtype=np.int64), side="right") - 1
        result: np.ndarray = np.maximum(at - first[docs], 0)
        return result

    def segment_sentences(self) -> TokenTable:
        """Split every text into sentences now (tokenization time, not matching time)."""
        for d in range(len(self.texts)):
            self.sentence_starts(d)
        return self


_NO_SPANS = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))


def fold_each(strings: list[str], fold: Callable[[str], str]) -> list[str]:
    """`[fold(s) for s in strings]` as one call on the strings joined by line breaks (tokens).

    Exact for folds that work character by character, as `str.translate` and
    `str.lower` do: lower-casing's one context rule (a final sigma) looks no
    further than the next character that is neither cased nor case-ignorable,
    which a line break is. Strings that hold a line break are folded one by one.
    """
    joined = "\n".join(strings)
    if len(strings) < 2 or joined.count("\n") != len(strings) - 1:
        return [fold(s) for s in strings]
    folded = fold(joined).split("\n")
    return folded if len(folded) == len(strings) else [fold(s) for s in strings]


_FIRST_ALNUM = re.compile(r"[^\W_][^\n]*")  # a token's first letter or digit, and the rest of the token


def words_among(strings: list[str]) -> np.ndarray:
    """`is_word` of every string, from one scan of the strings joined by line breaks (tokens)."""
    joined = "\n".join(strings)
    if joined.count("\n") != max(len(strings) - 1, 0):
        return np.fromiter((is_word(s) for s in strings), dtype=bool, count=len(strings))
    lengths = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
    starts = np.cumsum(lengths + 1) - lengths - 1  # where each string begins in `joined`
    found = np.fromiter((m.start() for m in _FIRST_ALNUM.finditer(joined)), dtype=np.int64)
    mask = np.zeros(len(strings), dtype=bool)
    mask[np.searchsorted(starts, found, side="right") - 1] = True
    return mask


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int32)


def _as_text(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value)


def word_counts(texts: Iterable[Any]) -> np.ndarray:
    """Number of word tokens per text: the denominator for 'per 1,000 words'."""
    return TokenTable.from_texts(texts).word_counts()


def match(
    lexicon: str | Path | Lexicon,
    texts: Sequence[Any],
    doc_ids: Iterable[Any] | None = None,
    *,
    tokens: TokenTable | None = None,
    with_text: bool = True,
) -> pd.DataFrame:
    """All hits of `lexicon` in `texts`, one row each (see HIT_COLUMNS).

    Offsets index the given texts, so `texts[i][start:end] == text`. Pass a
    `TokenTable` as `tokens` to reuse one tokenization for several lexicons.
    `with_text=False` leaves the `text` column empty: a caller that keeps no
    evidence saves a string per hit (a 20 MB article has hundreds of thousands).
    """
    from framing.lexicons.scarequotes import find_scare_quotes

    lexicon = load_lexicon(lexicon)
    table = tokens if tokens is not None else TokenTable.from_texts(texts)
    if tokens is not None and len(texts) != len(table.texts):
        raise FramingError(
            f"match: {len(texts)} texts but the token table holds {len(table.texts)}; "
            "tokenize these texts (TokenTable.from_texts)"
        )
    ids = _resolve_doc_ids(doc_ids, len(table.texts))
    parts = [_locate(lexicon, table)]
    for c, category in enumerate(lexicon.categories.values()):
        if category.pattern == "scare_quotes":
            parts.append(_pattern_hits(table, c, category.weight, find_scare_quotes))
    return _hit_frame(lexicon, table, ids, parts, with_text)


def _resolve_doc_ids(doc_ids: Iterable[Any] | None, n: int) -> list[Any]:
    if doc_ids is None:
        return list(range(n))
    doc_ids = list(doc_ids)
    if len(doc_ids) != n:
        raise FramingError(f"match: {len(doc_ids)} doc_ids for {n} texts; give one id per text")
    return doc_ids


def _pattern_hits(
    table: TokenTable, category: int, weight: float, finder: Callable[[str], Iterable[tuple[int, int]]]
) -> dict[str, np.ndarray]:
    rows = [(d, s, e) for d, text in enumerate(table.texts) for s, e in finder(text)]
    doc, start, end = (np.asarray(col, dtype=np.int64) for col in (zip(*rows) if rows else ((), (), ())))
    return {
        "doc": doc,
        "start": start,
        "end": end,
        "category": np.full(len(doc), category, dtype=np.int64),
        "weight": np.full(len(doc), float(weight)),
        "negated": np.zeros(len(doc), dtype=bool),
    }


def _hit_frame(
    lexicon: Lexicon, table: TokenTable, doc_ids: list[Any], parts: list[dict[str, np.ndarray]], with_text: bool = True
) -> pd.DataFrame:
    """Assemble the hits table, sorted by document, offset and category."""
    hits = {key: np.concatenate([part[key] for part in parts]) for key in parts[0]}
    order = np.lexsort((hits["category"], hits["end"], hits["start"], hits["doc"]))
    docs, starts, ends = hits["doc"][order], hits["start"][order], hits["end"][order]
    sentence = table.sentence_numbers(docs, starts)
    texts = table.texts
    result: pd.DataFrame = pd.DataFrame(
        {
            "doc_id": [doc_ids[d] for d in docs.tolist()],
            "sentence": sentence,
            "start": starts,
            "end": ends,
            "text": [texts[d][s:e] for d, s, e in zip(docs.tolist(), starts.tolist(), ends.tolist())]
            if with_text
            else [""] * len(docs),
            "lexicon": lexicon.name,
            "category": np.asarray(list(lexicon.categories), dtype=object)[hits["category"][order]],
            "negated": hits["negated"][order],
            "weight": hits["weight"][order].astype(float),
        },
        columns=HIT_COLUMNS,
    )
    return result


# --- resolving entries to token ids ------------------------------------------------


def entry_pattern(term: str) -> list[tuple[str, str]]:
    """Split an entry into token patterns: ("exact", key) or ("prefix", key).

    Words are separated by spaces; a word ending in `*` is a prefix; other
    words are tokenized like the texts (`Russia's` -> `russia`, `'s`).
    """
    out = []
    for word in term.split():
        if word.endswith("*") and len(word) > 1:
            out.append(("prefix", word[:-1]))
        else:
            out.extend(("exact", word[s:e]) for s, e in word_spans(word))
    return out


def _key(word: str, case_sensitive: bool) -> str:
    return word.translate(_QUOTE_FOLD) if case_sensitive else normalize_token(word)


def _ids_for(kind: str, key: str, vocab: list[str], index: dict[str, int]) -> np.ndarray:
    if kind == "exact":
        return np.asarray([index[key]] if key in index else [], dtype=np.int32)
    lo = bisect_left(vocab, key)
    hi = bisect_left(vocab, key + "\U0010ffff", lo)
    return np.arange(lo, hi, dtype=np.int32)


def _specificity(pattern: Iterable[tuple[str, str]]) -> int:
    return sum(10_000 if kind == "exact" else len(key) for kind, key in pattern)


@lru_cache(maxsize=2**16)
def _keyed_pattern(term: str, case_sensitive: bool) -> tuple[tuple[tuple[str, str], ...], int]:
    """An entry's token patterns with their keys, and its specificity: the same for every chunk, so parsed once."""
    pattern = tuple((kind, _key(word, case_sensitive)) for kind, word in entry_pattern(term))
    return pattern, _specificity(pattern)


def compile_lexicon(
    lexicon: Lexicon, vocab: list[str], index: dict[str, int]
) -> tuple[list[tuple[int, int, float, Any]], list[tuple[int, float, Any, list[Any]]]]:
    """Resolve entries against a (sorted) vocabulary, once per lexicon and corpus.

    Returns `single` (token id, category, weight, specificity) for one-token
    entries and `phrases`: list of (category, weight, specificity, [ids per position]).
    A one-word exact entry, most of them, is one dictionary lookup: a scorer
    compiles every lexicon for each chunk's vocabulary.
    """
    single: list[tuple[int, int, float, Any]] = []
    phrases: list[tuple[int, float, Any, list[Any]]] = []
    for c, category in enumerate(lexicon.categories.values()):
        for entry in category.entries:
            pattern, spec = _keyed_pattern(entry.term, lexicon.case_sensitive)
            if not pattern:
                continue
            if len(pattern) == 1 and pattern[0][0] == "exact":
                found = index.get(pattern[0][1])
                if found is not None:
                    single.append((found, c, entry.weight, spec))
                continue
            id_sets = [_ids_for(kind, key, vocab, index) for kind, key in pattern]
            if any(len(ids) == 0 for ids in id_sets):
                continue
            if len(id_sets) == 1:
                single.extend((int(t), c, entry.weight, spec) for t in id_sets[0])
            else:
                phrases.append((c, entry.weight, spec, id_sets))
    return single, phrases


# --- locating hits -------------------------------------------------------------------


def _candidates(lexicon: Lexicon, table: TokenTable) -> np.ndarray:
    """Every (position, length, category, weight, specificity) an entry matches."""
    ids, vocab, index = table.keyed(lexicon.case_sensitive)
    single, phrases = compile_lexicon(lexicon, vocab, index)
    parts = []
    if single:
        s = np.asarray(single, dtype=np.float64)
        # one row per (token id, category): the most specific entry decides the weight
        order = np.lexsort((-s[:, 3], s[:, 1], s[:, 0]))
        s = s[order]
        keep = np.ones(len(s), dtype=bool)
        keep[1:] = (s[1:, 0] != s[:-1, 0]) | (s[1:, 1] != s[:-1, 1])
        s = s[keep]
        tok = s[:, 0].astype(np.int64)
        first = np.searchsorted(tok, np.arange(len(vocab) + 1))
        pos = np.flatnonzero(_vocab_mask(tok, len(vocab))[ids])
        lo, hi = first[ids[pos]], first[ids[pos] + 1]
        rows = _expand(lo, hi)
        at = np.repeat(pos, hi - lo)
        parts.append(np.column_stack([at, np.ones(len(at)), s[rows, 1], s[rows, 2], s[rows, 3]]))
    if phrases:
        found = _phrase_candidates(ids, table, phrases)
        parts.append(found[_within_paragraph(table, found[:, 0].astype(np.int64), found[:, 1].astype(np.int64))])
    if not parts:
        return np.zeros((0, 5))
    return np.concatenate(parts)


def _vocab_mask(token_ids: np.ndarray, size: int) -> np.ndarray:
    """Boolean lookup table over the vocabulary: faster than np.isin on every token."""
    mask = np.zeros(size, dtype=bool)
    mask[token_ids.astype(np.int64)] = True
    return mask


def _expand(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Concatenate the ranges lo[i]:hi[i] without a Python loop."""
    sizes = hi - lo
    if sizes.sum() == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(lo - np.concatenate([[0], np.cumsum(sizes)[:-1]]), sizes)
    result: np.ndarray = np.arange(sizes.sum()) + offsets
    return result


def _phrase_candidates(
    ids: np.ndarray, table: TokenTable, phrases: list[tuple[int, float, Any, list[Any]]]
) -> np.ndarray:
    """Multi-word entries: join the positions of each phrase's rarest word, then check the others.

    Anchoring on the rarest word ("clear" in "it is clear") instead of the first
    keeps the candidate list short when phrases start with common words.
    """
    n = len(ids)
    lengths = np.asarray([len(p[3]) for p in phrases])
    longest = int(lengths.max())
    vocab_size = int(max(ids.max(initial=0), max(int(s.max()) for p in phrases for s in p[3]))) + 1
    frequency = np.bincount(ids, minlength=vocab_size)
    anchor = np.asarray([int(np.argmin([frequency[s].sum() for s in p[3]])) for p in phrases])
    first = np.concatenate([p[3][a] for p, a in zip(phrases, anchor)]).astype(np.int64)
    owner = np.concatenate([np.full(len(p[3][a]), k) for k, (p, a) in enumerate(zip(phrases, anchor))])
    order = np.argsort(first, kind="stable")
    first, owner = first[order], owner[order]
    pos = np.flatnonzero(_vocab_mask(first, vocab_size)[ids])
    valid = np.unique(
        np.concatenate(
            [
                (k * longest + j) * vocab_size + s.astype(np.int64)
                for k, p in enumerate(phrases)
                for j, s in enumerate(p[3])
            ]
        )
    )
    meta = np.asarray([(p[0], p[1], p[2]) for p in phrases], dtype=np.float64)
    found = []
    for block in range(0, max(len(pos), 1), PHRASE_BLOCK):  # in order: the blocks' rows follow each other
        here = pos[block : block + PHRASE_BLOCK]
        lo = np.searchsorted(first, ids[here], "left")
        hi = np.searchsorted(first, ids[here], "right")
        which = owner[_expand(lo, hi)]
        at = np.repeat(here, hi - lo) - anchor[which]  # where the phrase would start
        docs = table.docs_at(np.repeat(here, hi - lo))
        ok = (at >= table.doc_start[docs]) & (at + lengths[which] <= table.doc_start[docs + 1])
        at, which = at[ok], which[ok]
        ok = np.ones(len(at), dtype=bool)
        for j in range(longest):
            needed = (lengths[which] > j) & (anchor[which] != j)
            tok = ids[np.clip(at + j, 0, n - 1)].astype(np.int64)
            key = (which * longest + j) * vocab_size + tok
            ok &= ~needed | np.isin(key, valid)
        at, which = at[ok], which[ok]
        found.append(np.column_stack([at, lengths[which], meta[which, 0], meta[which, 1], meta[which, 2]]))
    return np.concatenate(found)


def _within_paragraph(table: TokenTable, pos: np.ndarray, length: np.ndarray) -> np.ndarray:
    """False for phrase matches that run across a blank line (a heading into its text)."""
    ok = np.ones(len(pos), dtype=bool)
    docs, starts, ends, texts = table.docs_at(pos).tolist(), table.starts, table.ends, table.texts
    for i, (p, n) in enumerate(zip(pos.tolist(), length.tolist())):
        text = texts[docs[i]]
        ok[i] = not any(text.count("\n", ends[p + j - 1], starts[p + j]) > 1 for j in range(1, n))
    return ok


def _choose_spans(cand: np.ndarray) -> np.ndarray:
    """Keep candidates on non-overlapping spans, longest first, left to right."""
    cand = cand[np.lexsort((-cand[:, 4], cand[:, 2], -cand[:, 1], cand[:, 0]))]
    # one row per (position, length, category): the most specific entry
    same = np.zeros(len(cand), dtype=bool)
    same[1:] = (cand[1:, 0] == cand[:-1, 0]) & (cand[1:, 1] == cand[:-1, 1]) & (cand[1:, 2] == cand[:-1, 2])
    cand = cand[~same]
    pos, length = cand[:, 0].astype(np.int64), cand[:, 1].astype(np.int64)
    head = np.ones(len(cand), dtype=bool)
    head[1:] = pos[1:] != pos[:-1]
    span_pos, span_len = pos[head], length[head]  # longest span at each position
    chosen = _greedy(span_pos, span_len)
    best_len = np.repeat(span_len, np.diff(np.append(np.flatnonzero(head), len(cand))))
    alive = np.repeat(chosen, np.diff(np.append(np.flatnonzero(head), len(cand))))
    result: np.ndarray = cand[alive & (length == best_len)]
    return result


def _greedy(pos: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Left-to-right selection; Python only inside clusters of overlapping spans."""
    ends = pos + length
    reach = np.maximum.accumulate(ends)
    clean = np.ones(len(pos), dtype=bool)
    clean[1:] = pos[1:] >= reach[:-1]  # no earlier span reaches this one: always kept
    chosen = clean.copy()
    heads = np.append(np.flatnonzero(clean), len(pos))
    for a, b in zip(heads[:-1].tolist(), heads[1:].tolist()):
        if b - a > 1:  # a cluster of overlapping spans
            last_end = -1
            for i in range(a, b):
                chosen[i] = pos[i] >= last_end
                last_end = ends[i] if chosen[i] else last_end
    result: np.ndarray = chosen
    return result


def _locate(lexicon: Lexicon, table: TokenTable) -> dict[str, np.ndarray]:
    from framing.lexicons.negation import negated_at

    cand = _candidates(lexicon, table)
    if len(cand):
        cand = _choose_spans(cand)
    pos = cand[:, 0].astype(np.int64)
    last = pos + cand[:, 1].astype(np.int64) - 1
    return {
        "doc": table.docs_at(pos).astype(np.int64),
        "start": table.starts[pos].astype(np.int64),
        "end": table.ends[last].astype(np.int64),
        "category": cand[:, 2].astype(np.int64),
        "weight": cand[:, 3].astype(float),
        "negated": negated_at(table, pos),
    }
