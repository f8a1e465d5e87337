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
