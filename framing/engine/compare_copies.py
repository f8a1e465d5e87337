"""Copy detection across partitions: `find_duplicates` of the whole corpus, from per-partition shingle hashes.

`framing.comparison.duplicates` compares 5-word shingles, hashed from word
numbers: with the corpus' word numbers a shingle hashes alike in every
partition. Each partition hashes its paragraphs' shingles (`part_shingles`)
and sends each (unit, hash) row to the bucket of its hash; a bucket holds
every row of its hashes, so it knows each hash's document frequency, drops
the common ones (more than `MAX_SHINGLE_DF` units, as the local engine
does) and counts the rare shingles each pair of units shares
(`bucket_pairs`). The pair counts are summed across buckets, and the pairs
with enough overlap are decided from the units' sizes (`decide`), as in
`find_duplicates`, at article level and at paragraph level. No task holds
the corpus' shingles, only a bucket's share; the client gets the copies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import sparse

from framing.comparison.duplicates import MAX_SHINGLE_DF, MIN_SHINGLES, SHINGLE, shingle_hashes

if TYPE_CHECKING:
    from framing.engine.compare_parts import Part

ARTICLE, PARAGRAPH = 0, 1  # the two levels of units


def part_shingles(
    part: Part, remap: np.ndarray, first_article: int, first_paragraph: int, buckets: int
) -> dict[str, Any]:
    """The partition's (level, unit, hash) rows split into `buckets`, and its units' sizes and places.

    Units are numbered corpus-wide (`first_article`, `first_paragraph`: the
    partition's first numbers). `units` has one row per unit: `level`,
    `unit`, `size` (distinct shingles) and, for paragraphs, `article`, `number`, `start`, `end`.
    """
    _, tokens = part
    ids = remap[tokens.ids] if len(tokens.ids) else np.zeros(0, np.int64)
    paragraph, hashed = shingle_hashes(ids, tokens.paragraph, SHINGLE)
    owner = tokens.paragraphs["article"].to_numpy()
    by_paragraph = pd.DataFrame({"unit": paragraph, "hash": hashed}).drop_duplicates()
    by_article = pd.DataFrame({"unit": owner[paragraph] if len(paragraph) else paragraph, "hash": hashed})
    by_article = by_article.drop_duplicates()
    rows = pd.concat(
        [
            by_article.assign(level=ARTICLE, unit=by_article["unit"] + first_article),
            by_paragraph.assign(level=PARAGRAPH, unit=by_paragraph["unit"] + first_paragraph),
        ],
        ignore_index=True,
    )
    bucket = (rows["hash"].to_numpy() % np.uint64(buckets)).astype(np.int64)
    sizes = rows.groupby(["level", "unit"]).size()
    places = tokens.paragraphs
    units = pd.concat(
        [
            pd.DataFrame(
                {"level": ARTICLE, "unit": np.arange(tokens.n_articles) + first_article, "article": -1, "number": -1}
            ),
            pd.DataFrame(
                {
                    "level": PARAGRAPH,
                    "unit": np.arange(len(places)) + first_paragraph,
                    "article": places["article"].to_numpy() + first_article,
                    "number": places["number"].to_numpy(),
                }
            ),
        ],
        ignore_index=True,
    )
    units["size"] = sizes.reindex(pd.MultiIndex.from_frame(units[["level", "unit"]])).fillna(0).to_numpy(np.float32)
    return {"buckets": [rows[bucket == b] for b in range(buckets)], "units": units}


def bucket_of(shingles: dict[str, Any], bucket: int) -> pd.DataFrame:
    table: pd.DataFrame = shingles["buckets"][bucket]
    return table


def units_of(shingles: dict[str, Any]) -> pd.DataFrame:
    table: pd.DataFrame = shingles["units"]
    return table


def bucket_pairs(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Per pair of units (i < j, one level) the number of rare shingles they share, from one bucket's rows."""
    table = pd.concat(frames, ignore_index=True)
    found = [_pairs_of(table[table["level"] == level], level) for level in (ARTICLE, PARAGRAPH)]
    return pd.concat(found, ignore_index=True)


def _pairs_of(rows: pd.DataFrame, level: int) -> pd.DataFrame:
    df = rows.groupby("hash")["unit"].transform("size")
    rare = rows[(df <= MAX_SHINGLE_DF).to_numpy()]
    units, unit_codes = np.unique(rare["unit"].to_numpy(), return_inverse=True)
    hash_codes = pd.factorize(rare["hash"])[0]
    matrix = sparse.csr_matrix(
        (np.ones(len(rare), np.float32), (unit_codes, hash_codes)),
        shape=(len(units), int(hash_codes.max(initial=-1)) + 1),
    )
    product = sparse.triu(matrix @ matrix.T, k=1).tocoo()  # units are sorted, so compact i < j is corpus i < j
    return pd.DataFrame(
        {"level": level, "i": units[product.row], "j": units[product.col], "shared": product.data.astype(np.int64)}
    )


def merge_pairs(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Pair tables of several buckets summed."""
    table = pd.concat(frames, ignore_index=True)
    merged: pd.DataFrame = table.groupby(["level", "i", "j"], sort=True)["shared"].sum().reset_index()
    return merged


def decide(
    pairs: pd.DataFrame, units: list[pd.DataFrame], outlets: np.ndarray, threshold: float
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(article copies `a, b, similarity`; paragraph copies `a, b, similarity, paragraph_a, paragraph_b`).

    The rules of `find_duplicates`: containment of the smaller unit at least
    `threshold`, at least `MIN_SHINGLES` shingles, paragraphs only across
    outlets and outside article copies. Containment is float32, as there.
    """
    table = pd.concat(units, ignore_index=True)
    found = []
    for level in (ARTICLE, PARAGRAPH):
        rows = table[table["level"] == level].set_index("unit")
        chosen = pairs[pairs["level"] == level]
        i, j = chosen["i"].to_numpy(), chosen["j"].to_numpy()
        size_i, size_j = rows["size"].reindex(i).to_numpy(np.float32), rows["size"].reindex(j).to_numpy(np.float32)
        smaller = np.minimum(size_i, size_j)
        containment = chosen["shared"].to_numpy().astype(np.float32) / np.maximum(smaller, 1)
        keep = (containment >= threshold) & (smaller >= MIN_SHINGLES)
        frame = pd.DataFrame({"a": i[keep], "b": j[keep], "similarity": containment[keep]})
        if level == PARAGRAPH:
            article, number = rows["article"], rows["number"]
            unit_a, unit_b = frame["a"].to_numpy(), frame["b"].to_numpy()
            frame = frame.assign(
                a=article.reindex(unit_a).to_numpy(),
                b=article.reindex(unit_b).to_numpy(),
                paragraph_a=number.reindex(unit_a).to_numpy(),
                paragraph_b=number.reindex(unit_b).to_numpy(),
            )
            frame = frame[outlets[frame["a"].to_numpy()] != outlets[frame["b"].to_numpy()]]
        found.append(frame.reset_index(drop=True))
    copied = set(zip(found[0]["a"], found[0]["b"]))
    paragraphs = found[1]
    fresh = [(min(a, b), max(a, b)) not in copied for a, b in zip(paragraphs["a"], paragraphs["b"])]
    return found[0], paragraphs[np.asarray(fresh, dtype=bool)].reset_index(drop=True)


def excerpts(part: Part, wanted: list[tuple[int, int]]) -> list[str]:
    """The excerpts of the partition's (article, paragraph number) units; paragraph -1 is the whole article."""
    from framing.comparison.duplicates import _excerpt

    articles, tokens = part
    texts = articles["clean_text"].to_numpy(dtype=object)
    table = tokens.paragraphs
    places = {(a, n): (b, e) for a, n, b, e in zip(table["article"], table["number"], table["start"], table["end"])}
    out = []
    for article, number in wanted:
        if number < 0:
            out.append(_excerpt(texts[article]))
        else:
            start, end = places[(article, number)]
            out.append(_excerpt(texts[article][start:end]))
    return out


def find_copies(
    client: Any,
    parts: list[Any],
    remaps: list[np.ndarray],
    articles: pd.DataFrame,
    bounds: np.ndarray,
    paragraph_bounds: np.ndarray,
    threshold: float,
) -> pd.DataFrame:
    """`find_duplicates` of the partitioned corpus (`parts`: futures; `articles`: every article's id and outlet).

    `bounds`, `paragraph_bounds`: the corpus numbers of each partition's first article and paragraph (and the total).
    """
    from framing.comparison.duplicates import COLUMNS, _empty, _pairs
    from framing.engine.reduce import tree_reduce

    buckets = max(1, len(parts))
    shingles = [
        client.submit(part_shingles, part, remaps[p], int(bounds[p]), int(paragraph_bounds[p]), buckets)
        for p, part in enumerate(parts)
    ]
    counted = [client.submit(bucket_pairs, [client.submit(bucket_of, s, b) for s in shingles]) for b in range(buckets)]
    pairs = tree_reduce(client, counted, merge_pairs)
    units = [client.submit(units_of, s) for s in shingles]
    outlets = articles["outlet"].to_numpy(dtype=object)
    whole, paragraphs = client.submit(decide, pairs, units, outlets, threshold).result()
    if not paragraph_bounds[-1]:
        return _empty()
    found = []
    for frame, level in ((whole, "article"), (paragraphs, "paragraph")):
        numbers = frame["paragraph_a"].to_numpy() if level == "paragraph" else np.full(len(frame), -1)
        texts = _excerpts_of(client, parts, bounds, frame["a"].to_numpy(), numbers)
        a, b = frame["a"].to_numpy(np.int64), frame["b"].to_numpy(np.int64)
        if level == "article":
            found.append(_pairs(articles, a, b, frame["similarity"].to_numpy(), level, -1, -1, texts))
        else:
            pa, pb = frame["paragraph_a"].to_numpy(np.int64), frame["paragraph_b"].to_numpy(np.int64)
            found.append(_pairs(articles, a, b, frame["similarity"].to_numpy(), level, pa, pb, texts))
    table = pd.concat(found, ignore_index=True)
    if not len(table):
        return _empty()
    table = table.sort_values(["level", "doc_a", "doc_b", "paragraph_a", "paragraph_b"], kind="mergesort")
    return table[COLUMNS].reset_index(drop=True)


def _excerpts_of(
    client: Any, parts: list[Any], bounds: np.ndarray, articles: np.ndarray, numbers: np.ndarray
) -> list[str]:
    """The excerpts of (corpus article, paragraph number) units, each fetched from its partition."""
    where = np.searchsorted(bounds, articles, side="right") - 1
    asked = {
        int(p): client.submit(
            excerpts,
            parts[p],
            [(int(a - bounds[p]), int(n)) for a, n in zip(articles[where == p], numbers[where == p])],
        )
        for p in np.unique(where)
    }
    got = {p: iter(future.result()) for p, future in asked.items()}
    return [next(got[int(p)]) for p in where]
