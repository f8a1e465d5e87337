"""Phase lines: shown on a terminal, never off one or with --quiet; the report's bytes do not depend on them."""

from __future__ import annotations

import io

from framing.cli.progress import Phases
from tests.cli.runner import run_main


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_phases_are_printed_on_a_terminal_with_the_seconds_since_the_start():
    stream = _Terminal()
    phases = Phases("report", stream=stream)
    phases.step("scoring 5 articles")
    phases.step("comparing the outlets")
    lines = stream.getvalue().splitlines()
    assert [line.split("... (")[0] for line in lines] == [
        "framing report: scoring 5 articles",
        "framing report: comparing the outlets",
    ]
    assert all(line.endswith(" s)") for line in lines)


def test_quiet_or_not_a_terminal_prints_nothing():
    on_terminal, in_pipe = _Terminal(), io.StringIO()
    Phases("report", quiet=True, stream=on_terminal).step("scoring")
    Phases("report", stream=in_pipe).step("scoring")
    assert on_terminal.getvalue() == "" and in_pipe.getvalue() == ""


def test_a_closed_stream_counts_as_no_terminal():
    stream = io.StringIO()
    stream.close()  # its isatty() now raises ValueError
    assert Phases("report", stream=stream).shown is False


def test_quiet_report_writes_the_same_page_and_is_left_out_of_the_rerun_command(tmp_path):
    plain = run_main("report", "nato-eastern-flank-2022", "-o", str(tmp_path / "a.html"))
    quiet = run_main("report", "nato-eastern-flank-2022", "-o", str(tmp_path / "b.html"), "--quiet")
    assert plain.exit_code == quiet.exit_code == 0
    assert quiet.stderr == "" and plain.stderr == ""  # off a terminal: no phase lines either way
    page_a = (tmp_path / "a.html").read_text(encoding="utf-8").replace("a.html", "OUT")
    page_b = (tmp_path / "b.html").read_text(encoding="utf-8").replace("b.html", "OUT")
    assert "--quiet" not in page_b
    assert page_a == page_b


def test_quiet_exercise_is_accepted_and_silent(tmp_path):
    outcome = run_main("exercise", "nato-eastern-flank-2022", "-o", str(tmp_path / "w.html"), "--quiet")
    assert outcome.exit_code == 0 and outcome.stderr == ""
    assert (tmp_path / "w.html").is_file()
