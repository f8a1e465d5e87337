"""Plain-text tables for `framing corpus info` (kept apart so the command stays thin)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from framing.corpus.model import Corpus

    Row = tuple[str, ...]

TITLE_WIDTH = 48
LINE_WIDTH = 90


def _short(text: object, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def article_rows(corpus: Corpus) -> tuple[Row, list[Row]]:
    """(header, rows) for the per-article summary."""
    from framing.text.tokenize import sentence_spans

    words = corpus.word_counts()
    removed = corpus.boilerplate["doc_id"].value_counts()
    header = ("doc_id", "outlet", "date", "title", "words", "sentences", "boilerplate")
    rows: list[Row] = []
    article: Any  # pandas-stubs types itertuples fields as any scalar
    for article in corpus.articles.itertuples(index=False):
        date = "" if article.date != article.date else article.date.strftime("%Y-%m-%d")
        rows.append(
            (
                article.doc_id,
                article.outlet,
                date,
                _short(article.title, TITLE_WIDTH),
                str(int(words[article.doc_id])),
                str(len(sentence_spans(article.clean_text))),
                str(int(removed.get(article.doc_id, 0))),
            )
        )
    return header, rows


def boilerplate_rows(corpus: Corpus) -> tuple[Row, list[Row]]:
    """(header, rows) listing each removed line with its reason."""
    header = ("doc_id", "reason", "removed line")
    lines: Any = corpus.boilerplate.itertuples(index=False)  # pandas-stubs types the fields as any scalar
    rows: list[Row] = [(b.doc_id, b.reason, _short(b.line, LINE_WIDTH)) for b in lines]
    if not rows:
        rows = [("-", "-", "no boilerplate lines found")]
    return header, rows


def reason_legend(corpus: Corpus) -> str:
    """What each reason used in this corpus means."""
    from framing.corpus.clean import REASONS

    return "\n".join(f"  {reason}: {REASONS[reason]}" for reason in sorted(set(corpus.boilerplate["reason"])))


def format_table(header: Row, rows: Sequence[Row]) -> str:
    """Left-aligned columns, numbers right-aligned, two spaces apart."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    numeric = [all(str(r[i]).isdigit() for r in rows) and rows for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [str(c).rjust(w) if num else str(c).ljust(w) for c, w, num in zip(row, widths, numeric)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
