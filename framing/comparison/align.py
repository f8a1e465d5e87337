"""Same fact, different words: align sentences across outlets that report one fact.

Sentences (from `framing.tokenize.sentence_spans` over `clean_text`) become
TF-IDF vectors built for fact matching rather than topic matching:

* content words only (English stop words out), Porter-stemmed so that
  "deploy"/"deploying" and "battlegroup"/"battlegroups" meet;
* numbers are strong fact anchors: "40,000" -> 40000 and number words
  ("four", "eight") -> digits, so "4 new battlegroups" meets "four new
  battlegroups"; their columns are weighted x NUMBER_WEIGHT;
* names are weak evidence: a word written capitalised in mid-sentence (or
  in capitals) and never in lower case in the aligned sentences
  (Stoltenberg, NATO, Putin, Russia) is weighted x NAME_WEIGHT, so two
  sentences that share only the actors do not look like the same fact.

Sentences with fewer than MIN_WORDS (6) features are left out (captions,
datelines, "Update at 2:15 p.m." lines matched each other on real news), and
a pair must share at least MIN_SHARED (2) features: one rare word in common
is not a fact. Candidate pairs are each sentence's top-k neighbours from
other outlets in the same story (sparse, per story: no all-pairs matrix
over the corpus).
Facts are grown by `framing.cluster.graph_average_linkage`: pairs are merged
most similar first while the fact's average pairwise cosine stays >=
THRESHOLD and it holds at most one sentence per outlet. THRESHOLD 0.25 was
chosen on the hand-labelled pairs in tests/fixtures/nato_same_fact_pairs.yaml
(see docs/guide/compare.md for the precision/recall sweep).
"""
from __future__ import annotations

from functools import cache, lru_cache

import numpy as np
import pandas as pd
from scipy import sparse

from framing.comparison.cluster import graph_average_linkage
from framing.comparison.similarity import fold, normalize_rows, top_k_neighbours
from framing.text.words import fact_words

THRESHOLD = 0.25
NEIGHBOURS = 5
NAME_WEIGHT = 0.3
NUMBER_WEIGHT = 2.0
MIN_WORDS = 6
MIN_SHARED = 2
FACT_COLUMNS = ["fact", "story", "doc_id", "outlet", "sentence", "start", "end", "similarity", "text"]
NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
                     "twice": "2", "double": "2", "tenfold": "10"})
NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split())


def sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: doc_id, outlet, sentence (index), start, end, text (offsets into clean_text)."""
    from framing.text.tokenize import sentence_spans

    rows = []
    for doc_id, outlet, text in zip(articles["doc_id"], articles["outlet"], articles["clean_text"]):
        text = text if isinstance(text, str) else ""
        for number, (start, end) in enumerate(sentence_spans(text)):
            rows.append((doc_id, outlet, number, start, end, text[start:end]))
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "sentence", "start", "end", "text"]).astype(
        {"doc_id": object, "outlet": object, "text": object})


class FactAnalyzer:
    """Sentence -> features: stemmed content words and numbers as digits.

    It also remembers the words it saw, so that `names()` can tell which
    features are names: written capitalised in mid-sentence (or in capitals,
    like NATO) and never in lower case (Stoltenberg, Russia; but not
    "Defense" in a headline when "defense" also occurs).
    """

    def __init__(self) -> None:
        self.inner: set[str] = set()
        self.first: set[str] = set()

    def __call__(self, text: str) -> list[str]:
        words = fact_words(text)
        if words:
            self.first.add(words[0])
            self.inner.update(words[1:])
        return [f for f in map(_FEATURES.__getitem__, words) if f is not None]

    def names(self) -> set[str]:
        capitalised, lower = set(), set()
        for word in self.inner | self.first:
            found = _feature(word)
            if found is None:
                continue
            feature, kind = found
            if kind == "lower":
                lower.add(feature)
            elif kind == "capital" and (word in self.inner or word.isupper()):
                capitalised.add(feature)
        return capitalised - lower


class _FeatureCache(dict):
    """word -> feature (None for stop words), computed once per distinct word."""

    def __missing__(self, word):
        found = _feature(word)
        self[word] = value = found[0] if found else None
        return value


_FEATURES = _FeatureCache()


def fact_features(text: str) -> list[str]:
    """The features of one sentence (see `FactAnalyzer`)."""
    return FactAnalyzer()(text)


@cache
def _feature(word: str) -> tuple[str, str] | None:
    """(feature, kind) for a word, kind "number", "lower" or "capital"; None for stop words."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    lower = fold(word)
    if lower[:1].isdigit():
        return lower.replace(",", "").rstrip("."), "number"
    if lower in NUMBER_WORDS:
        return NUMBER_WORDS[lower], "number"
    if lower in ENGLISH_STOP_WORDS or len(lower) < 2:
        return None
    kind = "capital" if word[0].isupper() and lower not in NOT_NAMES else "lower"
    return _stem(lower), kind


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


def _stem(word: str) -> str:
    return _stemmer().stem(word)


def sentence_matrix(texts, *, name_weight: float = NAME_WEIGHT, number_weight: float = NUMBER_WEIGHT,
                    analyzer: FactAnalyzer | None = None, features=None):
    """L2-normalised, re-weighted TF-IDF rows of sentences, and the feature names.

    Pass `features` (lists from `analyzer`) when the sentences were analysed already.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    analyzer = analyzer or FactAnalyzer()
    features = [analyzer(t) for t in texts] if features is None else features
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, norm=None, dtype=np.float64)
    try:
        matrix = vectorizer.fit_transform(features)
    except ValueError:  # not one content word
        return sparse.csr_matrix((len(features), 0)), np.array([], dtype=object)
    names = vectorizer.get_feature_names_out().astype(str)
    weights = np.ones(len(names))
    weights[np.isin(names, sorted(analyzer.names()))] = name_weight
    weights[np.char.isdigit(np.char.replace(names, ".", ""))] = number_weight
    return normalize_rows(matrix @ sparse.diags(weights)), names


def _identity(features):
    return features


def align_facts(articles: pd.DataFrame, stories: pd.Series | None = None, *, threshold: float = THRESHOLD,
                neighbours: int = NEIGHBOURS, name_weight: float = NAME_WEIGHT,
                number_weight: float = NUMBER_WEIGHT) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (facts, omissions).

    facts: one row per aligned sentence (`FACT_COLUMNS`; `similarity` is its
    mean cosine to the fact's other sentences). omissions: one row per fact,
    a bool column per outlet of the fact's story (True = reported), plus
    `story`, `outlets` (how many reported it) and `example` (one wording).
    """
    story_of = stories if stories is not None else pd.Series(0, index=articles["doc_id"])
    story = story_of.reindex(articles["doc_id"]).to_numpy()
    spread = pd.Series(articles["outlet"].to_numpy()).groupby(story).transform("nunique").to_numpy()
    table = sentences(articles[spread >= 2])  # only stories told by two outlets or more can share facts
    table["story"] = story_of.reindex(table["doc_id"]).to_numpy()
    analyzer = FactAnalyzer()
    features = [analyzer(t) for t in table["text"]]
    enough = np.array([len(f) >= MIN_WORDS for f in features], dtype=bool)
    table = table[enough].reset_index(drop=True)
    features = [f for f, ok in zip(features, enough) if ok]
    matrix, _ = sentence_matrix(table["text"], name_weight=name_weight, number_weight=number_weight,
                                analyzer=analyzer, features=features)
    fact_ids = np.full(len(table), -1, dtype=np.int64)
    next_id = 0
    for _, rows in table.groupby("story", sort=True).indices.items():
        if table["outlet"].iloc[rows].nunique() < 2:
            continue
        groups = _facts_in_story(matrix[rows], table["outlet"].to_numpy()[rows], threshold, neighbours)
        sizes = np.bincount(groups)
        for group in np.flatnonzero(sizes >= 2):
            fact_ids[rows[groups == group]] = next_id
            next_id += 1
    return _fact_tables(table, matrix, fact_ids, articles)


def _facts_in_story(rows, outlets, threshold, neighbours) -> np.ndarray:
    edges = top_k_neighbours(rows, neighbours, threshold=threshold, allowed=lambda i, j: outlets[i] != outlets[j])
    if len(edges):  # one shared word, however rare, is not a fact
        present = (rows > 0).astype(np.float32).tocsr()
        i, j = edges["i"].to_numpy(), edges["j"].to_numpy()
        shared = np.asarray(present[i].multiply(present[j]).sum(axis=1)).ravel()
        edges = edges[shared >= MIN_SHARED]
    def one_per_outlet(a, b) -> bool:
        return not (set(outlets[a]) & set(outlets[b]))

    return graph_average_linkage(rows, edges, threshold, can_merge=one_per_outlet)


def _fact_tables(table, matrix, fact_ids, articles):
    keep = fact_ids >= 0
    facts = table[keep].copy()
    facts.insert(0, "fact", fact_ids[keep] + 1)
    rows = matrix[np.flatnonzero(keep)]
    facts["similarity"] = np.round(_mean_to_others(rows, facts["fact"].to_numpy()), 4)
    facts = facts.sort_values(["fact", "doc_id", "sentence"], kind="mergesort").reset_index(drop=True)
    facts = facts[FACT_COLUMNS]
    return facts, omissions(facts, table, articles)


def _mean_to_others(rows, fact) -> np.ndarray:
    """Mean cosine of each sentence to the other sentences of its fact: (x . sum_fact - 1) / (m - 1)."""
    codes, inverse, sizes = np.unique(fact, return_inverse=True, return_counts=True)
    member = sparse.csr_matrix((np.ones(len(fact)), (inverse, np.arange(len(fact)))), shape=(len(codes), len(fact)))
    sums = (member @ rows).tocsr()
    own = np.asarray(rows.multiply(sums[inverse]).sum(axis=1)).ravel()
    self_sim = np.asarray(rows.multiply(rows).sum(axis=1)).ravel()
    return (own - self_sim) / np.maximum(sizes[inverse] - 1, 1)


def omissions(facts: pd.DataFrame, table: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Fact x outlet: True where the outlet reported the fact; NA for outlets not covering the fact's story."""
    outlets = sorted(articles["outlet"].astype(object).unique())
    column = {name: x for x, name in enumerate(outlets)}
    first = facts.drop_duplicates("fact")
    fact_ids = first["fact"].to_numpy()
    row_of = {f: x for x, f in enumerate(fact_ids)}
    reported = np.zeros((len(fact_ids), len(outlets)), dtype=bool)
    reported[[row_of[f] for f in facts["fact"]], [column[o] for o in facts["outlet"]]] = True
    covers = np.zeros_like(reported)
    story_outlets = table.drop_duplicates(["story", "outlet"])
    story_rows = first.reset_index(drop=True).groupby("story").indices
    for story, outlet in zip(story_outlets["story"], story_outlets["outlet"]):
        if story in story_rows:
            covers[story_rows[story], column[outlet]] = True
    frame = pd.DataFrame({
        "fact": fact_ids.astype(np.int64), "story": first["story"].to_numpy(),
        "outlets": reported.sum(axis=1).astype(np.int64),
        "example": pd.array([_shortest(group) for _, group in facts.groupby("fact", sort=True)["text"]], dtype=object),
    })
    flags = pd.DataFrame({name: pd.array(np.where(covers[:, x], reported[:, x], False), dtype="boolean")
                          for x, name in enumerate(outlets)})
    for x, name in enumerate(outlets):
        flags.loc[~covers[:, x], name] = pd.NA
    return pd.concat([frame, flags], axis=1)


def _shortest(texts) -> str:
    text = min(texts, key=lambda t: (len(t), t))
    return " ".join(text.split())
