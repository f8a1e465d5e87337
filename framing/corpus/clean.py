"""Boilerplate detection: lines that are not the article, found and kept visible.

News text arrives with site furniture: "CLICK HERE TO READ MORE ...", "Related
Content", "More In Europe", photo credits, contributor lines, author bios,
republishers' "Authored by X via Y," bylines, share prompts. Two general
signals find them, not a list of known lines:

1. line patterns (one table below, each with the reason it reports), and
2. repetition: a short line that appears in 2+ articles of the same outlet, or
   in 3+ articles overall, is site furniture, not reporting.

Nothing is deleted from the original. Each removed line is a [start, end)
range of the original text including its line terminator; `clean_text` is the
text with those ranges cut out, and `clean_to_original` maps offsets back.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

#: reason -> what it means (shown by `framing corpus info --boilerplate`)
REASONS = {
    "read_more": "link prompt (click here / read more / continue reading)",
    "section_label": "navigation label (Related Content, More In <Section>, Advertisement)",
    "image_credit": "photo caption or image credit",
    "byline": "byline or republisher's credit (By X; Authored by X via Y)",
    "dateline": "bare date stamp line (date YYYY-MM-DD, Updated: ...)",
    "contributor": "contributor line (X contributed to this story; Reporting by X)",
    "subscribe_share": "subscribe, follow or share prompt, or a sign-up form's consent text",
    "author_bio": "author biography at the end of the article",
    "all_caps_promo": "all-caps promotional headline linking elsewhere",
    "repeated": "short line repeated across articles of the corpus",
}

_I = re.IGNORECASE
_NAME = r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|van|von|al|bin))*"
# (reason, pattern, needs): every line the pattern matches holds one of its `needs`
# (lowercase, found in `casefolded(line)`), so lines holding none are never searched
_PATTERNS = [
    (
        "read_more",
        re.compile(r"^(?:click here|read more|continue reading|read the (?:full|rest)|see more)\b.{0,100}$", _I),
        ("click here", "read more", "continue reading", "read the ", "see more"),
    ),
    (
        "section_label",
        re.compile(
            r"^(?:related(?: content| articles?| stories| coverage| posts| reading| video)?|"
            r"more (?:in|from|on|about) [\w&'’ -]{1,40}|recommended(?: for you| stories| reading)?|"
            r"trending(?: now| stories)?|most (?:read|popular|viewed)|advertisement|sponsored(?: content)?|"
            r"top stories|you may also like|latest news|what to read next)\s*:?$",
            _I,
        ),
        (
            "related",
            "more ",
            "recommended",
            "trending",
            "most ",
            "advertisement",
            "sponsored",
            "top stories",
            "you may also like",
            "latest news",
            "what to read next",
        ),
    ),
    (
        "image_credit",
        re.compile(
            r"(?:^|[.!?]\s+|\()(?:image|photo|photograph|picture|photo credit|credit|illustration|video)"
            r"(?: by)?\s*:\s*[^.!?:]{1,60}\)?$|\((?:AP |AFP |Reuters )?photo[^)]{0,60}\)$",
            _I,
        ),
        (":", ")"),
    ),
    (
        "byline",
        re.compile(
            r"^(?:date\s+\d{4}-\d\d-\d\d\s+)?(?:authored|written|posted|submitted|published) by "
            r".{2,80}? via .{2,80}$",
            _I,
        ),
        (" via ",),
    ),
    (
        "byline",
        re.compile(
            rf"^(?:By|BY) (?!(?:The|THE) ){_NAME}(?:(?:,| and|, and) {_NAME})*(?:\s*[|,]\s*[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){{0,5}})?$"
        ),
        ("by ",),
    ),
    (
        "dateline",
        re.compile(
            r"^(?:date|published|updated|posted|last updated)\s*:?\s*"
            r"(?:\d{4}-\d\d-\d\d|[A-Z][a-z]+\.? \d{1,2},? \d{4})[\w :.,+-]{0,30}$",
            _I,
        ),
        ("date", "published", "updated", "posted"),
    ),
    (
        "contributor",
        re.compile(
            r"^(?:.{2,80}? contributed (?:reporting )?(?:to )?(?:this|the) (?:story|report|article)|"
            r"(?:additional )?reporting by .{2,80}|editing by .{2,80})\.?$",
            _I,
        ),
        ("contributed", "reporting by", "editing by"),
    ),
    (
        "subscribe_share",
        re.compile(
            r"^(?:subscribe|sign up|share (?:this|on)|follow (?:us|\w+ on)|download (?:our|the) app|"
            r"get (?:our|the) newsletter|join (?:us|our)|like us on|click to share)\b.{0,120}$",
            _I,
        ),
        ("subscribe", "sign up", "share ", "follow ", "download ", "get ", "join ", "like us on", "click to share"),
    ),
]
# A newsletter sign-up form flattened into one paragraph ("... Email Sign Up By
# signing up you agree to ... You can unsubscribe at any time. This site is
# protected by reCAPTCHA ..."): too long for the line patterns and different
# on every page, but two of these consent phrases in one paragraph are never
# reporting (checked on the 10,000 AllSides articles: 159 paragraphs, all forms).
_FORM_MARKERS = tuple(
    (re.compile(marker, _I), needs)
    for marker, needs in (
        (
            r"\bby (?:signing up|subscribing|clicking|registering|submitting)\b[^.]{0,80}\byou (?:agree|consent|acknowledge)",
            ("signing up", "subscribing", "clicking", "registering", "submitting"),
        ),
        (r"\bunsubscribe (?:at any time|anytime)", ("unsubscribe ",)),
        (r"\bprotected by reCAPTCHA", ("protected by recaptcha",)),
        (
            r"\bprivacy policy and terms of (?:service|use)\b|\bterms of (?:service|use) and privacy policy\b",
            ("privacy policy",),
        ),
        (
            r"\bsign up\b.{0,40}\b(?:newsletter|inbox|email)|\b(?:newsletter|email|inbox)\b.{0,40}\bsign up\b",
            ("sign up",),
        ),
    )
)
_FULL_NAME = r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|van|von|al|bin)){1,3}"
_BIO = re.compile(
    rf"^[—–•⦁*-]*\s*(?P<name>{_FULL_NAME}) is (?:an? |the )?[^.;]{{0,60}}?\b(?:editor|reporter|correspondent|writer|"
    r"columnist|journalist|contributor|producer|author|fellow|co-host|host|anchor)s?\b"
)
_QUOTES = re.compile(r"[\"“”«»]")
_SPEAKER = re.compile(r"^[A-Z][A-Z .'’-]+:\s+\S")
_LINE = re.compile(r"[^\n]*\n|[^\n]+")
MAX_PATTERN_CHARS = 300
MAX_FORM_CHARS = 1000
MAX_BIO_CHARS = 1000
MAX_REPEAT_WORDS = 12
MAX_REPEAT_CHARS = 120


def split_lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, content) per line; `end` includes the terminator, content excludes it."""
    return [(m.start(), m.end(), m.group().rstrip("\r\n")) for m in _LINE.finditer(text)]


def pattern_reason(line: str) -> str | None:
    """The boilerplate reason a single (stripped) line matches, or None.

    Each pattern is tried only on lines holding one of its literal words (the
    `needs` beside it): most lines hold none, and a substring test costs a
    fraction of a regex search, so the verdicts are the same at a third of the cost.
    """
    if not line or len(line) > MAX_FORM_CHARS:
        return None
    folded = casefolded(line)
    if len(line) <= MAX_PATTERN_CHARS:
        for reason, pattern, needs in _PATTERNS:
            if _holds_any(folded, needs) and pattern.search(line):
                return reason
    markers = [marker for marker, needs in _FORM_MARKERS if _holds_any(folded, needs)]
    if len(markers) >= 2 and sum(1 for marker in markers if marker.search(line)) >= 2:
        return "subscribe_share"
    return None


def casefolded(line: str) -> str:
    """`line` lowercased so that a word `re.IGNORECASE` finds in it is a substring of the result.

    `str.lower` misses three letters the regex engine folds to ASCII: dotless
    ı and long ſ (kept as they are) and dotted İ (which becomes i + U+0307).
    """
    folded = line.lower()
    if folded.isascii():
        return folded
    return folded.replace("ı", "i").replace("ſ", "s").replace("\u0307", "")


def _holds_any(folded: str, words: tuple[str, ...]) -> bool:
    """Whether `folded` holds one of `words` (a plain loop: faster than `any()` on this, the hottest test)."""
    for word in words:  # noqa: SIM110
        if word in folded:
            return True
    return False


def _is_caps_promo(line: str) -> bool:
    """A short all-capitals line that is not a headline, a sentence or a speaker label."""
    if len(line) > 200 or line != line.upper() or line.endswith((".", "?", "!", ":")):
        return False
    return 3 <= len(line.split()) <= 20 and sum(c.isalpha() for c in line) >= 10


def _is_bio(line: str, author: str) -> bool:
    if len(line) > MAX_BIO_CHARS:
        return False
    if _BIO.match(line):
        return True
    name = line.split(" is ", 1)[0].lstrip("—–•⦁*- ")
    return bool(author) and " is " in line and 1 < len(name.split()) <= 4 and name.lower() in author.lower()


def _normalize(line: str) -> str:
    return " ".join(line.lower().replace("’", "'").replace("‘", "'").split())


def document_lines(text: str, author: str = "") -> list[tuple[int, int, str, str | None]]:
    """Every line of one article with the pattern reason it matches (None = article text)."""
    return list(_document_lines(text, author))


def _document_lines(text: str, author: str = "") -> Iterator[tuple[int, int, str, str | None]]:
    """`document_lines`, one line at a time: a list of every line of a 20 MB article held 100 MiB.

    A first walk finds the first line with text and the last three (the
    headline is never an all-caps promo; a bio ends the article).
    """
    content: deque[int] = deque(maxlen=3)
    first = -1
    for i, m in enumerate(_LINE.finditer(text)):
        if not m.group().isspace():
            content.append(i)
            first = i if first < 0 else first
    tail = set(content)
    for i, m in enumerate(_LINE.finditer(text)):
        line = m.group().rstrip("\r\n")
        stripped = line.strip()
        reason = pattern_reason(stripped)
        if reason is None and i != first and stripped and _is_caps_promo(stripped):
            reason = "all_caps_promo"
        if reason is None and i in tail and _is_bio(stripped, author):
            reason = "author_bio"
        yield m.start(), m.end(), line, reason


def _repeat_key(line: str) -> str | None:
    """What a line is compared by across articles; None if it is never furniture by repetition."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_REPEAT_CHARS or len(stripped.split()) > MAX_REPEAT_WORDS:
        return None
    if _QUOTES.search(stripped) or _SPEAKER.match(stripped):
        return None  # quotations and transcript turns repeated by several outlets are reporting
    return _normalize(stripped)


def _candidates(text: str, author: str) -> list[tuple[int, int, str, str | None, str | None]]:
    """Lines that are boilerplate by pattern, or could be by repetition (the headline never is)."""
    out, first = [], -1
    for i, (start, end, line, reason) in enumerate(_document_lines(text, author)):
        if first < 0 and line.strip():
            first = i
        key = None if reason is not None or i == first else _repeat_key(line)
        if reason is not None or key is not None:
            out.append((start, end, line.strip(), reason, key))
    return out


def candidate_keys(text: str, author: str) -> list[str]:
    """The normalised lines of one article that could be furniture by repetition (`framing.corpus.repeats`)."""
    return [c[4] for c in _candidates(text, author) if c[4] is not None]


def repeat_rows(texts: Iterable[Any], outlets: Iterable[Any], authors: Iterable[Any]) -> pd.DataFrame:
    """The repetition rows (`framing.corpus.repeats.keyed_rows`) of these articles' candidate lines."""
    from framing.corpus.repeats import keyed_rows

    texts = texts if hasattr(texts, "__len__") else list(texts)  # iterated twice below
    return keyed_rows((candidate_keys(t, a) for t, a in zip(texts, authors)), texts, outlets)


def surveyed_lines(
    texts: Sequence[Any], outlets: Iterable[Any], authors: Iterable[Any]
) -> tuple[pd.DataFrame, list[list[tuple[int, int, str, str | None, str | None]]], list[list[int]]]:
    """`repeat_rows` of these articles, with what it was built from: each article's candidate lines
    and their keys' fingerprints (what `framing.corpus.cuts.LineCuts` keeps for the second pass)."""
    from framing.corpus.repeats import fingerprinted_rows, line_fingerprint

    docs = [_candidates(t, a) for t, a in zip(texts, authors)]
    prints = [[line_fingerprint(c[4]) for c in lines if c[4] is not None] for lines in docs]
    return fingerprinted_rows(prints, texts, outlets), docs, prints


def detect_boilerplate(
    doc_ids: Sequence[Any],
    texts: Sequence[Any] | pd.Series,
    outlets: Sequence[Any],
    authors: Sequence[Any] | None = None,
    repeated: AbstractSet[int] | None = None,
) -> pd.DataFrame:
    """Boilerplate lines of a corpus: DataFrame `doc_id, start, end, line, reason`.

    `texts` is iterated twice (a pandas column will do: no list of every text is needed).
    `repeated`: the line fingerprints of the whole corpus' furniture
    (`framing.corpus.repeats`) when these texts are one part of it (a chunk,
    a dask partition); by default they are found among these texts.
    """
    import pandas as pd

    from framing.corpus.repeats import RepeatCounter, keyed_rows, line_fingerprint

    authors = list(authors) if authors is not None else [""] * len(texts)
    docs = [_candidates(t, a) for t, a in zip(texts, authors)]
    if repeated is None:
        counter = RepeatCounter()
        counter.add_rows(keyed_rows(([c[4] for c in lines if c[4] is not None] for lines in docs), texts, outlets))
        repeated = counter.furniture()
    rows = []
    for doc_id, lines in zip(doc_ids, docs):
        for start, end, line, reason, key in lines:
            if reason is None and key is not None and line_fingerprint(key) in repeated:
                reason = "repeated"
            if reason is not None:
                rows.append((doc_id, start, end, line, reason))
    frame = pd.DataFrame(rows, columns=["doc_id", "start", "end", "line", "reason"])
    result: pd.DataFrame = frame.astype({"doc_id": str, "start": "int64", "end": "int64", "line": str, "reason": str})
    return result


def remove_ranges(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """`text` with the [start, end) ranges cut out (ranges must not overlap)."""
    pieces, position = [], 0
    for start, end in sorted(ranges):
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


LONG_TEXT = 2**20  # characters: a longer text is cut into UTF-8 (`removed_utf8`), not into another str


def removed_utf8(text: str, ranges: Iterable[tuple[int, int]], step: int = LONG_TEXT) -> bytes:
    """`remove_ranges(text, ranges).encode()`, encoded `step` characters at a time.

    What a string column is built from: a 20 MB article with one emoji is 79
    MiB as a str, and the pieces and their join were two more of them.
    """
    kept, position = [], 0
    for start, end in sorted(ranges):
        kept.append((position, start))
        position = end
    kept.append((position, len(text)))
    return b"".join(text[a : min(a + step, stop)].encode() for lo, stop in kept for a in range(lo, stop, step))


def _ranges(rows: Any) -> list[tuple[int, int]]:
    if hasattr(rows, "columns"):
        return sorted(zip(rows["start"].tolist(), rows["end"].tolist()))
    return sorted((int(s), int(e)) for s, e, *_ in rows)


def clean_to_original(rows: Any, offset: int) -> int:
    """Map an offset into `clean_text` to the same character in the original `text`.

    `rows` are the boilerplate rows of ONE document (a DataFrame with start/end,
    or (start, end) pairs); `offset` an int or an array of ints. An offset that
    falls where a range was cut maps to the first character after that range.
    """
    import numpy as np

    ranges = _ranges(rows)
    lengths = np.array([e - s for s, e in ranges], dtype=np.int64)
    removed_before = np.concatenate([[0], np.cumsum(lengths)])
    clean_starts = np.array([s for s, _ in ranges], dtype=np.int64) - removed_before[:-1]
    count = np.searchsorted(clean_starts, offset, side="right")
    result = np.asarray(offset) + removed_before[count]
    return int(result) if np.ndim(result) == 0 else result


def span_to_original(rows: Any, start: int, end: int) -> tuple[int, int]:
    """Map a non-empty [start, end) span of `clean_text` to the original text."""
    return clean_to_original(rows, start), clean_to_original(rows, end - 1) + 1
