"""The lexicons-and-targets line both engines print after scoring."""

from __future__ import annotations

from types import SimpleNamespace

from framing.cli.summary import lexicons_line, scored_lines


def test_names_the_lexicons_and_the_targets_or_says_there_are_none():
    lexicons = [SimpleNamespace(name="military-posture"), SimpleNamespace(name="loaded-language")]
    assert lexicons_line(lexicons, SimpleNamespace(names=["NATO", "Russia"])) == (
        "lexicons: military-posture, loaded-language; targets: NATO, Russia"
    )
    assert lexicons_line(lexicons[:1], None) == "lexicons: military-posture; no targets"


def test_the_scored_lines_say_counts_outputs_and_partitions_only_when_given():
    run = SimpleNamespace(lexicons=[SimpleNamespace(name="loaded-language")], targets=None)
    counts = {"articles": 3, "words": 12345, "outlets": 2, "evidence": 1500}
    assert scored_lines(counts, "s.csv", None, run) == (
        "scored 3 articles (12,345 words, 2 outlets) -> s.csv\nlexicons: loaded-language; no targets"
    )
    assert scored_lines(counts, "s/", "e/", run, partitions=4).splitlines()[:2] == [
        "scored 3 articles (12,345 words, 2 outlets) in 4 partitions -> s/",
        "1,500 evidence rows -> e/",
    ]
