"""Same inputs, same bytes: across hash seeds, worker counts and working directories.

Each command runs twice in fresh processes that differ in everything that
should not matter: `PYTHONHASHSEED` (set iteration order), the folder it runs
in, and for `framing score` the number of worker processes (one process
against two, on a corpus large enough to be split across them). Every file
written must be identical, byte for byte.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from framing.scoring.pipeline import PARALLEL_MIN
from tests.security.commands import score_to_files

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = "nato-eastern-flank-2022"
COPIES = 48  # 5 articles x 48 = 240, above the pipeline's PARALLEL_MIN, so --jobs 2 really uses two workers


def run(folder: Path, seed: str, *arguments: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "framing", *arguments],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, (arguments, done.stderr[-2000:])


def files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def assert_same(first: Path, second: Path) -> None:
    one, two = files(first), files(second)
    assert sorted(one) == sorted(two) and one, (sorted(one), sorted(two))
    different = [name for name in one if one[name] != two[name]]
    assert not different, different


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory, nato_corpus) -> Path:
    """The bundled articles repeated with new ids, as one CSV both runs read by absolute path."""
    articles = nato_corpus.articles
    table = pd.concat([articles.assign(doc_id=articles["doc_id"] + f"-copy{copy:02d}") for copy in range(COPIES)])
    assert len(table) > PARALLEL_MIN
    path = tmp_path_factory.mktemp("input") / "input-articles.csv"
    table[["doc_id", "outlet", "title", "date", "text"]].to_csv(path, index=False)
    return path


def test_score_is_identical_with_one_or_two_workers_any_seed_any_folder(tmp_path, big_corpus):
    for folder, seed, jobs in ((tmp_path / "a", "0", "1"), (tmp_path / "elsewhere" / "b", "4242", "2")):
        run(folder, seed, *score_to_files(big_corpus, jobs))
    assert_same(tmp_path / "a", tmp_path / "elsewhere" / "b")


@pytest.mark.parametrize(
    "command",
    [
        ("report", BUNDLED, "-o", "report.html"),
        ("compare", BUNDLED, "-o", "tables"),
        ("exercise", BUNDLED, "-o", "worksheet.html", "--key", "key.html"),
    ],
    ids=lambda command: command[0],
)
def test_bundled_outputs_are_identical_for_any_seed_and_folder(tmp_path, command):
    run(tmp_path / "a", "1", *command)
    run(tmp_path / "deeper" / "b", "987654", *command)
    assert_same(tmp_path / "a", tmp_path / "deeper" / "b")
