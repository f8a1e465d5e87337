"""Shipped rule files: read once, their format checked, and a one-line error naming the file otherwise."""

from __future__ import annotations

import pytest

from framing.errors import FramingError
from framing.scoring.rulefile import read_rules
from framing.scoring.stance.place import PLACE_FORMAT, PLACE_PATH


def test_a_shipped_rule_file_reads_as_its_mapping():
    data = read_rules(PLACE_PATH, PLACE_FORMAT, "place rules")
    assert isinstance(data, dict) and data["format"] == PLACE_FORMAT


def test_a_good_file_gives_its_whole_mapping(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("format: demo/1\nverbs: [say, tell]\n", encoding="utf-8")
    assert read_rules(path, "demo/1", "demo rules") == {"format": "demo/1", "verbs": ["say", "tell"]}


@pytest.mark.parametrize("text", ["format: demo/2\n", "- format\n- demo/1\n", "", "verbs: [say]\n"])
def test_a_wrong_or_missing_format_names_the_file_and_the_format(tmp_path, text):
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FramingError) as caught:
        read_rules(path, "demo/1", "demo rules")
    assert str(caught.value) == f"{path}: expected format 'demo/1'; reinstall framing"


def test_a_missing_file_says_what_could_not_be_read(tmp_path):
    path = tmp_path / "absent.yaml"
    with pytest.raises(FramingError, match=r"absent\.yaml: cannot read voice verbs \(.*\); reinstall framing$"):
        read_rules(path, "demo/1", "voice verbs")


def test_broken_yaml_gives_the_line_and_no_traceback_text(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("format: demo/1\nverbs: [say,\n", encoding="utf-8")
    with pytest.raises(FramingError) as caught:
        read_rules(path, "demo/1", "demo rules")
    message = str(caught.value)
    assert message.startswith(f"{path}:") and "cannot read demo rules: not valid YAML" in message
    assert message.endswith("reinstall framing") and "\n" not in message
