"""The chunk's token table, tokenized a segment of text at a time: one long article costs about its tokens.

Why: tokenizing a whole text at once holds, for a moment, a Python string per
token and several arrays per character (`token_arrays`): 30x a 20 MB
article's UTF-8 size, far above what the table keeps (12 bytes a token).
Here a text longer than `SEGMENT` characters is cut at whitespace into
segments that are tokenized one after the other, each segment's tokens
interned into the shared vocabulary straight away, so only one segment's
strings and arrays are alive at once.

Why the tokens are the same: no token holds or starts at whitespace, and
the tokenizer looks back only inside a token (``(?<=\\w)``, which fails
after whitespace as at a text's start) and ahead at most across the next
whitespace run to one character after it (``No\\.(?=\\s*\\d)``, ``,\\s``).
So a segment is tokenized together with the whitespace after its cut and the
following run of non-whitespace (the margin), only its tokens that start
before the cut are kept, and the next segment starts where the margin's run
does. Tests hold the result to `TokenTable.from_texts` on texts cut every
few characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from framing.errors import FramingError
from framing.lexicons.match import TokenTable, _as_text, _Vocabulary
from framing.text.token_arrays import token_arrays

SEGMENT = 1 << 16  # characters tokenized at a time (about 11,000 tokens; a 256 KiB slice at most)
_SPACE = re.compile(r"\s")  # re's \s is str.isspace, the whitespace the tokenizer never crosses
_VISIBLE = re.compile(r"\S")


def chunk_table(texts: Iterable[Any], segment: int = SEGMENT) -> TokenTable:
    """`TokenTable.from_texts(texts)`, the same arrays and vocabulary, built `segment` characters at a time."""
    texts = [_as_text(t) for t in texts]
    if any(len(t) >= 2**31 for t in texts):
        raise FramingError("a text is longer than 2 GB; split it into articles before matching")
    vocabulary = _Vocabulary()
    ids: list[np.ndarray] = []
    starts: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    counts = np.zeros(len(texts) + 1, dtype=np.int64)
    for d, text in enumerate(texts):
        for first, cut, stop in segments(text, segment):
            tokens, token_starts, token_ends = token_arrays(
                text if (first, stop) == (0, len(text)) else text[first:stop]
            )
            kept = int(np.searchsorted(token_starts, cut - first))
            ids.append(np.fromiter(map(vocabulary.__getitem__, tokens[:kept]), dtype=np.int32, count=kept))
            del tokens  # the segment's strings go before the next segment's come
            starts.append(token_starts[:kept] + np.int32(first))
            ends.append(token_ends[:kept] + np.int32(first))
            counts[d + 1] += kept
    raw_ids, raw_starts, raw_ends = _joined(ids), _joined(starts), _joined(ends)  # each list freed once joined
    return TokenTable(texts, raw_ids, list(vocabulary), raw_starts, raw_ends, np.cumsum(counts))


def segments(text: str, segment: int = SEGMENT) -> Iterator[tuple[int, int, int]]:
    """(first, cut, stop) per segment: tokenize `text[first:stop]`, keep the tokens that start before `cut`.

    `cut` is a whitespace position at least `segment` characters after
    `first` (or the text's end); `stop` ends the run of non-whitespace after
    the whitespace at `cut` (the margin); the next segment starts at that run.
    """
    first = 0
    while True:
        space = _SPACE.search(text, first + segment) if first + segment < len(text) else None
        visible = _VISIBLE.search(text, space.start()) if space else None
        if space is None or visible is None:  # the rest fits, or only whitespace follows the cut
            yield first, len(text), len(text)
            return
        after = _SPACE.search(text, visible.start())
        yield first, space.start(), after.start() if after else len(text)
        first = visible.start()


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    """One array of the parts, which are dropped as they are copied."""
    if not arrays:
        return np.zeros(0, dtype=np.int32)
    joined = np.concatenate(arrays)
    arrays.clear()
    return joined
