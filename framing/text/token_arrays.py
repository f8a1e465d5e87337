"""The tokens of a text as strings with offset arrays, without a match object per token.

Why: the shared token table needs each token's text and its character
offsets. `word_spans` builds a match object and a tuple per token and the
text is sliced again per token, which cost as much as the tokenizing regex.
Here `token_texts` gives the strings directly (what `findall` gives, with
fewer regex calls), and the offsets follow from two facts of the tokenizer: tokens never hold whitespace, and every other
character belongs to a token (its last alternative is ``\\S``). So the
tokens, in order, tile the text's non-whitespace characters, and token i
starts at the non-whitespace character numbered by the lengths of the tokens
before it: a cumulative sum in numpy. A text for which the lengths do not add
up, or with an empty token (neither has been seen), takes `word_spans`
instead, so the result is always exactly `word_spans`.
"""

from __future__ import annotations

import numpy as np

from framing.text.tokenize import token_texts, word_spans

_LAST_SPACE = 0x3000  # IDEOGRAPHIC SPACE: no code point above it is whitespace (tests check)
_SPACE = np.fromiter((chr(c).isspace() for c in range(_LAST_SPACE + 2)), dtype=bool, count=_LAST_SPACE + 2)


def token_arrays(text: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(tokens, starts, ends) of `text`, equal to the slices and offsets of `word_spans(text)`.

    Offsets are int32 (texts are under 2 GB; `TokenTable` checks).
    """
    tokens = token_texts(text)
    n = len(tokens)
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=n)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    visible = np.flatnonzero(~_SPACE[np.minimum(codes, _LAST_SPACE + 1)])
    if len(visible) != int(lengths.sum()) or (n and not lengths.min()):  # no tiling: slice as written
        spans = word_spans(text)
        starts = np.fromiter((s for s, _ in spans), dtype=np.int32, count=len(spans))
        ends = np.fromiter((e for _, e in spans), dtype=np.int32, count=len(spans))
        return [text[s:e] for s, e in spans], starts, ends
    if not n:
        return tokens, np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32)
    first = np.cumsum(lengths) - lengths  # each token's first character among the non-whitespace ones
    starts = visible[first].astype(np.int32)
    ends = (visible[first + lengths - 1] + 1).astype(np.int32)
    return tokens, starts, ends
