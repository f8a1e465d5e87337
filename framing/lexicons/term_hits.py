"""Which entry of its category each hit came from, and whether it sits inside quotation marks.

The matcher reports hits per category; checking a lexicon needs them per
term (the entry as written in the file, `defen*` for "defended"). The entry
is found as the matcher chooses it: among the category's entries that match
the hit's tokens, the most specific (exact words before prefixes, longer
prefixes before shorter), then the first in the file. A hit is `quoted` when
a pair of quotation marks on its line encloses it (`scarequotes.QUOTED`:
reported words and scare quotes alike), since the words are then someone
else's rather than the outlet's.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from framing.lexicons.match import _key, _specificity, entry_pattern
from framing.lexicons.scarequotes import QUOTED

if TYPE_CHECKING:
    from framing.lexicons.entries import Category, Lexicon
    from framing.lexicons.match import TokenTable


def with_terms(lexicon: Lexicon, table: TokenTable, hits: pd.DataFrame) -> pd.DataFrame:
    """`hits` (whose doc_id is the text's position in `table`) with `term` and `quoted` columns."""
    ids, vocab, _ = table.keyed(lexicon.case_sensitive)
    docs = hits["doc_id"].to_numpy(dtype=np.int64)
    starts, ends = hits["start"].to_numpy(dtype=np.int64), hits["end"].to_numpy(dtype=np.int64)
    first = table.doc_start[docs] if len(docs) else np.zeros(0, dtype=np.int64)
    terms = []
    chooser = _EntryChooser(lexicon)
    for d, s, e, lo, category in zip(docs.tolist(), starts.tolist(), ends.tolist(), first.tolist(), hits["category"]):
        hi = int(table.doc_start[d + 1])
        a = lo + int(np.searchsorted(table.starts[lo:hi], s, side="left"))
        b = lo + int(np.searchsorted(table.ends[lo:hi], e, side="right"))
        terms.append(chooser.term(str(category), tuple(vocab[t] for t in ids[a:b].tolist())))
    out = hits.copy()
    out["term"] = pd.Series(terms, index=hits.index, dtype=object)
    out["quoted"] = _quoted(table.texts, docs, starts, ends)
    return out


class _EntryChooser:
    """Hit tokens -> the entry that matched them, remembered per distinct (category, tokens)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.chosen: dict[tuple[str, tuple[str, ...]], str] = {}

    def term(self, category: str, keys: tuple[str, ...]) -> str:
        found = self.chosen.get((category, keys))
        if found is None:
            found = self.chosen[(category, keys)] = self._choose(self.lexicon.categories[category], keys)
        return found

    def _choose(self, category: Category, keys: tuple[str, ...]) -> str:
        if category.pattern is not None:
            return category.pattern
        best: tuple[int, int] | None = None
        for position, entry in enumerate(category.entries):
            pattern = _compiled(entry.term, self.lexicon.case_sensitive)
            if len(pattern) == len(keys) and all(
                key == word if kind == "exact" else key.startswith(word) for (kind, word), key in zip(pattern, keys)
            ):
                rank = (-_specificity(pattern), position)
                best = rank if best is None or rank < best else best
        # the matcher found the hit, so an entry matches; the fallback only guards odd tokenizations
        return category.entries[best[1]].term if best is not None else " ".join(keys)


@lru_cache(maxsize=4096)
def _compiled(term: str, case_sensitive: bool) -> tuple[tuple[str, str], ...]:
    return tuple((kind, _key(word, case_sensitive)) for kind, word in entry_pattern(term))


def _quoted(texts: list[str], docs: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """For each hit, is it inside a quoted span of its text?"""
    out = np.zeros(len(docs), dtype=bool)
    spans: dict[int, np.ndarray] = {}
    for i, (d, s, e) in enumerate(zip(docs.tolist(), starts.tolist(), ends.tolist())):
        if d not in spans:
            spans[d] = np.asarray([m.span() for m in QUOTED.finditer(texts[d])] or np.zeros((0, 2)), dtype=np.int64)
        found = spans[d]
        out[i] = bool(((found[:, 0] <= s) & (found[:, 1] >= e)).any()) if len(found) else False
    return out
