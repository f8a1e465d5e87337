"""The report's sections, in page order: one registry line each.

A section is a builder (what it shows, as plain JSON-ready data), a template
partial (how it looks) and this line (where it goes). The contents, the page,
the JSON file beside it and the docs test all read this tuple, so adding a
section is: a builder function, a `_name.html` template, one `Section(...)` here.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from framing.reporting import compared, sections
from framing.stats import matrices


@dataclass(frozen=True)
class SectionInputs:
    """What the builders read: the corpus, its scores and comparison, and the shown articles' anchors."""

    corpus: Any
    scores: Any
    comparison: Any
    anchors: dict[str, str]
    classes: dict
    articles: dict
    provenance: dict
    methods: dict


@dataclass(frozen=True)
class Section:
    """One section: anchor `id`, contents `title`, data `key` (in ReportData and the JSON), `template`, `build`."""

    id: str
    title: str
    key: str
    template: str
    build: Callable[[SectionInputs], Any]


SECTIONS: tuple[Section, ...] = (
    Section("overview", "Overview", "overview", "_section_overview.html",
            lambda i: sections.overview(i.corpus, i.scores)),
    Section("frames", "Frame balance", "frames", "_frame_balance.html", lambda i: sections.frames(i.scores)),
    Section("policy-frames", "Policy frames", "policy_frames", "_policy_frames.html",
            lambda i: sections.policy_frames(i.scores)),
    Section("sentiment", "Sentiment", "sentiment", "_sentiment.html", lambda i: sections.sentiment(i.scores)),
    Section("stance", "Stance", "stance", "_stance.html",
            lambda i: sections.stance(i.scores, i.corpus, i.anchors, i.classes)),
    Section("loaded-language", "Loaded language", "loaded", "_loaded.html", lambda i: sections.loaded(i.scores)),
    Section("sourcing", "Sourcing", "sourcing", "_sourcing.html", lambda i: sections.sourcing(i.scores)),
    Section("similarity", "Similarity", "similarity", "_similarity.html",
            lambda i: compared.similarity(i.comparison, matrices.top_outlets(i.scores.table))),
    Section("distinctive-terms", "Distinctive vocabulary", "distinctive", "_distinctive.html",
            lambda i: compared.distinctive(i.comparison)),
    Section("same-fact", "Same fact, different words", "same_fact", "_same_fact.html",
            lambda i: compared.same_fact(i.comparison, i.corpus, i.scores, i.classes)),
    Section("syndication", "Syndication", "syndication", "_syndication.html",
            lambda i: compared.syndication(i.comparison, i.anchors)),
    Section("articles", "The articles", "articles", "_articles.html", lambda i: i.articles),
    Section("methods", "Methods and limits", "methods", "_methods.html", lambda i: i.methods),
    Section("provenance", "Provenance", "provenance", "_provenance.html", lambda i: i.provenance),
)
