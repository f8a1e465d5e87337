"""The scorers `framing score` runs, in the order their columns appear in the scores table.

Each entry builds one scorer from the run's settings (`RunSettings`: frame
lexicons, the loaded-language lexicon, targets). Adding a scorer: write its
module (a frozen dataclass following `framing.scoring.base.Scorer`) and add
one line here. A scorer that reads another's result names it in `requires`;
the pipeline runs scorers after those they require, whatever their place here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from framing.lexicons.model import Lexicon
from framing.scoring.base import Scorer
from framing.scoring.frames import FrameScorer
from framing.scoring.loaded import LoadedScorer
from framing.scoring.sentiment import SentimentScorer
from framing.scoring.slant.scorer import SlantScorer
from framing.scoring.sourcing.attribution import SourcingScorer
from framing.scoring.stance.scorer import StanceScorer
from framing.scoring.stance.targets import Targets


@dataclass(frozen=True)
class RunSettings:
    """What the scorers of one run are built from."""

    frame_lexicons: tuple[Lexicon, ...]
    loaded_lexicon: Lexicon
    targets: Targets | None = None  # loaded (framing.scoring.stance.targets.load_targets); None: no stance
    slant: bool = False  # sentence slant is opt-in: it doubles the scoring time (docs/guide/slant.md)


SCORERS: tuple[Callable[[RunSettings], Scorer | None], ...] = (
    lambda run: SentimentScorer(),
    lambda run: FrameScorer(run.frame_lexicons),
    lambda run: StanceScorer(run.targets),
    lambda run: LoadedScorer(run.loaded_lexicon),
    lambda run: SourcingScorer(),
    lambda run: SlantScorer() if run.slant else None,
)


def build_scorers(run: RunSettings) -> tuple[Scorer, ...]:
    """The registry's scorers for this run, in table order (an opt-in scorer not asked for is left out)."""
    return tuple(scorer for scorer in (make(run) for make in SCORERS) if scorer is not None)


def execution_order(scorers: tuple[Scorer, ...]) -> list[Scorer]:
    """Scorers ordered so that each runs after the ones it requires (stable otherwise)."""
    by_name = {s.name: s for s in scorers}
    done: dict[str, Scorer] = {}

    def visit(scorer: Scorer, path: tuple[str, ...]) -> None:
        if scorer.name in done:
            return
        for needed in scorer.requires:
            if needed in path:
                raise ValueError(f"scorers require each other in a cycle: {' -> '.join((*path, needed))}")
            if needed in by_name:
                visit(by_name[needed], (*path, scorer.name))
        done[scorer.name] = scorer

    for scorer in scorers:
        visit(scorer, (scorer.name,))
    return list(done.values())
