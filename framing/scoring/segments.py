"""One long article scored in segments cut at paragraph breaks, merged into the whole article's results.

Why: scoring an article holds it as one Python string (1, 2 or 4 bytes a
character: one emoji makes a 20 MB article 79 MiB), its token arrays and
every scorer's working set, all growing with the article. An article of more
than `SEGMENT` bytes of UTF-8 is instead cut into segments of about that size,
each read from the Arrow column, tokenized and scored on its own; only
per-sentence numbers, hits and quotes are kept from one segment to the next.

Why the results are the same as for the whole article (tests hold them to it
byte for byte): a segment starts at a paragraph that begins with an ASCII
letter or digit, after a blank line that follows a lower-case word and a full
stop (`_safe_cut`). No token, sentence (a blank line ends one), negation scope
(a full stop ends one), quotation (an open quote carries over only into a
paragraph that starts with a quote mark), "X said" attribution or name (its
parts sit on one line) crosses such a break, and no numbered list marker
(which continues the one before within 1,000 characters) is near it.
What does cross it is carried or redone: a pronoun with no "X said" before it
in its segment refers to the last one of an earlier segment (`unnormalised`'s
`prior`); the fullest form of each speaker's name is looked for in every
segment once all quotes are known (`SpeakerNames`). Per-article numbers are
then computed from the joined rows with each scorer's own code: sentiment
means from the sentences' scores, rates from the hits and the word count,
stance from every mention's probabilities, in the article's order.

An article without such a break, or a run with a scorer this module does
not know (the opt-in slant scorer), is scored whole.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from framing.scoring.base import ScorerResult, ScoringContext, empty_evidence
from framing.scoring.frames import FrameScorer, as_evidence, lexicon_hits
from framing.scoring.loaded import LoadedScorer
from framing.scoring.sentiment import TABLE_COLUMNS as SENTIMENT_COLUMNS
from framing.scoring.sentiment import SentimentScorer
from framing.scoring.sourcing.attribution import (
    Quote,
    SourcingScorer,
    SpeakerNames,
    _word_starts,
    article_row,
    quote_rows_of,
    quoted_words,
    rules,
    sentence_numbers,
    sentence_starts,
    sourcing_result,
    unnormalised,
)
from framing.scoring.sourcing.quote_marks import quote_spans
from framing.scoring.stance.scorer import StanceScorer, stance_evidence, wide_columns

SEGMENT = 2**20  # bytes of UTF-8: a longer article is scored in segments of about this size
LONG_SEGMENT = 2**18  # characters: after a segment this long the freed pages go back (a collection costs)
_MARGIN = 4_000  # bytes around a cut without a list marker: 1,000 characters at least (see `_safe_cut`)
# a list label ("2." "b)" "(3)") that `sentence_spans` could continue from one within 1,000 characters
_LIST_LABEL = re.compile(rb"(?<![0-9A-Za-z.])(?:[0-9]{1,3}|[a-z])[.)](?=\s)|\xe2\x80\xa2|\xe2\x81\x83")
_LOWER = frozenset(range(ord("a"), ord("z") + 1))
_ALNUM = _LOWER | frozenset(range(ord("A"), ord("Z") + 1)) | frozenset(range(ord("0"), ord("9") + 1))
_SPACE = frozenset(b" \t")


def cuts(data: bytes | memoryview, size: int = SEGMENT) -> list[tuple[int, int]]:
    """Byte ranges of the segments of an article's UTF-8 `data`, each about `size` bytes or more; one: no cut."""
    view = np.frombuffer(data, dtype=np.uint8)
    newlines = np.flatnonzero(view == 10)
    candidates = newlines[1:][np.diff(newlines) == 1] + 1  # just after a "\n\n"
    ranges, first, i = [], 0, 0
    while len(view) - first > size:
        i = int(np.searchsorted(candidates, first + size, side="left"))
        while i < len(candidates) and not _safe_cut(data, int(candidates[i])):
            i += 1
        if i == len(candidates):
            break
        ranges.append((first, int(candidates[i])))
        first = int(candidates[i])
    ranges.append((first, len(view)))
    return ranges


def _safe_cut(data: bytes | memoryview, at: int) -> bool:
    """Does `at` (just after a blank line) start a paragraph no rule reads across (see the module doc)?

    The paragraph starts with an ASCII letter or digit (no quote mark, no
    whitespace); the one before ends with a lower-case word and a full stop
    ("troops.", not "Gen." or "U.S."); no list label within `_MARGIN` bytes.
    """
    if at >= len(data) or data[at] not in _ALNUM or at < 4 or data[at - 3] != ord("."):
        return False
    word = at - 4
    while word >= 0 and data[word] in _LOWER:
        word -= 1
    if word == at - 4 or (word >= 0 and data[word] not in _SPACE and data[word] != 10):
        return False
    return _LIST_LABEL.search(bytes(data[max(0, at - _MARGIN) : at + _MARGIN])) is None


@dataclass(frozen=True)
class Shift:
    """Where a segment starts in its article: characters and sentences before it."""

    chars: int = 0
    sentences: int = 0

    def rows(self, frame: pd.DataFrame, columns: tuple[str, ...] = ("start", "end")) -> pd.DataFrame:
        """`frame` (evidence, sentences, hits) with its offsets and sentence numbers moved into the article."""
        if not len(frame) or (self.chars == 0 and self.sentences == 0):
            return frame
        moved = {c: frame[c] + self.chars for c in columns}
        if "sentence" in frame.columns:
            moved["sentence"] = frame["sentence"] + self.sentences
        return frame.assign(**moved)

    def quote(self, q: Quote) -> Quote:
        def moved(at: int) -> int:
            return at + self.chars if at >= 0 else at

        return Quote(q.start + self.chars, q.end + self.chars, q.speaker, moved(q.speaker_start), moved(q.speaker_end))


def joined(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenated rows; empty parts left out, so that they change no column's type."""
    full = [f for f in frames if len(f)]
    if len(full) == 1:
        return full[0].reset_index(drop=True)
    return pd.concat(full or frames[:1], ignore_index=True)


def joined_results(results: list[ScorerResult]) -> ScorerResult:
    """One scorer's results for consecutive runs of articles, as one result for all of them."""
    if len(results) == 1:
        return results[0]
    extras = {name: joined([r.extras[name] for r in results]) for name in results[0].extras}
    return ScorerResult(joined([r.table for r in results]), joined([r.evidence for r in results]), extras)


Texts = Callable[[], Iterator[str]]  # the article's segments again, in order, decoded afresh


class Parts(ABC):
    """One scorer, segment by segment: `add` scores a segment, `result` gives the whole article's result."""

    def __init__(self, scorer: Any, evidence: bool) -> None:
        self.scorer, self.evidence = scorer, evidence

    @abstractmethod
    def add(self, articles: pd.DataFrame, context: ScoringContext, shift: Shift) -> ScorerResult:
        """Score one segment (`shift`: where it starts); the result is what scorers requiring this one read."""

    @abstractmethod
    def result(self, doc_id: Any, texts: Texts) -> ScorerResult:
        """The whole article's result from its segments (`texts` decodes them again, for a second look)."""


class SentimentParts(Parts):
    """Every sentence's scores (kept without evidence too): the article's means are taken over all of them."""

    def __init__(self, scorer: Any, evidence: bool) -> None:
        super().__init__(scorer, evidence)
        self.sentences: list[pd.DataFrame] = []
        self.found: list[pd.DataFrame] = []

    def add(self, articles: pd.DataFrame, context: ScoringContext, shift: Shift) -> ScorerResult:
        result: ScorerResult = self.scorer(articles, context)
        sentences = result.extras["sentences"]
        self.sentences.append(shift.rows(sentences))
        self.found.append(shift.rows(result.evidence))
        return result

    def result(self, doc_id: Any, texts: Texts) -> ScorerResult:
        table = joined(self.sentences)
        row = self.scorer.article_row(
            doc_id,
            table["words"].to_numpy().astype(float),
            table["vader"].to_numpy(),
            table["textblob"].to_numpy(),
            table["subjectivity"].to_numpy(),
        )
        scores = pd.DataFrame([row], columns=SENTIMENT_COLUMNS)
        if not self.evidence:
            return ScorerResult(scores, extras={"sentences": table.iloc[:0]})
        return ScorerResult(scores, joined(self.found), {"sentences": table})


class HitParts(Parts):
    """Lexicon hits of every segment (only what the rates read, without evidence), and the words counted."""

    def __init__(self, scorer: Any, evidence: bool) -> None:
        super().__init__(scorer, evidence)
        self.hits: dict[str, list[pd.DataFrame]] = {}
        self.words = 0

    def keep(self, name: str, hits: pd.DataFrame, shift: Shift) -> None:
        kept = hits if self.evidence else hits[["doc_id", "category", "negated", "weight"]]
        self.hits.setdefault(name, []).append(shift.rows(kept) if self.evidence else kept)


class FrameParts(HitParts):
    def add(self, articles: pd.DataFrame, context: ScoringContext, shift: Shift) -> ScorerResult:
        for lexicon in self.scorer.lexicons:
            self.keep(lexicon.name, lexicon_hits(lexicon, articles, context.tokens, with_text=self.evidence), shift)
        self.words += int(context.tokens.word_counts()[0])
        return ScorerResult(pd.DataFrame({"doc_id": list(articles["doc_id"])}))

    def result(self, doc_id: Any, texts: Texts) -> ScorerResult:
        columns: dict[str, object] = {"doc_id": [doc_id]}
        parts = []
        for lexicon in self.scorer.lexicons:
            hits = joined(self.hits.pop(lexicon.name))
            columns.update(self.scorer.lexicon_columns(lexicon, hits, [doc_id], np.array([self.words], dtype=np.int64)))
            parts.append(as_evidence(hits, "frame") if self.evidence else hits.iloc[:0])
        evidence = pd.concat(parts, ignore_index=True) if parts and self.evidence else empty_evidence()
        return ScorerResult(pd.DataFrame(columns), evidence)


class LoadedParts(HitParts):
    """Hits and words outside the segment's quotations (which never cross a cut)."""

    def add(self, articles: pd.DataFrame, context: ScoringContext, shift: Shift) -> ScorerResult:
        hits, words = self.scorer.outlet_hits(articles, context)
        self.keep("loaded", hits, shift)
        self.words += int(words[0])
        return ScorerResult(pd.DataFrame({"doc_id": list(articles["doc_id"])}))

    def result(self, doc_id: Any, texts: Texts) -> ScorerResult:
        hits = joined(self.hits.pop("loaded"))
        table = self.scorer.table_of(hits, np.array([self.words], dtype=np.int64), [doc_id])
        return ScorerResult(table, as_evidence(hits, "loaded") if self.evidence else empty_evidence())


@dataclass
class _Quotes:
    """An article's quotes so far, in the article's offsets, with their text and sentence."""

    quotes: list[Quote] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    quoted: int = 0  # words inside them
    words: int = 0  # words of the article


class SourcingParts(Parts):
    """Quotes found segment by segment, the last "X said" carried over; names made one spelling at the end."""

    def __init__(self, scorer: Any, evidence: bool) -> None:
        super().__init__(scorer, evidence)
        self.found = _Quotes()
        self.prior: str | None = None

    def add(self, articles: pd.DataFrame, context: ScoringContext, shift: Shift) -> ScorerResult:
        tokens, found = context.tokens, self.found
        text = tokens.texts[0]
        starts = sentence_starts(text, tokens, 0)
        quotes, self.prior = unnormalised(text, quote_spans(text), starts.tolist(), self.scorer.min_words, self.prior)
        words = _word_starts(text, tokens, 0)
        found.quoted += quoted_words(words, quotes)
        found.words += len(words)
        found.texts += [text[q.start : q.end] for q in quotes]
        found.sentences += [n + shift.sentences for n in sentence_numbers(starts, quotes)]
        found.quotes += [shift.quote(q) for q in quotes]
        doc_id = articles["doc_id"].iloc[0]
        local = pd.DataFrame({"doc_id": [doc_id] * len(quotes), "start": [q.start for q in quotes]})
        local["end"] = [q.end for q in quotes]  # what the loaded-language scorer reads of the quotes
        return ScorerResult(pd.DataFrame({"doc_id": [doc_id]}), extras={"quotes": local})

    def result(self, doc_id: Any, texts: Texts) -> ScorerResult:
        found = self.found
        names = SpeakerNames(found.quotes, rules().titles)
        if names.forms:
            for text in texts():
                names.read(text)
        quotes = names.normalised()
        rows = [article_row(doc_id, found.quoted, found.words, quotes)]
        quote_rows, evidence = quote_rows_of(doc_id, quotes, found.texts, found.sentences)
        return sourcing_result(rows, quote_rows, evidence if self.evidence else [])


class StanceParts(Parts):
    """Every mention's class probabilities per target, in order: the article's stance is their mean."""

    def __init__(self, scorer: Any, evidence: bool) -> None:
        super().__init__(scorer, evidence)
        self.mentions: dict[str, list[Any]] = {}
        self.rows: list[pd.DataFrame] = []

    def add(self, articles: pd.DataFrame, context: ScoringContext, shift: Shift) -> ScorerResult:
        if self.scorer.targets is not None:
            from framing.scoring.stance.article import stance_mentions
            from framing.scoring.stance.model import load_model
            from framing.scoring.stance.targets import load_targets

            found, rows = stance_mentions(articles, load_targets(self.scorer.targets), model=load_model())
            for name, probabilities in found[0].items():
                self.mentions.setdefault(name, []).extend(probabilities)
            if self.evidence:
                self.rows.append(shift.rows(rows))
        return ScorerResult(pd.DataFrame({"doc_id": list(articles["doc_id"])}))

    def result(self, doc_id: Any, texts: Texts) -> ScorerResult:
        if self.scorer.targets is None:
            result: ScorerResult = self.scorer(pd.DataFrame({"doc_id": [doc_id], "clean_text": [""]}))
            return result
        from framing.scoring.stance.article import stance_table
        from framing.scoring.stance.model import load_model
        from framing.scoring.stance.targets import load_targets

        targets = load_targets(self.scorer.targets)
        long = stance_table([doc_id], [{name: self.mentions.get(name, []) for name in targets.names}], load_model())
        evidence = stance_evidence(joined(self.rows)) if self.rows else empty_evidence()
        return ScorerResult(wide_columns(long, targets, [doc_id]), evidence, {"stance": long})


PARTS: dict[type, type[Parts]] = {
    SentimentScorer: SentimentParts,
    FrameScorer: FrameParts,
    StanceScorer: StanceParts,
    LoadedScorer: LoadedParts,
    SourcingScorer: SourcingParts,
}


def segmentable(scorers: tuple[Any, ...]) -> bool:
    """Can a run of these scorers score an article in segments (each scorer's merge is known)?"""
    return all(type(s) in PARTS for s in scorers)


def article_bytes(column: pd.Series) -> list[Any]:
    """Each text of `column` as a buffer of UTF-8 (Arrow's own, not copied, for an Arrow string column)."""
    import pyarrow as pa

    try:
        array = pa.array(column.array)
    except (TypeError, pa.ArrowException):
        array = pa.array([str(t) for t in column], type=pa.large_string())
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        array = array.cast(pa.large_string())
    return [array[i].as_buffer() or pa.py_buffer(b"") for i in range(len(array))]  # a missing text: none


def segment_texts(data: Any, ranges: list[tuple[int, int]]) -> Iterator[str]:
    """The segments' texts, decoded one at a time from the article's UTF-8."""
    for first, stop in ranges:
        yield data[first:stop].to_pybytes().decode("utf-8")


def score_segments(
    scorers: tuple[Any, ...],
    article: pd.DataFrame,
    data: Any,
    ranges: list[tuple[int, int]],
    evidence: bool,
    release: Callable[[], None] = lambda: None,
) -> tuple[dict[str, ScorerResult], int]:
    """Every scorer's result for one article (one row) scored segment by segment, and its words.

    `release` runs after each long segment (the pipeline gives back the freed pages).
    """
    from framing.scoring.registry import execution_order

    doc_id = article["doc_id"].iloc[0]
    parts = {s.name: PARTS[type(s)](s, evidence) for s in scorers}
    shift, words = Shift(), 0
    for text in segment_texts(data, ranges):
        segment = pd.DataFrame({"doc_id": article["doc_id"].to_numpy(), "clean_text": [text]})
        context = ScoringContext.for_articles(segment, evidence, segment=True)
        for scorer in execution_order(scorers):
            context.results[scorer.name] = parts[scorer.name].add(segment, context, shift)
        words += int(context.tokens.word_counts()[0])
        shift = Shift(shift.chars + len(text), shift.sentences + len(context.tokens.sentence_starts(0)))
        if len(text) >= LONG_SEGMENT:
            del context, segment, text
            release()  # the segment's freed pages, before the next segment's come
    return {name: part.result(doc_id, lambda: segment_texts(data, ranges)) for name, part in parts.items()}, words
