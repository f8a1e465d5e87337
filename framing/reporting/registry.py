"""The report's sections, in page order: one registry line each.

`shown(sections, data)` leaves out the optional sections that have nothing to
show, so the contents and the page agree.

A section is a module in `framing.reporting.sections` (what it shows, as
plain JSON-ready data), a template partial `templates/_<module>.html` (how it
looks) and this line (where it goes). The contents, the page, the JSON file
beside it and the docs test all read this tuple, so adding a section is: a
module, a template, one `Section(...)` here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from framing.reporting.cell_evidence import cell_anchors
from framing.reporting.sections import (
    distinctive,
    findings,
    frames,
    index,
    lexicon_check,
    loaded,
    over_time,
    overview,
    policy_frames,
    same_fact,
    sentiment,
    similarity,
    sourcing,
    stance,
    syndication,
    term_explorer,
)
from framing.stats import matrices

if TYPE_CHECKING:
    from framing.comparison.pipeline import Comparison
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores


@dataclass(frozen=True)
class SectionInputs:
    """What the builders read: the corpus, its scores and comparison, and the shown articles' anchors."""

    corpus: Corpus
    scores: Scores
    comparison: Comparison | None
    anchors: dict[str, str]
    classes: dict[tuple[str, str], str]
    articles: dict[str, Any]
    provenance: dict[str, Any]
    methods: dict[str, Any]
    evidence: dict[str, dict[str, Any]]
    stories: int


def _hit_anchors(inputs: SectionInputs) -> dict[tuple[str, str, str], str]:
    """(lexicon, outlet, category) -> the anchor of that cell's sentences, for the findings to link to."""
    return {
        (name, outlet, category): anchor
        for name, ev in inputs.evidence.items()
        for (outlet, category), anchor in cell_anchors(ev).items()
    }


@dataclass(frozen=True)
class Section:
    """One section: anchor `id`, contents `title`, data `key` (in ReportData and the JSON), `template`, `build`."""

    id: str
    title: str
    key: str
    template: str
    build: Callable[[SectionInputs], Any]
    optional: bool = False
    """An optional section whose data is None is left out of the page and its contents (e.g. over time)."""


SECTIONS: tuple[Section, ...] = (
    Section(
        "findings",
        "Key findings",
        "findings",
        "_findings.html",
        lambda i: findings.findings(i.scores, i.comparison, _hit_anchors(i), i.stories),
    ),
    Section("overview", "Overview", "overview", "_overview.html", lambda i: overview.overview(i.corpus, i.scores)),
    Section(
        "over-time",
        "Over time",
        "over_time",
        "_over_time.html",
        lambda i: over_time.over_time(i.scores, i.corpus, i.anchors),
        optional=True,
    ),
    Section("frames", "Frame balance", "frames", "_frames.html", lambda i: frames.frames(i.scores, i.evidence)),
    Section(
        "policy-frames",
        "Policy frames",
        "policy_frames",
        "_policy_frames.html",
        lambda i: policy_frames.policy_frames(i.scores, i.evidence),
    ),
    Section(
        "sentiment",
        "Sentiment",
        "sentiment",
        "_sentiment.html",
        lambda i: sentiment.sentiment(i.scores, i.corpus, i.anchors),
    ),
    Section(
        "stance", "Stance", "stance", "_stance.html", lambda i: stance.stance(i.scores, i.corpus, i.anchors, i.classes)
    ),
    Section(
        "loaded-language", "Loaded language", "loaded", "_loaded.html", lambda i: loaded.loaded(i.scores, i.evidence)
    ),
    Section(
        "sourcing", "Sourcing", "sourcing", "_sourcing.html", lambda i: sourcing.sourcing(i.scores, i.corpus, i.anchors)
    ),
    Section(
        "similarity",
        "Similarity",
        "similarity",
        "_similarity.html",
        lambda i: similarity.similarity(i.comparison, matrices.top_outlets(i.scores.table), i.scores.lexicons),
    ),
    Section(
        "distinctive-terms",
        "Distinctive vocabulary",
        "distinctive",
        "_distinctive.html",
        lambda i: distinctive.distinctive(i.comparison),
    ),
    Section(
        "term-explorer",
        "Term explorer",
        "term_explorer",
        "_term_explorer.html",
        lambda i: term_explorer.term_explorer(i.comparison, i.corpus, i.scores, i.anchors),
    ),
    Section(
        "same-fact",
        "Same fact, different words",
        "same_fact",
        "_same_fact.html",
        lambda i: same_fact.same_fact(i.comparison, i.corpus, i.scores, i.classes),
    ),
    Section(
        "syndication",
        "Syndication",
        "syndication",
        "_syndication.html",
        lambda i: syndication.syndication(i.comparison, i.anchors),
    ),
    Section(
        "index",
        "Article index",
        "index",
        "_index.html",
        lambda i: index.article_index(i.corpus, i.scores, i.comparison, i.anchors),
    ),
    Section("articles", "The articles", "articles", "_articles.html", lambda i: i.articles),
    Section(
        "lexicon-check",
        "Lexicon check",
        "lexicon_check",
        "_lexicon_check.html",
        lambda i: lexicon_check.lexicon_check(i.scores, i.corpus),
        optional=True,
    ),
    Section("methods", "Methods and limits", "methods", "_methods.html", lambda i: i.methods),
    Section("provenance", "Provenance", "provenance", "_provenance.html", lambda i: i.provenance),
)


def shown(sections: tuple[Section, ...], data: dict[str, Any]) -> list[Section]:
    """The sections the page carries: all but the optional ones whose data is None."""
    return [s for s in sections if not (s.optional and data.get(s.key) is None)]
