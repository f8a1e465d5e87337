"""A shift planted in real coverage: does `framing trends` find it, at its quarter, and nothing where none was planted?

    python evaluation/trends_allsides.py [--rows 2000] [--out DIR]

Takes the first ROWS articles of ../shared/data/allsides-10k.jsonl.gz (eight
years, many outlets, real noise). For the outlet with most dated articles,
every article from the middle quarter of its dated span on gets one plainly
positive sentence after each paragraph, which raises its mean sentence tone
(`sentiment`) from that quarter on. Then `framing trends --freq Q --column
sentiment --shifts` runs on the corpus as it is and with the plant, and the
shifts that pass (one change-point test per outlet, Holm, 5%, over the outlets;
further changes by binary segmentation) are listed for each, with the planted
outlet's own test whether it passes or not. The two corpora are left in DIR, so `framing report` can draw them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("FRAMING_SHARED_DATA", ROOT.parent / "shared" / "data")) / "allsides-10k.jsonl.gz"
PRAISE = "Supporters called it a great, wonderful success."


def plant(articles: pd.DataFrame) -> tuple[pd.DataFrame, str, str]:
    """`articles` with the praise planted; the outlet and the first planted quarter."""
    when = pd.to_datetime(articles["date"], errors="coerce")
    outlet = str(articles.loc[when.notna(), "outlet"].value_counts().index[0])
    quarters = sorted(when[(articles["outlet"] == outlet) & when.notna()].dt.to_period("Q").unique())
    start = quarters[len(quarters) // 2]
    chosen = (articles["outlet"] == outlet) & (when.dt.to_period("Q") >= start).fillna(False)
    planted = articles.copy()
    planted.loc[chosen, "text"] = [
        "\n\n".join(f"{p} {PRAISE}" for p in text.split("\n\n")) for text in planted.loc[chosen, "text"]
    ]
    return planted, outlet, str(start)


def change_point_tests(corpus: Path, folder: Path) -> pd.DataFrame:
    """Every change-point test `framing trends --shifts` writes for `corpus`."""
    found = folder / f"{corpus.stem}-shifts.csv"
    command = [sys.executable, "-m", "framing", "trends", str(corpus), "--id-column", "id", "--freq", "Q"]
    command += ["--column", "sentiment", "-o", str(folder / f"{corpus.stem}-trends.csv"), "--shifts", str(found)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return pd.read_csv(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000, help="The first ROWS articles of AllSides.")
    parser.add_argument("--out", default=None, help="Folder for the corpora and tables (default: a temporary one).")
    args = parser.parse_args()
    folder = Path(args.out or tempfile.mkdtemp(prefix="trends-allsides-"))
    folder.mkdir(parents=True, exist_ok=True)
    articles = pd.read_json(DATA, lines=True, nrows=args.rows, dtype=False)
    planted, outlet, start = plant(articles)
    dated = pd.to_datetime(articles["date"], errors="coerce").notna()
    print(
        f"AllSides, first {len(articles):,} articles ({int(dated.sum()):,} dated), {articles['outlet'].nunique()} outlets"
    )
    print(f"planted: {outlet}, one positive sentence after each paragraph from {start} on")
    for name, frame in (("as-is", articles), ("planted", planted)):
        path = folder / f"allsides-{name}.jsonl"
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
        tests = change_point_tests(path, folder)
        found = tests[tests["shift"]]
        series = len(tests[["outlet", "column"]].drop_duplicates())
        print(f"{name}: {len(found)} shifts pass (Holm, 5%, over {series} outlets; {len(tests)} tests)")
        shown = pd.concat([found, tests[(tests["outlet"] == outlet) & ~tests["shift"]].head(1)])
        for row in shown.itertuples(index=False):
            at = "the planted quarter" if (row.outlet, row.after) == (outlet, start) else "not planted"
            print(
                f"  {'shift' if row.shift else 'no shift'}: {row.outlet} {row.before_from}..{row.before} -> "
                f"{row.after}..{row.after_to}: {row.mean_before:+.3f} -> {row.mean_after:+.3f} "
                f"({row.articles_before} and {row.articles_after} articles; p {row.p_value:.4f}, "
                f"adjusted {row.p_adjusted:.4f}; {at})"
            )
    print(f"corpora and tables in {folder}")


if __name__ == "__main__":
    main()
