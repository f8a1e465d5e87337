"""Sentence slant speed: the shipped slant model against VADER (`vader_scores`) on the same sentences, same run.

Takes the first N sentences (`sentence_spans`) of the AllSides sample and
scores them with `SlantModel.score` (cold: a fresh model, as a new process
sees it, its per-word caches empty; warm: the same model again) and with `vader_fast.vader_scores`, the
sentiment scorer's core, as the baseline. Prints sentences/s and words/s for
each and the ratio to VADER. Times are CPU seconds (`time.process_time`), best
of --repeat passes. `--weights FILE` times another weights file (an older
model, say) in the same run.

    python benchmarks/bench_slant.py [--sentences N] [--repeat K] [--data PATH] [--weights FILE]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from bench_tokenize import DATA
from bench_vader import allsides_sentences, best

from framing.scoring import vader_fast
from framing.scoring.slant import features
from framing.scoring.slant.model import SlantModel, shipped_model


def _fresh(model: SlantModel) -> SlantModel:
    """The same weights with an empty per-word cache."""
    return dataclasses.replace(model, _lexical={}, _both={})


def _timed(name: str, model: SlantModel, sentences: list[str], repeat: int) -> list[tuple[str, float]]:
    """(label, CPU seconds) of the model cold and warm."""
    features.word_features(sentences[:10], model.families)  # load the lexicons outside the timing
    cold_s, _ = best(lambda: _fresh(model).score(sentences), repeat, features.clear_word_cache)
    warm_s, _ = best(lambda: model.score(sentences), repeat)
    return [(f"{name}, cold", cold_s), (f"{name}, warm", warm_s)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--weights", type=Path, default=None, help="another slant_weights.json to time beside")
    args = parser.parse_args()

    sentences = allsides_sentences(args.data, args.sentences)
    words = sum(len(s.split()) for s in sentences)
    models = {"slant model (shipped)": shipped_model()}
    if args.weights is not None:
        models[f"slant model ({args.weights.name})"] = SlantModel.from_dict(
            json.loads(args.weights.read_text(encoding="utf-8"))
        )
    vader_s, _ = best(lambda: vader_fast.vader_scores(sentences), args.repeat)
    rows = [("vader_scores (baseline)", vader_s)]
    for name, model in models.items():
        rows += _timed(name, model, sentences, args.repeat)
    print(f"{len(sentences):,} sentences, {words:,} words")
    for name, seconds in rows:
        print(
            f"{name:44s} {seconds:7.3f} s CPU  {len(sentences) / seconds:9,.0f} sentences/s"
            f"  {words / seconds:10,.0f} words/s  x{vader_s / seconds:5.2f} of VADER's rate"
        )


if __name__ == "__main__":
    main()
