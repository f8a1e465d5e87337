"""One self-contained, offline HTML report per corpus, in three steps.

compute (`framing.score`, `framing.compare`) -> structure (`build.ReportData`,
also written as JSON) -> render (`render.render`, Jinja2 templates). `report()`
returns a lazy `Report`: nothing is computed until the page, the data or the
notebook display is asked for, and then only once.

    >>> import framing
    >>> framing.report(framing.load_corpus("nato-eastern-flank-2022")).save("reports/nato.html")
    PosixPath('reports/nato.html')
"""

from __future__ import annotations

import dataclasses
import html
import shlex
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from framing.comparison.pipeline import Comparison
    from framing.corpus.model import Corpus
    from framing.reporting.build import ReportData
    from framing.scoring.scores import Scores

__all__ = ["report", "Report"]


class Report:
    """A report on one corpus; `.save(path)` writes the page and `path + ".json"`."""

    def __init__(
        self,
        corpus: Corpus,
        *,
        lexicons: Any = None,
        targets: Any = None,
        title: str | None = None,
        timestamp: bool = False,
        max_articles: int = 200,
        command: Sequence[str] | None = None,
        scores: Scores | None = None,
        comparison: Comparison | None = None,
    ) -> None:
        from framing.errors import FramingError
        from framing.reporting.sections.provenance import default_command

        if int(max_articles) < 0:
            raise FramingError(f"max_articles={max_articles}: must be 0 or more")
        self.corpus, self.lexicons, self.targets = corpus, lexicons, targets
        self.title, self.timestamp, self.max_articles = title, bool(timestamp), int(max_articles)
        self.command = (
            list(command)
            if command
            else default_command(corpus, lexicons, targets, title, self.max_articles, self.timestamp)
        )
        self._scores, self._comparison = scores, comparison

    def _compute(self) -> tuple[Scores, Comparison]:
        from framing.reporting.compute import compute

        if self._scores is None or self._comparison is None:
            if self._scores is None:
                self._scores, self._comparison = compute(self.corpus, self.lexicons, self.targets)
            else:
                from framing.comparison.pipeline import compare

                self._comparison = compare(self.corpus, scores=self._scores)
        return self._scores, self._comparison

    @property
    def scores(self) -> Scores:
        return self._compute()[0]

    @property
    def comparison(self) -> Comparison:
        return self._compute()[1]

    def _parameters(self) -> dict[str, Any]:
        names = [str(getattr(lex, "name", lex)) for lex in self.lexicons] if self.lexicons else None
        targets = getattr(self.targets, "path", self.targets)
        return {
            "lexicons": ", ".join(names) if names else None,
            "targets": str(targets) if targets is not None else None,
            "title": self.title,
            "max_articles": self.max_articles,
            "timestamp": self.timestamp,
        }

    @cached_property
    def data(self) -> ReportData:
        """The `ReportData`: every section's numbers, tables and figures."""
        from framing.reporting.build import build

        scores, comparison = self._compute()
        return build(
            self.corpus,
            scores,
            comparison,
            title=self.title,
            max_articles=self.max_articles,
            command=self.command,
            parameters=self._parameters(),
            timestamp=self.timestamp,
        )

    def _data_for(self, path: str | None) -> ReportData:
        command = self.command + (["-o", str(path)] if path is not None else [])
        provenance = {**self.data.provenance, "command": shlex.join(command)}
        return dataclasses.replace(self.data, sections={**self.data.sections, "provenance": provenance})

    def render(self, path: str | None = None, *, embedded: bool = False) -> str:
        """The page as it would be saved at `path` (which appears in the re-run command)."""
        from framing.reporting.render import render

        json_name = Path(path).name + ".json" if path is not None else "the report's .json file"
        return render(self._data_for(path), json_name=json_name, embedded=embedded)

    @property
    def html(self) -> str:
        return self.render()

    @property
    def json(self) -> str:
        return self._data_for(None).to_json()

    def save(self, path: str | Path) -> Path:
        """Write the HTML page and its JSON twin atomically; return the page's path."""
        from framing.io import OutputSet

        target = Path(path)
        page = self.render(str(path))
        with OutputSet() as outputs:  # the page and its JSON appear together
            outputs.write_text(target.with_name(target.name + ".json"), self._data_for(str(path)).to_json())
            outputs.write_text(target, page)
        return target

    def _repr_html_(self) -> str:
        """The full page in an isolated iframe, so its styles cannot touch the notebook."""
        page = html.escape(self.render(embedded=True), quote=True)
        return (
            f'<iframe srcdoc="{page}" title="{html.escape(self.data.title)}" sandbox="allow-same-origin" '
            'style="width:100%;height:760px;border:1px solid #ccc"></iframe>'
        )

    def __repr__(self) -> str:
        return f"<Report on {getattr(self.corpus, 'name', '?')!r}: {len(self.corpus)} articles>"


def report(
    corpus: Corpus | pd.DataFrame | str,
    *,
    lexicons: Any = None,
    targets: Any = None,
    title: str | None = None,
    timestamp: bool = False,
    max_articles: int = 200,
    command: Sequence[str] | None = None,
    scores: Scores | None = None,
    comparison: Comparison | None = None,
) -> Report:
    """A lazily computed `Report` on `corpus` (a Corpus, a DataFrame of articles, a path or a bundled corpus name).

    `lexicons`: names/paths/Lexicon objects (default: the three built-ins);
    `targets`: a targets file or `Targets` (default: the corpus's own);
    `timestamp`: record the creation time (makes each run's bytes differ);
    `max_articles`: how many articles to show in full (the rest are counted);
    `scores`/`comparison`: reuse results you already have; `command`: the CLI
    arguments to print as the re-run command (the CLI passes its own).
    """
    from framing.corpus.inputs import as_corpus

    return Report(
        as_corpus(corpus),
        lexicons=lexicons,
        targets=targets,
        title=title,
        timestamp=timestamp,
        max_articles=max_articles,
        command=command,
        scores=scores,
        comparison=comparison,
    )
