"""Scare quotes: short quoted phrases that are not someone's reported words.

A writer who puts “special military operation” or “tripwire” in quotation
marks without saying who said it distances themselves from the words; that
is a framing cue (Recasens et al. 2013 count it with loaded language). Found
by pattern, not by a word list: a pair of double quotes (straight or curly)
or curly single quotes around 1 to `max_words` words, which is

- not a full quoted sentence (no final . ! ? inside the quotes),
- not attributed: no report verb ("said", "told", "according to" ...) within
  `window` words before the opening or after the closing quote mark, and no
  naming verb ("called", "dubbed" ...) earlier in the same sentence,
- not a multi-word title in which every word is capitalised (“Strategic Concept”).

The hit spans the quote marks too, so the evidence shows them. Rules and
verb lists: `framing/lexicons/data/scare_quotes.json`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from framing.resources import read_data_text
from framing.text.tokenize import _TOKEN, is_word, normalize_token, token_texts

# every branch starts with a literal quote mark, so the regex engine skips ahead to quote marks
QUOTED = re.compile(
    r"\u201c[^\u201c\u201d\n]*\u201d"  # “curly double”
    r"|\"[^\"\n]*\""  # "straight double"
    r"|\u2018(?<!\w\u2018)(?:[^\u2018\u2019\n]|\u2019(?=\w))*\u2019(?!\w)"  # ‘curly single’ (’ inside a word is an apostrophe)
)
CONTEXT = 400  # characters looked at before a quote: a sentence, not the whole article
NEAR = 100  # characters that hold the `window` words next to a quote mark
MAX_CHARS = 150  # longer quotes are not short phrases
FULL_STOP = re.compile(r"[.!?]\W*$")
SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)]*\s+")


@lru_cache(maxsize=1)
def scare_quote_rules() -> dict[str, Any]:
    text = read_data_text("framing.lexicons.data", "scare_quotes.json")
    rules = json.loads(text)
    rules["report_verbs"] = frozenset(rules["report_verbs"])
    naming_verbs = "|".join(map(re.escape, rules["naming_verbs"]))
    rules["naming_pattern"] = re.compile(rf"(?<!\w)(?:{naming_verbs})(?!\w)", re.IGNORECASE)
    result: dict[str, Any] = rules
    return result


def _words(text: str) -> list[str]:
    return [normalize_token(token) for token in token_texts(text) if is_word(token)]


def _first_words(text: str, n: int) -> list[str]:
    """The first `n` word tokens of `text` as written: `word_spans` read only as far as needed."""
    out: list[str] = []
    if n <= 0:
        return out
    for token in _TOKEN.finditer(text):
        word = token.group()
        if is_word(word):
            out.append(word)
            if len(out) == n:
                break
    return out


def find_scare_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each scare-quoted phrase in `text`, quote marks included."""
    if '"' not in text and "\u201c" not in text and "\u2018" not in text:
        return []
    rules = scare_quote_rules()
    return [m.span() for m in QUOTED.finditer(text) if _is_scare_quote(text, m.start(), m.end(), rules)]


def _is_scare_quote(text: str, start: int, end: int, rules: dict[str, Any]) -> bool:
    inner = text[start + 1 : end - 1]
    if len(inner) > MAX_CHARS or FULL_STOP.search(inner.strip()):
        return False
    raw = _first_words(inner, rules["max_words"] + 1)  # one more than allowed tells "too many"
    if not 1 <= len(raw) <= rules["max_words"] or (len(raw) >= 2 and all(w[:1].isupper() for w in raw)):
        return False
    line_start = max(text.rfind("\n", 0, start) + 1, start - CONTEXT)
    sentence = _sentence_before(text[line_start:start])
    if rules["naming_pattern"].search(sentence) is not None:
        return False  # a naming verb earlier in the sentence (one regex: cheaper than the words below)
    line_end = text.find("\n", end, end + NEAR)
    after = text[end : min(len(text), end + NEAR) if line_end < 0 else line_end]
    window = rules["window"]
    near = _words(sentence[-NEAR:])[-window:] + [normalize_token(w) for w in _first_words(after, window)]
    return not any(w in rules["report_verbs"] for w in near)


def _sentence_before(prefix: str) -> str:
    """The part of the current sentence before the quote mark."""
    ends = list(SENTENCE_END.finditer(prefix))
    return prefix[ends[-1].end() :] if ends else prefix
