"""Corpus loading speed on the AllSides sample: reading, boilerplate detection, memory.

Loads ../shared/data/allsides-10k.jsonl.gz (10,000 articles, about 10 million
words) through `framing.load_corpus`, timing the reader (decompress, parse,
dates, validation) and boilerplate detection separately. With `--copies K` it
first writes a CSV holding K copies of the sample (ids made unique) and loads
that instead, to show how a 100,000-row export behaves. Prints CPU and wall
seconds, words/s ("words" = whitespace-separated tokens) and the peak resident
memory of the process (`resource.getrusage`).

    python benchmarks/bench_corpus.py [--copies K]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _timing import peak_mib, timed  # noqa: E402  (the benchmarks folder is not a package)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "allsides-10k.jsonl.gz"


def write_copies(source: Path, copies: int, folder: Path) -> Path:
    """A CSV with `copies` copies of the sample, ids suffixed so they stay unique."""
    import pandas as pd

    frame = pd.read_json(source, lines=True, dtype=False)
    frames = [frame.assign(id=frame["id"] + f"-{k}") for k in range(copies)]
    path = folder / f"allsides-x{copies}.csv"
    pd.concat(frames, ignore_index=True).to_csv(path, index=False)
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--copies", type=int, default=0, help="load a CSV of K copies instead of the JSONL.gz")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: not found; put the shared data beside the checkout", file=sys.stderr)
        return 2
    import pandas  # noqa: F401  (imported before measuring so its memory is the baseline)

    from framing.corpus.model import with_clean_text
    from framing.corpus.readers import Columns, read_source

    with tempfile.TemporaryDirectory() as tmp:
        source = write_copies(args.data, args.copies, Path(tmp)) if args.copies else args.data
        baseline = peak_mib()
        raw, read_cpu, read_wall = timed(read_source, source, Columns(id="id"))
        (articles, boilerplate), clean_cpu, clean_wall = timed(with_clean_text, raw.frame)
        peak = peak_mib()
    words = sum(len(text.split()) for text in articles["text"])
    print(f"source: {source.name}: {len(articles):,} articles, {words:,} words")
    print(f"read:        {read_cpu:6.2f} s CPU {read_wall:6.2f} s wall  {words / read_cpu:12,.0f} words/s")
    print(f"boilerplate: {clean_cpu:6.2f} s CPU {clean_wall:6.2f} s wall  {words / clean_cpu:12,.0f} words/s")
    print(
        f"boilerplate lines removed: {len(boilerplate):,}; by reason: "
        + ", ".join(f"{k} {v:,}" for k, v in boilerplate["reason"].value_counts().items())
    )
    print(f"peak memory: {peak:,.0f} MiB (after imports: {baseline:,.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
