"""The lexicons-and-targets line both engines print after scoring."""

from __future__ import annotations

from types import SimpleNamespace

from framing.cli.summary import lexicons_line


def test_names_the_lexicons_and_the_targets_or_says_there_are_none():
    lexicons = [SimpleNamespace(name="military-posture"), SimpleNamespace(name="loaded-language")]
    assert lexicons_line(lexicons, SimpleNamespace(names=["NATO", "Russia"])) == (
        "lexicons: military-posture, loaded-language; targets: NATO, Russia"
    )
    assert lexicons_line(lexicons[:1], None) == "lexicons: military-posture; no targets"
