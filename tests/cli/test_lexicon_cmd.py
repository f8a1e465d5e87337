"""`framing lexicon`: list, show, validate (exit 2 on errors), import .dic atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.cli import main
from framing.lexicons.model import load_lexicon
from tests.cli.runner import run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def run_main(capsys, *args):
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    out = capsys.readouterr()
    return exited.value.code, out.out, out.err


def test_list_shows_the_builtins():
    result = run("lexicon", "list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["loaded-language", "military-posture", "policy-frames"]
    assert "5 categories" in lines[1]


def test_show_prints_categories_counts_and_contrasts():
    result = run("lexicon", "show", "military-posture")
    assert result.exit_code == 0
    lexicon = load_lexicon("military-posture")
    for category in lexicon.categories.values():
        assert f"{category.name}" in result.output and f"{len(category.entries)} entries" in result.output
    assert "balance: defensive (+) vs buildup (-)" in result.output
    assert lexicon.sha256 in result.output and "licence: CC-BY-4.0" in result.output


def test_show_entries_and_pattern_categories():
    result = run("lexicon", "show", "loaded-language", "--entries")
    assert result.exit_code == 0
    assert "pattern scare_quotes" in result.output and "desperately" in result.output


def test_show_a_dic_file():
    result = run("lexicon", "show", str(FIXTURES / "lexicon_moral_style.dic"))
    assert result.exit_code == 0 and "CareVirtue" in result.output


def test_validate_a_good_file():
    result = run("lexicon", "validate", str(FIXTURES / "lexicon_moral_style.dic"))
    assert result.exit_code == 0
    assert "valid frames lexicon: 4 categories" in result.output and "0 warnings" in result.output


def test_validate_prints_warnings_and_exits_0(tmp_path):
    path = tmp_path / "w.dic"
    path.write_text("%\n1\tA\n2\tB\n%\nde*fense\t1\nbuildup\t1 2\n", encoding="utf-8")
    result = run("lexicon", "validate", str(path))
    assert result.exit_code == 0
    assert f"warning: {path}:5: A: 'de*fense' has a wildcard that is not at the end" in result.output
    assert "1 warning" in result.output


def test_validate_errors_exit_2_with_the_line(capsys):
    code, out, err = run_main(capsys, "lexicon", "validate", str(FIXTURES / "lexicon_bad_unknown_code.dic"))
    assert code == 2
    assert err.startswith("framing: error: ") and "lexicon_bad_unknown_code.dic:7: unknown category code 7" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_validate_yaml_error_exit_2(tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "name: x\ndescription: d\nversion: '1'\nsource: s\nlicence: MIT\ncategories:\n"
        "  a:\n    description: d\n    colour: red\n    entries: [x]\n",
        encoding="utf-8",
    )
    code, _, err = run_main(capsys, "lexicon", "validate", str(path))
    assert code == 2 and "bad.yaml:9: category 'a': colour 'red' is not a hex colour" in err


def test_import_writes_yaml_that_loads(tmp_path):
    out = tmp_path / "sub" / "moral.yaml"
    result = run(
        "lexicon",
        "import",
        str(FIXTURES / "lexicon_moral_style.dic"),
        "-o",
        str(out),
        "--name",
        "moral-test",
        "--description",
        "Test import",
        "--licence",
        "MIT",
        "--source",
        "tests",
    )
    assert result.exit_code == 0, result.output
    assert f"wrote {out}: 4 categories" in result.output
    lexicon = load_lexicon(out)
    assert (lexicon.name, lexicon.description, lexicon.licence, lexicon.source) == (
        "moral-test",
        "Test import",
        "MIT",
        "tests",
    )
    assert [e.term for e in lexicon.categories["CareVirtue"].entries][:2] == ["safe*", "protect*"]
    assert not list(out.parent.glob(".*.tmp"))


def test_import_is_reproducible(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    for target in (a, b):
        assert run("lexicon", "import", str(FIXTURES / "lexicon_moral_style.dic"), "-o", str(target)).exit_code == 0
    assert a.read_bytes() == b.read_bytes()


def test_import_of_a_bad_file_writes_nothing(tmp_path, capsys):
    out = tmp_path / "x.yaml"
    code, _, err = run_main(
        capsys, "lexicon", "import", str(FIXTURES / "lexicon_bad_empty_category.dic"), "-o", str(out)
    )
    assert code == 2 and "has no entries" in err
    assert not out.exists()


def test_unknown_lexicon_exit_2(capsys):
    code, _, err = run_main(capsys, "lexicon", "show", "no-such-lexicon")
    assert code == 2 and "built-ins are loaded-language, military-posture, policy-frames" in err


def test_validate_on_the_bundled_corpus_prints_the_table_and_suggestions(tmp_path):
    out = tmp_path / "suggestions.yaml"
    result = run(
        "lexicon", "validate", "military-posture", "--corpus", "nato-eastern-flank-2022", "--suggestions", str(out)
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "military-posture 1.1 on nato-eastern-flank-2022: 5 articles, 2,271 words" in lines
    header = next(line for line in lines if line.startswith("category"))
    assert header.split() == [
        "category",
        "entries",
        "hits",
        "per",
        "1k",
        "words",
        "articles",
        "hit",
        "top-3",
        "share",
        "alpha",
        "[95%]",
        "KR-20",
        "[95%]",
        "k",
        "n",
    ]
    assert (
        "defensive             41    37          16.3          100%          38%  0.61 [-0.15, 0.95]" in result.output
    )
    assert any(line.startswith("defensive ") for line in lines) and "  top terms: defend (5)" in result.output
    assert "  Russian threat: putin (4), russian (4)" in result.output and f"wrote {out}" in result.output
    # "military" and "permanent" are the words of buildup's own entry "permanent military": never proposed
    assert "  buildup: none passed the thresholds" in result.output
    import yaml

    assert "putin" in yaml.safe_load(out.read_text(encoding="utf-8"))["categories"]["russian_threat"]["entries"]


def test_validate_with_a_corpus_is_the_same_bytes_twice(tmp_path):
    outputs = []
    for name in ("a.yaml", "b.yaml"):
        result = run(
            "lexicon",
            "validate",
            "military-posture",
            "--corpus",
            "nato-eastern-flank-2022",
            "--suggestions",
            str(tmp_path / name),
        )
        outputs.append(result.output.replace(name, ""))
    assert outputs[0] == outputs[1]
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "b.yaml").read_bytes()


def test_validate_without_suggestions_file_says_how_to_write_them():
    result = run("lexicon", "validate", "military-posture", "--corpus", "nato-eastern-flank-2022", "--top", "2")
    assert result.exit_code == 0
    assert "--suggestions FILE.yaml writes them" in result.output
    assert "  Russian threat: putin (4), russian (4)\n" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-lexicon", "--corpus", "nato-eastern-flank-2022"], "no-such-lexicon: no such lexicon file"),
        (["military-posture", "--corpus", "/no/such/corpus"], "/no/such/corpus"),
        (["military-posture", "--suggestions", "s.yaml"], "s.yaml: --suggestions needs --corpus"),
        (
            ["military-posture", "--corpus", "nato-eastern-flank-2022", "--suggestions", "s.txt"],
            "s.txt: --suggestions writes YAML",
        ),
        (["military-posture", "--table", "t.csv"], "t.csv: --table needs --corpus"),
        (
            ["military-posture", "--corpus", "nato-eastern-flank-2022", "--table", "t.txt"],
            "t.txt: --table writes a table",
        ),
    ],
)
def test_validate_bad_input_is_one_line_and_exit_2(capsys, args, message):
    code, out, err = run_main(capsys, "lexicon", "validate", *args)
    assert code == 2 and message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_validate_prints_category_labels_and_keeps_the_keys_in_the_table_file(tmp_path):
    import pandas as pd

    table = tmp_path / "categories.csv"
    result = run(
        "lexicon", "validate", "military-posture", "--corpus", "nato-eastern-flank-2022", "--table", str(table)
    )
    assert result.exit_code == 0, result.output
    rows = [line.split("  ")[0] for line in result.output.splitlines()]
    assert "Russian threat" in rows and "cost and burden" in rows and "russian_threat" not in rows
    assert "\nRussian threat (russian_threat):\n" in result.output and "\ndefensive:\n" in result.output
    assert f"wrote {table}" in result.output
    written = pd.read_csv(table)
    assert list(written.columns[:3]) == ["lexicon", "category", "label"]
    assert dict(zip(written["category"], written["label"]))["cost_burden"] == "cost and burden"
    assert written.loc[written["category"] == "defensive", "top3_terms"].item() == "defend; readiness; reinforc*"


def test_validate_an_unreadable_corpus_writes_no_table(tmp_path, capsys):
    corpus = tmp_path / "articles.csv"
    corpus.write_text("outlet,body\na,no text column\n", encoding="utf-8")
    table, snippet = tmp_path / "t.csv", tmp_path / "s.yaml"
    code, _, err = run_main(
        capsys, "lexicon", "validate", "military-posture", "--corpus", str(corpus), "--table", str(table),
        "--suggestions", str(snippet),
    )  # fmt: skip
    assert code == 2 and "articles.csv" in err and not table.exists() and not snippet.exists()


def test_validate_a_broken_lexicon_on_a_corpus_exits_2(tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    path.write_text("name: x\ndescription: d\nversion: '1'\nsource: s\nlicence: MIT\ncategories: [\n", encoding="utf-8")
    code, _, err = run_main(capsys, "lexicon", "validate", str(path), "--corpus", "nato-eastern-flank-2022")
    assert code == 2 and "bad.yaml" in err and len(err.strip().splitlines()) == 1


def test_validate_an_unreadable_corpus_writes_nothing(tmp_path, capsys):
    corpus = tmp_path / "articles.csv"
    corpus.write_text("outlet,body\na,no text column\n", encoding="utf-8")
    out = tmp_path / "s.yaml"
    code, _, err = run_main(
        capsys, "lexicon", "validate", "military-posture", "--corpus", str(corpus), "--suggestions", str(out)
    )
    assert code == 2 and "articles.csv" in err and not out.exists()


def test_validate_on_allsides(shared_data, tmp_path):
    import gzip

    path = tmp_path / "allsides-300.jsonl"
    with gzip.open(shared_data / "allsides-10k.jsonl.gz", "rt", encoding="utf-8") as handle:
        path.write_text("".join(next(handle) for _ in range(300)), encoding="utf-8")
    result = run("lexicon", "validate", "policy-frames", "--corpus", str(path), "--id-column", "id")
    assert result.exit_code == 0, result.output
    assert "policy-frames" in result.output and "300 articles" in result.output
    assert "Suggested terms" in result.output
