"""The report's title: what the corpus is about, in words, never its file-name slug.

The corpus's own `title` (corpus.yaml) wins; else the first sentence of its
description when short; else the slug turned into words. A corpus of several
stories is not called "the story": the title says how many stories there are.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.reporting.sections.common import comparison_frame

if TYPE_CHECKING:
    from framing.comparison.pipeline import Comparison
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores

MAX_TITLE = 90


def story_count(comparison: Comparison | None) -> int:
    """Stories told by more than one article (a story of one article is not a comparison)."""
    labels = comparison_frame(comparison, "story_labels")
    if labels.empty or "articles" not in labels:
        return 1
    return max(1, int((labels["articles"] > 1).sum()))


def corpus_title(corpus: Corpus) -> str:
    """What the corpus is about: its `title`, a short first sentence of its description, or its name in words."""
    meta = corpus.meta or {}
    given = str(meta.get("title", "") or "").strip()
    if given:
        return given
    description = " ".join(str(meta.get("description", "") or "").split())
    first = re.split(r"(?<=[.!?])\s", description, maxsplit=1)[0].rstrip(".")
    if 0 < len(first) <= MAX_TITLE:
        return first
    return re.sub(r"[-_]+", " ", str(corpus.name)).strip().capitalize()


def report_title(corpus: Corpus, scores: Scores, stories: int) -> str:
    """ "How N outlets tell the story: <title>", or "... cover K stories" when there are several."""
    outlets = int(scores.table["outlet"].nunique()) if len(scores.table) else 0
    who = f"{outlets} outlet{'s' if outlets != 1 else ''}"
    if stories > 1:
        return f"How {who} cover {stories} stories: {corpus_title(corpus)}"
    return f"How {who} tell one story: {corpus_title(corpus)}"
