"""Lexicons for tests: a small one built from its categories, and GOOD, a whole YAML file with every field."""

from __future__ import annotations

import json
import textwrap

from framing.lexicons.model import Lexicon, parse_lexicon

COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")


def small_lexicon(categories: dict[str, list[str] | str]) -> Lexicon:
    """A lexicon `t` whose categories have these entries (a string names a pattern, e.g. scare_quotes)."""
    lines = ["name: t", "description: d", 'version: "1"', "source: s", "licence: MIT", "categories:"]
    for (name, entries), colour in zip(categories.items(), COLOURS):
        listed = f"pattern: {entries}" if isinstance(entries, str) else f"entries: {json.dumps(entries)}"
        lines += [f"  {name}:", "    description: d", f'    colour: "{colour}"', f"    {listed}"]
    return parse_lexicon("\n".join(lines) + "\n")


GOOD = """\
name: test-posture
description: A small lexicon for tests.
version: "0.1"
source: tests
citation: nobody (2026)
licence: MIT
categories:
  defensive:
    description: protection
    colour: "#0072B2"
    entries:
      - deterrence
      - defen*
      - {term: safe and secure, weight: 2}
  buildup:
    description: expansion
    colour: "#d55e00"
    entries:
      - buildup
      - military buildup
contrasts:
  - name: balance
    positive: defensive
    negative: buildup
    description: defensive minus buildup
"""


def write(tmp_path, text, name="lex.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
