"""Voice: when a target speaks, what it says is its position, not a judgement of it.

"Moscow has consistently said the alliance's eastward expansion is a threat"
reports Moscow's view; the word "threat" is not the writer calling Moscow a
threat. So when a mention is directly followed (at most `max_between`
auxiliaries, modals, "to" or -ly adverbs in between, no punctuation, not
passive, not right after a preposition) by a
report or position verb from `stance_voice.yaml`, the tokens from there to
the end of the clause are dropped from that mention's stance. Neutral verbs
("said", "demanded", "considers") are dropped with the content; loaded ones
("claimed", "admitted") keep their own cue, since the verb choice judges the
speaker. A target's `speakers` (targets file: people who speak for it, such as
"Stoltenberg" for NATO) count as the target speaking. Only the
subject-before-verb order is recognised (not "said Moscow",
"according to Moscow"), and only a mention's own clause.

Measured on NewsMTSC train (5-fold CV, evaluation/stance_voice.py):
applied to every target at sentence level it lowers macro-F1 from 0.659 to
0.644 (the annotators judge a speaker partly by what it says), so
`target_stance` does not use it; only article scoring does
(stance_article.score_stance).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from framing.errors import FramingError
from framing.resources import data_path
from framing.scoring.rulefile import read_rules
from framing.scoring.stance.model import Sentence
from framing.scoring.stance.targets import Targets, _alias_key

VOICE_PATH = data_path("framing.scoring.stance.data", "stance_voice.yaml")
VOICE_FORMAT = "framing-stance-voice/1"


def _words(items: object, where: str) -> frozenset[str]:
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise FramingError(f"{VOICE_PATH}: `{where}` must be a list of comma-separated words; fix the file")
    return frozenset(w.strip().lower() for item in items for w in item.split(",") if w.strip())


@functools.lru_cache(maxsize=1)
def voice_words() -> tuple[
    frozenset[str], frozenset[str], frozenset[str], int, frozenset[str], frozenset[str], frozenset[str]
]:
    """(neutral verbs, loaded verbs, words allowed between subject and verb, max gap,
    prepositions a subject cannot follow, passive "be" forms, irregular participles)."""
    data = read_rules(VOICE_PATH, VOICE_FORMAT, "voice verbs")
    gap = data.get("max_between", 4)
    if not isinstance(gap, int) or gap < 0:
        raise FramingError(f"{VOICE_PATH}: `max_between` must be a whole number >= 0")
    neutral, loaded, between, not_after, passive_be, participles = (
        _words(data.get(k), k) for k in ("neutral", "loaded", "between", "not_after", "passive_be", "participles")
    )
    return neutral, loaded, between, gap, not_after, passive_be, participles


def reported_span(norms: Sequence[str], clause: npt.NDArray[np.int64], a: int, b: int) -> tuple[int, int, int] | None:
    """For a mention at tokens [a, b): (first dropped token, end, kept verb index or -1), or None.

    `norms` are the sentence's normalized tokens, `clause` its clause numbers.
    """
    neutral, loaded, between, gap, not_after, passive_be, participles = voice_words()
    n = len(norms)
    if a > 0 and norms[a - 1] in not_after:
        return None
    for k in range(b, min(n, b + gap + 1)):
        word = norms[k]
        if word in neutral or word in loaded:
            if set(norms[b:k]) & passive_be and (word.endswith("ed") or word in participles):
                return None  # passive: "the US were not considered", "Russia was told"
            end = k + 1
            while end < n and clause[end] == clause[k]:
                end += 1
            if word in loaded:
                return k + 1, end, k
            return b, end, -1
        if (k == b and word == "to") or not (word in between or (word.endswith("ly") and word.isalpha())):
            return None
    return None


def voice_mask(sent: Sentence, a: int, b: int) -> npt.NDArray[np.bool_] | None:
    """Bool per token of `sent` (a stance.Sentence): True where the mention's own reported words are."""
    span = reported_span(sent.norms, sent.clause, a, b)
    if span is None:
        return None
    mask = np.zeros(len(sent.norms), dtype=bool)
    mask[span[0] : span[1]] = True
    return mask


def speaker_spans(norms: Sequence[str], targets: Targets) -> list[tuple[int, int, str]]:
    """Longest-first token spans [a, b) of the targets' `speakers` in a sentence: (a, b, target)."""
    table = _speaker_table(targets)
    if not table:
        return []
    longest = max(len(k) for k in table)
    out, i = [], 0
    while i < len(norms):
        for size in range(min(longest, len(norms) - i), 0, -1):
            name = table.get(tuple(norms[i : i + size]))
            if name:
                out.append((i, i + size, name))
                i += size - 1
                break
        i += 1
    return out


@functools.lru_cache(maxsize=16)
def _speaker_table(targets: Targets) -> dict[tuple[str, ...], str]:
    return {_alias_key(p): t.name for t in targets for p in getattr(t, "speakers", ())}
