"""Does the voice rule help the sentence-level stance model? Measured on NewsMTSC train only.

    python evaluation/stance_voice.py [--train PATH]

Prints the 5-fold out-of-fold macro-F1 (grouped by sentence, the shipped
hyper-parameters) of the stance model refitted (a) as shipped and (b) with the
voice rule of framing/scoring/stance_voice.py applied to every target (the
words a target reports dropped from its features), and how many training
targets the rule touches and their gold labels. The dev files are not read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import numpy as np

from framing.scoring.stance import model as stance
from framing.scoring.stance.voice import voice_mask

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "tools"))
import fit_stance  # noqa: E402  (tools/ is a folder of scripts, not a package)


def featurize(rows, hp, voice: bool):
    out = []
    for sent, a, b, *_ in rows:
        drop = voice_mask(sent, a, b) if voice else None
        compound = None
        if drop is not None:
            from framing.scoring.stance.article import _compound

            compound = _compound(sent, drop)
        out.append(stance.mention_features(sent, a, b, hp["tau"], hp["cross"], hp["other"], drop, compound)[:2])
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", default=fit_stance.TRAIN, type=__import__("pathlib").Path)
    args = parser.parse_args(argv)
    hp = stance.load_model().meta["hyperparameters"]
    rows = fit_stance.load_rows(args.train)
    y = np.array([r[3] for r in rows])
    groups = [r[4] for r in rows]
    touched = [r[3] for r in rows if voice_mask(r[0], r[1], r[2]) is not None]
    print(
        f"voice rule applies to {len(touched)} of {len(rows)} training targets; gold labels "
        f"{dict(sorted(Counter(stance.CLASSES[t] for t in touched).items()))}"
    )
    for voice in (False, True):
        features = featurize(rows, hp, voice)
        X = fit_stance.matrix(features, fit_stance.vocabulary(features))
        f1 = fit_stance.cross_validate(X, y, groups, hp["C"], hp["class_weight"])
        print(f"{'with' if voice else 'without'} voice rule: train 5-fold CV macro-F1 {f1:.4f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
