"""`framing report`: default corpus and path, the path printed, a re-run command that reproduces the file."""

from __future__ import annotations

import shlex

import pandas as pd
import pytest
from click.testing import CliRunner

from framing.cli import cli, main
from tests.cli.runner import run


@pytest.fixture()
def table_corpus(tmp_path):
    path = tmp_path / "articles.csv"
    pd.DataFrame(
        {
            "key": ["k-1", "k-2", "k-3"],
            "source": ["Daily A", "Weekly B", "Daily A"],
            "title": ["One", "Two", "Three"],
            "date": ["2022-03-01", "2022-03-02", "2022-03-03"],
            "body": [
                "NATO will defend its allies. “Deterrence works,” Jens Stoltenberg said.",
                "Critics claimed the massive buildup is an escalation against Russia.",
                "The alliance sent more troops; Moscow called it a provocation.",
            ],
        }
    ).to_csv(path, index=False)
    return path


def test_default_corpus_and_default_output_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("report")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "reports/nato-eastern-flank-2022.html"
    page = (tmp_path / "reports" / "nato-eastern-flank-2022.html").read_text(encoding="utf-8")
    assert (tmp_path / "reports" / "nato-eastern-flank-2022.html.json").read_text(encoding="utf-8").startswith("{")
    assert 'id="provenance"' in page
    assert "framing report nato-eastern-flank-2022 -o reports/nato-eastern-flank-2022.html" in page


def test_provenance_command_reproduces_the_report_byte_for_byte(table_corpus, tmp_path):
    out = tmp_path / "r.html"
    result = run(
        "report",
        str(table_corpus),
        "-o",
        str(out),
        "--text-column",
        "body",
        "--outlet-column",
        "source",
        "--id-column",
        "key",
        "--title",
        "Two 'papers'",
        "--max-articles",
        "2",
        "-l",
        "military-posture",
        "-l",
        "loaded-language",
    )
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out)
    first = out.read_bytes()
    command = shlex.split(
        first.decode()
        .split('<pre class="command"><code>', 1)[1]
        .split("</code>", 1)[0]
        .replace("&#39;", "'")
        .replace("&quot;", '"')
        .replace("&amp;", "&")
        .replace("&#34;", '"')
    )
    assert command[:3] == ["framing", "report", str(table_corpus)]
    assert "--title" in command and "--max-articles" in command and command.count("--lexicon") == 2
    out.unlink()
    again = run(*command[1:])
    assert again.exit_code == 0, again.output
    assert out.read_bytes() == first
    page = first.decode()
    assert "Showing 2 of 3 articles" in page and "<title>Two &#39;papers&#39;</title>" in page


def test_bad_corpus_is_one_line_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["report", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "r.html")])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("framing: error:") and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("r.html*"))


def test_negative_max_articles_is_refused(tmp_path):
    result = CliRunner().invoke(cli, ["report", "--max-articles", "-1", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "max-articles" in result.output


def test_help_lists_every_option():
    result = run("report", "--help")
    assert result.exit_code == 0
    for option in (
        "--output",
        "--lexicon",
        "--targets",
        "--title",
        "--timestamp",
        "--max-articles",
        "--text-column",
        "--outlet-column",
        "--id-column",
        "--title-column",
        "--date-column",
    ):
        assert option in result.output
