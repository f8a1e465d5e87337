"""Key findings: the few plain sentences a careful reader would write first, each with its evidence.

Generated from the same numbers as the sections below (outlet means, the
stance table, quotes, similarity, omissions), so they can never disagree with
them. Each finding names its size, says how sure it can be (a difference is
claimed only when the outlets' 95% intervals do not overlap; with one article
per outlet it is labelled a single-article reading), links to the section and
to the sentences behind it, and carries its caveat: these are indicators to
discuss, never verdicts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.reporting.coverage import coverage, coverage_warnings
from framing.reporting.labels import labeller
from framing.reporting.sections.common import comparison_frame, loaded_lexicon_name
from framing.reporting.sections.stance import stance_cells
from framing.scoring.loaded import LOADING_CLASSES
from framing.stats import matrices
from framing.templating import signed

if TYPE_CHECKING:
    from framing.comparison.pipeline import Comparison
    from framing.scoring.scores import Scores

MIN_MENTIONS = 3
"""A stance cell from fewer mentions than this is too thin to headline."""

Finding = dict[str, Any]
"""{topic, text, section, links: [{text, href}], certainty, caveat}."""


def _certainty(high: pd.Series, low: pd.Series) -> str | None:
    """ "clear" when the intervals are apart, "single" with one article each, None when they overlap."""
    if pd.isna(high["low"]) or pd.isna(low["high"]):
        return "single"
    return "clear" if high["low"] > low["high"] else None


def _apart(scores: Scores, column: str) -> tuple[pd.Series, pd.Series, str] | None:
    """The outlets with the highest and lowest mean of `column`, when the difference can be claimed."""
    if column not in scores.table:
        return None
    pair = _extremes(matrices.outlet_means(scores, column))
    if pair is None:
        return None
    certainty = _certainty(*pair)
    return None if certainty is None else (pair[0], pair[1], certainty)


def _extremes(stats: pd.DataFrame) -> tuple[pd.Series, pd.Series] | None:
    stats = stats.dropna(subset=["mean"])
    if len(stats) < 2:
        return None
    ordered = stats.sort_values(["mean", "outlet"], ascending=[False, True], kind="stable")
    top, bottom = ordered.iloc[0], ordered.iloc[-1]
    return (top, bottom) if top["mean"] != bottom["mean"] else None


def _balance(scores: Scores, hits: dict[tuple[str, str, str], str], unfit: set[str]) -> list[Finding]:
    """Which outlet leans most to each side of each contrast; none for a lexicon written for another story."""
    out = []
    for column, contrast in matrices.contrast_columns(scores):
        if column.split(".")[1] in unfit:
            continue
        pair = _extremes(matrices.outlet_means(scores, column))
        if pair is None:
            continue
        top, bottom = pair
        certainty = _certainty(top, bottom)
        if certainty is None:
            continue
        name = labeller(scores.lexicons)
        positive, negative = name(contrast.positive), name(contrast.negative)
        lexicon = column.split(".")[1]
        links = [
            link
            for link in (
                _link(f"{top['outlet']}: {positive} words", hits.get((lexicon, top["outlet"], contrast.positive))),
                _link(
                    f"{bottom['outlet']}: {negative} words", hits.get((lexicon, bottom["outlet"], contrast.negative))
                ),
            )
            if link
        ]
        out.append(
            {
                "topic": "Frame",
                "section": "frames",
                "certainty": certainty,
                "links": links,
                "text": f"{top['outlet']} leans most to “{positive}” (balance {signed(top['mean'])}) and "
                f"{bottom['outlet']} most to “{negative}” ({signed(bottom['mean'])}), on a scale from "
                f"−1 (all {negative}) to +1 (all {positive}).",
                "caveat": "Counts words, not arguments: quoting an official who says “defensive” counts too.",
            }
        )
    return out


def _tone(scores: Scores) -> list[Finding]:
    apart = _apart(scores, "sentiment")
    if apart is None:
        return []
    top, bottom, certainty = apart
    return [
        {
            "topic": "Tone",
            "section": "sentiment",
            "certainty": certainty,
            "links": [],
            "text": f"{top['outlet']} has the {_most('positive', top['mean'])} tone ({signed(top['mean'])}) and "
            f"{bottom['outlet']} the {_most('negative', bottom['mean'])} ({signed(bottom['mean'])}), on a scale "
            "from −1 to +1.",
            "caveat": "Tone is not stance: “NATO condemned the brutal attack” is negative about the attack, not NATO.",
        }
    ]


def _most(side: str, mean: float) -> str:
    """`most positive` only for a positive mean: the lowest of several positive tones is the `least positive`."""
    positive = side == "positive"
    if (mean > 0) == positive and mean != 0:
        return f"most {side}"
    return f"least {'negative' if positive else 'positive'}"


def _stance(scores: Scores, single: bool) -> list[Finding]:
    cells = stance_cells(scores)
    best: tuple[float, str, dict[str, Any], dict[str, Any]] | None = None
    for j, target in enumerate(cells["targets"]):
        column = [(row["outlet"], row["cells"][j]) for row in cells["rows"]]
        usable = [(o, c) for o, c in column if c["value"] is not None and (c["mentions"] or 0) >= MIN_MENTIONS]
        if len(usable) < 2:
            continue
        most = max(usable, key=lambda oc: (oc[1]["value"], oc[0]))
        least = min(usable, key=lambda oc: (oc[1]["value"], oc[0]))
        gap = float(most[1]["value"]) - float(least[1]["value"])
        if best is None or gap > best[0]:
            best = (gap, target, {"outlet": most[0], **most[1]}, {"outlet": least[0], **least[1]})
    if best is None or best[0] <= 0:
        return []
    gap, target, high, low = best
    return [
        {
            "topic": "Stance",
            "section": "stance",
            "certainty": "single" if single else "count",
            "links": [
                {"text": f"{high['outlet']} on {target}", "href": high["anchor"]},
                {"text": f"{low['outlet']} on {target}", "href": low["anchor"]},
            ],
            "text": f"The sharpest difference in stance is toward {target}: {high['outlet']} writes of it most "
            f"favourably ({signed(high['value'])} over {high['mentions']} mentions), {low['outlet']} least "
            f"({signed(low['value'])} over {low['mentions']} mentions); a gap of {gap:.2f} on a −1 to +1 scale.",
            "caveat": "A model reads the words near each mention; sarcasm and quoted opponents fool it. Read the sentences.",
        }
    ]


def _sourcing(scores: Scores) -> list[Finding]:
    quotes = getattr(scores, "quotes", None)
    if quotes is None or not len(quotes) or "speaker" not in quotes:
        return []
    outlet_of = dict(zip(scores.table["doc_id"].astype(str), scores.table["outlet"].astype(str)))
    named = pd.DataFrame(
        {
            "outlet": quotes["doc_id"].astype(str).map(outlet_of),
            "speaker": quotes["speaker"].fillna("").astype(str).str.strip(),
        }
    )
    named = named[named["speaker"] != ""]
    if named.empty:
        return []
    counts = named.groupby("speaker").agg(quotes=("outlet", "size"), outlets=("outlet", "nunique")).reset_index()
    top = counts.sort_values(["quotes", "speaker"], ascending=[False, True], kind="stable").iloc[0]
    all_outlets = sorted(set(outlet_of.values()))
    silent = [o for o in all_outlets if o not in set(named["outlet"])]
    text = (
        f"{top['speaker']} is the most quoted voice: {int(top['quotes'])} quotes in {int(top['outlets'])} of "
        f"{len(all_outlets)} outlets."
    )
    if silent:
        text += f" {', '.join(silent)} quote{'s' if len(silent) == 1 else ''} no named speaker."
    return [
        {
            "topic": "Sources",
            "section": "sourcing",
            "certainty": "count",
            "links": [],
            "text": text,
            "caveat": "A quote is credited only when a name stands next to a speech verb; unnamed sources are not counted.",
        }
    ]


def _alike(comparison: Comparison | None) -> list[Finding]:
    matrix = comparison_frame(comparison, "outlet_similarity")
    if len(matrix) < 3:
        return []
    values = matrix.to_numpy(dtype=float)
    pairs = [
        (float(values[i, j]), str(matrix.index[i]), str(matrix.index[j]))
        for i in range(len(matrix))
        for j in range(i + 1, len(matrix))
    ]
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    value, a, b = pairs[0]
    low, c, d = pairs[-1]
    return [
        {
            "topic": "Word use",
            "section": "similarity",
            "certainty": "count",
            "links": [{"text": "each outlet's distinctive words", "href": "distinctive-terms"}],
            "text": f"{a} and {b} use the most similar words (similarity {value:.2f} of 1); "
            f"{c} and {d} the least alike ({low:.2f}).",
            "caveat": "Shared words can mean shared framing, shared sources or simply the same wire copy.",
        }
    ]


def _omission(comparison: Comparison | None) -> list[Finding]:
    """The fact told by the most outlets (at least half of those covering its story, at least two) and who leaves it out.

    An outlet that never covers the fact's story (NA in the omissions table) has
    nothing to leave out: it counts neither as reporting nor as missing.
    """
    omissions = comparison_frame(comparison, "omissions")
    if omissions.empty or "outlets" not in omissions:
        return []
    outlets = [c for c in omissions.columns if c not in {"fact", "story", "outlets", "example"}]
    ordered = omissions.sort_values(["outlets", "fact"], ascending=[False, True], kind="stable")
    for _, row in ordered.iterrows():
        covering = [o for o in outlets if not pd.isna(row[o])]
        reach, total = int(row["outlets"]), len(covering)
        if total >= 3 and max(2, total / 2) <= reach < total:
            missing = [o for o in covering if not bool(row[o])]
            return [
                _omission_finding(
                    row, reach, missing, "outlets" if total == len(outlets) else "outlets covering its story"
                )
            ]
    return []


def _omission_finding(row: pd.Series, reach: int, missing: list[str], who: str) -> Finding:
    example = " ".join(str(row.get("example", "") or "").split())
    fact = f"“{example[:120].rsplit(' ', 1)[0]} …”" if len(example) > 120 else f"“{example}”"
    return {
        "topic": "Left out",
        "section": "same-fact",
        "certainty": "count",
        "links": [],
        "text": f"{reach} of {reach + len(missing)} {who} report the fact {fact}; {_join(missing)} "
        f"{'does' if len(missing) == 1 else 'do'} not.",
        "caveat": "It may be told in words the aligner did not match; check the article before saying it is missing.",
    }


def _loaded(scores: Scores, hits: dict[tuple[str, str, str], str]) -> list[Finding]:
    apart = _apart(scores, "loaded")
    if apart is None:
        return []
    top, bottom, certainty = apart
    loaded_name = loaded_lexicon_name(scores)
    cells = sorted(
        ((lexicon, category), anchor)
        for (lexicon, outlet, category), anchor in hits.items()
        if lexicon == loaded_name and outlet == top["outlet"] and category in LOADING_CLASSES
    )
    name = labeller(scores.lexicons)
    links = [{"text": f"{top['outlet']}: {name(category)}", "href": anchor} for (_, category), anchor in cells[:4]]
    return [
        {
            "topic": "Loaded words",
            "section": "loaded-language",
            "certainty": certainty,
            "links": links,
            "text": f"{top['outlet']} uses the most evaluative words (loaded report verbs, intensifiers, loaded "
            f"adjectives, scare quotes): {top['mean']:.1f} per 1,000 words, against {bottom['mean']:.1f} "
            f"in {bottom['outlet']}.",
            "caveat": "Whether a word is loaded depends on context the word list cannot see: read the marked words.",
        }
    ]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _link(text: str, anchor: str | None) -> dict[str, str] | None:
    return {"text": text, "href": anchor} if anchor else None


def findings(
    scores: Scores, comparison: Comparison | None, hits: dict[tuple[str, str, str], str], stories: int
) -> dict[str, Any]:
    """The key findings, in reading order, and what they rest on."""
    single = bool(len(scores.table)) and int(scores.table.groupby("outlet").size().max()) == 1
    fit = coverage(scores)
    items = (
        _balance(scores, hits, {c["lexicon"] for c in fit if c["low"]})
        + _tone(scores)
        + _stance(scores, single)
        + _loaded(scores, hits)
        + _sourcing(scores)
        + _alike(comparison)
        + _omission(comparison)
    )
    return {"lines": items, "single_article": single, "stories": stories, "warnings": coverage_warnings(fit)}
