"""Does a topic lexicon fit the corpus? Its hits per 1,000 words and the share of articles it touches.

A lexicon written for one story (say, NATO's troop deployments) applied to
articles about something else still yields numbers: "frame balance −0.50"
for an article on an election law. Those numbers mean nothing, so the report
measures each topic lexicon's coverage and warns when it is too thin:

- absolutely: fewer than half the articles with a hit, or under 2 hits per
  1,000 words;
- against the story it was written for (the lexicon's `written_for:`): under
  a quarter of its rate there. A story lexicon still matches common words
  anywhere, so the absolute floor alone misses it: `military-posture` makes
  39.6 hits per 1,000 words on its NATO story, 10-11 on AllSides articles about
  the Middle East, terrorism or defence, 7.6 on health care and 3.0 on
  elections (150 articles per topic), while touching most articles in each.
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
MIN_RELATIVE = 0.25
"""Below this fraction of its rate on the story it was written for, a lexicon is measuring another story."""


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
        reference = lexicon.written_for
        elsewhere = reference is not None and rate < MIN_RELATIVE * reference.hits_per_1000
        out.append(
            {
                "lexicon": lexicon.name,
                "rate": round(rate, 2),
                "share": round(share, 4),
                "written_for": None if reference is None else [reference.corpus, reference.hits_per_1000],
                "low": share < MIN_SHARE or rate < MIN_RATE or elsewhere,
            }
        )
    return out


def coverage_warnings(found: Scores | list[dict[str, Any]]) -> list[str]:
    """A plain sentence for each topic lexicon that does not fit the corpus (from scores, or their `coverage`)."""
    return [_warning(c) for c in (found if isinstance(found, list) else coverage(found)) if c["low"]]


def _warning(c: dict[str, Any]) -> str:
    home = (
        f" (against {c['written_for'][1]:.1f} on {c['written_for'][0]}, the story it was written for)"
        if c["written_for"]
        else ""
    )
    return (
        f"The “{c['lexicon']}” word list was written for another story: it matches only "
        f"{c['rate']:.1f} words per 1,000{home} and touches {c['share']:.0%} of the articles, so its frame "
        "numbers say little about this corpus. Use a lexicon written for these stories (--lexicon)."
    )
