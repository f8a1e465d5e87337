"""Which articles a worksheet shows, in which blind order, and how they read.

A worksheet shows one article per outlet, all from one story (the story that
the most outlets covered), so that students compare coverage of the same
event. With `sources=N` it keeps the N outlets whose coverage differs most
(greedy farthest-first on the outlet similarity: start with the least similar
pair, then add the outlet least like any already chosen); ties go by outlet
name, so the choice is deterministic. Letters come from a seeded shuffle, so
the order says nothing about the outlets.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from framing.errors import FramingError
from framing.text.words import paragraph_spans, printed_word_count, printed_words
from framing.worksheets.blind import Scrubber, segments
from framing.worksheets.model import Source

if TYPE_CHECKING:
    from framing.corpus.model import Corpus

DEFAULT_MAX_SOURCES = 6
MAX_WORDS_SHOWN = 900
_FACT_ID = ("fact", "fact_id", "fact id")
_SENTENCE = ("sentence", "sentence_index", "sentence index")
_TEXT = ("text", "sentence_text", "sentence text")


def _column(frame: pd.DataFrame, names: tuple[str, ...], what: str) -> str:
    for name in names:
        if name in frame.columns:
            return name
    raise FramingError(f"comparison.facts: no {what} column (looked for {', '.join(names)}); update framing")


def facts_frame(comparison: Any) -> pd.DataFrame:
    """comparison.facts as `fact, doc_id, sentence, start, end, text` (one row per sentence).

    `start`/`end` (offsets into clean_text) are -1 when the comparison has none.
    """
    facts = getattr(comparison, "facts", None)
    if facts is None or len(facts) == 0:
        empty: pd.DataFrame = pd.DataFrame(
            {"fact": [], "doc_id": [], "sentence": [], "start": [], "end": [], "text": []}
        )
        return empty
    frame = facts.reset_index(drop=("doc_id" in facts.columns))
    out = pd.DataFrame(
        {
            "fact": frame[_column(frame, _FACT_ID, "fact id")],
            "doc_id": frame["doc_id"].astype(str),
            "sentence": frame[_column(frame, _SENTENCE, "sentence index")].astype(int),
            "start": frame["start"].astype(int) if "start" in frame.columns else -1,
            "end": frame["end"].astype(int) if "end" in frame.columns else -1,
            "text": frame[_column(frame, _TEXT, "sentence text")].astype(str),
        }
    )
    ordered: pd.DataFrame = out.sort_values(["fact", "doc_id", "sentence"], kind="stable").reset_index(drop=True)
    return ordered


def _story_docs(articles: pd.DataFrame, comparison: Any) -> pd.DataFrame:
    """The articles of the story covered by the most outlets (all, if no stories)."""
    stories = getattr(comparison, "stories", None)
    if stories is None or len(stories) == 0:
        return articles
    if isinstance(stories, pd.DataFrame):
        stories = stories.set_index("doc_id").iloc[:, 0] if "doc_id" in stories.columns else stories.iloc[:, 0]
    story = articles["doc_id"].map(stories.astype(str).to_dict())
    table = pd.DataFrame({"story": story, "outlet": articles["outlet"]}).dropna()
    if table.empty:
        return articles
    reach = table.groupby("story").agg(outlets=("outlet", "nunique"), n=("outlet", "size")).reset_index()
    best = reach.sort_values(["outlets", "n", "story"], ascending=[False, False, True]).iloc[0]["story"]
    chosen: pd.DataFrame = articles[story == best]
    return chosen


def story_label(comparison: Any, doc_id: str) -> str:
    """The tool's label (top words) of the story an article belongs to, or ""."""
    stories, labels = getattr(comparison, "stories", None), getattr(comparison, "story_labels", None)
    if stories is None or labels is None or "label" not in getattr(labels, "columns", ()):
        return ""
    if isinstance(stories, pd.DataFrame):
        return ""
    story = stories.get(doc_id)
    match = labels[labels["story"] == story] if "story" in labels.columns else labels.loc[[story]]
    return str(match["label"].iloc[0]) if len(match) else ""


def _one_per_outlet(docs: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """Per outlet, the article that reports the most aligned facts (then by doc_id)."""
    counts = facts.groupby("doc_id")["fact"].nunique()
    ranked = docs.assign(_facts=docs["doc_id"].map(counts).fillna(0))
    ranked = ranked.sort_values(["outlet", "_facts", "doc_id"], ascending=[True, False, True], kind="stable")
    best: pd.DataFrame = ranked.drop_duplicates("outlet").drop(columns="_facts")
    return best


def _similarity(comparison: Any, outlets: list[str]) -> pd.DataFrame | None:
    sim = getattr(comparison, "outlet_similarity", None)
    if sim is None or not set(outlets) <= set(sim.index) or not set(outlets) <= set(sim.columns):
        return None
    square: pd.DataFrame = sim.loc[outlets, outlets].astype(float)
    return square


def most_different(outlets: list[str], sim: pd.DataFrame | None, n: int) -> list[str]:
    """Greedy farthest-first choice of n outlets; the first n by name without similarities."""
    outlets = sorted(outlets)
    if n >= len(outlets):
        return outlets
    if sim is None:
        return outlets[:n]
    pairs = [(sim.loc[a, b], a, b) for i, a in enumerate(outlets) for b in outlets[i + 1 :]]
    _, first, second = min(pairs)
    chosen = [first, second]
    while len(chosen) < n:
        rest = [o for o in outlets if o not in chosen]
        chosen.append(min(rest, key=lambda o: (max(sim.loc[o, c] for c in chosen), o)))  # type: ignore[type-var]  # pandas-stubs: .loc[o, c] is one float
    return sorted(chosen)


def choose_articles(
    corpus: Corpus, comparison: Any, facts: pd.DataFrame, sources: int | None = None
) -> tuple[pd.DataFrame, str]:
    """The articles to show (one per outlet) and a sentence saying how they were chosen."""
    docs = _one_per_outlet(_story_docs(corpus.articles, comparison), facts)
    available = len(docs)
    if available < 2:
        raise FramingError(
            f"{corpus.name}: a worksheet needs articles from at least 2 outlets on one story; "
            f"found {available}; add articles from another outlet"
        )
    n = min(available, DEFAULT_MAX_SOURCES) if sources is None else int(sources)
    most = min(available, len(string.ascii_uppercase))
    if n < 2 or n > most:
        raise FramingError(
            f"--sources {n}: choose between 2 and {most} "
            f"(the story has articles from {available} outlets; letters go up to Z)"
        )
    outlets = most_different(list(docs["outlet"]), _similarity(comparison, list(docs["outlet"])), n)
    how = (
        f"{n} of the {available} outlets that covered the story, the ones whose wording differs most"
        if n < available
        else f"all {available} outlets that covered the story"
    )
    return docs[docs["outlet"].isin(outlets)], how


def blind_order(doc_ids: Iterable[str], seed: int) -> dict[str, str]:
    """doc_id -> letter, from a seeded shuffle of the sorted ids."""
    ordered = sorted(doc_ids)
    permutation = np.random.default_rng(seed).permutation(len(ordered))
    letters = string.ascii_uppercase
    return {ordered[int(index)]: letters[pos] for pos, index in enumerate(permutation)}


def _same_words(a: str, b: str) -> bool:
    """True when two strings have the same words, ignoring case and punctuation."""
    words = [w.lower() for w in printed_words(a)]
    return bool(words) and words == [w.lower() for w in printed_words(b)]


def make_source(row: Any, letter: str, scrubber: Scrubber) -> Source:
    """A blinded Source: scrubbed title and paragraphs, capped at MAX_WORDS_SHOWN words."""
    text = row.clean_text
    paragraphs: list[Any] = []
    shown, total = 0, printed_word_count(text)
    spans = paragraph_spans(text)
    if spans and _same_words(text[spans[0][0] : spans[0][1]], str(row.title or "")):
        total -= printed_word_count(text[spans[0][0] : spans[0][1]])
        spans = spans[1:]  # the headline repeated as the first line: printed once, as the headline
    for start, end in spans:
        if paragraphs and shown + printed_word_count(text[start:end]) > MAX_WORDS_SHOWN:
            break
        paragraphs.append(segments(text[start:end], (), scrubber))
        shown += printed_word_count(text[start:end])
    date = "" if pd.isna(row.date) else pd.Timestamp(row.date).strftime("%Y-%m-%d")
    return Source(
        letter=letter,
        doc_id=str(row.doc_id),
        outlet=str(row.outlet),
        author=str(row.author or ""),
        url=str(row.url or ""),
        date=date,
        title=segments(str(row.title or ""), (), scrubber),
        paragraphs=tuple(paragraphs),
        words=total,
        words_hidden=total - shown,
    )


def corpus_scrubber(corpus: Corpus, chosen: pd.DataFrame) -> Scrubber:
    """A Scrubber for every outlet and web domain in the corpus and the shown articles' authors.

    Authors of articles not shown are left alone: in a large table they include
    politicians writing op-eds, whose names other articles must keep.
    """
    articles = corpus.articles
    authors = sorted(set(chosen["author"].fillna("").astype(str)))
    return Scrubber(
        outlets=sorted(set(articles["outlet"].astype(str))),
        authors=authors,
        urls=sorted(set(articles["url"].fillna("").astype(str))),
        surnames_of=authors,
    )
