"""Classroom worksheets: a 45-minute media-literacy lesson built from real coverage.

    >>> import framing
    >>> ws = framing.exercise("nato-eastern-flank-2022", sources=4)
    >>> ws.save("worksheet.html"); ws.save_key("key.html")
    PosixPath('worksheet.html')
    PosixPath('key.html')

The worksheet shows one article per outlet on one story, blinded as
"Source A, B, C ..." (outlet, bylines, bios, credits and any mention of the
outlet, its authors or its web domain removed), and five tasks built from the
tool's own scores and comparison. The answer key names the outlets, shows the
tool's evidence for every task and carries a one-page teacher's guide.

Flow: compute (score, compare) -> plain data (framing.exercise_model) ->
render (framing.exercise_render, Jinja2 templates).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.worksheets.model import WorksheetData

if TYPE_CHECKING:
    from framing.comparison.pipeline import Comparison
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores


def exercise(
    corpus: Any,
    *,
    sources: int | None = None,
    lexicons: Any = None,
    targets: Any = None,
    seed: int = 0,
    scores: Scores | None = None,
    comparison: Comparison | None = None,
) -> Worksheet:
    """Build a worksheet for `corpus` (a Corpus, a DataFrame of articles, a path or a bundled corpus name).

    `sources`: how many outlets to show (default: every outlet on the story, at
    most 6); `seed`: the blind order of the letters. Pass `scores` and
    `comparison` if you already computed them for this corpus.
    """
    import framing
    from framing.corpus.inputs import as_corpus

    corpus = as_corpus(corpus)
    if scores is None:
        scores = framing.score(corpus, lexicons=lexicons, targets=targets)
    if comparison is None:
        comparison = framing.compare(corpus, scores=scores)
    return Worksheet(build(corpus, scores, comparison, sources=sources, seed=seed))


def build(
    corpus: Corpus, scores: Scores, comparison: Comparison, *, sources: int | None = None, seed: int = 0
) -> WorksheetData:
    """The worksheet's plain data from a corpus, its scores and its comparison."""
    from framing.reporting.keywords import key_words
    from framing.worksheets import sources as src
    from framing.worksheets import tasks

    facts = src.facts_frame(comparison)
    chosen, how = src.choose_articles(corpus, comparison, facts, sources)
    letters = src.blind_order(chosen["doc_id"], seed)
    scrubber = src.corpus_scrubber(corpus, chosen)
    records: Iterable[Any] = chosen.itertuples(index=False)  # pandas-stubs types the fields as any scalar
    rows = sorted(records, key=lambda row: letters[row.doc_id])
    blind = tuple(src.make_source(row, letters[row.doc_id], scrubber) for row in rows)
    ctx = tasks.Context(blind, corpus.articles.set_index("doc_id"), scores, scrubber)
    lexicons = getattr(scores, "lexicons", None) or ()
    lexicons = tuple(lexicons.values()) if isinstance(lexicons, dict) else tuple(lexicons)
    same_fact = tasks.same_fact_task(ctx, facts)
    return WorksheetData(
        topic=scrubber.scrub(
            key_words(src.story_label(comparison, blind[0].doc_id), [str(row.clean_text) for row in rows], lexicons)
        ),
        corpus=str(corpus.name),
        seed=int(seed),
        sources=blind,
        passage=tasks.passage_task(ctx),
        same_fact=same_fact,
        stance=tasks.stance_task(ctx, scores),
        alike=tasks.alike_task(ctx, comparison),
        omission=tasks.omission_task(ctx, facts, exclude=same_fact.fact),
        lexicons=tuple(f"{lx.name} {getattr(lx, 'version', '')}".strip() for lx in lexicons),
        selection=how,
    )


class Worksheet:
    """A rendered worksheet and its answer key; displays inline in Jupyter."""

    def __init__(self, data: WorksheetData) -> None:
        self.data = data

    @cached_property
    def html(self) -> str:
        """The student worksheet as one self-contained HTML page."""
        from framing.worksheets.render import render_worksheet

        return render_worksheet(self.data)

    @cached_property
    def key_html(self) -> str:
        """The answer key and teacher's guide as one self-contained HTML page."""
        from framing.worksheets.render import render_key

        return render_key(self.data)

    def save(self, path: str | Path) -> Path:
        """Write the worksheet atomically; returns the path."""
        from framing.io import atomic_write_text

        return atomic_write_text(path, self.html)

    def save_key(self, path: str | Path) -> Path:
        """Write the answer key atomically; returns the path."""
        from framing.io import atomic_write_text

        return atomic_write_text(path, self.key_html)

    def _repr_html_(self) -> str:
        """The worksheet in an isolated iframe, so its print CSS cannot restyle the notebook."""
        from framing.worksheets.render import render_worksheet

        page = html.escape(render_worksheet(self.data, embedded=True), quote=True)
        return (
            f'<iframe title="framing worksheet" sandbox="allow-same-origin" '
            f'style="width:100%;height:640px;border:1px solid #ccc" srcdoc="{page}"></iframe>'
        )

    def __repr__(self) -> str:
        letters = ", ".join(self.data.letters)
        return f"<Worksheet {self.data.corpus!r}: sources {letters}; 5 tasks>"
