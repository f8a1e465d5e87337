"""A small lexicon for tests, written as its YAML file would be: the header once, the categories given."""

from __future__ import annotations

import json

from framing.lexicons.model import Lexicon, parse_lexicon

COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")


def small_lexicon(categories: dict[str, list[str] | str]) -> Lexicon:
    """A lexicon `t` whose categories have these entries (a string names a pattern, e.g. scare_quotes)."""
    lines = ["name: t", "description: d", 'version: "1"', "source: s", "licence: MIT", "categories:"]
    for (name, entries), colour in zip(categories.items(), COLOURS):
        listed = f"pattern: {entries}" if isinstance(entries, str) else f"entries: {json.dumps(entries)}"
        lines += [f"  {name}:", "    description: d", f'    colour: "{colour}"', f"    {listed}"]
    return parse_lexicon("\n".join(lines) + "\n")
