"""`framing trends` end to end: the table and the shifts, undated articles named, bad columns refused."""

from __future__ import annotations

import pandas as pd

from tests.cli.runner import run_main


def test_trends_of_the_bundled_corpus_names_its_undated_articles(tmp_path):
    out, found = tmp_path / "trends.csv", tmp_path / "shifts.csv"
    outcome = run_main(
        "trends",
        "nato-eastern-flank-2022",
        "-o",
        str(out),
        "--column",
        "sentiment",
        "--shifts",
        str(found),
        "--min-articles",
        "2",
    )
    assert outcome.exit_code == 0, outcome.stderr
    table = pd.read_csv(out)
    assert table["articles"].sum() == 3 and set(table["period"]) == {"2022-03", "2022-04"}
    assert "2 undated articles are in no period: 002-unattributed-a, 003-unattributed-b" in outcome.stdout
    assert list(pd.read_csv(found).columns)[:4] == ["outlet", "column", "before", "after"]


def test_a_planted_shift_in_a_csv_corpus_is_reported(tmp_path):
    rows = []
    for month in range(1, 7):
        for k in range(6):
            tone = "wonderful, excellent, great success" if month >= 4 else "terrible, awful, disastrous failure"
            rows.append(
                {
                    "id": f"a-{month}-{k}",
                    "outlet": "Alpha",
                    "date": f"2022-{month:02d}-{k + 1:02d}",
                    "text": f"The minister called the plan a {tone} today. Report {month} {k}.",
                }
            )
            rows.append(
                {
                    "id": f"b-{month}-{k}",
                    "outlet": "Beta",
                    "date": f"2022-{month:02d}-{k + 1:02d}",
                    "text": f"The minister presented the plan today in the capital. Report {month} {k}.",
                }
            )
    source = tmp_path / "articles.csv"
    pd.DataFrame(rows).to_csv(source, index=False)
    outcome = run_main(
        "trends",
        str(source),
        "--id-column",
        "id",
        "-o",
        str(tmp_path / "t.csv"),
        "--column",
        "sentiment",
        "--shifts",
        str(tmp_path / "s.csv"),
    )
    assert outcome.exit_code == 0, outcome.stderr
    found = pd.read_csv(tmp_path / "s.csv")
    assert found.loc[found["shift"], ["outlet", "before", "after"]].values.tolist() == [["Alpha", "2022-03", "2022-04"]]


def test_an_unknown_score_column_is_one_line(tmp_path):
    outcome = run_main("trends", "nato-eastern-flank-2022", "-o", str(tmp_path / "t.csv"), "--column", "tone")
    assert outcome.exit_code == 2 and "no score column 'tone'" in outcome.stderr
    assert len(outcome.stderr.strip().splitlines()) == 1 and not list(tmp_path.iterdir())
