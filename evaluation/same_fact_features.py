"""Would pair features beyond the TF-IDF cosine tell same-fact pairs better? Measured, cross-validated over events.

    python evaluation/same_fact_features.py [--folds 3]

For every judged pair of tests/fixtures/allsides_same_fact_pairs.csv and
allsides_same_fact_candidates.csv (link lines, `align.is_promo`, left out as
the aligner leaves them out) it computes, beside the aligner's cosine:

* cover: IDF-weighted share of the shorter sentence's content words (not
  names, numbers or reporting verbs) that the other has; jaccard: the same
  over both;
* phrases: shared runs of two content features in order (log1p of the count);
* numbers_agree / numbers_differ, names_differ: both give figures (names) and
  share one / none;
* length_ratio: shorter over longer, in features;
* char: cosine of character 4-5-gram TF-IDF (a paraphrase cue that needs no
  word vectors: "deploy"/"deployment", "Sotomayer"/"Sotomayor").

A logistic regression over each feature set is fitted on the other folds of
events and scored on the held-out fold (folds by a hash of the event label,
three different assignments, averaged). It prints the ROC AUC over all judged
pairs and in the band of cosine 0.38-0.55 where the default threshold
decides, against the cosine alone. The last line compares one-to-one
matching per outlet pair (Hungarian, `scipy.optimize.linear_sum_assignment`
over the candidate edges) with the aligner's greedy merge, at the default
threshold.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from same_fact import CANDIDATES, found_mask, labelled_pairs, precision_recall  # noqa: E402
from story_grouping import event_folds, folds_option, labelled_articles  # noqa: E402

FEATURE_SETS = (
    ("cosine",),
    ("cosine", "cover"),
    ("cosine", "phrases"),
    ("cosine", "cover", "phrases", "length_ratio"),
    ("cosine", "cover", "jaccard", "phrases", "numbers_agree", "numbers_differ", "names_differ", "length_ratio"),
    ("cosine", "char"),
)
BAND = (0.38, 0.55)
ASSIGNMENTS = 3
C = 1.0


def pair_features(table: pd.DataFrame, i: np.ndarray, j: np.ndarray) -> pd.DataFrame:
    """The features above for sentence pairs (i, j) of `table` (rows of `align.sentences`)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from framing.comparison import align

    analyzer = align.FactAnalyzer()
    features = [analyzer(t) for t in table["text"]]
    matrix, names = align.sentence_matrix(table["text"].tolist(), analyzer=analyzer, features=features)
    is_name, is_number = align.feature_kinds(names, analyzer)
    content = ~(is_name | is_number | np.isin(names, sorted(align.REPORT_VERBS)))
    present = sparse.csr_matrix(matrix > 0, dtype=np.float64)
    frequency = np.bincount(present.indices, minlength=present.shape[1])
    idf = np.log((1 + present.shape[0]) / (1 + frequency)) + 1.0

    def weighted(mask: np.ndarray, weights: np.ndarray | None = None) -> sparse.csr_matrix:
        return (present @ sparse.diags(mask * (1.0 if weights is None else weights))).tocsr()

    words, name_cols, number_cols = weighted(content, idf), weighted(is_name), weighted(is_number)
    phrase = _phrases(features, {str(n): x for x, n in enumerate(names)}, content)
    characters = TfidfVectorizer(analyzer="char_wb", ngram_range=(4, 5), sublinear_tf=True).fit_transform(
        table["text"].str.lower()
    )
    sizes = np.diff(present.indptr).astype(np.float64)
    wi, wj, shared = _sums(words, i), _sums(words, j), _shared(words, i, j)
    ni, nj, nshared = _sums(number_cols, i), _sums(number_cols, j), _shared(number_cols, i, j)
    names_i, names_j = _sums(name_cols, i), _sums(name_cols, j)
    return pd.DataFrame(
        {
            "cosine": _dot(matrix, i, j),
            "cover": shared / np.maximum(np.minimum(wi, wj), 1e-9),
            "jaccard": shared / np.maximum(wi + wj - shared, 1e-9),
            "phrases": np.log1p(_shared(phrase, i, j)),
            "numbers_agree": (nshared > 0).astype(float),
            "numbers_differ": ((ni > 0) & (nj > 0) & (nshared == 0)) * 1.0,
            "names_differ": ((names_i > 0) & (names_j > 0) & (_shared(name_cols, i, j) == 0)) * 1.0,
            "length_ratio": np.minimum(sizes[i], sizes[j]) / np.maximum(np.maximum(sizes[i], sizes[j]), 1.0),
            "char": _dot(characters, i, j),
        }
    )


def _dot(matrix: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    return np.asarray(matrix[i].multiply(matrix[j]).sum(axis=1)).ravel()


def _sums(matrix: sparse.csr_matrix, rows: np.ndarray) -> np.ndarray:
    return np.asarray(matrix.sum(axis=1)).ravel()[rows]


def _shared(matrix: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Weight in row i of the columns row j also has."""
    return np.asarray(matrix[i].multiply(matrix[j] > 0).sum(axis=1)).ravel()


def _phrases(features: Sequence[Sequence[str]], columns: dict[str, int], content: np.ndarray) -> sparse.csr_matrix:
    ids: dict[tuple[int, int], int] = {}
    rows, cols = [], []
    for row, words in enumerate(features):
        kept = [columns[w] for w in words if w in columns and content[columns[w]]]
        for pair in sorted(set(zip(kept, kept[1:]))):
            rows.append(row)
            cols.append(ids.setdefault(pair, len(ids)))
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(features), max(len(ids), 1)))


def judged(table: pd.DataFrame) -> pd.DataFrame:
    """Both judged files as one frame: features, `same`, `event`, without link lines."""
    from framing.comparison import align

    row = {(d, int(s)): x for x, (d, s) in enumerate(zip(table["doc_id"], table["sentence"]))}
    frames = []
    for pairs in (labelled_pairs(table), labelled_pairs(table, CANDIDATES)):
        i = np.array([row[k[0]] for k in pairs["keys_a"]])
        j = np.array([row[k[0]] for k in pairs["keys_b"]])
        promo = np.array(
            [align.is_promo(table["text"].iat[a]) or align.is_promo(table["text"].iat[b]) for a, b in zip(i, j)]
        )
        frames.append(
            pd.DataFrame({"i": i, "j": j, "same": pairs["same"].to_numpy(), "event": pairs["event"], "promo": promo})
        )
    found = pd.concat(frames, ignore_index=True)
    found = found[~found["promo"]].reset_index(drop=True)
    features = pair_features(table, found["i"].to_numpy(), found["j"].to_numpy())
    return pd.concat([found, features], axis=1)


def held_out_scores(pairs: pd.DataFrame, columns: Sequence[str], folds: int, assignment: int) -> np.ndarray:
    """P(same) of each pair from a logistic regression fitted on the other folds of events."""
    from sklearn.linear_model import LogisticRegression

    salt = "#" * assignment
    fold_of = event_folds([e + salt for e in pairs["event"]], folds)
    fold = np.array([fold_of[e + salt] for e in pairs["event"]])
    scores = np.zeros(len(pairs))
    for k in range(folds):
        train = fold != k
        model = LogisticRegression(C=C, max_iter=2000).fit(pairs.loc[train, list(columns)], pairs["same"][train])
        scores[~train] = model.predict_proba(pairs.loc[~train, list(columns)])[:, 1]
    return scores


def hungarian_check(articles: pd.DataFrame) -> str:
    """Precision/recall at the default threshold, greedy merge against one-to-one matching per outlet pair."""
    from framing.comparison import align

    stories = pd.Series(pd.factorize(articles["event"], sort=True)[0], index=articles["doc_id"].to_numpy())
    table = align.sentences(articles)
    pairs, candidates = labelled_pairs(table), labelled_pairs(table, CANDIDATES)
    plain_search, plain_facts = align.top_k_neighbours, align._facts_in_story

    def facts_one_to_one(rows, members, rule, threshold, neighbours):  # type: ignore[no-untyped-def]
        def search(block, k, **options):  # type: ignore[no-untyped-def]
            edges = plain_search(block, k, **options)
            return edges[_one_to_one(edges, rule.outlets[members])]

        align.top_k_neighbours = search
        try:
            return plain_facts(rows, members, rule, threshold, neighbours)
        finally:
            align.top_k_neighbours = plain_search

    lines = []
    for name, facts_in_story in (
        ("greedy merge (shipped)", plain_facts),
        ("one-to-one per outlet pair", facts_one_to_one),
    ):
        align._facts_in_story = facts_in_story
        try:
            facts, _ = align.align_facts(articles, stories)
        finally:
            align._facts_in_story = plain_facts
        precision, _ = precision_recall(candidates, found_mask(candidates, facts))
        other, recall = precision_recall(pairs, found_mask(pairs, facts))
        lines.append(f"{name}: precision {precision:.2f} ({other:.2f} on the recall pairs), recall {recall:.2f}")
    return "; ".join(lines)


def _one_to_one(edges: pd.DataFrame, outlets: np.ndarray) -> np.ndarray:
    """Mask of the edges in a maximum-similarity one-to-one matching of each outlet pair's sentences."""
    from scipy.optimize import linear_sum_assignment

    keep = np.zeros(len(edges), dtype=bool)
    if not len(edges):
        return keep
    i, j, similarity = edges["i"].to_numpy(), edges["j"].to_numpy(), edges["similarity"].to_numpy()
    first = outlets[i] < outlets[j]
    a, b = np.where(first, i, j), np.where(first, j, i)
    for block in pd.DataFrame({"x": outlets[a], "y": outlets[b]}).groupby(["x", "y"]).indices.values():
        rows_a, at = np.unique(a[block], return_inverse=True)
        rows_b, bt = np.unique(b[block], return_inverse=True)
        weights = np.zeros((len(rows_a), len(rows_b)))
        weights[at, bt] = similarity[block]
        chosen = set(zip(*linear_sum_assignment(-weights)))
        keep[block] = [(x, y) in chosen for x, y in zip(at, bt)]
    return keep


def main(argv: Sequence[str] | None = None) -> None:
    folds = folds_option(argv, __doc__)
    if folds is None:
        return
    from sklearn.metrics import roc_auc_score

    from framing.comparison import align

    articles = labelled_articles()
    pairs = judged(align.sentences(articles))
    band = (pairs["cosine"] >= BAND[0]) & (pairs["cosine"] < BAND[1])
    print(
        f"{len(pairs)} judged pairs ({int(pairs['same'].sum())} the same fact), {int(band.sum())} with cosine in "
        f"{BAND[0]}-{BAND[1]}; logistic regression (C={C}) held out over {folds} folds of events, "
        f"{ASSIGNMENTS} fold assignments"
    )
    print("features                                              AUC all  AUC band")
    for columns in FEATURE_SETS:
        scores = [held_out_scores(pairs, columns, folds, a) for a in range(ASSIGNMENTS)]
        overall = np.mean([roc_auc_score(pairs["same"], s) for s in scores])
        inside = np.mean([roc_auc_score(pairs["same"][band], s[band.to_numpy()]) for s in scores])
        print(f"{' + '.join(columns)[:52]:52s}  {overall:7.3f}  {inside:8.3f}")
    print(hungarian_check(articles))


if __name__ == "__main__":
    sys.exit(main())
