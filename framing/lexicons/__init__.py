"""Lexicons: categories of terms as data files, and how they are matched in text.

`model` reads the YAML format into a `Lexicon`; `dic` imports LIWC-style
`.dic` files; `check` warns about lexicons that load but may mislead; `match`
finds hits with offsets; `negation` and `scarequotes` qualify them. The
built-in lexicons and their datasheets are in `data/`.
"""

from framing.lexicons.model import Lexicon, builtin_lexicons, load_lexicon

__all__ = ["Lexicon", "load_lexicon", "builtin_lexicons"]
