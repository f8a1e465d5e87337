"""The whitespace tokens of a batch of sentences, split and hashed once for VADER and TextBlob alike.

Both analyzers start from `str.split()` (VADER's `SentiText`, TextBlob's
`find_tokens`), and turning a million new token strings into ids was the
largest part of their time. Here the batch is split in one call on the texts
joined by a mark token, and Arrow's dictionary encoding (C++, hashing the
UTF-8 bytes) gives every token the index of its distinct string; the
analyzers then look up each distinct string only.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

import numpy as np
import pandas as pd
import pyarrow as pa

MARK = "\uffff"  # token that joins the texts of a batch: a noncharacter


@dataclass(frozen=True)
class SplitBatch:
    """`codes[i]` indexes `uniques` for every token of every text, in order; `lengths`: tokens per text."""

    codes: np.ndarray
    uniques: list[str]
    lengths: np.ndarray

    def with_texts(self, replaced: dict[int, str]) -> SplitBatch:
        """The batch with texts k replaced by new ones (VADER's emoji descriptions), the rest not split again."""
        if not replaced:
            return self
        other = split_batch(list(replaced.values()))
        n = len(self.lengths)
        sentence = np.repeat(np.arange(n), self.lengths)
        keep = ~np.isin(sentence, np.fromiter(replaced, np.intp, len(replaced)))
        order = np.argsort(
            np.concatenate([sentence[keep], np.repeat(np.fromiter(replaced, np.intp), other.lengths)]), kind="stable"
        )
        codes = np.concatenate([self.codes[keep], other.codes + len(self.uniques)])[order]
        lengths = self.lengths.copy()
        lengths[list(replaced)] = other.lengths
        return SplitBatch(codes, self.uniques + other.uniques, lengths)

    def tokens_of(self, k: int, first: int) -> list[str]:
        """The tokens of text k, whose first token is number `first` of the batch."""
        return [self.uniques[c] for c in self.codes[first : first + int(self.lengths[k])].tolist()]


def _space_keys() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`str.isspace` in UTF-8: a byte table (1: ASCII space, 2: may open a wider one), the wider ones' keys."""
    space = [chr(c) for c in range(0x3001) if chr(c).isspace()]  # none above U+3000 (a test checks)
    wide = [c.encode("utf-8") for c in space if not c.isascii()]
    table = np.zeros(256, dtype=np.uint8)
    table[[b[0] for b in wide]] = 2
    table[[ord(c) for c in space if c.isascii()]] = 1
    two = np.array([(b[0] << 8) | b[1] for b in wide if len(b) == 2], dtype=np.int64)
    three = np.array([(b[0] << 16) | (b[1] << 8) | b[2] for b in wide if len(b) == 3], dtype=np.int64)
    return table, two, three


_BYTE_KIND, _SPACE2, _SPACE3 = _space_keys()


def _spaces(data: np.ndarray) -> np.ndarray:
    """True for every byte of a whitespace character in UTF-8 `data`."""
    kind = _BYTE_KIND[data]
    space: np.ndarray = kind == 1
    lead = np.flatnonzero(kind == 2)  # bytes that may open a non-ASCII space (rare)
    if len(lead):
        padded = np.concatenate([data, np.zeros(2, np.uint8)]).astype(np.int64)
        pair = (padded[lead] << 8) | padded[lead + 1]
        is3 = np.isin((pair << 8) | padded[lead + 2], _SPACE3)
        is2 = np.isin(pair, _SPACE2)
        for k, hit in ((0, is2 | is3), (1, is2 | is3), (2, is3)):
            space[lead[hit] + k] = True
    return space


def _split_encode(text: str) -> tuple[np.ndarray, list[str]]:
    """`text.split()` as codes into its distinct tokens (first-seen order), without a Python string per token.

    The UTF-8 bytes lose their whitespace, which makes the tokens contiguous:
    their offsets and those bytes are an Arrow string array as they are.
    """
    data = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    word = ~_spaces(data)
    edges = np.flatnonzero(np.diff(np.r_[False, word, False]))  # token starts and ends, alternating
    offsets = np.r_[0, np.cumsum(edges[1::2] - edges[0::2])]
    large = len(data) >= 2**31 - 1
    values = pa.LargeStringArray if large else pa.StringArray
    tokens = values.from_buffers(
        len(offsets) - 1,
        pa.py_buffer(offsets.astype(np.int64 if large else np.int32)),
        pa.py_buffer(data[word].tobytes()),
    )
    encoded = tokens.dictionary_encode()
    return encoded.indices.to_numpy(zero_copy_only=False).astype(np.intp), encoded.dictionary.to_pylist()


def _factorize(tokens: list[str]) -> tuple[np.ndarray, list[str]]:
    """Index of each token's distinct string (first-seen order), and those strings (any str, surrogates too)."""
    codes, uniques = pd.factorize(np.array(tokens, dtype=object))
    return codes.astype(np.intp), uniques.tolist()


def split_batch(texts: list[str]) -> SplitBatch:
    """Every text's `str.split()` tokens as codes into the batch's distinct strings."""
    joined = f" {MARK} ".join(texts)
    if joined.count(MARK) != max(len(texts) - 1, 0) or not joined.isascii() and _has_surrogate(joined):
        # a text holds the mark itself, or a lone surrogate (no UTF-8): split one by one
        splits = [t.split() for t in texts]
        lengths = np.fromiter(map(len, splits), dtype=np.intp, count=len(splits))
        codes, uniques = _factorize(list(chain.from_iterable(splits)))
        return SplitBatch(codes, uniques, lengths)
    codes, uniques = _split_encode(joined)
    if len(texts) < 2:
        return SplitBatch(codes, uniques, np.array([len(codes)] * len(texts), dtype=np.intp))
    mark = codes == uniques.index(MARK)
    lengths = np.diff(np.r_[-1, np.flatnonzero(mark), len(codes)]) - 1
    return SplitBatch(codes[~mark], uniques, lengths)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
