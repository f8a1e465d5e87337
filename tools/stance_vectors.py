"""Word vectors for the stance fit, learnt from unlabelled news (AllSides, Apache-2.0), no download.

    python tools/stance_vectors.py [--corpus PATH] [--out PATH]

Why: the stance model's word weights come from 8,739 labelled targets, so a
word seen rarely or never in NewsMTSC train ("lambasted", "hailed") gets little
or no weight. Words used alike in news get alike vectors; the fit learns one
weight vector per reading side over them and folds it back into per-word
weights, so the shipped model still scores word by word and every word's share
stays evidence.

Method (Levy, Goldberg & Dagan 2015): co-occurrence counts within WINDOW
tokens (weight 1/distance) over the VOCABULARY most frequent words of
allsides-10k.jsonl.gz, positive PMI with context smoothing 0.75, truncated SVD
to DIMENSIONS, rows scaled to unit length. Deterministic (fixed seed, sorted
vocabulary ties).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD

from framing.text.tokenize import is_word, tokenize

REPO = Path(__file__).resolve().parents[1]
# FRAMING_SHARED_DATA wins: from a worktree, ../shared does not resolve (the provenance's sha256 was then null)
CORPUS = Path(os.environ.get("FRAMING_SHARED_DATA") or REPO.parent / "shared" / "data") / "allsides-10k.jsonl.gz"
VOCABULARY = 30_000
MIN_COUNT = 10
WINDOW = 5
DIMENSIONS = 100
SMOOTHING = 0.75
CHUNK = 500  # articles per block of counted pairs (bounds memory)


def documents(path: Path) -> list[list[str]]:
    """Every article's word norms (punctuation left out), in file order."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [[t.norm for t in tokenize(json.loads(line).get("text") or "") if is_word(t.norm)] for line in handle]


def vocabulary(docs: list[list[str]]) -> list[str]:
    """The most frequent words (count >= MIN_COUNT), most frequent first, ties alphabetical."""
    counts = Counter(w for doc in docs for w in doc)
    ranked = sorted((w for w, c in counts.items() if c >= MIN_COUNT), key=lambda w: (-counts[w], w))
    return ranked[:VOCABULARY]


def cooccurrence(docs: list[list[str]], index: dict[str, int]) -> sparse.csr_matrix:
    """Symmetric counts of word pairs within WINDOW tokens, each 1/distance."""
    size = len(index)
    total = sparse.csr_matrix((size, size))
    for start in range(0, len(docs), CHUNK):
        rows, cols, vals = [], [], []
        for doc in docs[start : start + CHUNK]:
            codes = np.array([index.get(w, -1) for w in doc], dtype=np.int64)
            for offset in range(1, WINDOW + 1):
                left, right = codes[:-offset], codes[offset:]
                keep = (left >= 0) & (right >= 0)
                rows += [left[keep], right[keep]]
                cols += [right[keep], left[keep]]
                vals.append(np.full(2 * int(keep.sum()), 1.0 / offset))
        if rows:
            r, c, v = np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)
            total = total + sparse.csr_matrix((v, (r, c)), shape=(size, size))
    return total


def ppmi_vectors(counts: sparse.csr_matrix) -> np.ndarray:
    """Unit-length SVD rows of the positive PMI matrix (context distribution smoothed)."""
    coo = counts.tocoo()
    word = np.asarray(counts.sum(axis=1)).ravel()
    context = np.asarray(counts.sum(axis=0)).ravel() ** SMOOTHING
    pmi = np.log(coo.data * context.sum() / (word[coo.row] * context[coo.col]))
    keep = pmi > 0
    positive = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=counts.shape)
    svd = TruncatedSVD(n_components=DIMENSIONS, algorithm="arpack", random_state=0)
    vectors = svd.fit_transform(positive)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    # fix each component's sign (SVD leaves it free) so reruns give the same bytes
    signs = np.sign(vectors[np.abs(vectors).argmax(axis=0), np.arange(DIMENSIONS)])
    return vectors * signs


def build(path: Path) -> tuple[list[str], np.ndarray]:
    """(words, vectors) learnt from the corpus at `path`."""
    docs = documents(path)
    words = vocabulary(docs)
    vectors = ppmi_vectors(cooccurrence(docs, {w: i for i, w in enumerate(words)}))
    return words, vectors


def save(path: Path, words: list[str], vectors: np.ndarray) -> None:
    np.savez_compressed(path, words=np.array(words), vectors=vectors.astype(np.float32))


def load(path: Path) -> tuple[list[str], np.ndarray]:
    with np.load(path) as data:
        return [str(w) for w in data["words"]], data["vectors"].astype(np.float64)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, required=True, help="where to write the vectors (.npz)")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"{args.corpus}: no such corpus; pass --corpus allsides-10k.jsonl.gz", file=sys.stderr)
        return 2
    words, vectors = build(args.corpus)
    save(args.out, words, vectors)
    print(f"{len(words)} words x {vectors.shape[1]} dimensions -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
