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

Sentences with fewer than MIN_WORDS (4) features are left out (datelines,
"Update at 2:15 p.m." lines matched each other on real news), and so are
lines that point to another article or video (`is_promo`); and
a pair must share at least MIN_CONTENT content features: words that are not
names, numbers or reporting verbs ("said", "told"). Two sentences that share
only actors and figures ("Trump ... 2017 ... said") are not one fact.
Headlines (the first line when it is the article's title, or a short first
line without final punctuation) align only with headlines unless
`headline_to_body=True`: a headline compresses the story, and pairing it with
one body sentence of another article claimed facts that were not the same.
Candidate pairs are each sentence's top-k neighbours from other outlets in
the same story (sparse, per story: no all-pairs matrix over the corpus);
without stories the whole table is one story.
Facts are grown by `framing.cluster.graph_average_linkage`: pairs are merged
most similar first while the fact's average pairwise cosine stays >=
THRESHOLD and it holds at most one sentence per outlet. THRESHOLD, MIN_CONTENT
and MIN_WORDS were chosen by cross-validation over folds of events on the
hand-labelled AllSides sentence pairs in tests/fixtures/allsides_same_fact_*.csv
(evaluation/same_fact.py prints the choice, precision and recall); the NATO
pairs in tests/fixtures/nato_same_fact_pairs.yaml are a second check.
Pair features beyond the cosine (IDF-weighted overlap, shared phrases, numbers
and names that differ, length ratio) did not tell the judged pairs apart any
better in that cross-validation, and one-to-one matching per outlet pair
changed nothing (evaluation/same_fact_features.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from framing.comparison.cluster import graph_average_linkage
from framing.comparison.similarity import fold, normalize_rows, top_k_neighbours
from framing.text.words import fact_words

THRESHOLD = 0.45
NEIGHBOURS = 5
NAME_WEIGHT = 0.3
NUMBER_WEIGHT = 1.0
MIN_WORDS = 4
MIN_CONTENT = 3
HEADLINE_WORDS = 25
REPORT_VERBS = frozenset(
    {"said", "say", "told", "tell", "ad", "add"}
)  # Porter stems of said/says/told/tells/added/adds
FACT_COLUMNS = ["fact", "story", "doc_id", "outlet", "sentence", "start", "end", "similarity", "text"]
NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update(
    {
        "thirty": "30",
        "forty": "40",
        "fifty": "50",
        "hundred": "100",
        "thousand": "1000",
        "twice": "2",
        "double": "2",
        "tenfold": "10",
    }
)
NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: doc_id, outlet, sentence (index), start, end, text (offsets into clean_text), headline."""
    from framing.text.tokenize import sentence_spans

    titles = articles["title"] if "title" in articles else pd.Series("", index=articles.index)
    rows = []
    for doc_id, outlet, text, title in zip(articles["doc_id"], articles["outlet"], articles["clean_text"], titles):
        text = text if isinstance(text, str) else ""
        first_line = len(text.lstrip("\n").split("\n", 1)[0]) + len(text) - len(text.lstrip("\n"))
        for number, (start, end) in enumerate(sentence_spans(text)):
            piece = text[start:end]
            rows.append((doc_id, outlet, number, start, end, piece, is_headline(piece, title, start < first_line)))
    table: pd.DataFrame = pd.DataFrame(
        rows, columns=["doc_id", "outlet", "sentence", "start", "end", "text", "headline"]
    )
    typed: pd.DataFrame = table.astype({"doc_id": object, "outlet": object, "text": object, "headline": bool})
    return typed


def is_headline(sentence: str, title: object, on_first_line: bool) -> bool:
    """The article's title as it opens the text, or a short first line without final punctuation."""
    words = sentence.split()
    if isinstance(title, str) and title.strip() and " ".join(words).casefold() == " ".join(title.split()).casefold():
        return True
    return on_first_line and 0 < len(words) <= HEADLINE_WORDS and not sentence.rstrip().endswith(_ENDINGS)


_ENDINGS = (".", "!", "?", '."', ".”", "?”", "!”", ".'", ".’", ":")
_PROMO = re.compile(
    r"^\W*(?:just watched|must watch|also on politico|more:|see also|read more|related:|watch:|click here)"
    r"|replay more videos",
    re.IGNORECASE,
)


def is_promo(sentence: str) -> bool:
    """A line that points to another article or video ("JUST WATCHED ...", "More: ...", "( Also on POLITICO: ...)").

    It names another story rather than telling a fact of this one; on the
    judged AllSides pairs such lines matched each other and headlines.
    """
    return _PROMO.search(sentence) is not None


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
        capitalised, lower = self.name_evidence()
        return capitalised - lower

    def name_evidence(self) -> tuple[set[str], set[str]]:
        """(features written as names, features written in lower case): over several analyzers, union each, subtract."""
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
        return capitalised, lower


class _FeatureCache(dict[str, "str | None"]):
    """word -> feature (None for stop words), computed once per distinct word."""

    def __missing__(self, word: str) -> str | None:
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
    from framing.scoring.stopwords import english_stop_words  # read from sklearn's file, not imported

    lower = fold(word)
    if lower[:1].isdigit():
        return lower.replace(",", "").rstrip("."), "number"
    if lower in NUMBER_WORDS:
        return NUMBER_WORDS[lower], "number"
    if lower in english_stop_words() or len(lower) < 2:
        return None
    kind = "capital" if word[0].isupper() and lower not in NOT_NAMES else "lower"
    return _stem(lower), kind


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from framing.comparison.porter import porter_stemmer_class  # NLTK's stemmer without importing all of nltk

    return porter_stemmer_class()()


def _stem(word: str) -> str:
    return str(_stemmer().stem(word))


def feature_kinds(names: np.ndarray, analyzer: FactAnalyzer) -> tuple[np.ndarray, np.ndarray]:
    """(is_name, is_number) per feature column: names weigh little, numbers much, neither is content."""
    return kinds_of(names, analyzer.names())


def kinds_of(names: np.ndarray, name_features: set[str]) -> tuple[np.ndarray, np.ndarray]:
    """`feature_kinds` from the set of features that are names."""
    is_number = np.char.isdigit(np.char.replace(names.astype(str), ".", "")) if len(names) else np.zeros(0, bool)
    is_name = np.isin(names, sorted(name_features))
    return is_name & ~is_number, is_number


def sentence_matrix(
    texts: Sequence[str],
    *,
    name_weight: float = NAME_WEIGHT,
    number_weight: float = NUMBER_WEIGHT,
    analyzer: FactAnalyzer | None = None,
    features: list[list[str]] | None = None,
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """L2-normalised, re-weighted TF-IDF rows of sentences, and the feature names.

    Pass `features` (lists from `analyzer`) when the sentences were analysed already.
    """
    from framing.comparison.weighting import count_matrix, smooth_idf  # TfidfVectorizer's numbers, no sklearn import

    analyzer = analyzer or FactAnalyzer()
    features = [analyzer(t) for t in texts] if features is None else features
    try:
        counts, terms = count_matrix(features)
    except ValueError:  # not one content word
        return sparse.csr_matrix((len(features), 0)), np.array([], dtype=object)
    names = np.asarray(terms, dtype=object).astype(str)
    is_name, is_number = feature_kinds(names, analyzer)
    weights = np.where(is_number, number_weight, np.where(is_name, name_weight, 1.0))
    return weighted_rows(
        counts, smooth_idf(np.bincount(counts.indices, minlength=counts.shape[1]), counts.shape[0]), weights
    ), names


def weighted_rows(counts: sparse.csr_matrix, idf: np.ndarray, weights: np.ndarray) -> sparse.csr_matrix:
    """Sentence rows from their counts: sublinear TF x `idf`, x `weights` per feature, L2-normalised.

    Each row depends only on its own counts (in stored order), `idf` and `weights`:
    a story's rows built with the corpus-wide `idf` are the corpus matrix' rows.
    """
    from framing.comparison.weighting import weigh

    matrix = weigh(sparse.csr_matrix(counts, dtype=np.float64, copy=True), idf, sublinear_tf=True, l2=False)
    return normalize_rows(matrix @ sparse.diags(weights))


def align_facts(
    articles: pd.DataFrame,
    stories: pd.Series | None = None,
    *,
    threshold: float = THRESHOLD,
    neighbours: int = NEIGHBOURS,
    name_weight: float = NAME_WEIGHT,
    number_weight: float = NUMBER_WEIGHT,
    min_content: int = MIN_CONTENT,
    min_words: int = MIN_WORDS,
    headline_to_body: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (facts, omissions).

    facts: one row per aligned sentence (`FACT_COLUMNS`; `similarity` is its
    mean cosine to the fact's other sentences). omissions: one row per fact,
    a bool column per outlet of the fact's story (True = reported), plus
    `story`, `outlets` (how many reported it) and `example` (one wording).
    """
    story_of = stories if stories is not None else pd.Series(0, index=articles["doc_id"])
    story = story_of.reindex(articles["doc_id"]).to_numpy()
    spread = pd.Series(articles["outlet"].to_numpy()).groupby(story).transform("nunique").to_numpy()
    # only stories told by two outlets or more can share facts
    table, features, analyzer = fact_sentences(articles[spread >= 2], story_of, min_words)
    matrix, names = sentence_matrix(
        table["text"].tolist(),
        name_weight=name_weight,
        number_weight=number_weight,
        analyzer=analyzer,
        features=features,
    )
    rule = pair_rule(table, matrix, names, analyzer.names(), headline_to_body, min_content)
    fact_ids = fact_numbers(table, matrix, rule, threshold, neighbours)
    return _fact_tables(table, matrix, fact_ids, articles)


def fact_sentences(
    articles: pd.DataFrame, story_of: pd.Series, min_words: int = MIN_WORDS
) -> tuple[pd.DataFrame, list[list[str]], FactAnalyzer]:
    """The sentences that may be facts (enough features, not promos), their features and the analyzer that saw them all.

    The analyzer sees every sentence of `articles`, kept or not (its name evidence comes from all of them).
    """
    table = sentences(articles)
    table["story"] = story_of.reindex(table["doc_id"]).to_numpy()
    analyzer = FactAnalyzer()
    features = [analyzer(t) for t in table["text"]]
    enough = np.array([len(f) >= min_words and not is_promo(t) for f, t in zip(features, table["text"])], dtype=bool)
    table = table[enough].reset_index(drop=True)
    return table, [f for f, ok in zip(features, enough) if ok], analyzer


def pair_rule(
    table: pd.DataFrame,
    matrix: sparse.csr_matrix,
    names: np.ndarray,
    name_features: set[str],
    headline_to_body: bool = False,
    min_content: int = MIN_CONTENT,
) -> _PairRule:
    """Which of the table's sentence pairs may be one fact (`_PairRule`), its content words from `names`."""
    is_name, is_number = kinds_of(names, name_features)
    content = ~(is_name | is_number | np.isin(names, sorted(REPORT_VERBS)))
    return _PairRule(
        table["outlet"].to_numpy(),
        table["headline"].to_numpy(),
        headline_to_body,
        min_content,
        sparse.csr_matrix(matrix[:, np.flatnonzero(content)] > 0, dtype=np.float32),
    )


def fact_numbers(
    table: pd.DataFrame, matrix: sparse.csr_matrix, rule: _PairRule, threshold: float, neighbours: int = NEIGHBOURS
) -> np.ndarray:
    """Per sentence, its fact (0.., numbered story by story in story order, then by first sentence) or -1.

    A story's facts depend only on its own sentences: a table holding whole
    stories numbers them the same, from 0.
    """
    fact_ids = np.full(len(table), -1, dtype=np.int64)
    next_id = 0
    for _, found in table.groupby("story", sort=True).indices.items():
        rows = np.asarray(found, dtype=np.int64)
        if table["outlet"].iloc[rows].nunique() < 2:
            continue
        groups = _facts_in_story(matrix[rows], rows, rule, threshold, neighbours)
        sizes = np.bincount(groups)
        for group in np.flatnonzero(sizes >= 2):
            fact_ids[rows[groups == group]] = next_id
            next_id += 1
    return fact_ids


class _PairRule:
    """Which sentence pairs may be one fact: other outlet, same kind (headline/body), shared content words."""

    def __init__(
        self,
        outlets: np.ndarray,
        headline: np.ndarray,
        headline_to_body: bool,
        min_content: int,
        content: sparse.csr_matrix,
    ) -> None:
        self.outlets, self.headline, self.any_kind = outlets, headline, headline_to_body
        self.min_content, self.content = min_content, content

    def allowed(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        ok: np.ndarray = self.outlets[i] != self.outlets[j]
        return ok if self.any_kind else ok & (self.headline[i] == self.headline[j])

    def shared_content(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        counts: np.ndarray = np.asarray(self.content[i].multiply(self.content[j]).sum(axis=1)).ravel()
        return counts


def _facts_in_story(
    rows: sparse.csr_matrix, members: np.ndarray, rule: _PairRule, threshold: float, neighbours: int
) -> np.ndarray:
    edges = top_k_neighbours(
        rows, neighbours, threshold=threshold, allowed=lambda i, j: rule.allowed(members[i], members[j])
    )
    if len(edges):  # names and numbers in common are not a fact: content words must be shared too
        i, j = members[edges["i"].to_numpy()], members[edges["j"].to_numpy()]
        edges = edges[rule.shared_content(i, j) >= rule.min_content]
    outlets = rule.outlets[members]

    def one_per_outlet(a: list[int], b: list[int]) -> bool:
        return not (set(outlets[a]) & set(outlets[b]))

    groups: np.ndarray = graph_average_linkage(rows, edges, threshold, can_merge=one_per_outlet)
    return groups


def _fact_tables(
    table: pd.DataFrame, matrix: sparse.csr_matrix, fact_ids: np.ndarray, articles: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    facts = sorted_facts(fact_rows(table, matrix, fact_ids))
    return facts, omissions(facts, table, articles)


def fact_rows(table: pd.DataFrame, matrix: sparse.csr_matrix, fact_ids: np.ndarray) -> pd.DataFrame:
    """The sentences of facts with `fact` (id + 1) and `similarity`, in table order: per fact, from its rows only."""
    keep = fact_ids >= 0
    facts = table[keep].copy()
    facts.insert(0, "fact", fact_ids[keep] + 1)
    rows = matrix[np.flatnonzero(keep)]
    facts["similarity"] = np.round(_mean_to_others(rows, facts["fact"].to_numpy()), 4)
    return facts


def sorted_facts(facts: pd.DataFrame) -> pd.DataFrame:
    """The facts table: by fact, article and sentence, `FACT_COLUMNS` only."""
    facts = facts.sort_values(["fact", "doc_id", "sentence"], kind="mergesort").reset_index(drop=True)
    return pd.DataFrame(facts[FACT_COLUMNS])


def _mean_to_others(rows: sparse.csr_matrix, fact: np.ndarray) -> np.ndarray:
    """Mean cosine of each sentence to the other sentences of its fact: (x . sum_fact - 1) / (m - 1)."""
    codes, inverse, sizes = np.unique(fact, return_inverse=True, return_counts=True)
    member = sparse.csr_matrix((np.ones(len(fact)), (inverse, np.arange(len(fact)))), shape=(len(codes), len(fact)))
    sums = (member @ rows).tocsr()
    own = np.asarray(rows.multiply(sums[inverse]).sum(axis=1)).ravel()
    self_sim = np.asarray(rows.multiply(rows).sum(axis=1)).ravel()
    mean: np.ndarray = (own - self_sim) / np.maximum(sizes[inverse] - 1, 1)
    return mean


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
    frame = pd.DataFrame(
        {
            "fact": fact_ids.astype(np.int64),
            "story": first["story"].to_numpy(),
            "outlets": reported.sum(axis=1).astype(np.int64),
            "example": pd.array(
                [_shortest(group) for _, group in facts.groupby("fact", sort=True)["text"]], dtype=object
            ),
        }
    )
    flags = pd.DataFrame(
        {
            name: pd.array(np.where(covers[:, x], reported[:, x], False), dtype="boolean")
            for x, name in enumerate(outlets)
        }
    )
    for x, name in enumerate(outlets):
        flags.loc[~covers[:, x], name] = pd.NA
    flagged: pd.DataFrame = pd.concat([frame, flags], axis=1)
    return flagged


def _shortest(texts: Iterable[str]) -> str:
    text = min(texts, key=lambda t: (len(t), t))
    return " ".join(text.split())
