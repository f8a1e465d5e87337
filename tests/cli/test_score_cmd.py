"""`framing score`: tables by suffix, evidence, summary, --quiet, --id-column, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from framing.cli import cli, main
from tests.cli.runner import run

DATA = Path(__file__).resolve().parents[1] / "scoring" / "data"
TINY = ["-l", str(DATA / "tiny-posture.yaml"), "-l", str(DATA / "tiny-loaded.yaml")]


@pytest.fixture()
def table_corpus(tmp_path):
    path = tmp_path / "articles.csv"
    pd.DataFrame(
        {
            "article_key": ["k-7", "k-3"],
            "outlet": ["Daily A", "Weekly B"],
            "title": ["One", "Two"],
            "date": ["2022-03-01", "2022-03-02"],
            "body": [
                "NATO will defend its allies. “Deterrence works and will keep working,” Jens Stoltenberg said.",
                "Critics claimed the massive buildup is an escalation.",
            ],
        }
    ).to_csv(path, index=False)
    return path


def test_bundled_corpus_scores_and_evidence(tmp_path):
    out, ev = tmp_path / "s.csv", tmp_path / "e.csv"
    result = run("score", "nato-eastern-flank-2022", "-o", str(out), "--evidence", str(ev))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("scored 5 articles")
    assert "evidence rows ->" in result.output
    table = pd.read_csv(out)
    assert len(table) == 5 and "frame.military-posture.balance" in table.columns
    evidence = pd.read_csv(ev, keep_default_na=False)
    assert {"frame", "loaded", "sentiment", "quote"} <= set(evidence["family"])


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".parquet"])
def test_format_by_suffix(tmp_path, table_corpus, suffix):
    out = tmp_path / f"s{suffix}"
    result = run("score", str(table_corpus), "--text-column", "body", *TINY, "-o", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    assert result.output == ""  # --quiet: no summary
    reader = {".json": pd.read_json, ".jsonl": lambda p: pd.read_json(p, lines=True), ".parquet": pd.read_parquet}[
        suffix
    ]
    assert len(reader(out)) == 2


def test_id_column_becomes_doc_id(tmp_path, table_corpus):
    out = tmp_path / "s.csv"
    result = run(
        "score",
        str(table_corpus),
        "--text-column",
        "body",
        "--id-column",
        "article_key",
        *TINY,
        "-o",
        str(out),
        "--jobs",
        "1",
    )
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    assert table["doc_id"].tolist() == ["k-7", "k-3"]
    assert table["quotes.speakers"].tolist()[0] == "Jens Stoltenberg"
    assert "no targets" in result.output


def test_no_progress_bar_when_not_on_a_terminal(tmp_path, table_corpus):
    result = CliRunner().invoke(
        cli,
        ["score", str(table_corpus), "--text-column", "body", *TINY, "-o", str(tmp_path / "s.csv")],
        catch_exceptions=False,
    )
    assert "scoring:" not in result.output and "article/s" not in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["-o", "{tmp}/s.txt"], "unknown output format"),
        (["--text-column", "body", "-l", "no-such-lexicon", "-o", "{tmp}/s.csv"], "no-such-lexicon"),
        (["--text-column", "nope", "-o", "{tmp}/s.csv"], "nope"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, table_corpus, capsys, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    with pytest.raises(SystemExit) as exited:
        main(["score", str(table_corpus), *args])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("framing: error:") and message in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("s.*"))


def test_help_lists_options():
    result = run("score", "--help")
    assert result.exit_code == 0
    for option in ("--lexicon", "--targets", "--output", "--evidence", "--quiet", "--jobs", "--id-column"):
        assert option in result.output


def test_many_articles_stream_to_the_same_files_the_api_gives(tmp_path, monkeypatch):
    # above one chunk and in worker processes, the evidence is written chunk by chunk as it comes
    from framing.scoring import pipeline

    monkeypatch.setattr(pipeline, "PARALLEL_MIN", 2)
    monkeypatch.setattr(pipeline, "CHUNK", 4)
    texts = [
        "NATO will defend its allies. “Deterrence works and will keep working,” Jens Stoltenberg said.",
        "Critics claimed the massive buildup is an escalation.",
        "A plain sentence about the weather.",
    ]
    source = tmp_path / "articles.csv"
    pd.DataFrame({"outlet": [f"Outlet {i % 3}" for i in range(15)], "body": [texts[i % 3] for i in range(15)]}).to_csv(
        source, index=False
    )
    out, ev = tmp_path / "s.csv", tmp_path / "e.jsonl"
    result = run(
        "score", str(source), "--text-column", "body", *TINY, "-o", str(out), "--evidence", str(ev), "--jobs", "2"
    )
    assert result.exit_code == 0, result.output
    import framing
    from framing.io import table_bytes

    scores = framing.score(framing.load_corpus(source, text_column="body"), lexicons=TINY[1::2], n_jobs=1)
    assert out.read_bytes() == table_bytes(scores.table, ".csv")
    assert ev.read_bytes() == table_bytes(scores.evidence, ".jsonl")
    assert f"{len(scores.evidence):,} evidence rows" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.csv", "e.jsonl", "s.csv"]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_a_streamed_table_gives_the_same_bytes_whatever_the_chunk_size(tmp_path, monkeypatch, suffix):
    from framing.corpus.readers import chunks
    from tests.corpus.streams import write_tables

    source = write_tables(tmp_path)["jsonl"]
    outputs = {}
    for rows in (1000, 3):
        monkeypatch.setattr(chunks, "CHUNK_ROWS", rows)
        out, ev = tmp_path / f"s{rows}{suffix}", tmp_path / f"e{rows}{suffix}"
        result = run("score", str(source), "--id-column", "id", *TINY, "-o", str(out), "--evidence", str(ev))
        assert result.exit_code == 0, result.output
        assert result.output.startswith("scored 13 articles (")
        outputs[rows] = (out.read_bytes(), ev.read_bytes())
    assert outputs[3] == outputs[1000]


def test_a_folder_of_parquet_parts_scores_like_the_table(tmp_path):
    from tests.corpus.streams import write_tables

    paths = write_tables(tmp_path)
    tables = {}
    for name in ("csv", "parts"):
        out = tmp_path / f"{name}.csv"
        result = run("score", str(paths[name]), "--id-column", "id", *TINY, "-o", str(out))
        assert result.exit_code == 0, result.output
        tables[name] = out.read_bytes()
    assert tables["csv"] == tables["parts"]
