"""Fit the sentence slant model on BABE (SG2, eight topics) and write framing/scoring/slant/data/slant_weights.json.

    python tools/fit_slant.py [--data PATH] [--out PATH] [--date YYYY-MM-DD] [--vectors PATH]

Both parts of the model (sentence and word, see framing/scoring/slant/model.py)
are chosen from the small grids below by leave-one-topic-out cross-validation
(fit on seven topics, judge on the eighth, for each topic), never by in-topic
accuracy: the sentence part and its threshold by macro-F1 of its flag, the
word part and its cut-off by word F1 against the words annotators marked. The winners are
refitted on all eight topics; the stacker that combines them is fitted on
their leave-one-topic-out predictions (each topic scored by parts fitted on
the other seven), its threshold chosen there too. Everything is written with
rounded weights, sorted keys and its provenance. Deterministic: lbfgs, fixed
grids, no shuffling.

Candidates with the `vectors` family read word vectors learnt from the
unlabelled AllSides articles (`tools/stance_vectors.py`, Apache-2.0 text, no
labels); their fitted weights are folded into one `e:<word>` weight per
vocabulary word (`framing/scoring/slant/vectors.py`), so only those weights
ship. `--vectors PATH` reads vectors built before (`.npz`; built from
allsides-10k and cached there when missing; deterministic either way).

The data is AGPL-3.0: the weights file is derived from it and says so (see
its datasheet, framing/scoring/slant/data/slant_weights.md).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from framing.io import atomic_write_text
from framing.scoring.slant import fitting
from framing.scoring.slant.model import WEIGHTS_FILE, SlantModel
from framing.scoring.slant.vectors import WordVectors, load_vectors

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "babe" / "babe-sg2-dev.csv"
OUT = REPO / "framing" / "scoring" / "slant" / "data" / WEIGHTS_FILE
# The sentence part's character n-gram candidates never won (0.65-0.67) and cost most of the time: not tried.
SENTENCE_GRID = fitting.grid([("words", "cues"), ("words", "cues", "context")], [2], [1.0], clean=[False, True])
WORD_FAMILIES = ("words", "cues", "valence", "shape", "chars", "context")
WORD_GRID = fitting.grid([WORD_FAMILIES], [1], [1.0], balanced=False)  # C 3.0 scored the same (0.369)
# With word vectors (`--vectors`): the candidates that led the un-nested screen (docs/guide/slant.md).
VECTOR_SENTENCE_GRID = fitting.grid([("words", "cues", "vectors")], [2], [1.0], clean=[True], vectors=[1.0])
VECTOR_WORD_GRID = fitting.grid([WORD_FAMILIES + ("vectors",)], [1], [1.0], balanced=False, vectors=[1.0])


def grids(with_vectors: bool) -> tuple[list[fitting.Settings], list[fitting.Settings]]:
    """The sentence and word candidates: the vector ones too when vectors are given (they need them)."""
    if not with_vectors:
        return SENTENCE_GRID, WORD_GRID
    return SENTENCE_GRID + VECTOR_SENTENCE_GRID, WORD_GRID + VECTOR_WORD_GRID


DECIMALS = 4


def _rounded(weights: dict[str, float]) -> dict[str, float]:
    out = {name: round(w, DECIMALS) for name, w in sorted(weights.items())}
    return {name: w for name, w in out.items() if w != 0.0}


def weights_document(
    model: SlantModel,
    choice: fitting.Choice,
    data_path: Path,
    sentences: int,
    date: str,
    stacked: fitting.Stacked | None = None,
    vectors: WordVectors | None = None,
) -> dict[str, Any]:
    def settings(s: fitting.Settings) -> dict[str, Any]:
        return {
            "families": list(s.families),
            "min_topics": s.min_topics,
            "C": s.C,
            "balanced": s.balanced,
            "clean": s.clean,
            "vectors": s.vectors,
        }

    return {
        "format": 3,
        "description": "Sentence slant: a logistic regression over per-word features for the sentence, "
        "another for the words annotators marked (a word's strength: its probability times the sentence "
        "part's), and a stacker over the sentence part's logit and its words' probabilities; "
        "see framing/scoring/slant/model.py.",
        "families": list(model.families),
        "licence": "AGPL-3.0-only (derived from the BABE data set; see slant_weights.md)",
        "training": {
            "data": "BABE SG2 (Spinde et al., Findings of EMNLP 2021), eight topics; AGPL-3.0",
            "file": data_path.name,
            "sha256": hashlib.sha256(data_path.read_bytes()).hexdigest(),
            "sentences": sentences,
            "fitted": date,
            "cv": "leave one topic out (8 folds)",
            "cv_sentence_part_macro_f1": round(choice.macro_f1, 4),
            "cv_word_f1": round(choice.word_f1, 4),
            "stacked": bool(model.stack),
            "cv_stacker_macro_f1": round(stacked.macro_f1, 4) if stacked is not None else None,
            "sentence_settings": settings(choice.parts.sentence),
            "word_settings": settings(choice.parts.word) if choice.parts.word is not None else None,
            "word_vectors": vectors_provenance(vectors)
            if vectors is not None and "vectors" in model.families
            else None,
        },
        "sentence": {
            "bias": round(model.bias, DECIMALS),
            "threshold": model.threshold,
            "weights": _rounded(dict(model.weights)),
        },
        "words": {
            "bias": round(model.word_bias, DECIMALS),
            "word_min": model.word_min,
            "weights": _rounded(dict(model.word_weights)),
        },
        "stack": {"bias": round(model.stack_bias, DECIMALS), "weights": _rounded(dict(model.stack))},
    }


def _vector_tool() -> Any:
    """tools/stance_vectors.py, beside this script (imported on demand: only the vectors need it)."""
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    import stance_vectors

    return stance_vectors


def vectors_provenance(vectors: WordVectors) -> dict[str, Any]:
    """Where the folded `e:<word>` weights' vectors came from."""
    stance_vectors = _vector_tool()
    corpus = stance_vectors.CORPUS
    return {
        "data": "allsides-10k.jsonl.gz, unlabelled article text (Baly et al., EMNLP 2020; Apache-2.0)",
        "sha256": hashlib.sha256(corpus.read_bytes()).hexdigest() if corpus.is_file() else None,
        "method": f"PPMI (window {stance_vectors.WINDOW}, 1/distance, smoothing {stance_vectors.SMOOTHING}) + "
        "truncated SVD, tools/stance_vectors.py; folded into e:<word> weights",
        "words": len(vectors.words),
        "dimensions": int(vectors.matrix.shape[1]),
    }


def read_vectors(path: Path | None) -> WordVectors:
    """Vectors from `path`, or built from allsides-10k (and cached at `path` when given)."""
    stance_vectors = _vector_tool()
    if path is not None and path.is_file():
        return load_vectors(path)
    if not stance_vectors.CORPUS.is_file():
        raise FileNotFoundError(f"{stance_vectors.CORPUS}: no corpus for the word vectors; pass --vectors PATH")
    words, matrix = stance_vectors.build(stance_vectors.CORPUS)
    if path is not None:
        stance_vectors.save(path, words, matrix)
    return WordVectors(tuple(words), matrix.astype(np.float32).astype(np.float64))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--date", default=dt.date.today().isoformat(), help="fitting date recorded in the file")
    parser.add_argument("--vectors", type=Path, help="word vectors .npz (built and cached there when missing)")
    args = parser.parse_args(argv)
    try:
        vectors = read_vectors(args.vectors) if args.vectors is not None else None
        data = fitting.load_babe(args.data)
    except (FileNotFoundError, ValueError, KeyError) as error:
        print(f"fit_slant: {error} (pass --data PATH to BABE's babe-sg2-dev.csv)", file=sys.stderr)
        return 2
    fitting.use_vectors(vectors)
    words = fitting.featurize(data)
    fitted: fitting.Fitted = {}  # the stacker's per-topic fits are the word choice's held-out fits
    choice = fitting.choose(words, data, *grids(vectors is not None), fitted)
    for part, settings, score in choice.table:
        print(f"{part:>12}  {score:.4f}  {settings}", file=sys.stderr)
    choice = dataclasses.replace(choice, parts=dataclasses.replace(choice.parts, stack=True))
    model = fitting.final_model(words, data, choice, fitted)
    stacked = fitting.stacker(words, data, choice.parts, fitted)  # its fits are cached: only the figure is new
    document = weights_document(model, choice, args.data, len(data.texts), args.date, stacked, vectors)
    SlantModel.from_dict(document)  # the file we write must load
    atomic_write_text(args.out, json.dumps(document, sort_keys=True, indent=1, ensure_ascii=False) + "\n")
    print(
        f"sentence {choice.parts.sentence} macro-F1 {choice.macro_f1:.4f}; word {choice.parts.word} "
        f">= {choice.parts.word_min} word F1 {choice.word_f1:.4f}; stacked, threshold {model.threshold}, macro-F1 {stacked.macro_f1:.4f} -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
