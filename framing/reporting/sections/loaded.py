"""The loaded-language section: the evaluative total, every cue class, and the words behind them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.lexicons.model import LOADED_LANGUAGE, of_family
from framing.reporting.blocks import link_rows_to
from framing.reporting.cell_evidence import breakdown_blocks, link_rows
from framing.reporting.labels import category_labels, labeller
from framing.reporting.sections.common import loaded_lexicon_name
from framing.reporting.tables import relabel, table
from framing.scoring.loaded import LOADING_CLASSES
from framing.stats import matrices

if TYPE_CHECKING:
    from framing.scoring.scores import Scores


def loaded(scores: Scores, evidence: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The `loaded` total per outlet, each cue class's rate (each cell linked to its hits), and the top words."""
    totals = (
        scores.table.groupby("outlet", sort=True)
        .agg(
            **{
                k: v
                for k, v in {"loaded": ("loaded", "mean"), "count": ("loaded.count", "sum")}.items()
                if v[0] in scores.table.columns
            }
        )
        .reset_index()
    )
    classes = matrices.loaded_matrix(scores, matrices.top_outlets(scores.table))
    classes_are_rows = classes.shape[1] > classes.shape[0]
    oriented = classes.T.reset_index(names="cue class") if classes_are_rows else classes.reset_index()
    shown = table(oriented, "Every cue class: mean per 1,000 words")
    name = loaded_lexicon_name(scores)
    ev = evidence.get(name) if name is not None else None
    if ev is not None:
        shown = link_rows(shown, ev, outlets_are_rows=not classes_are_rows)
    every = [str(o) for o in totals["outlet"]]
    blocks = breakdown_blocks(
        ev,
        every,
        LOADING_CLASSES,
        prefix="loaded-total",
        heading="the cues behind its total",
        name=labeller(of_family(scores.lexicons, LOADED_LANGUAGE)),
    )
    totals_table = table(
        totals,
        "Loaded-language total per outlet (evaluative classes only)",
        {"outlet": "outlet", "loaded": "mean cues per 1,000 words", "count": "cues in all articles"},
    )
    linked = {o: b["anchor"] for o, b in zip(every, blocks)} if ev is not None else {}
    return {
        "totals": link_rows_to(totals_table, linked),
        "total_evidence": blocks if ev is not None else [],
        "classes": relabel(shown, category_labels(of_family(scores.lexicons, LOADED_LANGUAGE)), rows=classes_are_rows),
        "evidence": ev,
        "top_words": top_words(scores, "loaded", categories=LOADING_CLASSES),
    }


def top_words(
    scores: Scores, family: str, per_outlet: int = 8, categories: tuple[str, ...] | None = None
) -> list[dict[str, Any]]:
    """Most frequent evidence words of one family per outlet: outlet -> [(word, count)].

    `categories`: only hits of these categories (the loaded words list leaves
    out neutral report verbs, hedges and epistemological cues, as the total does).
    """
    evidence = scores.evidence
    evidence = evidence[evidence["family"] == family]
    if categories is not None:
        evidence = evidence[evidence["category"].isin(categories)]
    if evidence.empty:
        return []
    outlet = scores.table.set_index("doc_id")["outlet"]
    words = pd.DataFrame(
        {"outlet": evidence["doc_id"].map(outlet).astype(str), "word": evidence["text"].astype(str).str.lower()}
    )
    counts = words.groupby(["outlet", "word"]).size().rename("count").reset_index()
    counts = counts.sort_values(["outlet", "count", "word"], ascending=[True, False, True])
    return [
        {"outlet": name, "words": [[w, int(n)] for w, n in zip(group["word"], group["count"])][:per_outlet]}
        for name, group in counts.groupby("outlet", sort=True)
    ]
