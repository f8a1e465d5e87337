"""Excerpts: a sentence cut out of an article should not print a stray quotation mark."""

from __future__ import annotations


def open_quote_ellipses(text: str) -> tuple[str, str]:
    """(prefix, suffix) that show a quotation the excerpt cuts into as going on.

    A sentence cut from a longer quotation starts with “ and has its ” in a
    later sentence (or the other way round); "…”" after it (or "“…" before it)
    says the quotation goes on, instead of printing an unmatched mark.
    """
    opened, closed = text.count("“"), text.count("”")
    if opened > closed:
        return "", "”" if text.rstrip().endswith("…") else "…”"
    if closed > opened:
        return "“…", ""
    return "", ""
