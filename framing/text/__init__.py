"""Tokenize: sentences and words with character offsets into the article, offline.

`tokenize` holds the one definition of a word and of a sentence boundary;
`excerpt` cuts a sentence out of an article without leaving stray quote marks.
"""

from framing.text.tokenize import Token, normalize_token, sentence_spans, word_spans

__all__ = ["Token", "word_spans", "sentence_spans", "normalize_token"]
