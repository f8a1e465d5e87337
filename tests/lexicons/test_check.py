"""Warnings: contradicting contrast terms, duplicates, entries that can never match."""

from __future__ import annotations

import pytest

from framing.lexicons.check import entry_problem, lexicon_warnings
from framing.lexicons.model import load_lexicon, parse_lexicon


@pytest.mark.parametrize(
    "term, problem",
    [
        ("defen*", None),
        ("self-defense", None),
        ("safe and secure", None),
        ("Russia's border", None),
        ("U.S.", None),
        ("anti-*", None),
        ("de*fense", "wildcard that is not at the end"),
        ("defense,", "punctuation that the tokenizer splits off"),
        ("well, actually", "punctuation that the tokenizer splits off"),
        ("!!!", "no letter or digit"),
        ("don*t", "wildcard that is not at the end"),
    ],
)
def test_entry_problems(term, problem):
    result = entry_problem(term)
    if problem is None:
        assert result is None
    else:
        assert problem in result


def test_warnings_name_the_line_and_category(tmp_path):
    path = tmp_path / "lex.yaml"
    path.write_text(
        """\
name: t
description: d
version: "1"
source: s
licence: MIT
categories:
  defensive:
    description: d
    colour: "#0072B2"
    entries: [deterrence, de*fense, Deterrence, buildup]
  buildup:
    description: b
    colour: "#D55E00"
    entries: [buildup, build*]
contrasts:
  - {name: balance, positive: defensive, negative: buildup}
""",
        encoding="utf-8",
    )
    warnings = lexicon_warnings(load_lexicon(path))
    assert f"{path}:10: defensive: 'de*fense' has a wildcard that is not at the end" in warnings[0]
    assert f"{path}:10: defensive: 'Deterrence' is listed again" in warnings
    assert any("contrast 'balance': 'buildup' is in both 'defensive' and 'buildup'" in w for w in warnings)
    assert any("contrast 'balance': 'build*' in 'buildup' also matches 'buildup' in 'defensive'" in w for w in warnings)
    assert len(warnings) == 4


def test_builtins_have_no_warnings():
    for name in ("military-posture", "policy-frames", "loaded-language"):
        assert lexicon_warnings(load_lexicon(name)) == [], name


def test_lexicon_without_path_uses_its_name():
    lexicon = parse_lexicon(
        "name: n\ndescription: d\nversion: '1'\nsource: s\nlicence: MIT\n"
        "categories:\n  c:\n    description: d\n    colour: '#000000'\n    entries: ['a,']\n"
    )
    assert lexicon_warnings(lexicon)[0].startswith("n:")
