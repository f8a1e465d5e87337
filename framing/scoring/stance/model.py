"""Stance: the sentiment a sentence expresses toward one target in it.

Explainable by construction. Every word `k` near the target gets a distance
weight `kernel(k) = exp(-(d - 1) / tau) * cross ** b`, where `d` is its distance
in tokens from the target and `b` the number of clause boundaries ("but", ";",
"however", ...) between them, times `other` when the word is nearer to another
capitalised name than to the target (it is then more likely about that
one). A negator ("not", "n't", "never", "without", ...)
up to three tokens before a word flips its sign. The word then feeds, each
times its kernel weight, a multinomial logistic regression over three classes
(negative, neutral, positive):

* the word itself (`w:<word>`), and the word on the target's side (`L:`/`R:`),
  so that "X attacked Y" can count against X and not against Y, and the pair
  it forms with the word before it (`b:<word> <word>`, half to each word);
* its VADER valence and its TextBlob (pattern) polarity, split into positive and
  negative parts and by side (the lexicons ship with those packages);

plus the words right beside the target (`pw:`/`nw:`) and its nearest content
word on each side (`pv:`/`nv:`, the verb in "Trump blasted ..."), and
the sentence's bag of content words (`s:<word>`, 1/sqrt(count) each,
whatever their distance: what the whole sentence is about colours every target
in it) and a few sentence-level features: the sentence's VADER compound (shared
out to its valenced words as evidence where their signs agree with it), whether
the target sits inside a quotation, the share of the sentence in quotes, the
lexicon valence of the target's own words, and where the target stands
(first word, relative position, a pronoun). The weights were fitted on NewsMTSC
`train.jsonl` only (`tools/fit_stance.py`) and ship as
`stance_weights.json` (datasheet beside it). The fit also reads every `L:`,
`R:`, `P:` and `s:` word through word vectors learnt from unlabelled news and
folds those weights back into per-word weights, so a word never seen with a
label still weighs like the words it is used like; the model stays per word. The score is `P(positive) - P(negative)` in [-1, 1];
the label is the most probable class (so "positive" implies a score above 0,
"negative" one below 0). Each evidence word's `contribution` is its additive share of
the positive-minus-negative log-odds, so a reader sees which words moved it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from framing.errors import FramingError
from framing.resources import data_path
from framing.scoring.stance.syntax import function_words, name_words, reversal, sides
from framing.text.tokenize import Token, tokenize

CLASSES = ("negative", "neutral", "positive")
WEIGHTS_PATH = data_path("framing.scoring.stance.data", "stance_weights.json")
WEIGHTS_FORMAT = "framing-stance-weights/1"
NEGATORS = frozenset(
    "not n't no never without nor neither none nothing nobody nowhere cannot hardly barely rarely seldom".split()
)
BOUNDARIES = frozenset([";", ":", "but", "however", "although", "though", "whereas", "while", "yet", "—", "–", "--"])
NEGATION_WINDOW = 3
NEIGHBOUR_REACH = 4  # tokens searched on each side for the target's nearest content word (`pv:`/`nv:`)
PRONOUNS = frozenset("he she they him her them his hers their theirs it its i we us our you".split())
EVIDENCE_MIN = 0.05  # |contribution| (log-odds) below this is not listed as evidence
_STOP_NEGATION = frozenset([",", ".", "!", "?", ";", ":"]) | BOUNDARIES
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]
Evidence = tuple[int, int, str, float]  # (start, end, word, contribution in log-odds)


@dataclass(frozen=True)
class Stance:
    """Stance toward one target span: score in [-1, 1], label, and the words behind it."""

    score: float
    label: str
    evidence: tuple[Evidence, ...]  # ((start, end, word, contribution), ...) offsets into the sentence
    probabilities: tuple[float, ...]  # (P(negative), P(neutral), P(positive))


# ---------------------------------------------------------------- lexicons


@functools.lru_cache(maxsize=1)
def lexicons() -> tuple[dict[str, float], dict[str, float]]:
    """(VADER valence / 4, TextBlob pattern polarity) per lower-case word, both in [-1, 1].

    TextBlob's polarities come from its lexicon file read directly
    (`textblob_lexicon`): importing textblob would pull in nltk and scipy.stats.
    """
    from framing.scoring.textblob_lexicon import load_lexicon
    from framing.scoring.vader_tokens import analyzer

    vader = {w: v / 4.0 for w, v in analyzer().lexicon.items()}
    polarity = {w: entry.polarity for w, entry in load_lexicon().items() if " " not in w}
    return vader, polarity


@functools.lru_cache(maxsize=1)
def vader_analyzer() -> Any:
    """VADER's analyser, built once (it reads its lexicon file)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


# ---------------------------------------------------------------- sentence analysis


@dataclass(frozen=True)
class Sentence:
    """Per-token facts about one sentence, computed once and shared by all its targets."""

    text: str
    starts: np.ndarray
    ends: np.ndarray
    norms: tuple[str, ...]
    word: np.ndarray  # bool: has a letter or digit
    vader: np.ndarray
    pattern: np.ndarray
    sign: np.ndarray  # -1 where negated or reversed (not both), else +1
    reversed: np.ndarray  # -1 inside a reversal shifter's scope ("averting such escalation"), else +1
    shifter: np.ndarray  # bool: a reversal shifter that governs a scope ("averting"): read through its scope only
    clause: np.ndarray  # clause number (boundaries seen so far)
    quoted: np.ndarray  # bool: inside quotation marks
    named: np.ndarray  # bool: capitalised word not opening the sentence (a likely name of someone else)
    names: np.ndarray  # bool: part of a multi-word name or a title ("Secretary General"): never a cue
    compound: float  # VADER compound of the whole sentence


def analyse(text: str, tokens: Sequence[Token] | None = None) -> Sentence:
    """Look up everything the features need for one sentence (tokenized here unless given)."""
    if tokens is None:
        tokens = tokenize(text)
    norms = tuple(t.norm for t in tokens)
    vader, pattern = lexicons()
    valence = np.array([vader.get(n, 0.0) for n in norms])
    polarity = np.array([pattern.get(n, 0.0) for n in norms])
    shifted, shifters = reversal(norms, valence)
    sign = _negation_signs(norms) * shifted
    word = np.array([any(c.isalnum() for c in n) for n in norms], dtype=bool)
    # a shifter that governs a valenced word is not itself a hostile or friendly word ("fight corruption")
    valence[shifters] = 0.0
    polarity[shifters] = 0.0
    return Sentence(
        text=text,
        starts=np.array([t.start for t in tokens], dtype=np.int64),
        ends=np.array([t.end for t in tokens], dtype=np.int64),
        norms=norms,
        word=word,
        vader=valence,
        pattern=polarity,
        sign=sign,
        reversed=shifted,
        shifter=shifters,
        clause=np.cumsum([n in BOUNDARIES for n in norms]).astype(np.int64),
        quoted=_quoted(norms),
        named=np.array([i > 0 and t.text[:1].isupper() and t.norm != "i" for i, t in enumerate(tokens)], dtype=bool),
        names=name_words([t.text for t in tokens], norms),
        compound=vader_analyzer().polarity_scores(text)["compound"] if text.strip() else 0.0,
    )


def _negation_signs(norms: Sequence[str]) -> FloatArray:
    sign = np.ones(len(norms))
    for i, n in enumerate(norms):
        if n in NEGATORS:
            for j in range(i + 1, min(i + 1 + NEGATION_WINDOW, len(norms))):
                if norms[j] in _STOP_NEGATION:
                    break
                sign[j] = -1.0
    return sign


def _quoted(norms: Sequence[str]) -> BoolArray:
    """Tokens between double quotes (straight ones toggle; curly ones open/close; norms fold curly)."""
    inside, state = np.zeros(len(norms), dtype=bool), False
    for i, n in enumerate(norms):
        if n in ('"', "``", "''", "\u201c", "\u201d"):
            state = not state
            continue
        inside[i] = state
    return inside


# ---------------------------------------------------------------- features


def token_range(sent: Sentence, start: int, end: int) -> tuple[int, int]:
    """Indices [a, b) of the tokens overlapping the character span."""
    hits = np.flatnonzero((sent.ends > start) & (sent.starts < end))
    if hits.size == 0:
        raise FramingError(
            f"target span ({start}, {end}) covers no token of {sent.text[:60]!r}; pass a span over words"
        )
    return int(hits[0]), int(hits[-1]) + 1


def mention_features(
    sent: Sentence,
    a: int,
    b: int,
    tau: float,
    cross: float,
    other: float = 1.0,
    drop: npt.ArrayLike | None = None,
    compound: float | None = None,
) -> tuple[list[str], list[float], list[int]]:
    """Features of the target at tokens [a, b): (names, values, token index or -1).

    `drop` (bool per token) leaves tokens out, e.g. the content a target reports
    (`stance_voice`); `compound` then replaces the sentence's VADER compound.
    """
    n = len(sent.norms)
    idx = np.arange(n)
    left = idx < a
    dist = np.where(left, a - idx, idx - b + 1)
    anchor = np.where(left, sent.clause[a], sent.clause[b - 1])
    kernel = np.exp(-(dist - 1) / tau) * cross ** np.abs(sent.clause - anchor)
    outside = sent.word & ((idx < a) | (idx >= b))
    if drop is not None:
        outside &= ~np.asarray(drop, dtype=bool)
    names_elsewhere = np.flatnonzero(sent.named & outside)
    # names and titles are no cues; a governing shifter is read only through the words it reverses
    outside &= ~sent.names & ~sent.shifter
    if other != 1.0 and names_elsewhere.size:
        # a word nearer to another name than to the target is more likely about that other one
        nearest = np.abs(idx[:, None] - names_elsewhere[None, :]).min(axis=1)
        kernel = np.where(nearest < dist, kernel * other, kernel)
    names, values, where = [], [], []
    side_of = sides(sent.norms, sent.clause, a, b)
    patient = side_of == "P"
    for k in np.flatnonzero(outside):
        side = str(side_of[k])
        x, s, norm = float(kernel[k]), float(sent.sign[k]), sent.norms[k]
        # a word read on the patient's side ("Ukraine was defeated") is not the word as the target's own act
        pairs = [(f"{side}:{norm}", x * s)] if side == "P" else [(f"w:{norm}", x * s), (f"{side}:{norm}", x * s)]
        if k > 0 and outside[k - 1] and not patient[k - 1 : k + 1].any():
            # a two-word cue ("not only", "called for") counts half for each of its words
            bigram = f"b:{sent.norms[k - 1]} {norm}"
            names += [bigram, bigram]
            values += [x * s / 2, x * s / 2]
            where += [int(k) - 1, int(k)]
        for lex, val in (("vader", sent.vader[k] * s), ("pattern", sent.pattern[k] * s)):
            if val:
                pairs.append((f"{lex}.{'pos' if val > 0 else 'neg'}.{side}", x * abs(val)))
        if s * sent.reversed[k] < 0:
            pairs.append(("negated", x))
        if sent.reversed[k] < 0:
            pairs.append(("reversed", x))
        for name, value in pairs:
            names.append(name)
            values.append(value)
            where.append(int(k))
    # the role rule holds for every reading of a word: a patient's word is read only as `P:`
    _sentence_bag(sent, outside & ~patient, names, values, where)
    _neighbours(sent, a, b, outside, patient, names, values, where)
    compound = sent.compound if compound is None else compound
    holders = _compound_holders(sent, outside, compound)
    for name, value in (
        ("sentence.vader", compound),
        ("sentence.vader.pos", max(compound, 0.0)),
        ("sentence.vader.neg", max(-compound, 0.0)),
        ("target.quoted", float(sent.quoted[a])),
        ("sentence.quoted", float(sent.quoted.mean()) if n else 0.0),
        ("target.vader", float(sent.vader[a:b].sum())),
        ("target.pattern", float(sent.pattern[a:b].sum())),
        ("target.first", float(a == 0)),
        ("target.position", a / n),
        ("target.pronoun", float(b - a == 1 and sent.norms[a] in PRONOUNS)),
    ):
        if not value:
            continue
        if name.startswith("sentence.vader") and holders:
            # the sentence's tone is carried by its valenced words: each gets its share, so it is evidence
            for token, share in holders:
                names.append(name)
                values.append(value * share)
                where.append(token)
        else:
            names.append(name)
            values.append(value)
            where.append(-1)
    return names, values, where


def _sentence_bag(sent: Sentence, outside: BoolArray, names: list[str], values: list[float], where: list[int]) -> None:
    """Append the sentence's content words as `s:<word>`, each 1/sqrt(count) with its negation sign.

    Not weighted by distance: what a sentence as a whole is about ("a scandal",
    "praise") colours every target in it, wherever the word stands. Function
    words are left out (equal train CV with or without them, and a reader can
    check content words).
    """
    content = outside & np.array([norm not in function_words() for norm in sent.norms], dtype=bool)
    count = int(content.sum())
    if not count:
        return
    value = 1.0 / np.sqrt(count)
    for k in np.flatnonzero(content):
        names.append(f"s:{sent.norms[k]}")
        values.append(value * float(sent.sign[k]))
        where.append(int(k))


def _neighbours(
    sent: Sentence,
    a: int,
    b: int,
    outside: BoolArray,
    patient: BoolArray,
    names: list[str],
    values: list[float],
    where: list[int],
) -> None:
    """Append the content words right beside the target (`pw:`/`nw:`) and the nearest content word on each side
    within NEIGHBOUR_REACH tokens of the same clause (`pv:`/`nv:`, the verb in "Trump blasted ...").

    The word before and after a target says much of what the target does or
    undergoes (Vo & Zhang 2015, target-dependent features); train CV by story
    0.658 -> 0.664. Signed by negation like every word feature. A word on the
    patient's side ("defeated" in "Ukraine was defeated") is no neighbour: it
    is read only as `P:`, and the search stops at it.
    """
    n = len(sent.norms)
    for name, k in (("pw", a - 1), ("nw", b)):
        if 0 <= k < n and outside[k] and not patient[k] and sent.norms[k] not in function_words():
            names.append(f"{name}:{sent.norms[k]}")
            values.append(float(sent.sign[k]))
            where.append(k)
    for name, steps in (
        ("pv", range(a - 1, max(a - 1 - NEIGHBOUR_REACH, -1), -1)),
        ("nv", range(b, min(b + NEIGHBOUR_REACH, n))),
    ):
        for k in steps:
            if sent.norms[k] in _STOP_NEGATION or patient[k]:
                break
            if outside[k] and sent.norms[k] not in function_words():
                names.append(f"{name}:{sent.norms[k]}")
                values.append(float(sent.sign[k]))
                where.append(int(k))
                break


def _compound_holders(sent: Sentence, outside: BoolArray, compound: float) -> list[tuple[int, float]]:
    """(token, share) of the words that carry the sentence's VADER compound, shares summing to 1.

    Each counted word's share is its signed valence over the sum of them; when
    they add up to the other sign than VADER's compound (its own rules for
    "but", capitals, boosters; it knows no reversal shifters), or to nothing,
    the tone stays a sentence feature.
    """
    valence = sent.vader * sent.sign * outside
    total = float(valence.sum())
    if not compound or not total or (total > 0) != (compound > 0):
        return []
    return [(int(k), float(valence[k]) / total) for k in np.flatnonzero(valence)]


# ---------------------------------------------------------------- the fitted model


@dataclass(frozen=True)
class StanceModel:
    """Fitted weights: per feature one weight per class, plus intercepts and kernel parameters."""

    weights: dict[str, FloatArray]  # feature name -> np.ndarray(3)
    intercept: FloatArray
    tau: float
    cross: float
    other: float
    meta: dict[str, Any]
    threshold: float | None = None  # neutral band of article labels and ticks (|score| < threshold); None: argmax

    def __post_init__(self) -> None:
        names = sorted(self.weights)
        # one row per feature plus a zero row (index -1) for features the model has no weight for
        object.__setattr__(self, "index", {name: i for i, name in enumerate(names)})
        object.__setattr__(self, "matrix", np.vstack([self.weights[n] for n in names] + [np.zeros(3)]))

    def predict(
        self,
        sent: Sentence,
        a: int,
        b: int,
        *,
        drop: npt.ArrayLike | None = None,
        compound: float | None = None,
        extra: npt.ArrayLike | None = None,
    ) -> Stance:
        """Stance of the mention at tokens [a, b); `drop`/`compound` see `mention_features`.

        `extra` is a (negative, neutral, positive) logit vector from outside the
        model (frame cues, `stance_article`), added to the fitted logits.
        """
        names, values, where = mention_features(sent, a, b, self.tau, self.cross, self.other, drop, compound)
        # index and matrix are set in __post_init__ (object.__setattr__: the dataclass is frozen)
        contributions = self.matrix[[self.index.get(name, -1) for name in names]] * np.asarray(values)[:, None]  # type: ignore[attr-defined]
        logits = self.intercept + contributions.sum(axis=0)
        if extra is not None:
            logits = logits + np.asarray(extra, dtype=float)
        probs = np.exp(logits - logits.max())
        probs /= probs.sum()
        score = float(np.clip(probs[2] - probs[0], -1.0, 1.0))
        at = np.asarray(where, dtype=np.int64)
        words = at >= 0
        per_token = np.bincount(
            at[words], weights=(contributions[:, 2] - contributions[:, 0])[words], minlength=len(sent.norms)
        )
        evidence = tuple(
            (
                int(sent.starts[k]),
                int(sent.ends[k]),
                sent.text[sent.starts[k] : sent.ends[k]],
                round(float(per_token[k]), 4),
            )
            for k in np.flatnonzero(np.abs(per_token) >= EVIDENCE_MIN)
        )
        return Stance(score, label_of(probs), evidence, tuple(float(p) for p in probs))


def label_of(probabilities: npt.ArrayLike) -> str:
    """The most probable class (ties go to neutral, then negative): the label rule of `argmax` weights files."""
    p = np.asarray(probabilities, dtype=float)
    return CLASSES[1] if p[1] >= p.max() else CLASSES[int(np.argmax(p))]


def label_of_score(score: float, threshold: float) -> str:
    """The label of an article's score: negative at or below -threshold, positive at or above +threshold,
    neutral between. Monotone in the score, so a reader can tell the label (and tick) from the number."""
    return CLASSES[2] if score >= threshold else CLASSES[0] if score <= -threshold else CLASSES[1]


def model_from_dict(data: dict[str, Any], source: str = "stance weights") -> StanceModel:
    """Build a `StanceModel` from the weights file's JSON object, checking its schema."""
    try:
        if data["format"] != WEIGHTS_FORMAT or list(data["classes"]) != list(CLASSES):
            raise ValueError(f"format must be {WEIGHTS_FORMAT!r} with classes {list(CLASSES)}")
        if data["label_rule"] != "argmax":
            raise ValueError("label_rule must be 'argmax'")
        weights = {k: np.asarray(v, dtype=float) for k, v in data["weights"].items()}
        if any(v.shape != (3,) or not np.isfinite(v).all() for v in weights.values()):
            raise ValueError("every weight must be a list of 3 finite numbers")
        hp = data["hyperparameters"]
        return StanceModel(
            weights=weights,
            intercept=np.asarray(data["intercept"], dtype=float).reshape(3),
            tau=float(hp["tau"]),
            cross=float(hp["cross"]),
            other=float(hp.get("other", 1.0)),
            threshold=float(hp["threshold"]) if "threshold" in hp else None,
            meta={k: v for k, v in data.items() if k not in ("weights", "intercept")},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise FramingError(
            f"{source}: not a valid stance weights file ({exc}); use a file in the format of the shipped stance_weights.json (see the stance guide), or leave it out to use the shipped weights"
        ) from None


@functools.lru_cache(maxsize=4)
def load_model(path: str | None = None) -> StanceModel:
    """The shipped model (or a weights file at `path`), loaded once per process."""
    file = Path(path) if path else WEIGHTS_PATH
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FramingError(f"{file}: cannot read stance weights ({exc}); reinstall framing or refit") from None
    return model_from_dict(data, str(file))


# ---------------------------------------------------------------- public API


def target_stance(sentence: str, start: int, end: int, *, model: StanceModel | None = None) -> Stance:
    """The sentiment `sentence` expresses toward the target at characters [start, end)."""
    if not isinstance(sentence, str):
        raise FramingError(f"sentence must be text, not {type(sentence).__name__}")
    if not (isinstance(start, (int, np.integer)) and isinstance(end, (int, np.integer))):
        raise FramingError(f"target span ({start!r}, {end!r}) must be two integers")
    if not 0 <= start < end <= len(sentence) or not sentence[start:end].strip():
        raise FramingError(
            f"target span ({start}, {end}) is not a non-empty span of the {len(sentence)}-character sentence;"
            " pass 0 <= start < end <= len(sentence) over the target's words"
        )
    model = model or load_model()
    sent = analyse(sentence)
    a, b = token_range(sent, int(start), int(end))
    return model.predict(sent, a, b)
