"""Compute -> structure: the scores and comparison, then one plain `ReportData`.

`ReportData` holds everything the page shows and nothing else; the templates
only lay it out, and `to_json()` dumps the same object (minus the
program-built HTML and SVG) as the JSON file beside the report. Building it
never depends on time or on dictionary order, so equal inputs give an equal
object and, from it, a byte-identical page.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields

from framing.reporting import articles as article_parts
from framing.reporting import compared, sections
from framing.reporting.provenance import provenance
from framing.stats import matrices

DROPPED_FROM_JSON = ("html", "svg")


@dataclass
class ReportData:
    """Everything in the report, section by section (plain dicts and lists)."""

    title: str
    overview: dict
    frames: dict
    policy_frames: dict | None
    sentiment: dict
    stance: dict
    loaded: dict
    sourcing: dict
    similarity: dict | None
    distinctive: list
    same_fact: dict
    syndication: list
    articles: dict
    legend: list
    methods: dict
    provenance: dict
    figures: dict = field(default_factory=dict)

    def to_json(self) -> str:
        """The numbers of the report as stable, pretty JSON (sorted keys, no NaN)."""
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "figures"}
        return json.dumps(_strip(data), indent=1, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in DROPPED_FROM_JSON}
    if isinstance(value, (list, tuple)):
        return [_strip(v) for v in value]
    return value


def compute(corpus, lexicons=None, targets=None):
    """Score and compare the corpus (the slow part, done once)."""
    from framing.comparison.pipeline import compare
    from framing.scoring import score

    scores = score(corpus, lexicons=lexicons, targets=targets)
    return scores, compare(corpus, scores=scores)


def methods(scores) -> dict:
    """What the methods section needs from the data: each lexicon's own description."""
    return {"lexicons": [{"name": lex.name, "version": str(lex.version), "description": str(lex.description),
                          "source": str(lex.source), "licence": str(lex.licence),
                          "categories": [{"name": n, "description": str(c.description), "terms": len(c.entries)}
                                         for n, c in lex.categories.items()]}
                         for lex in scores.lexicons]}


def build(corpus, scores, comparison, *, title=None, max_articles: int = 200, command=(), parameters=None,
          timestamp: bool = False, figures: bool = True) -> ReportData:
    """Structure everything the report shows; `figures=False` skips the SVGs (for tests, JSON only)."""
    legend = article_parts.legend(scores.lexicons)
    classes = article_parts.legend_classes(legend)
    shown = article_parts.article_section(corpus, scores, classes, max_articles)
    anchors = {item["doc_id"]: item["anchor"] for item in shown["shown"]}
    data = ReportData(
        title=title or f"How outlets frame the story: {corpus.name}",
        overview=sections.overview(corpus, scores),
        frames=sections.frames(scores),
        policy_frames=sections.policy_frames(scores),
        sentiment=sections.sentiment(scores),
        stance=sections.stance(scores, corpus, anchors, classes),
        loaded=sections.loaded(scores),
        sourcing=sections.sourcing(scores),
        similarity=compared.similarity(comparison, matrices.top_outlets(scores.table)),
        distinctive=compared.distinctive(comparison),
        same_fact=compared.same_fact(comparison, corpus, scores, classes),
        syndication=compared.syndication(comparison, anchors),
        articles=shown,
        legend=legend,
        methods=methods(scores),
        provenance=provenance(corpus, scores, command=list(command), parameters=parameters or {}, timestamp=timestamp),
    )
    if figures:
        from framing.reporting.figures import report_figures

        data.figures = report_figures(scores, comparison)
    return data
