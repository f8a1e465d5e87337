"""Cheap syntax around a mention: reversal shifters, passive voice, the target's role, names.

No parser: each rule reads a few lower-cased tokens around a word, with its
word lists in `stance_syntax.yaml`, so every rule can be checked by a reader.

* **Reversal shifters** ("averting such escalation", "fight corruption",
  "lift sanctions"): the valence of the words a shifter governs is reversed,
  as a negator reverses it, and the shifter's own lexicon valence is dropped
  when it governs a valenced word (Polanyi & Zaenen 2006, contextual valence
  shifters).
* **Passive voice** ("Ukraine was defeated"): the mention is the patient of
  the participle, so the verb phrase is read as the words before a patient
  ("... defeated Ukraine"), not as what the target does.
* **Role** ("the invasion of Ukraine", "support for NATO"): a word that
  governs the mention through a preposition says what happens to the target;
  its lexicon valence is counted in separate, fitted `.P` features.
* **Names and titles** ("Secretary General", "Defense Secretary", "Human
  Rights Watch"): words of a multi-word capitalised name, and title phrases,
  are not cues about anyone.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from framing.errors import FramingError
from framing.resources import data_path
from framing.scoring.rulefile import read_rules

SYNTAX_PATH = data_path("framing.scoring.stance.data", "stance_syntax.yaml")
SYNTAX_FORMAT = "framing-stance-syntax/1"
_PUNCTUATION = frozenset(',.!?;:()[]"“”—–-')
_LISTS = (
    "reversers",
    "object_shifters",
    "burdens",
    "scope_stops",
    "passive_be",
    "passive_between",
    "participles",
    "role_prepositions",
    "role_between",
    "title_words",
    "title_phrases",
)


@dataclass(frozen=True)
class SyntaxRules:
    """The word lists of `stance_syntax.yaml`, lower-cased."""

    reversers: frozenset[str]
    object_shifters: frozenset[str]
    burdens: frozenset[str]
    scope: int
    scope_stops: frozenset[str]
    passive_be: frozenset[str]
    passive_between: frozenset[str]
    participles: frozenset[str]
    role_prepositions: frozenset[str]
    role_between: frozenset[str]
    title_words: frozenset[str]
    title_phrases: frozenset[tuple[str, ...]]


def _words(items: object, key: str) -> frozenset[str]:
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise FramingError(f"{SYNTAX_PATH}: `{key}` must be a list of comma-separated words; fix the file")
    return frozenset(w.strip().lower() for item in items for w in item.split(",") if w.strip())


@functools.lru_cache(maxsize=1)
def syntax_rules() -> SyntaxRules:
    """The rules file, read and checked once per process."""
    data = read_rules(SYNTAX_PATH, SYNTAX_FORMAT, "stance syntax rules")
    lists = {key: _words(data.get(key), key) for key in _LISTS}
    scope = data.get("scope")
    if not isinstance(scope, int) or scope < 1:
        raise FramingError(f"{SYNTAX_PATH}: `scope` must be a whole number >= 1; fix the file")
    phrases = frozenset(tuple(p.split()) for p in lists.pop("title_phrases"))
    return SyntaxRules(scope=scope, title_phrases=phrases, **lists)


# ---------------------------------------------------------------- reversal shifters


def reversal(
    norms: Sequence[str], valence: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """(sign per token: -1 inside a shifter's scope, else +1; True for shifters that govern a content word).

    `valence` is the tokens' lexicon valence (VADER): an object shifter ("lift",
    "ease") governs only a burden, a listed word or one of negative valence.
    """
    rules = syntax_rules()
    sign = np.ones(len(norms))
    governing = np.zeros(len(norms), dtype=bool)
    for i, norm in enumerate(norms):
        if norm not in rules.reversers:
            continue
        scope = []
        for j in range(i + 1, min(i + 1 + rules.scope, len(norms))):
            if norms[j] in rules.scope_stops or norms[j] in _PUNCTUATION:
                break
            if norms[j] not in function_words() and any(c.isalpha() for c in norms[j]):
                scope.append(j)
            elif scope:
                break  # the object phrase ended: "averting such escalation | the alliance's ..."
        if norm in rules.object_shifters and not any(norms[j] in rules.burdens or valence[j] < 0 for j in scope):
            continue
        sign[scope] = -sign[scope]
        governing[i] = bool(scope)
    return sign, governing


@functools.lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """English function words (scikit-learn's stop word list): never the object a shifter reverses.

    Read from scikit-learn's file (`stopwords`): importing sklearn's text module would pull in scipy.stats.
    """
    from framing.scoring.stopwords import english_stop_words

    return english_stop_words()


# ---------------------------------------------------------------- passive voice and role


def is_participle(norm: str) -> bool:
    """A past participle by its form: -ed, or one of the listed irregular ones."""
    return (len(norm) > 3 and norm.endswith("ed")) or norm in syntax_rules().participles


def passive_span(norms: Sequence[str], clause: npt.NDArray[np.int64], b: int) -> tuple[int, int] | None:
    """Tokens [start, end) of the passive verb phrase whose subject ends at token b, or None.

    "Ukraine was badly defeated by ..." -> the span from "defeated" up to "by"
    (the agent is someone else) or the end of the clause.
    """
    rules = syntax_rules()
    k, seen_be = b, False
    while k < len(norms) and (
        norms[k] in rules.passive_be
        or norms[k] in rules.passive_between
        or (seen_be and norms[k].endswith("ly") and norms[k].isalpha())
    ):
        seen_be = seen_be or norms[k] in rules.passive_be
        k += 1
    if not seen_be or k >= len(norms) or not is_participle(norms[k]):
        return None
    end = k + 1
    while end < len(norms) and clause[end] == clause[k] and norms[end] != "by" and norms[end] not in _PUNCTUATION:
        end += 1
    return k, end


def governor(norms: Sequence[str], a: int) -> int | None:
    """The word that governs the mention at token a through a preposition ("invasion" in "the invasion
    of Ukraine", "support" in "support for NATO"), or None."""
    rules = syntax_rules()
    k = a - 1
    while k >= 0 and norms[k] in rules.role_between:
        k -= 1
    if k < 1 or norms[k] not in rules.role_prepositions:
        return None
    head = k - 1
    if norms[head] in _PUNCTUATION or not any(c.isalpha() for c in norms[head]):
        return None
    return head


def sides(norms: Sequence[str], clause: npt.NDArray[np.int64], a: int, b: int) -> npt.NDArray[np.str_]:
    """The side of the mention each token is read on: "L" before it, "R" after it, "P" where the target
    is the patient or beneficiary (passive verb phrase, governing word)."""
    out = np.where(np.arange(len(norms)) < a, "L", "R")
    span = passive_span(norms, clause, b)
    if span is not None:
        out[span[0] : span[1]] = "P"
    head = governor(norms, a)
    if head is not None:
        out[head] = "P"
    return out


# ---------------------------------------------------------------- names and titles


def name_words(texts: Sequence[str], norms: Sequence[str]) -> npt.NDArray[np.bool_]:
    """True for tokens that belong to a name or title: capitalised words ("Putin", "Human Rights
    Watch", "Defense Secretary Lloyd Austin") and title phrases ("secretary general").

    The first word of a sentence counts only when it is a title or starts a
    run of capitalised words. A headline in title case ("Russia Threatens
    NATO", every word but function words capitalised) has no names by
    capitals: its capitals say nothing about names.
    """
    n = len(norms)
    out = np.zeros(n, dtype=bool)
    rules = syntax_rules()
    for size in sorted({len(p) for p in rules.title_phrases}, reverse=True):
        for i in range(n - size + 1):
            if tuple(norms[i : i + size]) in rules.title_phrases:
                out[i : i + size] = True
    capital = np.array([t[:1].isupper() for t in texts], dtype=bool)
    alpha = np.array([any(c.isalpha() for c in t) for t in texts], dtype=bool)
    if not any(a and not c and norm not in function_words() for a, c, norm in zip(alpha, capital, norms)):
        return out  # a headline in title case: every word but function words is capitalised
    # every capitalised word but the sentence's first (unless that is a title: "Defense Secretary ...")
    names = capital & alpha & np.array([norm != "i" for norm in norms], dtype=bool)
    if n and norms[0] not in rules.title_words:
        names[0] = bool(capital[1]) if n > 1 else False  # "Human Rights Watch said": the first word of a run
    marked: npt.NDArray[np.bool_] = out | names
    return marked
