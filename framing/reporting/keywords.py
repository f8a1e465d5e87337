"""A story's key words as a reader would write them: no "said", no page furniture, the text's own capitals.

Story labels and shared-word lists come from counting words, so the most
frequent ones are often neutral report verbs ("said") or page furniture
("photos", "hide caption"). They tell a teacher nothing about the story.
The report (groups of similar outlets) and the worksheet (the story's key
words) show them through this one filter.
"""

from __future__ import annotations

import re
from typing import Any

NEUTRAL_CLASS = "report_neutral"
"""The loaded-language class of neutral report verbs ("said", "told"): never a story's key word."""
FURNITURE = frozenset({"mr", "mrs", "ms", "dr", "photo", "photos", "hide", "caption", "image", "getty"})
"""Words of page furniture and honorifics that name no story."""


def neutral_words(lexicons: Any = ()) -> set[str]:
    """Lower-case words that name no story: page furniture and the neutral report verbs of `lexicons`."""
    neutral = set(FURNITURE)
    classes = [
        c for c in (getattr(lex, "categories", {}).get(NEUTRAL_CLASS) for lex in lexicons or ()) if c is not None
    ]
    if not classes:  # the scores used no loaded-language lexicon: the built-in one still knows "said"
        from framing.lexicons.model import load_lexicon

        classes = [load_lexicon("loaded-language").categories[NEUTRAL_CLASS]]
    for category in classes:
        neutral |= {entry.term.lower().rstrip("*") for entry in category.entries}
    return neutral


def key_words(label: str, texts: list[str], lexicons: Any = ()) -> str:
    """The story label's words without neutral report verbs or furniture, in the texts' own capitalisation.

    "nato, alliance, stoltenberg, said" over the sources becomes "NATO, alliance, Stoltenberg".
    """
    neutral = neutral_words(lexicons)
    joined = "\n".join(texts)
    kept = []
    for word in (w.strip() for w in label.split(",")):
        if not word or word.lower() in neutral or any(part in neutral for part in word.lower().split()):
            continue
        forms = re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", joined, flags=re.IGNORECASE)
        kept.append(max(sorted(set(forms)), key=forms.count) if forms else word)
    return ", ".join(kept)
