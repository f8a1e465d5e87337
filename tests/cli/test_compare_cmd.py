"""`framing compare`: one table per aspect in CSV or Parquet, a short summary, one-line errors."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from framing.cli import cli, main
from framing.comparison.pipeline import TABLES
from tests.cli.runner import run


def test_bundled_corpus_writes_every_table_and_a_summary(tmp_path):
    out = tmp_path / "out"
    result = run("compare", "nato-eastern-flank-2022", "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "5 articles, 5 outlets, 1 stories (1 covered by more than one outlet)"
    assert lines[1].startswith("most similar: ") and lines[2].startswith("least similar: ")
    assert lines[3].startswith("facts aligned across outlets: ")
    assert lines[4] == "duplicates found: 0 article copies, 0 copied paragraphs"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.csv" for name in TABLES)
    facts = pd.read_csv(out / "facts.csv")
    assert {"fact", "doc_id", "outlet", "sentence", "start", "end", "text"} <= set(facts.columns)
    assert int(lines[3].rsplit(" ", 1)[1]) == facts["fact"].nunique()
    similarity = pd.read_csv(out / "outlet_similarity.csv")
    assert similarity.columns[0] == "outlet" and len(similarity) == 5


def test_parquet_and_fixed_number_of_stories(tmp_path):
    out = tmp_path / "pq"
    result = run("compare", "nato-eastern-flank-2022", "-o", str(out), "--format", "parquet", "--stories", "2")
    assert result.exit_code == 0, result.output
    assert "2 stories" in result.output
    stories = pd.read_parquet(out / "stories.parquet")
    assert stories["story"].nunique() == 2


def test_output_is_byte_identical_on_rerun(tmp_path):
    run("compare", "nato-eastern-flank-2022", "-o", str(tmp_path / "one"), "--quiet")
    run("compare", "nato-eastern-flank-2022", "-o", str(tmp_path / "two"), "--quiet")
    for name in TABLES:
        assert (tmp_path / "one" / f"{name}.csv").read_bytes() == (tmp_path / "two" / f"{name}.csv").read_bytes()


def test_table_corpus_with_column_options(tmp_path):
    path = tmp_path / "articles.csv"
    pd.DataFrame(
        {
            "key": ["k1", "k2"],
            "source": ["Daily A", "Weekly B"],
            "title": ["", ""],
            "date": ["2022-03-01", "2022-03-02"],
            "body": [
                "NATO will send 300 tanks and armoured vehicles to Poland by May, officials said on Monday.",
                "By May, 300 tanks and armoured vehicles will reach Poland, NATO officials said.",
            ],
        }
    ).to_csv(path, index=False)
    result = run(
        "compare",
        str(path),
        "-o",
        str(tmp_path / "out"),
        "--id-column",
        "key",
        "--outlet-column",
        "source",
        "--text-column",
        "body",
    )
    assert result.exit_code == 0, result.output
    assert "2 articles, 2 outlets" in result.output
    assert "facts aligned across outlets: 1" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["compare", "no-such-corpus", "-o", "x"], "no-such-corpus"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, message, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_option_value_is_rejected(tmp_path):
    result = CliRunner().invoke(cli, ["compare", "nato-eastern-flank-2022", "-o", str(tmp_path), "--stories", "0"])
    assert result.exit_code == 2
    assert "--stories" in result.output


def test_thresholds_scope_and_marked_words(tmp_path):
    out = tmp_path / "marked"
    result = run(
        "compare",
        "nato-eastern-flank-2022",
        "-o",
        str(out),
        "--mark-words",
        "--outlet-scope",
        "story",
        "--story-threshold",
        "0.1",
        "--align-threshold",
        "0.35",
        "--quiet",
    )
    assert result.exit_code == 0, result.output
    assert result.output == ""
    facts = pd.read_csv(out / "facts.csv", keep_default_na=False)
    assert (facts["frame_words"] != "").any() and (facts["marks"] != "").any()
    strict = facts["fact"].nunique()
    run("compare", "nato-eastern-flank-2022", "-o", str(tmp_path / "loose"), "--align-threshold", "0.2", "--quiet")
    assert pd.read_csv(tmp_path / "loose" / "facts.csv")["fact"].nunique() > strict
