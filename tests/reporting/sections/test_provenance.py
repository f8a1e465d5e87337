"""framing.reporting.sections.provenance: hashes, versions, the re-run command, time only when asked."""

from __future__ import annotations

import hashlib
import json
import re


def test_provenance_has_hashes_versions_and_the_rerun_command(nato_report, nato_corpus, nato_page):
    import framing

    data = json.loads(nato_report.json)["provenance"]
    assert data["framing_version"] == framing.__version__
    files = {row["file"]: row["sha256"] for row in data["files"]}
    for path in nato_corpus.files.values():
        assert files[path.name] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert files[path.name] in nato_page
    assert {lex["name"] for lex in data["lexicons"]} == {"military-posture", "policy-frames", "loaded-language"}
    assert all(len(lex["sha256"]) == 64 for lex in data["lexicons"])
    assert "framing report nato-eastern-flank-2022 -o reports/nato-eastern-flank-2022.html" in nato_page
    assert data["created"] is None and "Created" not in nato_page


def test_timestamp_only_when_asked(nato_corpus, nato_scores, nato_comparison):
    from framing.reporting import report

    stamped = report(nato_corpus, scores=nato_scores, comparison=nato_comparison, timestamp=True)
    assert re.search(r"<dt>Created</dt><dd>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC</dd>", stamped.html)
    assert "--timestamp" in json.loads(stamped.json)["provenance"]["command"]


def _corpus_from(source):
    import pandas as pd

    from framing.corpus.model import Corpus

    return Corpus(pd.DataFrame(), pd.DataFrame(), name="parts", source_path=source)


def test_a_folder_of_parquet_parts_lists_every_part_with_its_hash(tmp_path):
    from framing.reporting.sections.provenance import corpus_files

    parts = tmp_path / "parts"
    parts.mkdir()
    for name, data in [("part-000.parquet", b"PAR1 one"), ("part-001.parquet", b"PAR1 two"), ("notes.txt", b"x")]:
        (parts / name).write_bytes(data)
    rows = corpus_files(_corpus_from(parts))
    assert rows == [
        {"file": "part-000.parquet", "sha256": hashlib.sha256(b"PAR1 one").hexdigest()},
        {"file": "part-001.parquet", "sha256": hashlib.sha256(b"PAR1 two").hexdigest()},
    ]


def test_a_glob_of_tables_lists_the_files_it_matched(tmp_path):
    from pathlib import Path

    from framing.reporting.sections.provenance import corpus_files

    for name in ("a.csv", "b.csv", "c.jsonl"):
        (tmp_path / name).write_text(name)
    rows = corpus_files(_corpus_from(Path(str(tmp_path / "*.csv"))))
    assert [row["file"] for row in rows] == ["a.csv", "b.csv"]
