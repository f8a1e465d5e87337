"""Saved web pages (`.html`): article text and metadata extracted with trafilatura.

trafilatura works offline on the saved file: it drops navigation, ads and
comments and reads title, author, date, site name and canonical URL from the
page's own metadata. The outlet is the site name (`og:site_name`); a page
without one cannot be attributed, so it is an error naming the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from framing.corpus.readers.articles import is_article_name
from framing.corpus.readers.columns import stringify
from framing.corpus.readers.dates import parse_date
from framing.corpus.readers.decode import decode_bytes
from framing.errors import FramingError

HTML_SUFFIXES = (".html", ".htm")
_SITE_NAME = re.compile(
    r"<meta\s[^>]*property\s*=\s*[\"']og:site_name[\"'][^>]*content\s*=\s*[\"']([^\"']+)[\"']"
    r"|<meta\s[^>]*content\s*=\s*[\"']([^\"']+)[\"'][^>]*property\s*=\s*[\"']og:site_name[\"']",
    re.IGNORECASE,
)


def read_html_file(path: Path) -> dict[str, Any]:
    """One saved page -> a record with the standard article fields."""
    import trafilatura

    try:
        html = decode_bytes(path.read_bytes(), path)
    except OSError as exc:
        raise FramingError(f"{path}: cannot read ({exc.strerror}); check the path and permissions") from None
    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    fields = _as_dict(document)
    text = "\n\n".join(line.strip() for line in stringify(fields.get("text")).split("\n") if line.strip())
    if not text:
        raise FramingError(f"{path}: no article text found in the page; save the full article page, not an index page")
    outlet = stringify(fields.get("sitename")).strip() or _site_name(html)
    if not outlet:
        raise FramingError(
            f"{path}: the page names no outlet (no og:site_name); add "
            '<meta property="og:site_name" content="..."> or convert it to an article file with front matter'
        )
    date = parse_date(fields.get("date"))
    return {
        "doc_id": path.stem,
        "outlet": outlet,
        "title": stringify(fields.get("title")).strip(),
        "date": date if date is not None else parse_date(None),
        "author": stringify(fields.get("author")).strip(),
        "url": stringify(fields.get("url")).strip(),
        "text": text,
    }


def _as_dict(document: Any) -> dict[str, Any]:
    if document is None:
        return {}
    if isinstance(document, dict):
        return document
    result: dict[str, Any] = document.as_dict()
    return result


def _site_name(html: str) -> str:
    match = _SITE_NAME.search(html)
    if not match:
        return ""
    import html as htmllib

    return htmllib.unescape(match.group(1) or match.group(2)).strip()


def html_files(folder: Path) -> list[Path]:
    """Saved pages in a folder, sorted by name; skipped like article files (hidden, `_*`, README.*)."""
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in HTML_SUFFIXES and is_article_name(p)
    )
