"""Blinding for worksheets: hide who wrote an article so students judge the words.

A worksheet calls its articles "Source A, B, C ...". Boilerplate lines (bylines,
author bios, "read more from ..." lines, image credits) are already gone from
`clean_text`; what may still give a source away are mentions of the outlet's
name, its authors or its web domain inside the text. `Scrubber` finds those and
`segments` replaces them with "[source]" while keeping the character offsets of
the evidence the scorers produced, so marked words still land on the right text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

REDACTED = "[source]"
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bwith\b|\bby\b|\bvia\b|/|\|)\s*", re.I)
_PARENS = re.compile(r"\s*[(\[].*?[)\]]\s*")
_TLD = re.compile(r"\.(?:com|org|net|co\.uk|co|news|info|us|uk|io)$", re.I)
# Catalogue suffixes that are not part of the name a text would use ("NPR Online News",
# "Wall Street Journal - News", "Guest Writer - Left").
_SUFFIX = re.compile(r"(?:\s+(?:online|web)\s+news|\s+-\s+\w+)$", re.I)


@dataclass(frozen=True)
class Segment:
    """A run of text; `mark` names its class ("loaded", "frame", ...) or is empty."""

    text: str
    mark: str = ""
    note: str = ""


def author_names(author: str) -> list[str]:
    """Split a byline field ("A B; C D and E F") into names."""
    names = [part.strip(" .") for part in _AUTHOR_SPLIT.split(author or "")]
    return [name for name in names if len(name) >= 3 and any(ch.isalpha() for ch in name)]


def domain_names(url: str) -> list[str]:
    """The web domain of a URL without "www." and its name part ("antiwar.com", "antiwar")."""
    if not url or "." not in url:
        return []
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.")
    if "." not in host:
        return []
    names = [host]
    stem = _TLD.sub("", host).split(".")[-1]
    if len(stem) >= 4:
        names.append(stem)
    return names


def outlet_variants(outlet: str) -> list[str]:
    """Ways a text may name an outlet: as given, without "The", a bracket note or ".com"."""
    outlet = (outlet or "").strip()
    variants = {outlet, _PARENS.sub(" ", outlet).strip()}
    for name in list(variants):
        variants.add(_SUFFIX.sub("", name).strip())
    for name in list(variants):
        variants.add(re.sub(r"^the\s+", "", name, flags=re.I))
    for name in list(variants):
        variants.add(_TLD.sub("", name))
    return sorted(v for v in variants if len(v) >= 2)


def _literal(name: str) -> str:
    """A pattern for a name, flexible about spaces, never matching inside a longer word."""
    body = r"\s+".join(re.escape(part) for part in name.split())
    return rf"(?<![\w]){body}(?![\w])"


def _spelled(stem: str) -> str:
    """A domain name spelled as words: "foxnews" also matches "Fox News", "nypost" "N.Y. Post"."""
    body = r"[\s.-]{0,2}".join(re.escape(ch) for ch in stem)
    return rf"(?<![\w]){body}(?![\w])"


class Scrubber:
    """Finds every mention of the given outlets, authors and domains in a text.

    Multi-word names, names with a dot and domains match in any letter case;
    a single plain word (an outlet called "Reason", a surname "Young") matches
    only capitalised as written or in capitals, so ordinary words survive.
    """

    def __init__(
        self,
        outlets: Iterable[str] = (),
        authors: Iterable[str] = (),
        urls: Iterable[str] = (),
        surnames_of: Iterable[str] = (),
    ) -> None:
        folded: set[str] = set()
        exact: set[str] = set()
        for outlet in outlets:
            for name in outlet_variants(outlet):
                (folded if (" " in name or "." in name) else exact).add(name)
        for author in authors:
            folded.update(author_names(author))
        for author in surnames_of:
            for name in author_names(author):
                last = name.split()[-1]
                if len(last) >= 3 and last[0].isupper():
                    exact.update({last, last.upper()})
        stems: set[str] = set()
        for url in urls:
            names = domain_names(url)
            folded.update(names)
            stems.update(n for n in names if "." not in n and len(n) >= 6)
        exact.update({form for name in exact for form in (name.upper(), name.capitalize())})
        self.names = tuple(sorted(folded | exact))
        self._folded = self._compile(folded, re.I)
        self._exact = self._compile(exact, 0)
        self._spelled = re.compile("|".join(_spelled(s) for s in sorted(stems)), re.I) if stems else None

    @staticmethod
    def _compile(names: set[str], flags: int) -> re.Pattern[str] | None:
        if not names:
            return None
        ordered = sorted(names, key=lambda n: (-len(n), n))
        return re.compile("|".join(_literal(n) for n in ordered), flags)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Merged, ordered [start, end) ranges of every name found in `text`."""
        found: list[tuple[int, int]] = []
        for pattern in (self._folded, self._exact, self._spelled):
            if pattern is not None:
                found.extend(m.span() for m in pattern.finditer(text))
        merged: list[list[int]] = []
        for start, end in sorted(found):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return [(s, e) for s, e in merged]

    def scrub(self, text: str) -> str:
        """`text` with every name replaced by "[source]"."""
        return "".join(seg.text for seg in segments(text, (), self))


def _drop_overlaps(marks: Iterable[tuple[Any, ...]], blocked: list[tuple[int, int]]) -> list[tuple[Any, ...]]:
    """Keep marks that touch no scrubbed range and no earlier (longer) mark."""
    kept: list[tuple[Any, ...]] = []
    for mark in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):
        start, end = mark[0], mark[1]
        if start >= end or any(s < end and start < e for s, e in blocked):
            continue
        if kept and start < kept[-1][1]:
            continue
        kept.append(mark)
    return kept


def segments(text: str, marks: Iterable[tuple[Any, ...]], scrubber: Scrubber | None) -> tuple[Segment, ...]:
    """Cut `text` into plain, marked and "[source]" segments.

    `marks` are (start, end, mark, note) into `text`; a mark that overlaps a
    scrubbed name is dropped rather than revealing part of it.
    """
    hidden = scrubber.spans(text) if scrubber is not None else []
    cuts = [(s, e, "redacted", "") for s, e in hidden] + list(_drop_overlaps(marks, hidden))
    out: list[Segment] = []
    pos = 0
    for start, end, mark, note in sorted(cuts):
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(REDACTED, "redacted") if mark == "redacted" else Segment(text[start:end], mark, note))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return tuple(out)


def show_open_quotes(text: str, segs: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """`segs` of a passage cut out of an article, with a quotation it cuts into shown as going on."""
    from framing.text.excerpt import open_quote_ellipses

    prefix, suffix = open_quote_ellipses(text)
    return (Segment(prefix),) * bool(prefix) + segs + (Segment(suffix),) * bool(suffix)
