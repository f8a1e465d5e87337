"""Compute -> structure: the scores and comparison, then one plain `ReportData`.

`ReportData` holds everything the page shows and nothing else; the templates
only lay it out, and `to_json()` dumps the same object (minus the
program-built HTML and SVG) as the JSON file beside the report. Building it
never depends on time or on dictionary order, so equal inputs give an equal
object and, from it, a byte-identical page.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from framing.lexicons.model import LOADED_LANGUAGE
from framing.reporting.cell_evidence import SENTENCES_PER_CELL, cell_evidence
from framing.reporting.labels import category_labels
from framing.reporting.legend import LegendEntry, legend, legend_classes
from framing.reporting.registry import SECTIONS, SectionInputs
from framing.reporting.sections.articles import FULL_TEXT_LIMIT, article_section
from framing.reporting.sections.common import outlets
from framing.reporting.sections.methods import methods
from framing.reporting.sections.provenance import provenance
from framing.reporting.title import report_title, story_count

if TYPE_CHECKING:
    from framing.comparison.pipeline import Comparison
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores

DROPPED_FROM_JSON = ("html", "svg")


@dataclass
class ReportData:
    """Everything in the report: the title, the legend, each registered section's data, the figures.

    A section's data is reachable as an attribute named by its key
    (`data.overview`, `data.stance` ...), which is how the templates read it.
    """

    title: str
    legend: list[LegendEntry]
    sections: dict[str, Any]
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        sections = self.__dict__.get("sections", {})
        if name in sections:
            return sections[name]
        raise AttributeError(f"ReportData has no section or field {name!r}")

    def to_json(self) -> str:
        """The numbers of the report as stable, pretty JSON (sorted keys, no NaN)."""
        data = {"title": self.title, "legend": self.legend, **self.sections}
        return json.dumps(_strip(data), indent=1, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"


def _strip(value: Any) -> Any:
    """`value` without the program-built HTML and SVG (the JSON holds numbers and text only)."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in DROPPED_FROM_JSON}
    if isinstance(value, (list, tuple)):
        return [_strip(v) for v in value]
    return value


def lexicon_evidence(
    corpus: Corpus, scores: Scores, anchors: dict[str, str], classes: dict[tuple[str, str], str]
) -> dict[str, dict[str, Any]]:
    """Per lexicon, the sentences behind each outlet x category cell (see `cell_evidence`)."""
    every = outlets(scores)
    # a large corpus has many outlet x category cells: one sentence each keeps the page small (the count says the rest)
    limit = SENTENCES_PER_CELL if len(corpus.articles) <= FULL_TEXT_LIMIT else 1
    return {
        lex.name: cell_evidence(
            scores,
            corpus,
            family="loaded" if lex.family == LOADED_LANGUAGE else "frame",
            lexicon=lex.name,
            outlets=every,
            categories=list(lex.categories),
            article_anchors=anchors,
            classes=classes,
            limit=limit,
            labels=category_labels([lex]),
        )
        for lex in scores.lexicons
    }


def build(
    corpus: Corpus,
    scores: Scores,
    comparison: Comparison | None,
    *,
    title: str | None = None,
    max_articles: int = 200,
    command: Sequence[str] = (),
    parameters: dict[str, Any] | None = None,
    timestamp: bool = False,
    figures: bool = True,
) -> ReportData:
    """Structure everything the report shows; `figures=False` skips the SVGs (for tests, JSON only)."""
    entries = legend(scores.lexicons, slant=bool((scores.evidence["family"] == "slant").any()))
    classes = legend_classes(entries)
    shown = article_section(corpus, scores, classes, max_articles)
    anchors = {item["doc_id"]: item["anchor"] for item in shown["shown"]}
    stories = story_count(comparison)
    inputs = SectionInputs(
        corpus=corpus,
        scores=scores,
        comparison=comparison,
        anchors=anchors,
        classes=classes,
        articles=shown,
        provenance=provenance(corpus, scores, command=list(command), parameters=parameters or {}, timestamp=timestamp),
        methods=methods(scores),
        evidence=lexicon_evidence(corpus, scores, anchors, classes),
        stories=stories,
    )
    data = ReportData(
        title=title or report_title(corpus, scores, stories),
        legend=entries,
        sections={section.key: section.build(inputs) for section in SECTIONS},
    )
    if figures:
        from framing.reporting.figures import report_figures

        data.figures = report_figures(scores, comparison, data.sections.get("over_time"))
    return data
