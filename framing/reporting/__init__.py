"""Render: one self-contained, offline HTML report per corpus.

compute (`framing.score`, `framing.compare`) -> structure (`build.ReportData`,
also written as JSON) -> render (`render.render`, Jinja2 templates in
`templates/`). `report()` returns a lazy `Report`.
"""

from framing.reporting.document import Report, report

__all__ = ["report", "Report"]
