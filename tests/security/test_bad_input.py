"""Every class of bad input, one table: one line naming the file and what to do, exit 2, nothing written.

Each row names a builder in bad_inputs.py, the file the message must name and
words of the hint it must give (the hint says what is really wrong, not a
parser's guess). Rows marked `ok` are documented successes: framing reads
the file (UTF-16 with or without a byte-order mark, Latin-1) or creates the
folders it needs.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.runner import run_main
from tests.security import bad_inputs

ERRORS = {
    "nonexistent": ("missing.csv", "no such file or folder"),
    "empty_csv": ("empty.csv", "the file is empty"),
    "empty_jsonl": ("empty.jsonl", "the file is empty"),
    "empty_folder": ("nothing", "no articles found"),
    "binary_csv": ("data.csv", "binary file"),
    "binary_jsonl": ("data.jsonl", "binary file"),
    "binary_md": ("bad.md", "binary file"),
    "malformed_front_matter": ("a.md", "malformed front matter"),
    "missing_outlet": ("no-outlet.csv", "no column 'outlet'"),
    "empty_text": ("empty-text.csv", "the article text is empty"),
    "duplicate_ids": ("dupes.csv", "duplicate id"),
    "duplicate_ids_across_files": ("story.txt", "duplicate id"),
    "duplicate_ids_in_front_matter": ("two.md", "duplicate id"),
    "unknown_column": ("good.csv", "no column 'body'"),
    "ragged_csv": ("ragged.csv", "row 2"),
    "broken_jsonl_line": ("broken.jsonl", "line 2: not valid JSON"),
    "truncated_gzip": ("cut.jsonl.gz", "not a valid gzip file"),
    "corrupted_parquet": ("table.parquet", "not a readable Parquet file"),
    "deeply_nested_json": ("nested.jsonl", "nested too deeply"),
    "malformed_lexicon_yaml": ("bad.yaml", "not valid YAML"),
    "malformed_dic": ("bad.dic", "malformed header line"),
    "malformed_targets": ("targets.yaml", "not valid YAML"),
    "non_utf8_lexicon": ("latin1.yaml", "not UTF-8"),
    "lexicon_bare_wildcard": ("star.yaml", "bare '*'"),
    "output_into_read_only_folder": ("locked/out.csv", "cannot write here"),
    "output_under_a_file": ("notes.txt", "is a file, not a folder"),
    "output_is_a_folder": ("outdir", "existing folder, not a file"),
    "evidence_is_a_folder": ("evdir", "existing folder, not a file"),
    "output_is_the_input": ("good.csv", "is the input"),
    "report_output_is_the_input": ("good.csv", "is the input"),
    "compare_output_is_a_file": ("notes.txt", "must be a folder"),
    "article_over_the_size_limit": ("huge.csv", "split it into its articles"),
}
SUCCESSES = {
    "utf16_with_bom": "out.csv",
    "utf16le_without_bom": "out.csv",
    "latin1": "out.csv",
    "output_into_missing_folder": "new/deeper/out.csv",
}


def test_the_table_covers_every_builder():
    builders = {
        name
        for name in dir(bad_inputs)
        if callable(getattr(bad_inputs, name))
        and getattr(getattr(bad_inputs, name), "__module__", "") == bad_inputs.__name__
    }
    assert builders - {"write", "score"} == set(ERRORS) | set(SUCCESSES)
    assert len(ERRORS) + len(SUCCESSES) >= 30


def run_case(name: str, folder: Path, monkeypatch: pytest.MonkeyPatch):
    arguments = getattr(bad_inputs, name)(folder)
    before = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    monkeypatch.chdir(folder)  # the cases name their outputs relative to their folder
    return run_main(*arguments), before


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_bad_input_gets_one_line_exit_2_and_nothing_written(tmp_path, monkeypatch, name):
    if name == "output_into_read_only_folder" and os.geteuid() == 0:  # root writes anywhere: the OS's refusal, stubbed

        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("framing.io.tempfile.mkstemp", refuse)
    where, hint = ERRORS[name]
    outcome, before = run_case(name, tmp_path, monkeypatch)
    lines = outcome.stderr.strip().splitlines()
    assert outcome.exit_code == 2, (outcome.exit_code, outcome.stderr[-1500:])
    assert len(lines) == 1 and lines[0].startswith("framing: error: "), lines[:5]
    assert where in lines[0] and hint in lines[0], lines[0]
    assert "Traceback" not in outcome.stderr
    after = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    assert after == before, sorted(set(map(str, after)) ^ set(map(str, before)))


@pytest.mark.parametrize("name", sorted(SUCCESSES))
def test_documented_successes_read_the_file_and_write_the_output(tmp_path, monkeypatch, name):
    outcome, _ = run_case(name, tmp_path, monkeypatch)
    assert outcome.exit_code == 0, outcome.stderr[-1500:]
    output = tmp_path / SUCCESSES[name]
    assert output.is_file() and output.stat().st_size > 0
    if name != "output_into_missing_folder":  # the decoded text is the real text, not mojibake or NULs
        text = output.read_text(encoding="utf-8")
        assert "\x00" not in text and "Daily One" in text
        if name == "latin1":
            assert "Café Presse" in text
