"""framing.scoring.registry: every scorer keeps the protocol; requirements decide the running order."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pytest

from framing.lexicons.model import load_lexicon
from framing.scoring.base import Scorer, ScorerResult, ScoringContext
from framing.scoring.pipeline import Pipeline
from framing.scoring.registry import RunSettings, build_scorers, execution_order

SETTINGS = RunSettings((load_lexicon("military-posture"),), load_lexicon("loaded-language"))


def test_slant_is_opt_in():
    assert [s.name for s in build_scorers(SETTINGS)] == ["sentiment", "frames", "stance", "loaded", "sourcing"]


def test_every_registered_scorer_keeps_the_protocol():
    scorers = build_scorers(RunSettings(SETTINGS.frame_lexicons, SETTINGS.loaded_lexicon, slant=True))
    assert [s.name for s in scorers] == ["sentiment", "frames", "stance", "loaded", "sourcing", "slant"]
    articles = pd.DataFrame({"doc_id": ["a", "b"], "clean_text": ["NATO said it would deter.", "A massive buildup."]})
    context = ScoringContext.for_articles(articles)
    for scorer in execution_order(scorers):
        assert isinstance(scorer, Scorer)
        result = scorer(articles, context)
        assert isinstance(result, ScorerResult)
        assert result.table["doc_id"].tolist() == ["a", "b"]
        context.results[scorer.name] = result


def test_a_scorer_runs_after_what_it_requires():
    order = [s.name for s in execution_order(build_scorers(SETTINGS))]
    assert order.index("sourcing") < order.index("loaded")  # loaded leaves quotations out
    assert order[:3] == ["sentiment", "frames", "stance"]  # otherwise the registry's order


@dataclass(frozen=True)
class _Needs:
    name: str
    requires: tuple[str, ...]

    def __call__(self, articles, context=None):
        return ScorerResult(articles[["doc_id"]].assign(**{f"{self.name}.seen": len(context.results)}))


def test_a_cycle_of_requirements_is_refused():
    with pytest.raises(ValueError, match="cycle"):
        execution_order((_Needs("a", ("b",)), _Needs("b", ("a",))))


def test_a_new_scorer_is_one_more_entry():
    """A scorer added to the tuple gets its columns in the table, after the scorers it requires ran."""
    scorers = (*build_scorers(SETTINGS), _Needs("extra", ("sourcing",)))
    articles = pd.DataFrame({"doc_id": ["a"], "clean_text": ["NATO troops arrived."]})
    table = Pipeline(scorers)(articles)["table"]
    assert table.columns[-1] == "extra.seen"
    assert table["extra.seen"].item() == 5  # all five default scorers ran before it
