"""The repetition rule for boilerplate, counted on 8-byte fingerprints so a corpus never has to be held whole.

A short line repeated across articles is site furniture (see
`framing.corpus.clean`). Deciding that needs every article's candidate lines,
but not their text: each candidate becomes a row (line fingerprint, outlet,
article-text fingerprint), and the rule counts distinct article texts per
line, overall and per outlet. The local engine adds chunk after chunk to one
`RepeatCounter`; the dask engine builds the same rows per partition
(`clean.repeat_rows`) and reduces them on its cluster, then both call `furniture`:
one rule, one fingerprint, the same lines removed whichever engine runs.

A line fingerprint's lowest bit says whether the line reads like a sentence,
which the rule treats differently; the rest is a blake2b digest of the
normalised line (a false match between two lines is a 1 in 2**63 event).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

REPEAT_OUTLET, REPEAT_OVERALL, REPEAT_SENTENCE_OUTLET = 2, 3, 3
FEWEST = min(REPEAT_OUTLET, REPEAT_OVERALL, REPEAT_SENTENCE_OUTLET)  # a line seen less often is never furniture
ROW_COLUMNS = ("key", "outlet", "identity")
_SIGNED = 1 << 63


def _digest(text: str) -> int:
    """A signed 64-bit blake2b digest (int64 columns, as pandas and dask hold them best)."""
    value = int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
    return value - (1 << 64) if value >= _SIGNED else value


def sentence_like(key: str) -> bool:
    """A line that reads like a sentence: repeated across outlets it is shared wire copy, not furniture."""
    return key.endswith((".", "!", "?")) and len(key.split()) >= 5


def line_fingerprint(key: str) -> int:
    """The fingerprint of a normalised candidate line; its lowest bit is `sentence_like(key)`."""
    return (_digest(key) & ~1) | int(sentence_like(key))


def text_fingerprint(text: str) -> int:
    """The fingerprint of an article's text: articles with identical text count once."""
    return _digest(text)


def id_fingerprint(doc_id: str) -> int:
    """The fingerprint of an article id (`IdFingerprints`)."""
    return _digest(doc_id)


def is_sentence(fingerprint: int) -> bool:
    return bool(fingerprint & 1)


def keyed_rows(keys: Iterable[Iterable[str]], texts: Iterable[Any], outlets: Iterable[Any]) -> pd.DataFrame:
    """Distinct (key, outlet, identity) rows (`ROW_COLUMNS`) from each article's candidate lines.

    `keys` are each article's normalised candidate lines (`clean.candidate_keys`);
    `key` and `identity` are int64 fingerprints. Counted over a whole corpus,
    the rows are what `furniture` needs.
    """
    return fingerprinted_rows(([line_fingerprint(key) for key in lines] for lines in keys), texts, outlets)


def fingerprinted_rows(prints: Iterable[Iterable[int]], texts: Iterable[Any], outlets: Iterable[Any]) -> pd.DataFrame:
    """`keyed_rows` from each article's candidate lines already fingerprinted (`line_fingerprint`)."""
    import pandas as pd

    rows: set[tuple[int, str, int]] = set()
    for lines, text, outlet in zip(prints, texts, outlets):
        identity = text_fingerprint(text)
        rows.update((key, str(outlet), identity) for key in lines)
    ordered = sorted(rows)
    return pd.DataFrame(
        {
            "key": pd.Series([r[0] for r in ordered], dtype="int64"),
            "outlet": pd.Series([r[1] for r in ordered], dtype="str"),
            "identity": pd.Series([r[2] for r in ordered], dtype="int64"),
        }
    )


def furniture(overall: Mapping[int, int], by_outlet: Mapping[tuple[Any, int], int]) -> frozenset[int]:
    """The repetition rule on counts of distinct texts per line, overall and per (outlet, line).

    A label-like line is furniture when 3+ texts overall or 2+ of one outlet
    carry it; a sentence-like line only when 3+ texts of ONE outlet do.
    """
    keys = {k for k, n in overall.items() if n >= REPEAT_OVERALL and not is_sentence(k)}
    for (_, key), n in by_outlet.items():
        if n >= (REPEAT_SENTENCE_OUTLET if is_sentence(key) else REPEAT_OUTLET):
            keys.add(key)
    return frozenset(int(k) for k in keys)


class RepeatCounter:
    """`repeat_rows` of a corpus added chunk by chunk, kept as compact int columns (20 bytes a candidate line)."""

    COMPACT_ROWS = 2_000_000  # rows added since the last merge before duplicates are merged away

    def __init__(self) -> None:
        self._outlets: dict[str, int] = {}
        self._parts: list[pd.DataFrame] = []
        self._pending = 0

    def add_rows(self, rows: pd.DataFrame) -> None:
        """Count the rows of some more articles (`keyed_rows`, or `clean.repeat_rows`)."""
        codes = [self._outlets.setdefault(o, len(self._outlets)) for o in rows["outlet"]]
        self._parts.append(rows.assign(outlet=codes).astype({"outlet": "int32"}))
        self._pending += len(rows)
        if self._pending > self.COMPACT_ROWS:
            self._compact()

    def _compact(self) -> pd.DataFrame:
        """The distinct rows so far, merged into one table (identical articles add nothing new)."""
        import pandas as pd

        if len(self._parts) != 1:
            merged = (
                pd.concat(self._parts, ignore_index=True)
                if self._parts
                else keyed_rows([], [], []).astype({"outlet": "int32"})
            )
            self._parts = [merged.drop_duplicates(ignore_index=True)]
        self._pending = 0
        return self._parts[0]

    def furniture(self) -> frozenset[int]:
        """The fingerprints of the lines the corpus repeats enough to be site furniture."""
        rows = self._compact()
        overall = rows[["key", "identity"]].drop_duplicates().groupby("key").size()
        by_outlet = rows.groupby(["outlet", "key"]).size()  # rows are distinct (outlet, key, identity)
        overall, by_outlet = overall[overall >= FEWEST], by_outlet[by_outlet >= FEWEST]
        return furniture(
            dict(zip(overall.index.tolist(), overall.tolist())), dict(zip(by_outlet.index.tolist(), by_outlet.tolist()))
        )


class IdFingerprints:
    """The ids of a corpus read chunk by chunk, kept as 8-byte fingerprints (not a Python string each).

    A million ids as strings take about 70 MB in the first pass, and a parent
    process that held them passes those pages on to every worker it forks.
    The fingerprints only say which rows may repeat an id; the caller checks
    those few rows' real ids, so a false match can never raise an error.
    """

    def __init__(self) -> None:
        self._parts: list[Any] = []

    def add(self, ids: Iterable[str]) -> None:
        """Fingerprint the ids of some more rows (they follow the rows added before)."""
        import numpy as np

        self._parts.append(np.fromiter(map(id_fingerprint, ids), dtype=np.int64))

    def candidates(self) -> Any:
        """The rows (0-based, ascending, int64 array) whose fingerprint more than one row has."""
        import numpy as np

        prints = np.concatenate(self._parts) if self._parts else np.empty(0, dtype=np.int64)
        order = np.argsort(prints, kind="stable")
        ordered = prints[order]
        same = ordered[1:] == ordered[:-1]
        repeated = np.zeros(len(ordered), dtype=bool)
        repeated[1:] |= same
        repeated[:-1] |= same
        return np.sort(order[repeated])
