"""An article's original text as HTML, with its evidence words marked.

Evidence offsets slice `clean_text`; the reader should see the article as
published, so each span is mapped back onto the original `text`, and the lines
that cleaning removed are shown greyed out rather than hidden. Every piece of
text is escaped here, piece by piece, which is why the result may be trusted
as `Markup` by the templates.

Overlapping hits (a word that is both loaded and stance evidence, or two
lexicon entries sharing words) merge into one mark covering their union; the
mark takes the style of its first hit in `FAMILY_ORDER` and its tooltip lists
every hit, so nothing is silently dropped and the result does not depend on
row order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd
from markupsafe import Markup, escape

from framing.reporting.labels import label
from framing.scoring.stance.article import MENTION_KINDS

FAMILY_ORDER = ("frame", "loaded", "stance", "sentiment", "quote", "slant")
MARKED_FAMILIES = ("frame", "loaded", "stance")
ARTICLE_FAMILIES = (*MARKED_FAMILIES, "slant")  # the full articles also mark the slant words
STRONG_CUE = 0.5  # stance cue words weaker than this (log-odds share) are not marked: most words get some


def marked_evidence(evidence: pd.DataFrame | None, families: tuple[str, ...] = MARKED_FAMILIES) -> pd.DataFrame | None:
    """The evidence rows worth marking: frame and loaded hits, target mentions, strong stance cues."""
    if evidence is None or len(evidence) == 0:
        return evidence
    rows = evidence[evidence["family"].isin(families)]
    cue = (rows["family"] == "stance") & ~rows["lexicon"].isin(MENTION_KINDS)
    weak_cue = cue & (rows["weight"].abs() < STRONG_CUE)
    marked: pd.DataFrame = rows[~weak_cue]
    return marked


@dataclass(frozen=True)
class Hit:
    """One evidence span in original-text offsets, with what the tooltip shows."""

    start: int
    end: int
    family: str
    lexicon: str
    category: str
    weight: float
    negated: bool
    sentence: int = field(default=-1, compare=False)

    def sort_key(self) -> tuple[int, int, int, str, str, float, bool]:
        rank = FAMILY_ORDER.index(self.family) if self.family in FAMILY_ORDER else len(FAMILY_ORDER)
        return (self.start, -self.end, rank, self.lexicon, self.category, self.weight, self.negated)

    def describe(self, names: Mapping[tuple[str, str], str] | None = None) -> str:
        """The tooltip: lexicon and category in plain words (`names`: the lexicons' own labels), weight if not 1."""
        if self.family == "slant":
            return f"slant word · strength {self.weight:.2f} (how likely experts mark it, times how slanted its sentence reads)"
        if self.family == "stance" and self.lexicon == "stance place":
            return f"{self.category} named as a place · not scored"

        text = plain_tip(self.lexicon, (names or {}).get((self.lexicon, self.category)) or label(self.category))
        weight = f"{self.weight:.2g}"
        text += "" if weight == "1" else f" · weight {weight}"
        return text + " · negated" if self.negated else text


def plain_tip(lexicon: str, category_label: str) -> str:
    """The tooltip of a hit with weight 1, not negated: lexicon and category in plain words."""
    return f"{label(lexicon)} › {category_label}"  # a tooltip is read, not parsed


class MarkStyles(dict[tuple[str, str], str]):
    """(lexicon, category) -> the CSS classes of its marks, and in `names` each category's display name.

    One mapping goes to every highlighting call (articles, evidence, quotes),
    so the tooltips of all of them read the lexicon's own labels.
    """

    def __init__(self, classes: Mapping[tuple[str, str], str], names: Mapping[tuple[str, str], str]) -> None:
        super().__init__(classes)
        self.names = dict(names)


def clean_to_original_offsets(removed: list[tuple[int, int]], offsets: Sequence[int] | np.ndarray) -> np.ndarray:
    """Map offsets into `clean_text` onto the original text (vectorized).

    `removed` are the [start, end) boilerplate ranges of the original text. An
    offset at a removal point maps to just after the removed range, which is
    right for span starts; map `end - 1` and add one for span ends.
    """
    positions: np.ndarray = np.asarray(offsets, dtype=np.int64)
    if not removed:
        return positions
    ranges = np.array(sorted(removed), dtype=np.int64)
    lengths = ranges[:, 1] - ranges[:, 0]
    removed_before = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    clean_starts = ranges[:, 0] - removed_before
    count = np.searchsorted(clean_starts, positions, side="right")
    shift = np.concatenate([[0], np.cumsum(lengths)])
    moved: np.ndarray = positions + shift[count]
    return moved


def evidence_hits(evidence: pd.DataFrame | None, families: tuple[str, ...] = MARKED_FAMILIES) -> dict[str, list[Hit]]:
    """doc_id -> that article's markable evidence as `Hit`s (clean-text offsets), in one pass.

    Converting once and working on plain lists keeps pandas out of the
    per-article and per-sentence loops of the report.
    """
    rows = marked_evidence(evidence, families)
    if rows is None or len(rows) == 0:
        return {}
    rows = rows[rows["end"] > rows["start"]]
    out: dict[str, list[Hit]] = {}
    columns = ("doc_id", "start", "end", "family", "lexicon", "category", "weight", "negated", "sentence")
    for doc_id, start, end, family, lexicon, category, weight, negated, sentence in zip(*(rows[c] for c in columns)):
        family, lexicon = str(family), str(lexicon)
        out.setdefault(str(doc_id), []).append(
            Hit(
                int(start),
                int(end),
                family,
                f"stance {lexicon}" if family == "stance" else lexicon,
                str(category),
                float(weight) if weight == weight else 0.0,
                bool(negated),
                int(sentence),
            )
        )
    return out


def within(hits: list[Hit], start: int, end: int) -> list[Hit]:
    """The hits inside [start, end), shifted so that `start` becomes 0 (for one sentence)."""
    return [replace(h, start=h.start - start, end=h.end - start) for h in hits if h.start >= start and h.end <= end]


def _to_original(hits: list[Hit], removed: list[tuple[int, int]]) -> list[Hit]:
    if not hits or not removed:
        return sorted(set(hits), key=Hit.sort_key)
    starts = clean_to_original_offsets(removed, [h.start for h in hits])
    ends = clean_to_original_offsets(removed, [h.end - 1 for h in hits]) + 1
    moved = {replace(h, start=int(s), end=int(e)) for h, s, e in zip(hits, starts, ends)}
    return sorted(moved, key=Hit.sort_key)


def merge_overlaps(hits: list[Hit]) -> list[tuple[int, int, list[Hit]]]:
    """Group overlapping hits: (start, end, hits) with disjoint, ordered spans."""
    groups: list[tuple[int, int, list[Hit]]] = []
    for hit in sorted(hits, key=Hit.sort_key):
        if groups and hit.start < groups[-1][1]:
            start, end, members = groups[-1]
            groups[-1] = (start, max(end, hit.end), members + [hit])
        else:
            groups.append((hit.start, hit.end, [hit]))
    return groups


def _mark(text: str, members: list[Hit], classes: dict[tuple[str, str], str]) -> Markup:
    lead = min(members, key=lambda h: (FAMILY_ORDER.index(h.family) if h.family in FAMILY_ORDER else 9, h.sort_key()))
    family = lead.family if lead.family in FAMILY_ORDER else "other"
    css = f"hl fam-{family} {classes.get((lead.lexicon, lead.category), 'k-' + family + ' lx-' + family)}"
    if lead.negated:
        css += " negated"
    names = classes.names if isinstance(classes, MarkStyles) else None
    tip = "; ".join(dict.fromkeys(h.describe(names) for h in members))
    if (
        names
        and (lead.lexicon, lead.category) in names
        and tip == plain_tip(lead.lexicon, names[lead.lexicon, lead.category])
    ):
        # the class's own tooltip, which the page's CSS holds once (`render.legend_css`) rather than on every mark
        return Markup('<mark class="{css}" tabindex="0">{text}</mark>').format(css=css, text=text)
    return Markup('<mark class="{css}" tabindex="0" data-tip="{tip}">{text}</mark>').format(css=css, tip=tip, text=text)


def _plain(text: str, start: int, end: int, marks: list[tuple[int, int, Markup]]) -> Markup:
    """Escape text[start:end], wrapping the mark groups that fall inside it."""
    out, position = [], start
    for mark_start, mark_end, html in marks:
        if mark_start < start or mark_end > end:
            continue
        out.append(escape(text[position:mark_start]))
        out.append(html)
        position = mark_end
    out.append(escape(text[position:end]))
    return Markup("").join(out)


def highlight_excerpt(text: str, hits: list[Hit], classes: dict[tuple[str, str], str] | None = None) -> Markup:
    """One sentence cut out of an article, marked like `highlight_article`, stray quotation marks closed."""
    from framing.text.excerpt import open_quote_ellipses

    prefix, suffix = open_quote_ellipses(text)
    return escape(prefix) + highlight_article(text, hits, None, classes) + escape(suffix)


def highlight_article(
    text: Any,
    evidence: pd.DataFrame | list[Hit] | None = None,
    boilerplate: pd.DataFrame | None = None,
    classes: dict[tuple[str, str], str] | None = None,
) -> Markup:
    """The article's original text as safe HTML: evidence marked, boilerplate greyed.

    `evidence`: this article's rows of `Scores.evidence`, or its `Hit`s from
    `evidence_hits` (offsets into clean_text); `boilerplate`: rows of `Corpus.boilerplate` for it (offsets into
    text, with a `reason`); `classes`: (lexicon, category) -> CSS class of the
    legend colour. Line breaks are kept as characters (the CSS uses pre-wrap).
    """
    text = "" if text is None else str(text)
    classes = classes or {}
    removed = []
    if boilerplate is not None and len(boilerplate):
        removed = sorted(
            zip(boilerplate["start"].astype(int), boilerplate["end"].astype(int), boilerplate["reason"].astype(str))
        )
    if evidence is not None and not isinstance(evidence, list):
        evidence = next(iter(evidence_hits(evidence).values()), [])
    hits = _to_original(evidence or [], [(s, e) for s, e, _ in removed])
    marks = [(s, e, _mark(text[s:e], members, classes)) for s, e, members in merge_overlaps(hits) if e <= len(text)]
    out, position = [], 0
    for start, end, reason in removed:
        if start < position:
            continue
        out.append(_plain(text, position, start, marks))
        out.append(
            Markup('<span class="boilerplate" title="removed as boilerplate: {r}">{t}</span>').format(
                r=label(reason), t=text[start:end]
            )
        )
        position = end
    out.append(_plain(text, position, len(text), marks))
    return Markup("").join(out)
