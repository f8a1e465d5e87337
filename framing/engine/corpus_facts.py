"""The first pass over a partitioned source: what scoring one partition needs to know about all of them.

The local engine sees the whole corpus at once; a partition does not. Three
corpus-wide facts are gathered here, as small per-partition tables reduced
on the cluster: the number of rows in each partition (to number rows across
partitions), ids that occur in more than one place, and the counts behind
the boilerplate repetition rule (`framing.corpus.repeats`, the rows and rule the
local engine counts with), so that every partition is cleaned exactly as the
whole corpus would be.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from framing.corpus.clean import repeat_rows
from framing.corpus.repeats import FEWEST, furniture
from framing.engine.failures import attempt, raise_first
from framing.engine.inputs import Piece, read_records
from framing.errors import FramingError

if TYPE_CHECKING:
    import pandas as pd

    from framing.corpus.readers.columns import Columns

FACT_COLUMNS = ("piece", "row", "doc_id", "key", "outlet", "identity", "error")
FACT_TYPES: dict[str, str] = {"piece": "int64", "row": "int64", **{c: "str" for c in FACT_COLUMNS[2:]}}


@dataclass(frozen=True)
class CorpusFacts:
    """Rows per partition and the fingerprints of the corpus' boilerplate lines."""

    sizes: tuple[int, ...]
    repeated: frozenset[int]

    @property
    def total(self) -> int:
        return sum(self.sizes)

    def first_rows(self) -> list[int]:
        """The corpus row number each partition starts at."""
        starts, first = [], 0
        for size in self.sizes:
            starts.append(first)
            first += size
        return starts


def piece_facts(item: tuple[int, Piece], options: Columns) -> pd.DataFrame:
    """One partition's facts: a row per article (key "") and a row per (line, outlet, text) fingerprint row.

    The fingerprints (`framing.corpus.clean.repeat_rows`) travel as decimal text in the one table.

    Bad input gives one row holding the message in `error` (see `framing.engine.failures`).
    (`options`, not `columns`: dask's `from_map` passes a `columns` argument to project columns.)
    """
    import pandas as pd

    index, piece = item
    records, error = attempt(lambda: read_records(piece, options))
    if records is None:
        return pd.DataFrame([{**dict.fromkeys(FACT_COLUMNS, ""), "piece": index, "row": -1, "error": error}])
    ids = pd.DataFrame(
        {
            "piece": index,
            "row": range(len(records)),
            "doc_id": records["doc_id"].astype(str),
            "key": "",
            "outlet": "",
            "identity": "",
            "error": "",
        }
    )
    keys = repeat_rows(records["text"], records["outlet"], records["author"]).astype(str)
    keys = keys.assign(piece=index, row=-1, doc_id="", error="")
    return pd.concat([ids, keys], ignore_index=True)[list(FACT_COLUMNS)].astype(FACT_TYPES)


def gather_facts(pieces: list[Piece], columns: Columns, client: Any) -> CorpusFacts:
    """Read every partition once on the cluster; raise FramingError for an empty source or duplicate ids."""
    import dask.dataframe as dd
    import pandas as pd

    meta = pd.DataFrame({c: pd.Series(dtype=t) for c, t in FACT_TYPES.items()})
    facts = dd.from_map(
        partial(piece_facts, options=columns),
        list(enumerate(pieces)),  # type: ignore[no-untyped-call]
        meta=meta,
        enforce_metadata=False,
        label="framing-facts",
    )
    failed = facts[facts["error"] != ""]
    ids, lines = facts[(facts["key"] == "") & (facts["error"] == "")], facts[facts["key"] != ""]
    # tree reductions (split_out=1): no shuffle, and the results are small (ids seen twice, keys seen twice)
    overall = lines[["key", "identity"]].drop_duplicates(split_out=1).groupby("key").size()
    by_outlet = lines[["outlet", "key", "identity"]].drop_duplicates(split_out=1).groupby(["outlet", "key"]).size()
    wanted = [
        failed[["piece", "error"]],
        ids.groupby("piece").size(),
        overall[overall >= FEWEST],
        by_outlet[by_outlet >= FEWEST],
    ]
    if columns.id is not None:  # without an id column, rows are numbered: never twice the same id
        id_counts = ids["doc_id"].value_counts(split_out=1)
        wanted.append(id_counts[id_counts > 1])
    errors, sizes, overall, by_outlet, *duplicated = client.compute(wanted, sync=True)
    raise_first(errors.sort_values("piece")["error"])
    counts = tuple(int(sizes.get(i, 0)) for i in range(len(pieces)))
    if sum(counts) == 0:
        raise FramingError(f"{pieces[0].path}: no articles found in the source; add rows to the tables")
    if duplicated and len(duplicated[0]):
        _raise_duplicate(client.compute(ids[ids["doc_id"].isin(list(duplicated[0].index))], sync=True), pieces)
    repeated = furniture(
        {int(k): n for k, n in overall.items()}, {(outlet, int(k)): n for (outlet, k), n in by_outlet.items()}
    )
    return CorpusFacts(counts, repeated)


def _raise_duplicate(rows: pd.DataFrame, pieces: list[Piece]) -> None:
    """The error `validate_frame` gives, for an id found in several partitions."""
    import numpy as np

    from framing.corpus.readers.validate import _places

    rows = rows.sort_values(["piece", "row"])
    first = rows["doc_id"].iloc[0]
    where = rows[rows["doc_id"] == first]
    places = [pieces[int(p)].locate(int(r)) for p, r in zip(where["piece"], where["row"])]
    raise FramingError(
        f"{_places(places.__getitem__, np.arange(len(places)))}: duplicate id {first!r}; "
        "ids must be unique (rename a file or fix the id column)"
    )
