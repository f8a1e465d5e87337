"""Stance of whole articles toward targets: mentions, voice, frame cues, aggregation.

For every mention of a target in an article's `clean_text`, the sentence-level
model (`stance.StanceModel`) scores the words around it, with the article-level
rules a careful reader applies:

* **Places** (`stance_place`): a mention that names the actor as a place
  ("countries on Russia's border", "troops in Ukraine") is counted but left
  out of the score; an article that names an actor only as a place scores
  0.0, neutral.
* **Voice** (`stance_voice`): when the mention is the subject of a report or
  position verb ("Moscow has consistently said ..."), the reported words are
  the actor's own position and are left out of that mention's stance, and
  of the stance of a mention of the same actor inside them ("Moscow has said
  ... the reason President Vladimir Putin ..."): the actor speaking of itself.
* **Frame cues**: a target's `frames:` in the targets file maps lexicon
  categories to a direction (NATO: `buildup: -1`, `defensive: +1`). Each
  non-negated hit of such a category in the mention's sentence (and not in the
  words the voice rule dropped) counts as the fitted model counts a clearly
  valenced word at that place: a word of VADER valence `direction * hit weight
  * FRAME_VALENCE * 4` on the mention's left or right, through the model's own
  `vader.{pos,neg}.{L,R}` weights and distance kernel. So a frame cue pulls
  toward its class and away from neutral, as the annotators' sentiment words
  do (a plain log-odds shift between positive and negative was absorbed by a
  confident neutral: "to discuss Russia's invasion" stayed neutral). Where
  the model reads a word inside a cue the other way ("resolve" in "testing
  NATO's resolve", a cue against Russia), that word is left out: the phrase's
  reading, which a person chose for this story, wins over the generic one.
  FRAME_VALENCE is set by that reasoning, not fitted (no labelled data).

* **Content words only**: function words ("that", "will", "against", "from")
  are left out of article stance. The fitted model gives some of them large
  weights ("will" about +1.6 toward NATO in several sentences) that help it on
  NewsMTSC sentences (dropping them costs 0.01-0.02 train CV macro-F1, so
  `target_stance` keeps them) but that a reader can neither see nor accept as
  a judgement of an actor. Leaving them out makes every word that moves an
  article's stance a word the reader can check. Negation still counts: a
  negator flips the sign of the words after it before it is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from framing.errors import FramingError
from framing.scoring.stance.model import (
    BoolArray,
    Sentence,
    Stance,
    StanceModel,
    analyse,
    label_of,
    label_of_score,
    load_model,
    vader_analyzer,
)
from framing.scoring.stance.place import is_place
from framing.scoring.stance.targets import Targets, find_mentions_in_sentences, load_targets
from framing.scoring.stance.voice import speaker_spans, voice_mask
from framing.text.tokenize import Token

Hit = tuple[int, int, float]  # a frame cue's (start, end) in clean_text and its direction x weight
FrameHits = dict[tuple[str, int], dict[str, list[Hit]]]  # (doc_id, sentence) -> target -> hits
Probabilities = tuple[float, ...]  # (P(negative), P(neutral), P(positive)) of one mention
Row = tuple[object, ...]  # one evidence row, EVIDENCE_COLUMNS

TABLE_COLUMNS = ["doc_id", "target", "mentions", "score", "label"]
EVIDENCE_COLUMNS = ["doc_id", "target", "sentence", "start", "end", "text", "weight", "kind"]
MENTION_KINDS = ("mention", "place")  # evidence kinds that mark a target's name (a place mention is not scored)
CHUNK = 256  # articles per batch of frame matching (only sentences that mention a target are matched)
FRAME_VALENCE = (
    0.5  # a frame cue counts as a word of VADER valence 2 of 4 (VADER's median |valence| is 1.6, 75th pct 2.1)
)
# A mention with no cue word and no frame cue around it (a logistics line, "Russia, Ukraine and Belarus
# will attend"; a headline of names) carries no stance: it is neutral, 0.0, not the model's prior lean.
BARE = Stance(0.0, "neutral", (), (0.0, 1.0, 0.0))
_CLITICS = frozenset(["'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "s"])


def score_stance(
    articles: pd.DataFrame,
    targets: Targets | str | Path,
    *,
    model: StanceModel | None = None,
    voice: bool = True,
    places: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Stance of every article toward every target: `(table, evidence)` DataFrames.

    `table` (long form, articles in input order, targets in file order):
    `doc_id, target, mentions, score, label`; `score` is the mean of the
    scores of the mentions that are not places (mean P(positive) - mean
    P(negative)) and the label the most probable class of the mean
    probabilities (NaN score and no label when the target is not mentioned;
    0.0, neutral, when it is mentioned only as a place). `evidence`: one
    `kind="mention"` row per mention (`weight` = its score); one `kind="place"`
    row (weight 0) per place mention; one `kind="cue"` row per content word
    that moved a mention (`weight` = contribution in log-odds, summed over the
    target's mentions in that sentence); one `kind="frame"` row per frame cue
    (same units: its positive-minus-negative logit shift). `sentence` indexes
    `sentence_spans(clean_text)`, `start`/`end` slice `clean_text`.
    `voice=False` turns the voice rule off, `places=False` the place rule. Pure.
    """
    targets = load_targets(targets)
    model = model or load_model()
    found, evidence = stance_mentions(articles, targets, model=model, voice=voice, places=places)
    return stance_table(articles["doc_id"].tolist(), found, model), evidence


def stance_table(
    doc_ids: list[object], found: list[dict[str, list[Probabilities | None]]], model: StanceModel
) -> pd.DataFrame:
    """The long table from each article's mentions' probabilities per target (see `stance_mentions`)."""
    rows = [(d, name, *_aggregate(mentions, model)) for d, per in zip(doc_ids, found) for name, mentions in per.items()]
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    table["mentions"] = table["mentions"].astype("int64")
    return table


def stance_mentions(
    articles: pd.DataFrame, targets: Targets, *, model: StanceModel, voice: bool = True, places: bool = True
) -> tuple[list[dict[str, list[Probabilities | None]]], pd.DataFrame]:
    """Per article, each target's mentions in order (their class probabilities; None: a place), and the evidence.

    What `score_stance` aggregates: a long article scored in segments
    (`framing.scoring.segments`) joins its segments' lists before that.
    """
    for column in ("doc_id", "clean_text"):
        if column not in getattr(articles, "columns", ()):
            raise FramingError(f"articles: no {column!r} column; pass corpus.articles (doc_id, clean_text)")
    doc_ids = articles["doc_id"].tolist()
    texts = [t if isinstance(t, str) else "" for t in articles["clean_text"].tolist()]
    every: list[dict[str, list[Probabilities | None]]] = []
    evidence: list[Row] = []
    for first in range(0, len(texts), CHUNK):
        chunk = [
            (d, t, list(find_mentions_in_sentences(t, targets)))
            for d, t in zip(doc_ids[first : first + CHUNK], texts[first : first + CHUNK])
        ]
        frames = frame_hits([(d, s[0], s[1], s[2]) for d, _, sents in chunk for s in sents], targets)
        for doc_id, text, sentences in chunk:
            found: dict[str, list[Probabilities | None]] = {name: [] for name in targets.names}
            for index, offset, sentence, tokens, spans in sentences:
                hits = frames.get((doc_id, index), {})
                evidence.extend(
                    _sentence(
                        model,
                        doc_id,
                        index,
                        offset,
                        sentence,
                        tokens,
                        spans,
                        hits,
                        found,
                        targets if voice else None,
                        text,
                        places,
                    )
                )
            every.append(found)
    return every, pd.DataFrame(evidence, columns=EVIDENCE_COLUMNS)


def _sentence(
    model: StanceModel,
    doc_id: str,
    index: int,
    offset: int,
    sentence: str,
    tokens: Sequence[Token],
    spans: Sequence[tuple[int, int, str]],
    hits: dict[str, list[Hit]],
    found: dict[str, list[Probabilities | None]],
    targets: Targets | None,
    text: str,
    places: bool,
) -> list[Row]:
    """Evidence rows of one sentence; appends each mention's probabilities (None: a place) to `found`."""
    sent = analyse(sentence, tokens)
    rows: dict[tuple[str, str, int, int, int, str, str], list[float]] = {}  # summed over the target's mentions
    out: list[Row] = []
    voices = _voices(sent, spans, targets) if targets is not None else []
    function = _function_words(sent)
    for a, b, name in spans:
        start, end = offset + int(sent.starts[a]), offset + int(sent.ends[b - 1])
        if places and is_place(sent.norms, a, b):
            found[name].append(None)  # a mention, but of a place: no stance toward the actor
            out.append((doc_id, name, index, start, end, text[start:end], 0.0, "place"))
            continue
        reported = _own_words(voices, a, b, name)
        compound = _compound(sent, reported) if reported is not None else None
        cues = _frame_cues(sent, a, b, hits.get(name, ()), reported, model, offset)
        drop = function.copy() if reported is None else function | reported  # fresh per mention
        drop[a:b] = False
        extra = sum((cue.logits for cue in cues), np.zeros(3))
        stance = model.predict(sent, a, b, drop=drop, compound=compound, extra=extra)
        against = _words_against_cues(sent, stance, cues)
        if against.any():  # the phrase's reading wins over the model's reading of its words
            stance = model.predict(sent, a, b, drop=drop | against, compound=compound, extra=extra)
        if not stance.evidence and not cues:
            stance = BARE  # no word and no frame cue says anything about the actor here
        found[name].append(stance.probabilities)
        out.append((doc_id, name, index, start, end, text[start:end], round(stance.score, 4), "mention"))
        for s, e, word, c in stance.evidence:  # a word near several mentions: one row, summed
            key = (doc_id, name, index, offset + s, offset + e, word, "cue")
            rows.setdefault(key, [0.0])[0] += c
        for cue in cues:
            key = (doc_id, name, index, cue.start, cue.end, text[cue.start : cue.end], "frame")
            rows.setdefault(key, [0.0])[0] += cue.contribution
    out.extend((*key[:6], round(c[0], 4), key[6]) for key, c in rows.items())
    return out


def _voices(
    sent: Sentence, spans: Sequence[tuple[int, int, str]], targets: Targets
) -> list[tuple[int, int, str, BoolArray]]:
    """(a, b, target, reported-words mask) for every mention or speaker of a target that speaks."""
    out = []
    for a, b, name in list(spans) + speaker_spans(sent.norms, targets):
        mask = voice_mask(sent, a, b)
        if mask is not None:
            out.append((a, b, name, mask))
    return out


def _own_words(voices: list[tuple[int, int, str, BoolArray]], a: int, b: int, name: str) -> BoolArray | None:
    """Tokens to drop for the mention [a, b) of `name`: what `name` itself says around or about it."""
    drop = None
    for a2, b2, n2, mask in voices:
        # the mention speaks, is part of its speaker's name, or is inside what its own actor says
        if n2 == name and ((a2, b2) == (a, b) or (a2 <= a and b <= b2) or mask[a:b].all()):
            drop = mask.copy() if drop is None else drop | mask
    if drop is not None:
        drop[a:b] = False
    return drop


def _function_words(sent: Sentence) -> BoolArray:
    """True for tokens that are function words (sklearn's English stop words, clitics)."""
    from framing.scoring.stopwords import english_stop_words

    stop_words = english_stop_words()
    return np.array([norm in stop_words or norm in _CLITICS for norm in sent.norms], dtype=bool)


def _compound(sent: Sentence, drop: BoolArray) -> float:
    """VADER compound of the sentence without the dropped (reported) tokens."""
    kept = " ".join(sent.text[s:e] for s, e, d in zip(sent.starts, sent.ends, drop) if not d)
    return float(vader_analyzer().polarity_scores(kept)["compound"]) if kept.strip() else 0.0


# ---------------------------------------------------------------- frame cues


def frame_hits(sentences: Sequence[tuple[str, int, int, str]], targets: Targets) -> FrameHits:
    """{(doc_id, sentence): {target: [(start, end, direction * weight), ...]}} for targets with `frames`.

    `sentences`: `(doc_id, sentence index, offset in clean_text, sentence text)` of the sentences
    that mention a target; only those are matched (offsets returned are into `clean_text`).
    """
    from framing.lexicons.match import match
    from framing.lexicons.model import load_lexicon

    wanted: dict[str, dict[str, list[tuple[str, float]]]] = {}  # lexicon -> category -> [(target, direction)]
    for target in targets:
        for lexicon, category, direction in getattr(target, "frames", ()):
            wanted.setdefault(lexicon, {}).setdefault(category, []).append((target.name, direction))
    out: FrameHits = {}
    if not sentences:
        return out
    for lexicon in sorted(wanted):
        hits = match(load_lexicon(lexicon), [s[3] for s in sentences])
        hits = hits[~hits["negated"].astype(bool) & hits["category"].isin(list(wanted[lexicon]))]
        for row, start, end, category, weight in zip(
            hits["doc_id"], hits["start"], hits["end"], hits["category"], hits["weight"]
        ):
            doc_id, index, offset, _ = sentences[int(row)]
            per = out.setdefault((doc_id, index), {})
            for name, direction in wanted[lexicon][category]:
                per.setdefault(name, []).append(
                    (offset + int(start), offset + int(end), float(direction) * float(weight))
                )
    return out


class FrameCue(NamedTuple):
    """One frame cue near one mention: where it is and what it adds to the mention's logits."""

    start: int  # offsets into clean_text
    end: int
    first: int  # its first and last token in the sentence
    last: int
    logits: np.ndarray  # (negative, neutral, positive) logit shift

    @property
    def contribution(self) -> float:
        """Its share of the positive-minus-negative log-odds, like a cue word's."""
        return float(self.logits[2] - self.logits[0])


def _words_against_cues(sent: Sentence, stance: Stance, cues: list[FrameCue]) -> BoolArray:
    """Bool per token: words inside a frame cue that the model reads the other way ('resolve' in
    'testing NATO's resolve', a cue against Russia)."""
    against = np.zeros(len(sent.norms), dtype=bool)
    if not cues:
        return against
    for s, _, _, contribution in stance.evidence:
        k = int(np.searchsorted(sent.starts, s))
        for cue in cues:
            if cue.first <= k <= cue.last and contribution * cue.contribution < 0:
                against[k] = True
    return against


def _frame_cues(
    sent: Sentence, a: int, b: int, hits: Sequence[Hit], drop: BoolArray | None, model: StanceModel, offset: int
) -> list[FrameCue]:
    """The frame cues around the mention at tokens [a, b), each weighed as the model weighs a valenced word."""
    cues = []
    for start, end, value in hits:
        k0 = int(np.searchsorted(sent.starts, start - offset, side="right")) - 1
        k1 = int(np.searchsorted(sent.starts, end - offset, side="left")) - 1
        if k1 < 0 or k0 >= len(sent.norms) or (k1 >= a and k0 < b):
            continue  # outside the sentence or part of the mention itself
        k0 = max(k0, 0)
        if drop is not None and drop[k0 : k1 + 1].any():
            continue  # inside the words the mention reports (voice)
        k, d = (k1, a - k1) if k1 < a else (k0, k0 - b + 1)
        anchor = sent.clause[a] if k < a else sent.clause[b - 1]
        kernel = np.exp(-(d - 1) / model.tau) * model.cross ** abs(int(sent.clause[k]) - int(anchor))
        # a cue governed by a shifter before it reads the other way ("they averted a buildup"); a cue
        # phrase that holds its shifter ("averting such escalation": diplomacy) is already read whole
        valence = value * FRAME_VALENCE * kernel * float(sent.reversed[k0])
        feature = f"vader.{'pos' if valence > 0 else 'neg'}.{'L' if k < a else 'R'}"
        logits = abs(valence) * np.asarray(model.weights.get(feature, np.zeros(3)), dtype=float)
        cues.append(FrameCue(start, end, k0, k1, logits))
    return cues


def _aggregate(probabilities: list[Probabilities | None], model: StanceModel) -> tuple[int, float, str | None]:
    """(mentions, score, label) of one article and target from its mentions' class probabilities.

    `None` stands for a place mention: counted, but not in the score. An article
    that names the actor only as a place says nothing about it: 0.0, neutral.
    """
    if not probabilities:
        return 0, float("nan"), None
    actor = [p for p in probabilities if p is not None]
    if not actor:
        return len(probabilities), 0.0, "neutral"
    mean = np.mean(np.asarray(actor), axis=0)
    score = round(float(mean[2] - mean[0]), 4)
    label = label_of(mean) if model.threshold is None else label_of_score(score, model.threshold)
    return len(probabilities), score, label
