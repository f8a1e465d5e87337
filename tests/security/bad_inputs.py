"""Every class of bad input a user can hand framing, each as a function that builds it in a folder.

A case returns the command line to run (relative to the folder). The table in
test_bad_input.py says what each must give: one line naming the file and
what to do, exit 2, or a documented success.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from pathlib import Path

GOOD_ROWS = [
    {
        "id": "a1",
        "outlet": "Daily One",
        "title": "Troops arrive",
        "text": "NATO said more troops will deploy to Poland.",
    },
    {"id": "a2", "outlet": "Daily Two", "title": "Troops land", "text": "Critics called the buildup a provocation."},
]
CSV_HEADER = "id,outlet,title,text\n"
GOOD_CSV = CSV_HEADER + "".join(f'{r["id"]},{r["outlet"]},{r["title"]},"{r["text"]}"\n' for r in GOOD_ROWS)
ARTICLE = "---\noutlet: Daily One\ntitle: Troops arrive\n---\nNATO said more troops will deploy to Poland.\n"
GOOD_LEXICON = (
    "name: mine\ndescription: d\nversion: '1'\nsource: s\nlicence: MIT\ncategories:\n"
    "  buildup:\n    description: d\n    colour: '#D55E00'\n    entries: [buildup]\n"
)

Case = Callable[[Path], list[str]]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def score(source: Path | str, *more: str) -> list[str]:
    return ["score", str(source), "-o", "out.csv", *more]


def nonexistent(folder: Path) -> list[str]:
    return score(folder / "missing.csv")


def empty_csv(folder: Path) -> list[str]:
    return score(write(folder / "empty.csv", ""))


def empty_jsonl(folder: Path) -> list[str]:
    return score(write(folder / "empty.jsonl", ""))


def empty_folder(folder: Path) -> list[str]:
    (folder / "nothing").mkdir()
    return score(folder / "nothing")


def binary_csv(folder: Path) -> list[str]:
    return score(write(folder / "data.csv", bytes(range(256)) * 8))


def binary_jsonl(folder: Path) -> list[str]:
    return score(write(folder / "data.jsonl", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4))


def binary_md(folder: Path) -> list[str]:
    write(folder / "corpus" / "good.md", ARTICLE)
    write(folder / "corpus" / "bad.md", b"\x00\x01\x02" + bytes(range(256)) * 4)
    return score(folder / "corpus")


def utf16_with_bom(folder: Path) -> list[str]:
    return score(write(folder / "utf16.csv", GOOD_CSV.encode("utf-16")))


def utf16le_without_bom(folder: Path) -> list[str]:
    return score(write(folder / "utf16le.csv", GOOD_CSV.encode("utf-16-le")))


def latin1(folder: Path) -> list[str]:
    return score(
        write(folder / "latin1.csv", (GOOD_CSV + 'a3,Café Presse,Été,"Le café était fermé."\n').encode("latin-1"))
    )


def malformed_front_matter(folder: Path) -> list[str]:
    write(folder / "corpus" / "a.md", "---\noutlet: [unclosed\ntitle: x\n---\nText here.\n")
    return score(folder / "corpus")


def missing_outlet(folder: Path) -> list[str]:
    return score(write(folder / "no-outlet.csv", "id,title,text\na1,T,Some text here.\n"))


def empty_text(folder: Path) -> list[str]:
    return score(write(folder / "empty-text.csv", CSV_HEADER + "a1,Daily One,T,\na2,Daily Two,T,Some text.\n"))


def duplicate_ids(folder: Path) -> list[str]:
    return score(
        write(folder / "dupes.csv", CSV_HEADER + "a1,D,T,One text.\na1,E,T,Another text.\n"), "--id-column", "id"
    )


def duplicate_ids_across_files(folder: Path) -> list[str]:
    write(folder / "corpus" / "story.md", ARTICLE)  # ids are file stems: story.md and story.txt collide
    write(folder / "corpus" / "story.txt", ARTICLE.replace("Daily One", "Daily Two"))
    return score(folder / "corpus")


def duplicate_ids_in_front_matter(folder: Path) -> list[str]:
    write(folder / "corpus" / "one.md", ARTICLE.replace("---\noutlet", "---\nid: same\noutlet"))
    write(folder / "corpus" / "two.md", ARTICLE.replace("---\noutlet", "---\nid: same\noutlet"))
    return score(folder / "corpus", "--id-column", "id")


def unknown_column(folder: Path) -> list[str]:
    return score(write(folder / "good.csv", GOOD_CSV), "--text-column", "body")


def ragged_csv(folder: Path) -> list[str]:
    return score(write(folder / "ragged.csv", CSV_HEADER + "a1,D,T,text,extra,more\na2,E\n"))


def broken_jsonl_line(folder: Path) -> list[str]:
    lines = [json.dumps(GOOD_ROWS[0]), '{"id": "a2", "outlet": "D", "text": "unterminated', json.dumps(GOOD_ROWS[1])]
    return score(write(folder / "broken.jsonl", "\n".join(lines) + "\n"))


def truncated_gzip(folder: Path) -> list[str]:
    data = gzip.compress(("\n".join(json.dumps(row) for row in GOOD_ROWS * 50) + "\n").encode(), mtime=0)
    return score(write(folder / "cut.jsonl.gz", data[: len(data) // 2]))


def corrupted_parquet(folder: Path) -> list[str]:
    import pandas as pd

    path = folder / "table.parquet"
    pd.DataFrame(GOOD_ROWS).to_parquet(path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = b"\xff" * 64
    path.write_bytes(bytes(data[:-12]))
    return score(path)


def deeply_nested_json(folder: Path) -> list[str]:
    line = json.dumps({"id": "a1", "outlet": "D", "text": "x"})[:-1] + ', "meta": ' + "[" * 100_000 + "]" * 100_000
    return score(write(folder / "nested.jsonl", line + "}\n"))


def malformed_lexicon_yaml(folder: Path) -> list[str]:
    return score("nato-eastern-flank-2022", "-l", str(write(folder / "bad.yaml", GOOD_LEXICON + "  broken: [\n")))


def malformed_dic(folder: Path) -> list[str]:
    return score("nato-eastern-flank-2022", "-l", str(write(folder / "bad.dic", "%\n1\tone\n\nword\t7\n")))


def malformed_targets(folder: Path) -> list[str]:
    return score("nato-eastern-flank-2022", "--targets", str(write(folder / "targets.yaml", "targets: [name: x\n")))


def non_utf8_lexicon(folder: Path) -> list[str]:
    return score(
        "nato-eastern-flank-2022",
        "-l",
        str(write(folder / "latin1.yaml", GOOD_LEXICON.replace("buildup]", "café]").encode("latin-1"))),
    )


def output_into_missing_folder(folder: Path) -> list[str]:
    return ["score", str(write(folder / "good.csv", GOOD_CSV)), "-o", "new/deeper/out.csv"]


def output_into_read_only_folder(folder: Path) -> list[str]:
    """(root writes anywhere: the test skips this case when run as root)"""
    locked = folder / "locked"
    locked.mkdir()
    os.chmod(locked, 0o555)
    return ["score", str(write(folder / "good.csv", GOOD_CSV)), "-o", "locked/out.csv"]


def output_under_a_file(folder: Path) -> list[str]:
    write(folder / "notes.txt", "not a folder")
    return ["score", str(write(folder / "good.csv", GOOD_CSV)), "-o", "notes.txt/out.csv"]


def lexicon_bare_wildcard(folder: Path) -> list[str]:
    return score(
        "nato-eastern-flank-2022",
        "-l",
        str(write(folder / "star.yaml", GOOD_LEXICON.replace("[buildup]", "[buildup, '*']"))),
    )


def compare_output_is_a_file(folder: Path) -> list[str]:
    write(folder / "notes.txt", "keep me")
    return ["compare", "nato-eastern-flank-2022", "-o", "notes.txt"]


def output_is_a_folder(folder: Path) -> list[str]:
    (folder / "outdir").mkdir()
    return ["score", str(write(folder / "good.csv", GOOD_CSV)), "-o", "outdir"]


def output_is_the_input(folder: Path) -> list[str]:
    return ["score", str(write(folder / "good.csv", GOOD_CSV)), "-o", "good.csv"]


def report_output_is_the_input(folder: Path) -> list[str]:
    return ["report", str(write(folder / "good.csv", GOOD_CSV)), "-o", "good.csv"]


def evidence_is_a_folder(folder: Path) -> list[str]:
    (folder / "evdir").mkdir()
    return ["score", str(write(folder / "good.csv", GOOD_CSV)), "-o", "out.csv", "--evidence", "evdir"]


def article_over_the_size_limit(folder: Path) -> list[str]:
    from framing.corpus.readers.validate import MAX_ARTICLE_CHARS

    words = "NATO said troops will deploy. " * (MAX_ARTICLE_CHARS // 30 + 10)
    return score(write(folder / "huge.csv", CSV_HEADER + f'a1,Daily One,T,"{words}"\n'))
