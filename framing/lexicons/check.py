"""Warnings about a lexicon that loads but may not mean what its author thinks.

Errors (a file that cannot be used) are raised while loading; this module
finds problems a person should look at: a term listed on both sides of a
contrast (it cancels itself out), a term listed twice in one category, and
entries that can never match because the tokenizer would cut them
differently (`de*fense`, `defense,`, `anti-*` stems the tokenizer splits).
"""

from __future__ import annotations

from framing.lexicons.model import Lexicon
from framing.text.tokenize import is_word, normalize_token, word_spans


def lexicon_warnings(lexicon: Lexicon) -> list[str]:
    """Human-readable warnings, each naming the file and line when known."""
    where = str(lexicon.path) if lexicon.path else lexicon.name
    out = []
    for category in lexicon.categories.values():
        seen: set[str] = set()
        for entry in category.entries:
            prefix = f"{where}:{entry.line}" if entry.line else where
            problem = entry_problem(entry.term)
            if problem:
                out.append(f"{prefix}: {category.name}: {entry.term!r} {problem}")
            key = normalize_token(entry.term)
            if key in seen:
                out.append(f"{prefix}: {category.name}: {entry.term!r} is listed again")
            seen.add(key)
    for contrast in lexicon.contrasts:
        positive = {normalize_token(e.term) for e in lexicon.categories[contrast.positive].entries}
        negative = {normalize_token(e.term) for e in lexicon.categories[contrast.negative].entries}
        out.extend(
            f"{where}: contrast {contrast.name!r}: {term!r} is in both {contrast.positive!r} and "
            f"{contrast.negative!r}, so it cancels out"
            for term in sorted(positive & negative)
        )
        out.extend(
            f"{where}: contrast {contrast.name!r}: {wild!r} in {a!r} also matches {term!r} in {b!r}"
            for a, b, side_a, side_b in (
                (contrast.positive, contrast.negative, positive, negative),
                (contrast.negative, contrast.positive, negative, positive),
            )
            for wild, term in _wildcard_overlaps(side_a, side_b)
        )
    return out


def _wildcard_overlaps(wildcards: set[str], terms: set[str]) -> list[tuple[str, str]]:
    """(wildcard, term) pairs where a one-word wildcard of one side matches a term of the other."""
    return sorted(
        (w, t)
        for w in wildcards
        if w.endswith("*") and " " not in w
        for t in terms
        if t != w and " " not in t and t.rstrip("*").startswith(w[:-1])
    )


def entry_problem(term: str) -> str | None:
    """Why `term` can never (or only oddly) match tokenized text, or None."""
    for word in term.split():
        stem = word[:-1] if word.endswith("*") else word
        if "*" in stem:
            return "has a wildcard that is not at the end of a word; `*` only works as a suffix (`defen*`)"
        if not stem:
            continue
        if word.endswith("*"):
            probe = stem + "a"
            if word_spans(probe) != [(0, len(probe))]:
                return (
                    f"can never match: the tokenizer splits {stem!r} so no single token starts with it; "
                    "remove the punctuation"
                )
            continue
        alone = [stem[s:e] for s, e in word_spans(stem)]
        in_context = f"x {stem} x"
        spans = [in_context[s:e] for s, e in word_spans(in_context)]
        if spans[1:-1] != alone:
            return "can never match: the tokenizer cuts it differently inside a sentence"
    if not any(is_word(w) for w in term.replace("*", "").split()):
        return "has no letter or digit; punctuation-only entries are not counted as words"
    fixed = " ".join(w for w in term.split() if not w.endswith("*"))
    if any(not is_word(fixed[s:e]) for s, e in word_spans(fixed)):
        return "contains punctuation that the tokenizer splits off; it matches only where the text has exactly that punctuation"
    return None
