"""The stance scorer: `stance.<target>` and `stance.<target>.mentions` columns, evidence, the long table.

Without a targets file it adds no columns (a corpus names its own actors).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from os import PathLike

import numpy as np
import pandas as pd

from framing.scoring.base import EVIDENCE_COLUMNS, ScorerResult, ScoringContext, empty_evidence
from framing.scoring.stance.article import TABLE_COLUMNS as STANCE_COLUMNS
from framing.scoring.stance.targets import Targets, load_targets


@dataclass(frozen=True)
class StanceScorer:
    """Articles -> stance toward each target of `targets` (a `Targets`, or None for no stance)."""

    targets: Targets | str | PathLike[str] | None = None  # a Targets or a targets file path; None: no stance
    name: str = "stance"
    requires: tuple[str, ...] = ()

    def __call__(self, articles: pd.DataFrame, context: ScoringContext | None = None) -> ScorerResult:
        if self.targets is None:
            return ScorerResult(
                pd.DataFrame({"doc_id": list(articles["doc_id"])}),
                empty_evidence(),
                {"stance": pd.DataFrame(columns=STANCE_COLUMNS)},
            )
        from framing.scoring.stance.article import score_stance

        targets = load_targets(self.targets)
        long, rows = score_stance(articles, targets)
        return ScorerResult(wide_columns(long, targets, articles["doc_id"]), stance_evidence(rows), {"stance": long})


def stance_evidence(rows: pd.DataFrame) -> pd.DataFrame:
    """`score_stance`'s evidence rows in the evidence table's columns."""
    evidence = pd.DataFrame(
        {
            "doc_id": rows["doc_id"],
            "sentence": rows["sentence"],
            "start": rows["start"],
            "end": rows["end"],
            "text": rows["text"],
            "family": "stance",
            "lexicon": rows["kind"],
            "category": rows["target"],
            "negated": False,
            "weight": rows["weight"].astype(float),
        },
        columns=EVIDENCE_COLUMNS,
    )
    return evidence


def wide_columns(stance: pd.DataFrame, targets: Targets, doc_ids: Iterable[object]) -> pd.DataFrame:
    """Long stance table -> `stance.<target>` and `stance.<target>.mentions` per article."""
    out = pd.DataFrame({"doc_id": list(doc_ids)})
    for name in targets.names:
        rows = stance[stance["target"] == name].set_index("doc_id").reindex(out["doc_id"])
        out[f"stance.{name}"] = rows["score"].astype(float).to_numpy()
        out[f"stance.{name}.mentions"] = rows["mentions"].fillna(0).astype(np.int64).to_numpy()
    wide: pd.DataFrame = out
    return wide
