"""Suggested terms as a YAML snippet to paste into a lexicon file: terms as entries, evidence as comments.

The snippet has the lexicon file's own shape (`categories:` -> name ->
`entries:`), so a person copies the lines they agree with under the
category's `entries:`. Every term is a double-quoted YAML scalar; the count,
z-score and the two example sentences are comments under it, with control
characters and line breaks removed so that corpus text can never end a
comment and become YAML.
"""

from __future__ import annotations

import json
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from framing.lexicons.validate import LexiconValidation


def suggestions_yaml(validation: LexiconValidation) -> str:
    """The suggestions of `validation` as YAML text (categories without candidates are named in a comment)."""
    lexicon, found = validation.lexicon, validation.suggestions
    lines = [
        f"# Terms that co-occur with each category of {_comment(lexicon.name)} {_comment(lexicon.version)}",
        f"# in {_comment(validation.corpus)} ({validation.articles} articles), found by `framing lexicon validate`.",
        "# Nothing was added to the lexicon: read the examples, keep the terms that mean what the",
        "# category means, and paste them under the category's `entries:`.",
        "categories:",
    ]
    for name in lexicon.categories:
        rows = found[found["category"] == name]
        if rows.empty:
            lines.append(f"  # {_comment(name)}: no term passed the thresholds on this corpus")
            continue
        lines += [f"  {json.dumps(name, ensure_ascii=False)}:", "    entries:"]
        for row in rows.itertuples(index=False):
            lines.append(
                f"      - {json.dumps(row.term, ensure_ascii=False)}  # {row.count} times in "
                f"{row.articles} articles beside this category's terms, z = {row.z:.2f}"
            )
            lines += [
                f"        # e.g. ({_comment(doc)}) {_comment(text)}"
                for text, doc in ((row.example_1, row.example_1_doc), (row.example_2, row.example_2_doc))
                if text
            ]
    return "\n".join(lines) + "\n"


def _comment(value: object) -> str:
    """Text safe inside a YAML comment: one line, printable characters only."""
    text = " ".join(str(value).split())
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch == "\t")
