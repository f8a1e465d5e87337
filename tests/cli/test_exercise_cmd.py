"""`framing exercise`: writes the worksheet and key, honours --sources and --seed, fails cleanly."""

from __future__ import annotations

import pytest

from framing.cli import main
from tests.cli.runner import run


def test_exercise_writes_worksheet_and_key(tmp_path):
    out, key = tmp_path / "w.html", tmp_path / "k.html"
    result = run("exercise", "-o", str(out), "--key", str(key))
    assert result.exit_code == 0, result.output
    assert "sources A-E (5), 5 tasks" in result.output and str(key) in result.output
    sheet, answers = out.read_text(encoding="utf-8"), key.read_text(encoding="utf-8")
    assert "Source E" in sheet and "Defense News" not in sheet and "Washington Examiner" not in sheet
    assert "Defense News" in answers and "Teacher's guide" in answers


def test_exercise_sources_and_seed_are_reproducible(tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    for target in (first, second):
        result = run("exercise", "nato-eastern-flank-2022", "-o", str(target), "--sources", "3", "--seed", "7")
        assert result.exit_code == 0, result.output
        assert "sources A-C (3)" in result.output
    assert first.read_bytes() == second.read_bytes()
    assert 'id="source-C"' in first.read_text(encoding="utf-8")
    assert 'id="source-D"' not in first.read_text(encoding="utf-8")


def test_exercise_bad_sources_is_one_line_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["exercise", "-o", str(tmp_path / "w.html"), "--sources", "9"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("framing: error: --sources 9") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "w.html").exists()


def test_exercise_missing_corpus_is_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["exercise", str(tmp_path / "nope"), "-o", str(tmp_path / "w.html")])
    assert exited.value.code == 2
    assert capsys.readouterr().err.startswith("framing: error:")


def test_exercise_help_lists_options():
    result = run("exercise", "--help")
    assert result.exit_code == 0
    for option in ("--key", "--sources", "--lexicon", "--targets", "--seed", "--text-column", "--outlet-column"):
        assert option in result.output
