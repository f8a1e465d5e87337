"""No command may overwrite its input or leave stray files: one line, exit 2, every file as it was.

Each case runs the real entry point in a folder holding a small corpus (a CSV
table, its symlink and hard link, a folder corpus), a targets file, a .dic
lexicon and two folders, and checks that the whole folder is byte for byte
what it was before: the input survives and no output (not even a half one)
appears.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from tests.cli.runner import run_main
from tests.corpus.fixtures import ROWS

DATA = Path(__file__).resolve().parents[1] / "scoring" / "data"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TINY = ["-l", str(DATA / "tiny-posture.yaml"), "-l", str(DATA / "tiny-loaded.yaml")]

ARTICLES = pd.DataFrame(ROWS)


@pytest.fixture()
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with every kind of input the commands read, made the current folder (paths stay short)."""
    ARTICLES.to_csv(tmp_path / "articles.csv", index=False)
    shutil.copy(tmp_path / "articles.csv", tmp_path / "facts.csv")  # a corpus named like a compare table
    os.symlink("articles.csv", tmp_path / "link.csv")
    os.link(tmp_path / "articles.csv", tmp_path / "hard.csv")
    study = tmp_path / "study"
    study.mkdir()
    for row in ARTICLES.itertuples():
        (study / f"{row.id}.md").write_text(f"---\noutlet: {row.outlet}\ntitle: {row.title}\n---\n{row.text}\n")
    shutil.copy(DATA / "tiny-targets.yaml", tmp_path / "r.html.json")  # a targets file named like report's twin
    shutil.copy(FIXTURES / "lexicon_mfd_style.dic", tmp_path / "words.dic")
    (tmp_path / "somefolder").mkdir()
    (tmp_path / "tables.csv").mkdir()  # a folder whose name looks like a table
    (tmp_path / "occupied").mkdir()
    (tmp_path / "occupied" / "notes.txt").write_text("keep me\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every path below `folder` with its bytes (files), link target (symlinks) or '<dir>'."""
    out: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        out[key] = f"-> {os.readlink(path)}" if path.is_symlink() else "<dir>" if path.is_dir() else path.read_bytes()
    return out


# (id, arguments, fragments the one-line message must contain)
REFUSED = [
    (
        "score-same-file",
        ["score", "articles.csv", "-o", "articles.csv"],
        ["articles.csv: -o is the input articles.csv"],
    ),
    (
        "score-same-file-other-spelling",
        ["score", "articles.csv", "-o", "study/../articles.csv"],
        ["study/../articles.csv: -o is the input articles.csv"],
    ),
    ("score-symlink-to-input", ["score", "articles.csv", "-o", "link.csv"], ["link.csv: -o is the input articles.csv"]),
    ("score-input-is-symlink", ["score", "link.csv", "-o", "articles.csv"], ["articles.csv: -o is the input link.csv"]),
    (
        "score-hard-link-to-input",
        ["score", "articles.csv", "-o", "hard.csv"],
        ["hard.csv: -o is the input articles.csv"],
    ),
    (
        "score-evidence-is-input",
        ["score", "articles.csv", "-o", "s.csv", "--evidence", "articles.csv"],
        ["articles.csv: --evidence is the input articles.csv"],
    ),
    (
        "score-evidence-is-output",
        ["score", "articles.csv", "-o", "s.csv", "--evidence", "s.csv"],
        ["s.csv: --evidence and -o name the same file"],
    ),
    ("score-output-is-folder", ["score", "articles.csv", "-o", "tables.csv"], ["tables.csv: -o is an existing folder"]),
    (
        "score-evidence-is-folder",
        ["score", "articles.csv", "-o", "s.csv", "--evidence", "tables.csv"],
        ["tables.csv: --evidence is an existing folder"],
    ),
    (
        "score-inside-input-folder",
        ["score", "study", "-o", "study/scores.csv"],
        ["study/scores.csv: -o is inside the input folder study"],
    ),
    (
        "score-is-input-lexicon",
        ["score", "articles.csv", "-l", "words.dic", "-o", "s.csv", "--evidence", "words.dic"],
        ["words.dic: --evidence is the input words.dic"],
    ),
    (
        "report-same-file",
        ["report", "articles.csv", "-o", "articles.csv"],
        ["articles.csv: -o is the input articles.csv"],
    ),
    (
        "report-twin-is-input",
        ["report", "articles.csv", "-o", "r.html", "--targets", "r.html.json"],
        ["r.html.json: -o (its .json twin) is the input r.html.json"],
    ),
    (
        "report-output-is-folder",
        ["report", "articles.csv", "-o", "somefolder"],
        ["somefolder: -o is an existing folder"],
    ),
    (
        "report-inside-input-folder",
        ["report", "study", "-o", "study/report.html"],
        ["study/report.html: -o is inside the input folder study"],
    ),
    (
        "exercise-same-file",
        ["exercise", "articles.csv", "-o", "articles.csv"],
        ["articles.csv: -o is the input articles.csv"],
    ),
    (
        "exercise-key-is-input",
        ["exercise", "articles.csv", "-o", "w.html", "--key", "articles.csv"],
        ["articles.csv: --key is the input articles.csv"],
    ),
    (
        "exercise-key-is-output",
        ["exercise", "articles.csv", "-o", "w.html", "--key", "w.html"],
        ["w.html: --key and -o name the same file"],
    ),
    (
        "exercise-output-is-folder",
        ["exercise", "articles.csv", "-o", "somefolder"],
        ["somefolder: -o is an existing folder"],
    ),
    (
        "compare-output-is-input-file",
        ["compare", "articles.csv", "-o", "articles.csv", "--force"],
        ["articles.csv: -o must be a folder, and this is an existing file"],
    ),
    (
        "compare-output-is-a-file",
        ["compare", "articles.csv", "-o", "occupied/notes.txt"],
        ["occupied/notes.txt: -o must be a folder, and this is an existing file"],
    ),
    (
        "compare-folder-not-empty",
        ["compare", "articles.csv", "-o", "occupied"],
        ["occupied: folder is not empty", "--force"],
    ),
    ("compare-into-input-folder", ["compare", "study", "-o", "study", "--force"], ["study: -o is the input study"]),
    (
        "compare-inside-input-folder",
        ["compare", "study", "-o", "study/tables"],
        ["study/tables: -o is inside the input folder study"],
    ),
    (
        "compare-table-is-input",
        ["compare", "facts.csv", "-o", ".", "--force"],
        ["facts.csv: -o is the input facts.csv"],
    ),
    (
        "import-into-input-folder",
        ["corpus", "import", "study", "-o", "study", "--force"],
        ["study: -o is the input study"],
    ),
    (
        "import-inside-input-folder",
        ["corpus", "import", "study", "-o", "study/copy"],
        ["study/copy: -o is inside the input folder study"],
    ),
    (
        "import-folder-holds-input",
        ["corpus", "import", "articles.csv", "-o", ".", "--force"],
        [".: -o folder holds the input articles.csv"],
    ),
    (
        "import-folder-not-empty",
        ["corpus", "import", "articles.csv", "-o", "occupied"],
        ["occupied: folder is not empty"],
    ),
    (
        "lexicon-same-file",
        ["lexicon", "import", "words.dic", "-o", "words.dic"],
        ["words.dic: -o is the input words.dic"],
    ),
    (
        "lexicon-output-is-folder",
        ["lexicon", "import", "words.dic", "-o", "somefolder"],
        ["somefolder: -o is an existing folder"],
    ),
]


@pytest.mark.parametrize("args, fragments", [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED])
def test_refused_output_changes_nothing(workdir: Path, args: list[str], fragments: list[str]) -> None:
    before = tree(workdir)
    if args[0] == "score":
        args = [*args, *TINY] if "-l" not in args else args
    result = run_main(*args)
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("framing: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""
    assert tree(workdir) == before  # inputs byte for byte, and no new (or half-written) file anywhere


def test_force_writes_tables_beside_other_files(workdir: Path) -> None:
    """`--force` lets compare write into a non-empty folder, and leaves what was there."""
    result = run_main("compare", "articles.csv", "-o", "occupied", "--force", "--quiet")
    assert result.exit_code == 0, result.stderr
    assert (workdir / "occupied" / "notes.txt").read_text() == "keep me\n"
    assert (workdir / "occupied" / "facts.csv").is_file() and (workdir / "occupied" / "stories.csv").is_file()


def test_empty_folder_and_outputs_beside_inputs_are_fine(workdir: Path) -> None:
    """The checks refuse only real clashes: an empty folder, or a file next to the input, is written."""
    assert run_main("compare", "articles.csv", "-o", "somefolder", "--quiet").exit_code == 0
    assert (workdir / "somefolder" / "omissions.csv").is_file()
    result = run_main("score", "study", *TINY, "-o", "study-scores.csv", "--evidence", "out/evidence.csv", "--quiet")
    assert result.exit_code == 0, result.stderr
    assert len(pd.read_csv(workdir / "study-scores.csv")) == 3 and (workdir / "out" / "evidence.csv").is_file()


def test_table_names_must_say_their_format():
    import pytest

    from framing.cli.outputs import check_table_names
    from framing.errors import FramingError

    check_table_names("scores.csv", None, "e.JSONL", "t.parquet")  # None: an output not asked for
    with pytest.raises(FramingError, match=r"^notes\.txt: unknown output format; use one of \.csv, \.json"):
        check_table_names("scores.csv", "notes.txt")
