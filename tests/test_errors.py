"""framing.errors: the one YAML-error formatter, and the messages it gives every YAML reader."""

from __future__ import annotations

import pytest
import yaml

from framing.corpus.model import load_corpus
from framing.errors import FramingError, yaml_error
from framing.lexicons.model import load_lexicon
from framing.scoring.rulefile import read_rules
from framing.scoring.stance.targets import load_targets


def _syntax_error(text: str) -> yaml.YAMLError:
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.safe_load(text)
    return caught.value


@pytest.mark.parametrize(
    "first_line, at, expected",
    [
        (1, ":{line}", "f.yaml:3: not valid YAML (expected ',' or ']', but got '<stream end>'); fix it"),
        (2, ":{line}", "f.yaml:4: not valid YAML (expected ',' or ']', but got '<stream end>'); fix it"),
        (1, " line {line}", "f.yaml line 3: not valid YAML (expected ',' or ']', but got '<stream end>'); fix it"),
    ],
)
def test_line_comes_from_the_mark_in_the_callers_convention(first_line, at, expected):
    error = yaml_error(
        _syntax_error("a: 1\nb: [2\n"), "f.yaml", "not valid YAML", "fix it", first_line=first_line, at=at
    )
    assert isinstance(error, FramingError) and str(error) == expected


def test_an_error_without_a_mark_keeps_one_line():
    error = yaml_error(yaml.YAMLError("first line\nsecond line"), "f.yaml", "not valid YAML", "fix it")
    assert str(error) == "f.yaml: not valid YAML (first line); fix it"


BAD = "name: x\nitems: [unclosed\n"  # PyYAML notices at the end of the text, line 3


def _front_matter(folder):
    (folder / "a.md").write_text(f"---\n{BAD}---\nText.\n", encoding="utf-8")
    return load_corpus(folder)


def _corpus_yaml(folder):
    (folder / "a.md").write_text("---\noutlet: X\n---\nText.\n", encoding="utf-8")
    (folder / "corpus.yaml").write_text(BAD, encoding="utf-8")
    return load_corpus(folder)


def _write(folder, name):
    (folder / name).write_text(BAD, encoding="utf-8")
    return folder / name


@pytest.mark.parametrize(
    "read, expected",
    [
        (lambda d: load_lexicon(_write(d, "x.yaml")), "x.yaml:3: not valid YAML ("),
        (lambda d: load_targets(_write(d, "x.yaml")), "x.yaml:3: not valid YAML ("),
        (lambda d: read_rules(_write(d, "x.yaml"), "v1", "rules"), "x.yaml:3: cannot read rules: not valid YAML ("),
        (_front_matter, "a.md line 3: malformed front matter ("),
        (_corpus_yaml, "corpus.yaml line 3: malformed YAML ("),
    ],
)
def test_every_yaml_reader_uses_it(tmp_path, read, expected):
    with pytest.raises(FramingError) as caught:
        read(tmp_path)
    message = str(caught.value)
    assert message.startswith(str(tmp_path)) and expected in message and "\n" not in message
