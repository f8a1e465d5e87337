"""Does a topic lexicon fit the corpus? Its hits per 1,000 words and the share of articles it touches.

A lexicon written for one story (say, NATO's troop deployments) applied to
articles about something else still yields numbers: "frame balance −0.50"
for an article on an election law. Those numbers mean nothing, so the report
measures each topic lexicon's coverage and warns when it is too thin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.reporting.sections.common import frame_lexicons

if TYPE_CHECKING:
    from framing.scoring.scores import Scores

MIN_SHARE = 0.5
"""Below this share of articles with any hit, the lexicon does not describe the corpus."""
MIN_RATE = 2.0
"""Below this many hits per 1,000 words, a rate is a handful of words."""


def coverage(scores: Scores) -> list[dict[str, Any]]:
    """Per topic lexicon: hits per 1,000 words, share of articles with any hit, and whether that is too low."""
    words = float(scores.table["words"].sum()) if "words" in scores.table else 0.0
    articles = len(scores.table)
    evidence = scores.evidence[scores.evidence["family"] == "frame"]
    out = []
    for lexicon in frame_lexicons(scores):
        rows = evidence[evidence["lexicon"] == lexicon.name]
        rate = 1000.0 * len(rows) / words if words else 0.0
        share = rows["doc_id"].nunique() / articles if articles else 0.0
        out.append(
            {
                "lexicon": lexicon.name,
                "rate": round(rate, 2),
                "share": round(share, 4),
                "low": share < MIN_SHARE or rate < MIN_RATE,
            }
        )
    return out


def coverage_warnings(scores: Scores) -> list[str]:
    """A plain sentence for each topic lexicon that does not fit the corpus."""
    return [
        f"The “{c['lexicon']}” word list was written for another story: it matches only "
        f"{c['rate']:.1f} words per 1,000 and touches {c['share']:.0%} of the articles, so its frame "
        "numbers say little about this corpus. Use a lexicon written for these stories (--lexicon)."
        for c in coverage(scores)
        if c["low"]
    ]
