"""Which column (or front-matter key) holds which part of an article."""

from __future__ import annotations

from dataclasses import dataclass

STANDARD = ("doc_id", "outlet", "title", "date", "author", "url", "text")
#: columns framing computes itself; a source column of that name (e.g. a re-loaded export) is ignored
COMPUTED = ("clean_text",)


@dataclass(frozen=True)
class Columns:
    """The user's column options; defaults match the documented formats."""

    id: str | None = None
    text: str = "text"
    outlet: str = "outlet"
    title: str = "title"
    date: str = "date"

    def explicit(self, role: str) -> bool:
        """True when the user chose a non-default name (so its absence is an error)."""
        result: bool = getattr(self, role) != getattr(Columns(), role)
        return result


def stringify(value: object) -> str:
    """Metadata values as plain text: lists joined, dates ISO, None empty."""
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(stringify(v) for v in value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)
