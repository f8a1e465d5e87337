"""`framing corpus list | info | import`, and one-line errors (exit code 2) for bad input."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ has the shared file writers
from framing.cli import cli, main
from framing.corpus.model import load_corpus
from tests.corpus.fixtures import HTML_PAGE, article_file, write_csv, write_jsonl, write_parquet  # noqa: E402


def run(args):
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def run_main(args, capsys):
    """Run the real entry point (which turns FramingError into exit code 2)."""
    with pytest.raises(SystemExit) as exited:
        main(args)
    captured = capsys.readouterr()
    return exited.value.code, captured.out, captured.err


def test_list_shows_the_bundled_corpus():
    output = run(["corpus", "list"])
    assert output.startswith("nato-eastern-flank-2022\t5 articles, 5 outlets\t")


def test_info_shows_one_row_per_article_with_outlets():
    lines = run(["corpus", "info", "nato-eastern-flank-2022"]).splitlines()
    assert lines[0] == "nato-eastern-flank-2022: 5 articles, 5 outlets"
    assert lines[1].split() == ["doc_id", "outlet", "date", "title", "words", "sentences", "boilerplate"]
    rows = lines[2:]
    assert len(rows) == 5
    assert rows[0].startswith("000-defense-news") and "Defense News" in rows[0] and "2022-03-16" in rows[0]
    assert "Washington Examiner" in rows[1] and "NATO calls extraordinary meeting" in rows[1]
    assert "Unattributed report A (Telegraph interview)" in rows[2]
    assert rows[4].split()[-1] == "3" and "Antiwar.com" in rows[4]


def test_info_boilerplate_lists_removed_lines_with_reasons():
    output = run(["corpus", "info", "nato-eastern-flank-2022", "--boilerplate"])
    assert "001-washington-examiner  read_more       CLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER" in output
    assert "More In Europe" in output and "Image: NATO" not in output.split("reasons:")[1]
    assert "reasons:\n  all_caps_promo: " in output


@pytest.mark.parametrize(
    "writer,name", [(write_csv, "t.csv"), (write_jsonl, "t.jsonl.gz"), (write_parquet, "t.parquet")]
)
def test_info_reads_tables_with_column_options(tmp_path, writer, name):
    output = run(["corpus", "info", str(writer(tmp_path / name)), "--id-column", "id"])
    assert "t: 3 articles, 2 outlets" in output
    assert "a3" in output and "Valley Post" in output


def test_info_reads_a_folder_of_saved_pages(tmp_path):
    (tmp_path / "baltic.html").write_text(HTML_PAGE, encoding="utf-8")
    output = run(["corpus", "info", str(tmp_path)])
    assert "baltic" in output and "The Harbour Gazette" in output and "2022-04-12" in output


def test_import_writes_an_editable_folder_that_loads_back(tmp_path):
    table = write_csv(tmp_path / "t.csv")
    out = tmp_path / "corpora" / "study"
    output = run(["corpus", "import", str(table), "-o", str(out), "--id-column", "id"])
    assert output == f"wrote 3 articles to {out}\n"
    assert sorted(p.name for p in out.iterdir()) == ["a1.md", "a2.md", "a3.md", "corpus.yaml"]
    assert (out / "a1.md").read_text(encoding="utf-8").startswith("---\noutlet: Harbour Gazette\ntitle: Allies meet\n")
    original, again = load_corpus(table, id_column="id"), load_corpus(out)
    assert again.name == "study"
    cols = ["doc_id", "outlet", "title", "date", "author", "url", "text", "clean_text", "section"]
    assert again.articles[cols].equals(original.articles[cols])
    assert again.articles["date_raw"].tolist() == ["", "", "not a date"]
    assert not list(tmp_path.glob("corpora/.study*"))  # no temporary folder left behind


def test_import_encodes_ids_that_cannot_be_file_names_and_loading_decodes_them(tmp_path):
    ids = ["a/b", "a_b", "README", "readme.md", "_draft", ".hidden", "CON", "x" * 300, "Ünï cödé", "story", "STORY"]
    path = tmp_path / "t.jsonl"
    write_jsonl(path, [{"id": doc_id, "outlet": "P", "text": f"Text {n}."} for n, doc_id in enumerate(ids)])
    out = tmp_path / "o"
    run(["corpus", "import", str(path), "-o", str(out), "--id-column", "id"])
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == len(ids) + 1 and all(len(name.encode("utf-8")) < 255 for name in names)
    assert not any(name.upper().startswith("README") or name.startswith(("_", ".")) for name in names)
    again = load_corpus(out).articles
    original = load_corpus(path, id_column="id").articles
    assert sorted(again["doc_id"]) == sorted(ids) and "source_id" not in again.columns
    by_id = again.set_index("doc_id")["text"]
    assert all(by_id[row.doc_id] == row.text for row in original.itertuples())
    assert (out / "a_b.md").read_text(encoding="utf-8").startswith("---\noutlet: P\nsource_id: a/b\n")


def test_import_refuses_a_non_empty_folder_unless_forced(tmp_path, capsys):
    table = write_csv(tmp_path / "t.csv")
    out = tmp_path / "o"
    out.mkdir()
    (out / "keep.md").write_text("mine", encoding="utf-8")
    code, _, err = run_main(["corpus", "import", str(table), "-o", str(out)], capsys)
    assert (
        code == 2
        and err == f"framing: error: {out}: folder is not empty; choose a new folder or pass --force to replace it\n"
    )
    assert (out / "keep.md").read_text(encoding="utf-8") == "mine"
    run(["corpus", "import", str(table), "-o", str(out), "--force"])
    assert not (out / "keep.md").exists() and (out / "row-000001.md").is_file()


def _bad_inputs():
    """name -> (files to write, path argument relative to tmp_path, extra args, text the message must contain)."""
    return {
        "missing outlet in file": ({"a.md": article_file(outlet=None)}, ".", [], "a.md: no 'outlet'"),
        "missing outlet in row": ({"t.csv": "outlet,text\nP,One.\n,Two.\n"}, "t.csv", [], "t.csv row 2: no outlet"),
        "empty text": ({"a.md": article_file(text="\n \n")}, ".", [], "a.md: the article text is empty"),
        "whitespace text in row": (
            {"t.csv": 'outlet,text\nP,"  "\n'},
            "t.csv",
            [],
            "t.csv row 1: the article text is empty",
        ),
        "duplicate ids": (
            {"t.jsonl": '{"id":1,"outlet":"P","text":"a"}\n{"id":1,"outlet":"P","text":"b"}\n'},
            "t.jsonl",
            ["--id-column", "id"],
            "t.jsonl row 1, ",
        ),
        "undecodable bytes": ({"a.txt": bytes(range(128, 256)) * 3}, ".", [], "a.txt: cannot decode the bytes"),
        "binary file": (
            {"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8"},
            ".",
            [],
            "a.txt: this is a binary file",
        ),
        "malformed yaml": ({"a.md": '---\noutlet: X\ntitle: "open\n---\nText.'}, ".", [], "a.md line "),
        "unterminated front matter": ({"a.md": "---\noutlet: X\nText."}, ".", [], "a.md line 1: the front matter"),
        "bad date in file": (
            {"a.md": "---\noutlet: X\n\ndate: 2022-31-31\n---\nT."},
            ".",
            [],
            "a.md line 4: cannot read the date",
        ),
        "unknown column": ({"t.csv": "outlet,body\nP,One.\n"}, "t.csv", [], "the columns are: outlet, body"),
        "missing path": ({}, "nothing-here", [], "nothing-here: no such file or folder"),
        "unsupported suffix": ({"a.xlsx": b"PK\x03\x04"}, "a.xlsx", [], "a.xlsx: unsupported file type '.xlsx'"),
        "empty corpus": ({"notes.yaml": "x: 1\n"}, ".", [], "no articles found"),
        "invalid json line": (
            {"t.jsonl": '{"outlet":"P","text":"a"}\n{oops\n'},
            "t.jsonl",
            [],
            "t.jsonl line 2: not valid JSON",
        ),
        "bad gzip": ({"t.jsonl.gz": b"not gzip at all"}, "t.jsonl.gz", [], "t.jsonl.gz: not a valid gzip file"),
        "truncated gzip": (
            {"t.jsonl.gz": gzip.compress(b'{"outlet":"P","text":"x"}\n' * 500, mtime=0)[:60]},
            "t.jsonl.gz",
            [],
            "t.jsonl.gz: not a valid gzip file",
        ),
        "malformed csv": (
            {"t.csv": 'outlet,text\nP,"unclosed quote\n'},
            "t.csv",
            [],
            "t.csv: not a readable CSV table",
        ),
        "bad parquet": ({"t.parquet": b"PAR1 broken"}, "t.parquet", [], "t.parquet: not a readable Parquet file"),
        "page without outlet": (
            {
                "p.html": HTML_PAGE.replace('<meta property="og:site_name" content="The Harbour Gazette">', "")
                .replace(" | The Harbour Gazette", "")
                .replace('rel="canonical"', 'rel="x"')
            },
            ".",
            [],
            "p.html: the page names no outlet",
        ),
    }


@pytest.mark.parametrize("case", sorted(_bad_inputs()))
def test_bad_input_is_one_line_exit_2_no_traceback(tmp_path, capsys, case):
    files, target, extra, expected = _bad_inputs()[case]
    folder = tmp_path / "in"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    code, out, err = run_main(["corpus", "info", str(folder / target), *extra], capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("framing: error: ") and err.count("\n") == 1, err
    assert expected in err
    assert "Traceback" not in err
