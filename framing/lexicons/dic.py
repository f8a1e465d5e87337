"""Import LIWC-style `.dic` dictionaries (LIWC, quanteda, Moral Foundations).

The format has no formal specification; this reader accepts what real files
contain and rejects what would silently change the meaning:

    %
    01	HarmVirtue          <- header: numeric code, whitespace, category name
    02	HarmVice
    %
    safe*	01              <- entries: term, then one or more codes
    kill	02
    peace keeping	01      <- a tab separates a multi-word term from its codes;
    war crime 02 05            without a tab, the trailing numeric fields are codes

Codes compare as numbers (`01` == `1`); a term may carry several codes on one
line or be repeated on several lines; blank lines, stray spaces and CRLF line
ends are fine. The format has no comment syntax (a leading `#` is a hashtag
term). LIWC's conditional codes (`like 02 134/125`) are not supported. Errors
name the file and line.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from framing.errors import FramingError
from framing.lexicons.entries import DEFAULT_FAMILY, Category, Entry, Lexicon, read_lexicon_file

# Okabe & Ito (2008) then Paul Tol's "muted" scheme: colour-blind-safe, in this order
PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#F0E442",
    "#000000",
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
)
CODE = re.compile(r"^\d+$")
CONDITIONAL = re.compile(r"\s\d+/\d+|\s\(\d+|<\w+>")  # LIWC 2007 `like 02 134/125(02 131)`


def read_dic(path: str | Path, *, name: str | None = None, description: str | None = None) -> Lexicon:
    """Read a `.dic` file into a `Lexicon` (sha256 of the file kept for provenance)."""
    path = Path(path)
    text, sha256 = read_lexicon_file(path, fallback_encoding="latin-1")  # older LIWC files are Latin-1
    return parse_dic(text, path=path, name=name, description=description, sha256=sha256)


def parse_dic(
    text: str,
    *,
    path: Path | None = None,
    name: str | None = None,
    description: str | None = None,
    sha256: str | None = None,
) -> Lexicon:
    where = str(path) if path else "<dic>"
    lines = text.splitlines()
    header, body_start = _header(lines, where)
    terms: dict[int, dict[str, int]] = {code: {} for code in header}
    for number in range(body_start, len(lines)):
        line = lines[number].strip()
        if not line:
            continue
        term, codes = _entry(line, f"{where}:{number + 1}")
        for code in codes:
            if code not in header:
                raise FramingError(
                    f"{where}:{number + 1}: unknown category code {code} for {term!r}; "
                    f"the header defines {', '.join(str(c) for c in header)}"
                )
            terms[code].setdefault(term, number + 1)
    categories: dict[str, Category] = {}
    for code, (cat_name, header_line) in header.items():
        if not terms[code]:
            raise FramingError(
                f"{where}:{header_line}: category {cat_name!r} (code {code}) has no entries; "
                "remove it from the header or add terms"
            )
        entries = tuple(Entry(term=t, weight=1.0, wildcard="*" in t, line=ln) for t, ln in terms[code].items())
        categories[cat_name] = Category(
            name=cat_name,
            description=f"{cat_name} (code {code} in {Path(where).name})",
            colour=PALETTE[len(categories) % len(PALETTE)],
            entries=entries,
        )
    stem = Path(where).stem if path else "dic"
    return Lexicon(
        name=name or stem,
        description=description or f"Imported from {Path(where).name}",
        version="1.0",
        source=f"LIWC-style dictionary {Path(where).name}",
        licence="unknown: check the licence of the original dictionary",
        path=path,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        categories=categories,
    )


def _header(lines: list[str], where: str) -> tuple[dict[int, tuple[str, int]], int]:
    """Parse the `%`-delimited header: {code: (category name, line number)}."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "%":
        at = (first or 0) + 1
        raise FramingError(
            f"{where}:{at}: missing the `%` header; a .dic file starts with a line `%`, "
            "then `code name` lines, then `%`"
        )
    header: dict[int, tuple[str, int]] = {}
    for number in range(first + 1, len(lines)):
        line = lines[number].strip()
        if line == "%":
            if not header:
                raise FramingError(f"{where}:{number + 1}: the header defines no categories")
            return header, number + 1
        if not line:
            continue
        parts = line.split(None, 1)
        if len(parts) != 2 or not CODE.match(parts[0]):
            raise FramingError(
                f"{where}:{number + 1}: malformed header line {line!r}; expected `code name`, e.g. `01 HarmVirtue` (or the closing `%` line is missing)"
            )
        code, cat_name = int(parts[0]), parts[1].strip()
        if code in header:
            raise FramingError(f"{where}:{number + 1}: code {code} is defined twice in the header")
        if any(cat_name == existing for existing, _ in header.values()):
            raise FramingError(f"{where}:{number + 1}: category name {cat_name!r} is used twice in the header")
        header[code] = (cat_name, number + 1)
    raise FramingError(f"{where}:{first + 1}: the `%` header is never closed; add a line `%` after the categories")


def _entry(line: str, where: str) -> tuple[str, list[int]]:
    """Split an entry line into its term and its numeric codes."""
    if CONDITIONAL.search(line):
        raise FramingError(
            f"{where}: malformed entry {line!r}: LIWC conditional codes are not supported; "
            "rewrite it as `term code ...`"
        )
    if "\t" in line:
        term, _, rest = line.partition("\t")
        fields = rest.split()
        if not fields or not all(CODE.match(f) for f in fields):
            raise FramingError(f"{where}: malformed entry {line!r}; after the term, give numeric category codes")
    else:
        words = line.split()
        split = len(words)
        while split > 0 and CODE.match(words[split - 1]):
            split -= 1
        term, fields = " ".join(words[:split]), words[split:]
    term = " ".join(term.split())
    if not term or not fields:
        raise FramingError(f"{where}: malformed entry {line!r}; expected `term code [code ...]`")
    return term, [int(f) for f in fields]


def lexicon_to_yaml(lexicon: Lexicon) -> str:
    """Our YAML format for a lexicon (imported or built): round-trips through load_lexicon."""
    import yaml

    data: dict[str, Any] = {
        "name": lexicon.name,
        "description": lexicon.description,
        "version": lexicon.version,
        "source": lexicon.source,
        "citation": lexicon.citation,
        "licence": lexicon.licence,
        **({"family": lexicon.family} if lexicon.family != DEFAULT_FAMILY else {}),
        "categories": {
            c.name: {
                "description": c.description,
                "colour": c.colour,
                **({"label": c.label} if c.label else {}),
                **(
                    {"pattern": c.pattern}
                    if c.pattern
                    else {
                        "entries": [
                            e.term if e.weight == 1.0 else {"term": e.term, "weight": e.weight} for e in c.entries
                        ]
                    }
                ),
            }
            for c in lexicon.categories.values()
        },
    }
    if lexicon.case_sensitive:
        data["case_sensitive"] = True
    if lexicon.contrasts:
        data["contrasts"] = [
            {"name": c.name, "positive": c.positive, "negative": c.negative, "description": c.description}
            for c in lexicon.contrasts
        ]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
