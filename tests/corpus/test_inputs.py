"""The one input check: every entry point takes the same four kinds of input and fails with the same errors."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.corpus.inputs import as_corpus, corpus_from_frame
from framing.corpus.model import Corpus, bundled_corpus_path
from framing.corpus.readers.columns import Columns
from framing.errors import FramingError
from tests.cli.runner import run_main

BUNDLED = "nato-eastern-flank-2022"
TARGETS = bundled_corpus_path(BUNDLED) / "targets.yaml"
TWO = {"doc_id": ["a", "b"], "outlet": ["A", "B"], "text": ["NATO sent troops.", "Russia protested."]}

# each library entry point, called as a user would (errors must come before any heavy work)
ENTRY_POINTS = {
    "score": lambda source: framing.score(source),
    "compare": lambda source: framing.compare(source),
    "report": lambda source: framing.report(source),
    "exercise": lambda source: framing.exercise(source),
}


def _empty_corpus():
    corpus = framing.load_corpus(BUNDLED)
    return corpus.filter(mask=[False] * len(corpus))


BAD_INPUTS = {
    "not a corpus at all": (lambda: 42, r"^corpus: a int is not a corpus; give a Corpus, a DataFrame"),
    "a path that does not exist": (
        lambda: "no/such/folder",
        r"^no/such/folder: no such file or folder, and not a bundled corpus",
    ),
    "a DataFrame without text": (
        lambda: pd.DataFrame({"outlet": ["A"]}),
        r"^DataFrame: no column 'text' for the article text; the columns are: outlet",
    ),
    "a DataFrame without outlet": (
        lambda: pd.DataFrame({"text": ["Some text."]}),
        r"^DataFrame: no column 'outlet' for the article outlet",
    ),
    "an empty DataFrame": (lambda: pd.DataFrame({"outlet": [], "text": []}), r"^DataFrame: no articles found"),
    "a DataFrame with a duplicate id": (
        lambda: pd.DataFrame({**TWO, "doc_id": ["a", "a"]}),
        r"^DataFrame row 1, DataFrame row 2: duplicate id 'a'",
    ),
    "a DataFrame with an empty text": (
        lambda: pd.DataFrame({**TWO, "text": ["NATO sent troops.", "  "]}),
        r"^DataFrame row 2: the article text is empty",
    ),
    "a DataFrame with an empty outlet": (
        lambda: pd.DataFrame({**TWO, "outlet": ["A", ""]}),
        r"^DataFrame row 2: no outlet",
    ),
    "nothing left after cleaning": (
        lambda: pd.DataFrame({**TWO, "clean_text": ["NATO sent troops.", " "]}),
        r"^article 'b': empty text after cleaning",
    ),
    "a Corpus without articles": (_empty_corpus, rf"^{BUNDLED}: the corpus has no articles"),
}


@pytest.mark.parametrize("entry", list(ENTRY_POINTS))
@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_every_entry_point_gives_the_same_error(entry, case):
    make, message = BAD_INPUTS[case]
    with pytest.raises(FramingError, match=message) as direct:
        as_corpus(make())
    with pytest.raises(FramingError) as through_entry:
        ENTRY_POINTS[entry](make())
    assert str(through_entry.value) == str(direct.value)
    assert "\n" not in str(direct.value)


def _kinds(corpus):
    return {
        "Corpus": corpus,
        "DataFrame": corpus.articles,
        "path": str(corpus.source_path),
        "bundled name": BUNDLED,
    }


@pytest.fixture(scope="module")
def nato(nato_corpus):
    return nato_corpus


@pytest.fixture(scope="module")
def reference(nato):
    scores = framing.score(nato, targets=TARGETS)
    return scores, framing.compare(nato, scores=scores)


@pytest.mark.parametrize("kind", ["Corpus", "DataFrame", "path", "bundled name"])
def test_as_corpus_gives_the_same_articles_for_every_kind(nato, kind):
    corpus = as_corpus(_kinds(nato)[kind])
    assert isinstance(corpus, Corpus)
    pd.testing.assert_frame_equal(corpus.articles, nato.articles)


@pytest.mark.parametrize("kind", ["Corpus", "DataFrame", "path", "bundled name"])
def test_score_takes_every_kind(nato, reference, kind):
    scores = framing.score(_kinds(nato)[kind], targets=TARGETS)
    pd.testing.assert_frame_equal(scores.table, reference[0].table)
    pd.testing.assert_frame_equal(scores.evidence, reference[0].evidence)


@pytest.mark.parametrize("kind", ["Corpus", "DataFrame", "path", "bundled name"])
def test_compare_takes_every_kind(nato, reference, kind):
    comparison = framing.compare(_kinds(nato)[kind], scores=reference[0])
    for name, table in reference[1].tables().items():
        pd.testing.assert_frame_equal(comparison.tables()[name], table)


@pytest.mark.parametrize("kind", ["Corpus", "DataFrame", "path", "bundled name"])
def test_report_takes_every_kind(nato, reference, kind):
    report = framing.report(_kinds(nato)[kind], scores=reference[0], comparison=reference[1], title="NATO")
    assert isinstance(report.corpus, Corpus)
    expected = framing.report(nato, scores=reference[0], comparison=reference[1], title="NATO").data.sections
    # a DataFrame carries no corpus metadata, files or removed boilerplate: those sections differ
    skip = {"overview", "articles", "provenance"} if kind == "DataFrame" else set()
    assert {k: v for k, v in report.data.sections.items() if k not in skip} == {
        k: v for k, v in expected.items() if k not in skip
    }


@pytest.mark.parametrize("kind", ["Corpus", "DataFrame", "path", "bundled name"])
def test_exercise_takes_every_kind(nato, reference, kind):
    sheet = framing.exercise(_kinds(nato)[kind], scores=reference[0], comparison=reference[1])
    expected = framing.exercise(nato, scores=reference[0], comparison=reference[1])
    name = "DataFrame" if kind == "DataFrame" else BUNDLED  # a DataFrame carries no corpus name
    assert sheet.html == expected.html.replace(BUNDLED, name)


def test_a_dataframe_without_ids_or_clean_text_is_read_like_a_table():
    corpus = as_corpus(
        pd.DataFrame({"outlet": [" A ", "B"], "body": ["NATO sent troops.", "Russia protested."]}), Columns(text="body")
    )
    articles = corpus.articles
    assert articles["doc_id"].tolist() == ["row-000001", "row-000002"]
    assert articles["outlet"].tolist() == ["A", "B"]
    assert articles["clean_text"].tolist() == ["NATO sent troops.", "Russia protested."]
    assert corpus.name == "DataFrame" and len(corpus.boilerplate) == 0


def test_a_dataframe_is_cleaned_like_the_same_table_file(tmp_path):
    frame = pd.DataFrame(
        {
            "outlet": ["A"],
            "author": ["Jane Doe"],
            "text": ["By Jane Doe\n\nNATO sent troops to the border.\n\nRead more: our newsletter"],
        }
    )
    frame.to_json(tmp_path / "t.jsonl", orient="records", lines=True)
    from_file = framing.load_corpus(tmp_path / "t.jsonl")
    corpus = corpus_from_frame(frame)
    assert corpus.articles["clean_text"].tolist() == from_file.articles["clean_text"].tolist()
    assert corpus.articles["clean_text"].iloc[0].strip() == "NATO sent troops to the border."
    pd.testing.assert_frame_equal(corpus.boilerplate, from_file.boilerplate)


CLI_COMMANDS = {
    "score": ["score", "{source}", "-o", "{out}/s.csv"],
    "compare": ["compare", "{source}", "-o", "{out}/c"],
    "report": ["report", "{source}", "-o", "{out}/r.html"],
    "exercise": ["exercise", "{source}", "-o", "{out}/w.html"],
}
CLI_SOURCES = {
    "a path that does not exist": (lambda tmp: "no/such/folder", "no/such/folder: no such file or folder"),
    "an empty table": (lambda tmp: _write(tmp / "t.csv", "outlet,text\n"), "t.csv: no articles found"),
    "a table without outlet": (lambda tmp: _write(tmp / "t.csv", "text\nSome text.\n"), "t.csv: no column 'outlet'"),
}


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("command", list(CLI_COMMANDS))
@pytest.mark.parametrize("case", list(CLI_SOURCES))
def test_every_command_gives_the_same_one_line_error(tmp_path, command, case):
    make, message = CLI_SOURCES[case]
    source = make(tmp_path)
    args = [a.format(source=source, out=tmp_path) for a in CLI_COMMANDS[command]]
    outcome = run_main(*args)
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith("framing: error: ") and message in outcome.stderr
    assert len(outcome.stderr.strip().splitlines()) == 1 and "Traceback" not in outcome.stderr
    with pytest.raises(FramingError) as direct:
        as_corpus(source)
    assert outcome.stderr == f"framing: error: {direct.value}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == (["t.csv"] if source.endswith("t.csv") else [])
