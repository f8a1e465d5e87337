"""Fit the stance weights on NewsMTSC train.jsonl ONLY and write framing/scoring/stance/data/stance_weights.json.

    python tools/fit_stance.py [--train PATH] [--out PATH] [--date YYYY-MM-DD] [--vectors PATH]

Word vectors (`stance_vectors.py`, learnt from unlabelled AllSides articles)
give every word read on a side (`L:`, `R:`, `P:`) or in the sentence bag
(`s:`) a second, dense reading: the kernel-weighted sum of its words' vectors
per slot, times `vectors` (the grid's scale). The fitted weights of those
dense columns are folded back into per-word weights (`L:<word>` gets
`scale * vector(word) . W_L` added), so the shipped model is the same
word-by-word model it was, every word's share is still its evidence, and a
word never seen with a label still gets the weight of the words it is used
like. `--vectors PATH` reads vectors built before (`.npz`; built and cached
there when missing).

Deterministic: the folds are grouped by article and fixed (GroupKFold), the
solver is deterministic (lbfgs) and the grid is small and listed below. The
hyper-parameters (kernel width `tau`, the weight `other` of words nearer
another name, regularisation `C`, class weighting) are chosen by the
out-of-fold macro-F1 of a 5-fold cross-validation on train.jsonl; the
dev files are never read here. The chosen model is refitted on all of train and
written with rounded weights and sorted keys, together with its provenance.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import sys
from pathlib import Path

import numpy as np
import stance_vectors
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

from framing.io import atomic_write_text
from framing.scoring.stance import model as stance

REPO = Path(__file__).resolve().parents[1]
TRAIN = REPO.parent / "shared" / "data" / "newsmtsc" / "train.jsonl"
POLARITY = {2.0: 0, 4.0: 1, 6.0: 2}
GRID = {
    "tau": [5.0, 8.0, 12.0],
    "cross": [0.5],
    "other": [0.7],
    "C": [0.25, 0.5],
    "class_weight": [None, "balanced"],
    "vectors": [0.0, 1.0, 3.0],
}
SLOTS = ("L:", "R:", "P:", "s:")  # word features that get a dense vector reading (and a folded weight)
MIN_COUNT = 2  # a word feature must occur for at least this many training targets
MIN_COUNT_PAIRS = 4  # and a two-word feature for this many (keeps the weights file small)
FOLDS = 5
# the shipped weights were written with 4 decimals: keep it so that this script rebuilds them byte for byte.
# (3 decimals, at most 0.0005 log-odds per weight, saves ~8% of the file; the vector fit in docs/guide/stance.md used it)
DECIMALS = 4
# Only the FOLD_WORDS most frequent words of the vectors get a dense reading (and so a folded weight per slot):
# 4 slots x 25,845 words made a 5.3 MB file. Pruning the folded weights after the fit instead (the 15,000 of
# widest class spread) dropped train CV from 0.677 to 0.535: they are large and cancel, all or none.
FOLD_WORDS = 6_000


def load_rows(path: Path):
    """[(Sentence, a, b, label, group)] for every target in the file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        sent = stance.analyse(record["sentence_normalized"])
        for target in record["targets"]:
            a, b = stance.token_range(sent, target["from"], target["to"])
            rows.append((sent, a, b, POLARITY[target["polarity"]], article_of(record)))
    return rows


def article_of(record: dict) -> str:
    """The CV group of a sentence: its story for AllSides ("allsides_1000_401_25_...": article 1000 of
    story 401, told by up to three outlets), its article for POLUSA ("polusa_v1_113704059_..."). The folds
    keep each group whole, so a fold is scored on stories and articles it never saw. (Grouping by the
    first two parts, as before, put all 4,118 POLUSA sentences in one group: one fold held nothing else.)"""
    parts = str(record["primary_gid"]).split("_")
    return f"{parts[0]}:{parts[2]}"


def featurize(rows, tau: float, cross: float, other: float):
    return [stance.mention_features(sent, a, b, tau, cross, other)[:2] for sent, a, b, *_ in rows]


def vocabulary(features) -> dict[str, int]:
    counts: dict[str, int] = {}
    for names, _ in features:
        for name in set(names):
            counts[name] = counts.get(name, 0) + 1
    least = {"w:": MIN_COUNT, "L:": MIN_COUNT, "R:": MIN_COUNT, "s:": MIN_COUNT, "b:": MIN_COUNT_PAIRS}
    keep = sorted(n for n, c in counts.items() if c >= least.get(n[:2], 0))
    return {name: i for i, name in enumerate(keep)}


def matrix(features, vocab) -> sparse.csr_matrix:
    rows, cols, vals = [], [], []
    for r, (names, values) in enumerate(features):
        for name, value in zip(names, values):
            j = vocab.get(name)
            if j is not None:
                rows.append(r)
                cols.append(j)
                vals.append(value)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(features), len(vocab)))


class Vectors:
    """Word vectors and the dense slot matrix they give a feature list."""

    def __init__(self, words: list[str], vectors: np.ndarray):
        self.words, self.vectors = words, vectors
        self.index = {w: i for i, w in enumerate(words)}

    @property
    def width(self) -> int:
        return len(SLOTS) * self.vectors.shape[1]

    def dense(self, features) -> np.ndarray:
        """Per target and slot the value-weighted sum of its slot words' vectors."""
        rows, cols, vals = [], [], []
        size = len(self.words)
        for r, (names, values) in enumerate(features):
            for name, value in zip(names, values):
                slot = SLOTS.index(name[:2]) if name[:2] in SLOTS else -1
                i = self.index.get(name[2:], -1) if slot >= 0 else -1
                if i >= 0:
                    rows.append(r)
                    cols.append(slot * size + i)
                    vals.append(value)
        counts = sparse.csr_matrix((vals, (rows, cols)), shape=(len(features), len(SLOTS) * size))
        return np.hstack([counts[:, k * size : (k + 1) * size] @ self.vectors for k in range(len(SLOTS))])

    def fold(self, coef: np.ndarray, scale: float) -> dict[str, np.ndarray]:
        """The dense columns' weights (3 x width) as per-word weights: `slot + word` -> scale * W_slot . v."""
        d = self.vectors.shape[1]
        folded = {}
        for k, slot in enumerate(SLOTS):
            per_word = scale * self.vectors @ coef[:, k * d : (k + 1) * d].T
            folded.update({slot + w: per_word[i] for i, w in enumerate(self.words)})
        return folded


def with_vectors(X: sparse.csr_matrix, features, vectors: Vectors | None, scale: float) -> sparse.csr_matrix:
    """The word features and, when `scale`, the dense vector slots times `scale`."""
    if not scale or vectors is None:
        return X
    return sparse.hstack([X, sparse.csr_matrix(vectors.dense(features) * scale)]).tocsr()


def read_vectors(path: Path | None) -> Vectors:
    """Vectors from `path` (built from allsides-10k and written there when missing)."""
    if path is not None and path.is_file():
        words, vectors = stance_vectors.load(path)
        return Vectors(words[:FOLD_WORDS], vectors[:FOLD_WORDS])
    words, vectors = stance_vectors.build(stance_vectors.CORPUS)
    if path is not None:
        stance_vectors.save(path, words, vectors)
    return Vectors(words[:FOLD_WORDS], vectors.astype(np.float32).astype(np.float64)[:FOLD_WORDS])


def model(C: float, class_weight) -> LogisticRegression:
    return LogisticRegression(C=C, class_weight=class_weight, max_iter=5000, random_state=0)


THRESHOLDS = np.round(np.arange(0.0, 0.61, 0.01), 2)  # candidate neutral bands |score| < t


def cross_validate(X, y, groups, C, class_weight) -> tuple[float, float, float]:
    """Out-of-fold (macro-F1 of the most probable class, the sentence label rule; the neutral band
    `threshold` of THRESHOLDS whose score rule -- positive at P(positive) - P(negative) >= threshold,
    negative at <= -threshold -- has the best out-of-fold macro-F1 (ties: the smallest); that macro-F1).

    Article labels and worksheet ticks use the score rule (`stance.ticks`): a label a reader can
    tell from the number. Sentence labels keep the most probable class, which scores higher.
    """
    oof = np.zeros((len(y), 3))
    for train, test in GroupKFold(n_splits=FOLDS).split(X, y, groups):
        oof[test] = model(C, class_weight).fit(X[train], y[train]).predict_proba(X[test])
    labels = np.array([stance.CLASSES.index(stance.label_of(p)) for p in oof])
    score = oof[:, 2] - oof[:, 0]
    banded = [
        (float(f1_score(y, np.where(score >= t, 2, np.where(score <= -t, 0, 1)), average="macro")), -t)
        for t in THRESHOLDS
    ]
    band_f1, t = max(banded)
    return float(f1_score(y, labels, average="macro")), float(-t), band_f1


def weights_document(
    clf, vocab, config, grid, cv_f1, train_path, n_sentences, n_groups, n_targets, date, vectors: Vectors | None
):
    combined = {name: clf.coef_[:, j] for name, j in vocab.items()}
    if config["vectors"] and vectors is not None:
        for name, weight in vectors.fold(clf.coef_[:, len(vocab) :], config["vectors"]).items():
            combined[name] = combined.get(name, 0.0) + weight
    rounded = {name: np.round(w, DECIMALS) for name, w in combined.items()}
    weights = {name: [float(v) for v in w] for name, w in rounded.items() if np.abs(w).max() > 0}
    return {
        "format": stance.WEIGHTS_FORMAT,
        "classes": list(stance.CLASSES),
        "description": "Multinomial logistic regression over distance-weighted words and lexicon valences around "
        "the target; see framing/scoring/stance/model.py. score = P(positive) - P(negative); sentence label = most "
        "probable class; article label and worksheet tick: positive at score >= threshold, negative at <= -threshold.",
        "label_rule": "argmax",
        "hyperparameters": {
            **config,
            "min_count": MIN_COUNT,
            "min_count_pairs": MIN_COUNT_PAIRS,
            "fold_words": FOLD_WORDS if config["vectors"] else None,
            "negation_window": stance.NEGATION_WINDOW,
        },
        "grid": grid,
        "training": {
            "data": "NewsMTSC train.jsonl (Hamborg & Donnay, EACL 2021; MIT licence)",
            "file": train_path.name,
            "sha256": hashlib.sha256(train_path.read_bytes()).hexdigest(),
            "sentences": n_sentences,
            "cv_groups": n_groups,
            "targets": n_targets,
            "fitted": date,
            "cv": f"{FOLDS}-fold GroupKFold by story (AllSides) or article (POLUSA), out-of-fold macro-F1",
            "cv_macro_f1": round(cv_f1, 4),
            "lexicons": {"vaderSentiment": _version("vaderSentiment"), "textblob": _version("textblob")},
            "word_vectors": _vectors_provenance(vectors) if config["vectors"] else None,
            "scikit-learn": _version("scikit-learn"),
        },
        "intercept": [float(v) for v in np.round(clf.intercept_, DECIMALS)],
        "weights": weights,
    }


def _vectors_provenance(vectors: Vectors | None) -> dict:
    corpus = stance_vectors.CORPUS
    return {
        "data": "allsides-10k.jsonl.gz, unlabelled article text (Baly et al., EMNLP 2020; Apache-2.0)",
        "sha256": hashlib.sha256(corpus.read_bytes()).hexdigest() if corpus.is_file() else None,
        "method": f"PPMI (window {stance_vectors.WINDOW}, 1/distance, smoothing {stance_vectors.SMOOTHING}) + "
        f"truncated SVD, tools/stance_vectors.py; folded into {', '.join(SLOTS)} word weights",
        "words": len(vectors.words) if vectors else 0,
        "dimensions": int(vectors.vectors.shape[1]) if vectors else 0,
    }


def dumps(document: dict) -> str:
    """JSON with sorted keys: metadata indented, then one line per feature weight (diffable, small)."""
    head = json.dumps(
        {k: v for k, v in document.items() if k != "weights"}, sort_keys=True, indent=1, ensure_ascii=False
    )
    lines = [
        f"  {json.dumps(name, ensure_ascii=False)}: {json.dumps(w)}" for name, w in sorted(document["weights"].items())
    ]
    return head[:-2] + ',\n "weights": {\n' + ",\n".join(lines) + "\n }\n}\n"


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=TRAIN)
    parser.add_argument("--out", type=Path, default=stance.WEIGHTS_PATH)
    parser.add_argument("--date", default=dt.date.today().isoformat(), help="fitting date recorded in the file")
    parser.add_argument("--tau", type=float, nargs="+", help="restrict the grid's kernel widths")
    parser.add_argument(
        "--other", type=float, nargs="+", help="restrict the grid's weights for words nearer another name"
    )
    parser.add_argument("--C", type=float, nargs="+", help="restrict the grid's regularisation strengths")
    parser.add_argument("--class-weight", nargs="+", choices=["none", "balanced"], help="restrict class weighting")
    parser.add_argument("--scale", type=float, nargs="+", help="restrict the grid's word-vector scales (0: none)")
    parser.add_argument("--vectors", type=Path, help="word vectors .npz (built and cached there when missing)")
    args = parser.parse_args(argv)
    grid = {
        "tau": args.tau or GRID["tau"],
        "cross": GRID["cross"],
        "other": args.other or GRID["other"],
        "C": args.C or GRID["C"],
        "class_weight": [None if w == "none" else w for w in args.class_weight]
        if args.class_weight
        else GRID["class_weight"],
        "vectors": args.scale if args.scale is not None else GRID["vectors"],
    }
    if "dev" in args.train.name:
        parser.error("fit on train.jsonl only; the dev files are for evaluation")
    rows = load_rows(args.train)
    vectors = read_vectors(args.vectors) if any(grid["vectors"]) else None
    y = np.array([r[3] for r in rows])
    groups = [r[4] for r in rows]
    results = []
    for tau, cross, other in itertools.product(grid["tau"], grid["cross"], grid["other"]):
        features = featurize(rows, tau, cross, other)
        vocab = vocabulary(features)
        words = matrix(features, vocab)
        for scale, C, class_weight in itertools.product(grid["vectors"], grid["C"], grid["class_weight"]):
            X = with_vectors(words, features, vectors, scale)
            f1, threshold, band_f1 = cross_validate(X, y, groups, C, class_weight)
            config = {
                "tau": tau,
                "cross": cross,
                "other": other,
                "C": C,
                "class_weight": class_weight,
                "threshold": threshold,
                "vectors": scale,
            }
            print(f"cv macro-F1 {f1:.4f} (score rule {band_f1:.4f}) {config}", file=sys.stderr, flush=True)
            results.append((f1, -C, -tau, -scale, config))
    f1, _, _, _, config = max(results, key=lambda r: r[:4])
    features = featurize(rows, config["tau"], config["cross"], config["other"])
    vocab = vocabulary(features)
    X = with_vectors(matrix(features, vocab), features, vectors, config["vectors"])
    clf = model(config["C"], config["class_weight"]).fit(X, y)
    document = weights_document(
        clf,
        vocab,
        config,
        grid,
        f1,
        args.train,
        len({r[0].text for r in rows}),
        len(set(groups)),
        len(rows),
        args.date,
        vectors,
    )
    stance.model_from_dict(document)  # the file we write must load
    atomic_write_text(args.out, dumps(document))
    print(f"best {config} cv macro-F1 {f1:.4f}; {len(document['weights'])} weights -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
