"""`compare`: how outlets differ when they tell the same story.

One pass, in this order (each step its own module):

0. the corpus is tokenised once into word numbers per paragraph
   (`framing.terms`), shared by copy detection and every term count;
1. near-duplicates (`framing.duplicates`): syndicated copies are listed and
   collapsed to one representative, copied paragraphs count only in their
   first article, so republishing never looks like agreement;
2. stories (`framing.stories`): TF-IDF + sparse graph average linkage;
3. similarity (`framing.similarity`): article pairs within each story,
   outlet x outlet cosine of outlet profiles;
4. outlet clustering (`framing.cluster`): average-linkage dendrogram;
5. distinctive vocabulary (`framing.distinctive`): Fightin' Words z-scores;
6. same fact, different words (`framing.align`): facts and omissions, with
   frame and loaded-language words marked when `scores` are given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse

from framing.comparison import align, distinctive, duplicates, stories
from framing.comparison.cluster import cluster_outlets, describe_clusters
from framing.comparison.similarity import (
    Tfidf,
    cosine_matrix,
    group_profiles,
    outlet_similarity,
    ranked_pairs,
    tfidf_matrix,
    top_k_neighbours,
)
from framing.comparison.terms import Tokens, count_terms, tokenize_corpus
from framing.errors import FramingError

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable

    from framing.comparison.distinctive import OutletCounts
    from framing.corpus.model import Corpus
    from framing.lexicons.model import Lexicon
    from framing.scoring.scores import Scores

ARTICLE_NEIGHBOURS = 20
CLUSTER_THRESHOLD = None
TABLES = (
    "stories",
    "story_labels",
    "article_similarity",
    "outlet_similarity",
    "outlet_clusters",
    "linkage",
    "distinctive_terms",
    "facts",
    "omissions",
    "duplicates",
)


@dataclass(frozen=True)
class Comparison:
    """The tables of a comparison; every one a pandas object that displays in Jupyter."""

    stories: pd.Series
    story_labels: pd.DataFrame
    article_similarity: pd.DataFrame
    outlet_similarity: pd.DataFrame
    outlet_clusters: pd.DataFrame
    linkage: pd.DataFrame
    distinctive_terms: pd.DataFrame
    facts: pd.DataFrame
    omissions: pd.DataFrame
    duplicates: pd.DataFrame
    settings: dict[str, Any] = field(default_factory=dict)
    counts: dict[int, OutletCounts] = field(default=None, repr=False, compare=False)  # type: ignore[arg-type]  # compare() fills it
    lexicons: tuple[Lexicon, ...] = field(default=(), repr=False, compare=False)

    def summary(self) -> dict[str, Any]:
        """Counts and the most and least similar outlet pairs, as plain Python values."""
        pairs = ranked_pairs(self.outlet_similarity) if len(self.outlet_similarity) > 1 else None

        def pair(row: pd.Series) -> dict[str, Any]:
            return {"a": row["a"], "b": row["b"], "similarity": round(float(row["similarity"]), 4)}

        levels: pd.Series | dict[str, int] = self.duplicates["level"].value_counts() if len(self.duplicates) else {}
        return {
            "articles": int(len(self.stories)),
            "stories": int(len(self.story_labels)),
            "multi_outlet_stories": int((self.story_labels["outlets"] > 1).sum()) if len(self.story_labels) else 0,
            "outlets": int(len(self.outlet_similarity)),
            "most_similar": pair(pairs.iloc[0]) if pairs is not None else None,
            "least_similar": pair(pairs.iloc[-1]) if pairs is not None else None,
            "facts": int(self.facts["fact"].nunique()) if len(self.facts) else 0,
            "duplicate_articles": int(levels.get("article", 0)),
            "duplicate_paragraphs": int(levels.get("paragraph", 0)),
        }

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table as a flat DataFrame (index made a column), ready to write to disk."""
        out: dict[str, pd.DataFrame] = {}
        for name in TABLES:
            value = getattr(self, name)
            if name == "stories":
                value = value.rename("story").reset_index()
            elif name == "outlet_similarity":
                value = value.round(6).rename_axis("outlet").reset_index()
            out[name] = value
        return out

    def contrast(self, outlet_a: str, outlet_b: str, top_n: int = distinctive.TOP_N) -> pd.DataFrame:
        """The words that set `outlet_a` apart from `outlet_b` (rows for a) and back (rows for b)."""
        return distinctive.pairwise_terms(self.counts, outlet_a, outlet_b, top_n=top_n, lexicons=self.lexicons)

    def article_matrix(self, story: int) -> pd.DataFrame:
        """Square article x article cosine for one story (from the stored pairs; unit diagonal)."""
        docs = sorted(self.stories.index[self.stories == story])
        matrix = pd.DataFrame(np.eye(len(docs)), index=docs, columns=docs)
        pairs = self.article_similarity[self.article_similarity["story"] == story]
        for a, b, s in zip(pairs["doc_a"], pairs["doc_b"], pairs["similarity"]):
            matrix.loc[a, b] = matrix.loc[b, a] = s
        return matrix

    def _repr_html_(self) -> str:
        from html import escape

        items = "".join(f"<li>{escape(str(k))}: {escape(str(v))}</li>" for k, v in self.summary().items())
        parts = [f"<div class='framing-comparison'><h3>Comparison</h3><ul>{items}</ul>"]
        for name, table in self.tables().items():
            parts.append(f"<details><summary>{escape(name)} ({len(table)} rows)</summary>")
            parts.append(table.head(20).to_html(index=False, escape=True, max_cols=12) + "</details>")
        return "".join(parts) + "</div>"


def compare(
    corpus: Corpus | pd.DataFrame,
    *,
    n_stories: int | None = None,
    scores: Scores | pd.DataFrame | None = None,
    tfidf: Tfidf | None = None,
    story_threshold: float | None = stories.THRESHOLD,
    max_story_days: float | None = stories.MAX_DAYS,
    align_threshold: float = align.THRESHOLD,
    duplicate_threshold: float = duplicates.THRESHOLD,
    outlet_scope: str = "corpus",
    cluster_threshold: float | None = CLUSTER_THRESHOLD,
    top_n: int = distinctive.TOP_N,
    lexicons: Iterable[Lexicon] | None = None,
    tokens: Tokens | None = None,
) -> Comparison:
    """Compare the outlets of `corpus` (a Corpus, a DataFrame of articles, a path or a bundled corpus name).

    See the module docstring for the steps.

    `outlet_scope`: "corpus" (one profile per outlet over all its articles) or
    "story" (outlet pairs compared within each story they both cover, then
    averaged; pairs that never share a story get NaN). `lexicons`: Lexicon
    objects to mark distinctive terms (default: the built-in ones). `tokens`:
    `tokenize_corpus` of the articles' clean text, when already found (the dask
    engine tokenises partitions on its workers, `framing.engine.tokens`).
    """
    articles = _articles(corpus)
    if tokens is None:
        tokens = tokenize_corpus(articles["clean_text"].tolist())
    elif tokens.n_articles != len(articles):
        raise FramingError(f"compare: tokens of {tokens.n_articles} articles given for {len(articles)} articles")
    copies = duplicates.find_duplicates(articles, threshold=duplicate_threshold, tokens=tokens)
    keep_of = duplicates.representatives(articles, copies)
    is_kept = keep_of.to_numpy() == articles["doc_id"].to_numpy()
    kept = articles[is_kept].reset_index(drop=True)
    tfidf = tfidf or Tfidf()
    counts = count_terms(
        tokens=tokens,
        keep=_paragraphs_kept(tokens, articles, is_kept, copies),
        max_ngram=2,
        stop_words=tfidf.stop_words,
        min_bigram_count=distinctive.MIN_COUNT,
    ).rows(np.flatnonzero(is_kept))
    matrix, vocabulary = tfidf_matrix(None, tfidf, counts=counts)
    story_of, labels = stories.group_stories(
        kept,
        threshold=story_threshold,
        n_stories=n_stories,
        max_days=max_story_days,
        matrix=matrix,
        vocabulary=vocabulary,
    )
    outlets = _outlet_similarity(matrix, kept, story_of, outlet_scope)
    tables = distinctive.count_tables(None, kept["outlet"], counts=counts)
    facts, omissions = align.align_facts(kept, story_of, threshold=align_threshold)
    settings = {
        "tfidf": tfidf,
        "story_threshold": story_threshold,
        "n_stories": n_stories,
        "max_story_days": max_story_days,
        "align_threshold": align_threshold,
        "duplicate_threshold": duplicate_threshold,
        "outlet_scope": outlet_scope,
        "cluster_threshold": cluster_threshold,
    }
    steps = Steps(copies, keep_of, story_of, labels, _article_pairs(matrix, kept, story_of), outlets, tables)
    return assemble(steps, mark_facts(facts, scores), omissions, settings, top_n=top_n, lexicons=lexicons)


class Steps(NamedTuple):
    """The results of the steps before clustering: what `assemble` turns into a `Comparison`."""

    copies: pd.DataFrame
    keep_of: pd.Series
    story_of: pd.Series
    labels: pd.DataFrame
    article_pairs: pd.DataFrame
    outlet_similarity: pd.DataFrame
    tables: dict[int, OutletCounts]


def assemble(
    steps: Steps,
    facts: pd.DataFrame,
    omissions: pd.DataFrame,
    settings: dict[str, Any],
    *,
    top_n: int = distinctive.TOP_N,
    lexicons: Iterable[Lexicon] | None = None,
) -> Comparison:
    """Cluster the outlets, rank their distinctive terms and put every table into a `Comparison`.

    Shared with the dask engine (`framing.engine.compare`), which computes the steps partition by partition.
    """
    tree, clusters = cluster_outlets(steps.outlet_similarity.fillna(0.0), threshold=settings["cluster_threshold"])
    marking = distinctive.builtin_lexicons_or_none() if lexicons is None else list(lexicons)
    terms = distinctive.distinctive_terms(counts=steps.tables, top_n=top_n, lexicons=marking)
    cluster_of: dict[str, Hashable] = dict(zip(clusters["outlet"], clusters["cluster"]))
    cluster_terms = distinctive.distinctive_terms(counts=steps.tables, groups=cluster_of, top_n=top_n)
    keep_of = steps.keep_of
    return Comparison(
        stories=pd.Series(steps.story_of.reindex(keep_of.to_numpy()).to_numpy(), index=keep_of.index, name="story"),
        story_labels=steps.labels,
        article_similarity=steps.article_pairs,
        outlet_similarity=steps.outlet_similarity,
        outlet_clusters=describe_clusters(clusters, cluster_terms),
        linkage=tree,
        distinctive_terms=terms,
        facts=facts,
        omissions=omissions,
        duplicates=steps.copies,
        settings=settings,
        counts=steps.tables,
        lexicons=tuple(marking),
    )


def _paragraphs_kept(tokens: Tokens, articles: pd.DataFrame, is_kept: np.ndarray, copies: pd.DataFrame) -> np.ndarray:
    """Per paragraph: counted or not (copies of articles and copied paragraphs count once)."""
    keep: np.ndarray = is_kept[tokens.paragraphs["article"].to_numpy()]
    copied = copies[copies["level"] == "paragraph"]
    if len(copied):
        position = {doc: x for x, doc in enumerate(articles["doc_id"])}
        paragraph_of = {
            (a, n): x for x, (a, n) in enumerate(zip(tokens.paragraphs["article"], tokens.paragraphs["number"]))
        }
        drop = [
            paragraph_of[(position[b], int(n))]
            for a, b, n in zip(copied["doc_a"], copied["doc_b"], copied["paragraph_b"])
            if is_kept[position[a]] and is_kept[position[b]]
        ]
        keep[drop] = False
    return keep


def _articles(corpus: Corpus | pd.DataFrame | str) -> pd.DataFrame:
    """The articles as compare reads them: plain Python strings (the corpus passed `as_corpus`)."""
    from framing.corpus.inputs import as_corpus

    articles = as_corpus(corpus).articles.reset_index(drop=True).copy()
    articles["doc_id"] = articles["doc_id"].astype(str).astype(object)
    articles["outlet"] = articles["outlet"].fillna("").astype(str).astype(object)
    articles["clean_text"] = articles["clean_text"].fillna("").astype(str).astype(object)
    return articles


def _outlet_similarity(matrix: sparse.csr_matrix, kept: pd.DataFrame, story_of: pd.Series, scope: str) -> pd.DataFrame:
    """Outlet x outlet cosine: of whole-corpus profiles, or averaged over the stories two outlets share."""
    if scope == "corpus":
        return outlet_similarity(matrix, kept["outlet"])
    if scope != "story":
        raise FramingError(f"compare: outlet_scope {scope!r} is not known; use 'corpus' or 'story'")
    names = sorted(kept["outlet"].unique())
    total = pd.DataFrame(0.0, index=names, columns=names)
    count = total.copy()
    ids = story_of.to_numpy()
    for story in np.unique(ids):
        rows = np.flatnonzero(ids == story)
        if kept["outlet"].iloc[rows].nunique() < 2:
            continue
        profiles, members = group_profiles(matrix[rows], kept["outlet"].iloc[rows])
        sims = cosine_matrix(profiles, members)
        total.loc[members, members] += sims.to_numpy()
        count.loc[members, members] += 1
    values = (total / count.where(count > 0)).to_numpy(dtype=np.float64, copy=True)
    np.fill_diagonal(values, 1.0)
    return pd.DataFrame(values, index=names, columns=names)


def _article_pairs(matrix: sparse.csr_matrix, kept: pd.DataFrame, story_of: pd.Series) -> pd.DataFrame:
    """Cosine of article pairs within each story: all pairs, or each article's 20 best in big stories."""
    ids = story_of.to_numpy()
    groups: dict[Any, Any] = pd.Series(np.arange(len(ids))).groupby(ids).indices  # story id -> row positions
    small_a, small_b, big = [], [], []
    for story in sorted(groups):
        rows = groups[story]
        if len(rows) <= ARTICLE_NEIGHBOURS + 1:
            ii, jj = np.triu_indices(len(rows), k=1)
            small_a.append(rows[ii])
            small_b.append(rows[jj])
        else:
            pairs = top_k_neighbours(matrix[rows], ARTICLE_NEIGHBOURS, threshold=-1.0)
            big.append((rows[pairs["i"].to_numpy()], rows[pairs["j"].to_numpy()]))
    a = np.concatenate(small_a + [p[0] for p in big] + [np.zeros(0, np.int64)]).astype(np.int64)
    b = np.concatenate(small_b + [p[1] for p in big] + [np.zeros(0, np.int64)]).astype(np.int64)
    similarity = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel() if len(a) else np.zeros(0)
    return pair_table(kept, ids, a, b, similarity)


def pair_table(
    kept: pd.DataFrame, ids: np.ndarray, a: np.ndarray, b: np.ndarray, similarity: np.ndarray
) -> pd.DataFrame:
    """The article-pairs table from pairs of row numbers `a`, `b` of `kept` and their cosines, in its order.

    One definition for the local comparison and the partitioned engine, so
    both write the same columns, rounding and sort order.
    """
    doc_ids, outlets = kept["doc_id"].to_numpy(dtype=object), kept["outlet"].to_numpy(dtype=object)
    found = pd.DataFrame(
        {
            # np.object_ is object; pandas-stubs accept only its numpy spelling for array data
            "story": ids[a].astype(np.int64),
            "doc_a": pd.array(doc_ids[a], dtype=np.object_),
            "doc_b": pd.array(doc_ids[b], dtype=np.object_),
            "outlet_a": pd.array(outlets[a], dtype=np.object_),
            "outlet_b": pd.array(outlets[b], dtype=np.object_),
            "similarity": np.round(similarity.astype(np.float64), 4),
        }
    )
    return found.sort_values(
        ["story", "similarity", "doc_a", "doc_b"], ascending=[True, False, True, True], kind="mergesort"
    ).reset_index(drop=True)


def mark_facts(facts: pd.DataFrame, scores: Scores | pd.DataFrame | None) -> pd.DataFrame:
    """Add `frame_words`, `loaded_words` and `marks` (offsets within the sentence) from scores' evidence."""
    out = facts.copy()
    evidence = scores if scores is None or isinstance(scores, pd.DataFrame) else scores.evidence
    columns: dict[str, list[Any]] = {"frame_words": [], "loaded_words": [], "marks": []}
    if evidence is None or not len(out):
        for name in columns:
            out[name] = pd.array([""] * len(out), dtype=object)
        return out
    # only the articles that have facts: a table per article of the whole corpus would be thrown away
    hits = evidence[evidence["family"].isin(["frame", "loaded"]) & evidence["doc_id"].isin(set(out["doc_id"]))]
    by_doc = {doc: group.sort_values(["start", "end"], kind="mergesort") for doc, group in hits.groupby("doc_id")}
    for doc, start, end in zip(out["doc_id"], out["start"], out["end"]):
        group = by_doc.get(doc)
        inside = group[(group["start"] >= start) & (group["end"] <= end)] if group is not None else hits.iloc[:0]
        for family, name in (("frame", "frame_words"), ("loaded", "loaded_words")):
            rows = inside[inside["family"] == family]
            columns[name].append("; ".join(f"{t} ({c})" for t, c in zip(rows["text"], rows["category"])))
        columns["marks"].append(
            "; ".join(
                f"{s - start}:{e - start}:{f}:{c}"
                for s, e, f, c in zip(inside["start"], inside["end"], inside["family"], inside["category"])
            )
        )
    for name, values in columns.items():
        out[name] = pd.array(values, dtype=object)
    return out
